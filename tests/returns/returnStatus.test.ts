/**
 * The live status on a unit's return says what 目标任务 will say of the same figure: "met" is the engine's isMet,
 * a 左右 target included (3.12%左右 is met by 3.0%, within ±5 %), in the cached result and in the formula.
 */
import { fromExcelValue, isMet, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { Target } from "../../src/policy/types";
import type { ReturnRowContent } from "../../src/returns";
import { statusFormula, statusResult } from "../../src/sheets/returnStatus";

const edition = getEdition("yueqing-2025")!;
const row = (target: Target, current: number | null): ReturnRowContent => ({
  target,
  area: "",
  article: "",
  reported: [],
  current,
  texts: {},
  monitored: false,
});

describe("a return's live status", () => {
  const around = edition.targets.find((t) => t.comparator === "~" && t.value !== null)!;

  it("counts a 左右 figure within ±5 % as 已完成, as the workbook does", () => {
    const goal = toExcelValue(around, around.value!);
    expect(statusResult(row(around, goal * 0.96), 7)).toBe("已完成");
    expect(statusResult(row(around, goal * 1.04), 7)).toBe("已完成");
    expect(statusResult(row(around, goal * 0.9), 7)).not.toBe("已完成");
    expect(statusFormula(row(around, null), "H6", 7)).toContain(`ABS(H6-${goal})<=0.05*ABS(${goal})`);
  });

  it("says 已完成 exactly where the engine's isMet does, for every target with a figure at 0.5×–1.5× its goal", () => {
    let compared = 0;
    for (const t of edition.targets) {
      if (t.value === null || t.comparator === "increase" || t.comparator === "decrease") continue;
      for (const k of [0.5, 0.9, 0.95, 1, 1.05, 1.1, 1.5]) {
        const v = toExcelValue(t, t.value) * k;
        const met = isMet(t, fromExcelValue(t, v)) === true;
        expect([t.id, k, statusResult(row(t, v), 7) === "已完成"]).toEqual([t.id, k, met]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
