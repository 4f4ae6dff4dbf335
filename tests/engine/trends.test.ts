import fc from "fast-check";
import { monthEndProgress, monthlyExecution, STATUSES, statusCountsByMonth } from "../../src/engine";

describe("monthlyExecution", () => {
  it("sums the areas' 1–N月 figures, divides by the budget, and has no rate for a month nobody reported", () => {
    const out = monthlyExecution(2025, 100, [[10, 25], [20]]);
    expect(out).toHaveLength(12);
    expect(out[0]).toMatchObject({ month: 1, spent: 30, rate: 0.3 });
    expect(out[0]?.progress).toBeCloseTo(1 / 12, 12);
    expect(out[0]?.pace).toBeCloseTo((0.3 - 1 / 12) * 100, 9);
    expect(out[1]).toMatchObject({ month: 2, spent: 25, rate: 0.25 });
    expect(out[2]).toMatchObject({ month: 3, spent: 0, rate: null, pace: null });
    expect(out[11]?.progress).toBe(1);
  });

  it("has no rate against a zero budget (执行率 is undefined there, not 0)", () => {
    expect(monthlyExecution(2025, 0, [[5]])[0]?.rate).toBeNull();
  });

  it("property: the rate is the sum over the budget, and 序时进度 is the month's end", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 12 }), {
          maxLength: 8,
        }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (areas, budget) => {
          monthlyExecution(2025, budget, areas).forEach((x, i) => {
            const nums = areas.map((a) => a[i]).filter((v): v is number => typeof v === "number");
            expect(x.progress).toBe(monthEndProgress(2025, i + 1));
            if (nums.length === 0) expect(x.rate).toBeNull();
            else expect(x.rate).toBeCloseTo(nums.reduce((s, v) => s + v, 0) / budget, 9);
          });
        },
      ),
    );
  });
});

describe("statusCountsByMonth", () => {
  it("counts each status per month and leaves out what is not a status", () => {
    const counts = statusCountsByMonth([
      ["达进度", "欠进度", "应填数字"],
      ["未填报", "欠进度", "已完成"],
    ]);
    expect(counts.欠进度.slice(0, 3)).toEqual([0, 2, 0]);
    expect(counts.达进度[0]).toBe(1);
    expect(counts.已完成[2]).toBe(1);
    expect(counts.未完成).toEqual(Array(12).fill(0));
  });

  it("property: each month's counts add up to the rows that hold a status that month", () => {
    const cell = fc.oneof(fc.constantFrom(...STATUSES), fc.constant("—"), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 12, maxLength: 12 })), (rows) => {
        const counts = statusCountsByMonth(rows);
        for (let m = 0; m < 12; m++) {
          const total = STATUSES.reduce((n, s) => n + (counts[s][m] ?? 0), 0);
          expect(total).toBe(rows.filter((r) => (STATUSES as readonly unknown[]).includes(r[m])).length);
        }
      }),
    );
  });
});
