import fc from "fast-check";
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import {
  planPatch,
  relocateFormula,
  hasContent,
  targetColumns,
  targetCol,
  type RawCell,
  type SheetPatch,
} from "../../src/sheets";
import { readBackCreated, sheetsOf } from "./support/readBack";
import { sameScalar } from "../../src/workbook/same";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;
const fresh = planPatch(data, { sheetNames: [], definedNames: [] }, { now: NOW });

const INPUTS = ["实际值", "上年值", "备注"] as const;
const input = fc.oneof(
  fc.constant(null),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
);

describe("refresh properties", () => {
  it("any permutation of the rows and any inputs: every input stays with its 编号 (a typed 实际值 moved into its month on 月度填报), and no input cell is written", () => {
    const targets = data.targets.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          Array.from({ length: targets }, (_, i) => i),
          { minLength: targets, maxLength: targets },
        ),
        fc.array(fc.tuple(fc.nat(targets - 1), fc.constantFrom(...INPUTS), input), { maxLength: 40 }),
        (order, typed) => {
          const { snapshot, grids } = readBackCreated(fresh);
          const grid = grids.get("目标任务") as RawCell[][];
          const first = 4; // 0-based index of the first data row (row 5)
          const rows = grid.slice(first, first + targets);
          // As a sort does: rows move, and their formulas' same-row references follow them.
          const permuted = order.map((i, to) =>
            (rows[i] as RawCell[]).map((c) =>
              c.formula === undefined
                ? c
                : {
                    ...c,
                    formula: relocateFormula(
                      c.formula,
                      (r) => (r === first + 1 + i ? first + 1 + to : r),
                      (x) => x,
                    ),
                  },
            ),
          );
          grid.splice(first, targets, ...permuted);
          const expected = new Map<string, Record<string, unknown>>();
          for (const [i, column, value] of typed) {
            const row = grid[first + i] as RawCell[];
            row[targetCol(column) - 1] = { value };
          }
          for (let i = 0; i < targets; i++) {
            const row = grid[first + i] as RawCell[];
            const id = String(row[0]?.value);
            expected.set(id, Object.fromEntries(INPUTS.map((k) => [k, row[targetCol(k) - 1]?.value ?? null])));
          }
          const sheets = sheetsOf(grids);
          const patch = planPatch(data, { ...snapshot, sheets }, { now: NOW });
          const targetsPatch = patch.sheets.find((s) => s.key === "目标任务") as SheetPatch;
          // 实际值 follows 月度填报 in this workbook: not an input any more, only 上年值 and 备注 are.
          const inputColumns = new Set(
            targetColumns(true)
              .filter((c) => c.role === "input")
              .map((c) => targetCol(c.key)),
          );
          expect(inputColumns.has(targetCol("实际值"))).toBe(false);
          expect(targetsPatch.changes.filter((c) => inputColumns.has(c.column))).toEqual([]);
          // A typed 实际值 is taken over by the formula only where it moved, as typed, into its month (7月).
          const monthlyPatch = patch.sheets.find((s) => s.key === "月度填报") as SheetPatch;
          const moved = new Map(monthlyPatch.changes.filter((c) => c.reason === "move").map((c) => [c.rowKey, c]));
          for (const c of targetsPatch.changes.filter((x) => x.column === targetCol("实际值") && x.before)) {
            expect([c.rowKey, c.reason]).toEqual([c.rowKey, "upgrade"]);
            expect([c.rowKey, moved.get(c.rowKey)?.cell.value]).toEqual([c.rowKey, c.before?.value]);
            expect(moved.get(c.rowKey)?.columnKey).toBe("7月");
          }
          expect(targetsPatch.changes.filter((c) => c.column === 1)).toEqual([]);
          // Applying the patch to the grid: the inputs are read back by 编号 exactly as typed.
          for (const change of targetsPatch.changes) {
            const row = (grid[change.row - 1] ??= []);
            row[change.column - 1] = change.cell.formula
              ? { value: null, formula: `=${change.cell.formula}` }
              : { value: change.cell.value ?? null };
          }
          let cleared = 0;
          for (let i = 0; i < targets; i++) {
            const row = grid[first + i] as RawCell[];
            const id = String(row[0]?.value);
            const want = expected.get(id) as Record<string, unknown>;
            const actual = row[targetCol("实际值") - 1];
            const got: Record<string, unknown> = Object.fromEntries(
              INPUTS.map((k) => [k, row[targetCol(k) - 1]?.value ?? null]),
            );
            // 实际值 now holds the formula; what was typed there lives in 月度填报's 7月 (报告日期 2025-07-01).
            if (actual?.formula !== undefined) {
              const move = moved.get(id);
              if (move === undefined) {
                // Nothing typed (or only blanks) in 实际值: the formula is back, nothing was there to keep.
                expect([id, hasContent({ value: want.实际值 as never })]).toEqual([id, false]);
                cleared++;
              } else expect([id, sameScalar(move.cell.value, want.实际值 as never)]).toEqual([id, true]);
              got.实际值 = want.实际值;
            }
            expect([id, got]).toEqual([id, want]);
          }
          // The product's formulas were relocated with the rows: nothing to rewrite, no override but a 实际值 that is
          // no figure (text, TRUE): no month shows a number, so the formula would show nothing — kept where it was
          // typed (手工覆盖); 实际值 cleared (a blank typed over the formula) gets its formula back.
          expect(
            patch.summary.overridesKept.filter((o) => o.column !== "实际值" || typeof o.value === "number"),
          ).toEqual([]);
          expect(patch.summary.formulasFilled).toBeLessThanOrEqual(cleared);
        },
      ),
      { numRuns: 25 },
    );
  });
});
