import fc from "fast-check";
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import {
  planPatch,
  relocateFormula,
  TARGET_COLUMNS,
  targetCol,
  type ExistingSheet,
  type RawCell,
  type SheetCreate,
  type SheetPatch,
  type WorkbookSnapshot,
} from "../../src/template/spec";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;
const fresh = planPatch(data, { sheetNames: [], definedNames: [] }, { now: NOW });

/** The generated workbook as a host reads it back. */
function readBack(): { snapshot: WorkbookSnapshot; grids: Map<string, RawCell[][]> } {
  const grids = new Map<string, RawCell[][]>();
  const tables: { name: string; sheet: string; ref: string }[] = [];
  for (const s of fresh.sheets as SheetCreate[]) {
    grids.set(
      s.name,
      s.spec.cells.map((row) =>
        row.map((c) =>
          c === undefined
            ? { value: null }
            : c.formula !== undefined
              ? { value: c.result ?? null, formula: `=${c.formula}` }
              : { value: c.value ?? null },
        ),
      ),
    );
    for (const t of s.spec.tables) tables.push({ name: t.name, sheet: s.name, ref: t.ref });
  }
  const definedNames = [
    ...fresh.markers.map((m) => ({ name: m.name, value: m.text })),
    ...fresh.references.map((r) => ({ name: r.name, value: `='${r.sheet}'!${r.cell}` })),
  ];
  return { snapshot: { sheetNames: [...grids.keys()], definedNames, tables }, grids };
}

const INPUTS = ["实际值", "上年值", "备注"] as const;
const input = fc.oneof(
  fc.constant(null),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
);

describe("refresh properties", () => {
  it("any permutation of the rows and any inputs: every input stays with its 编号, and no input cell is written", () => {
    const targets = data.targets.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          Array.from({ length: targets }, (_, i) => i),
          { minLength: targets, maxLength: targets },
        ),
        fc.array(fc.tuple(fc.nat(targets - 1), fc.constantFrom(...INPUTS), input), { maxLength: 40 }),
        (order, typed) => {
          const { snapshot, grids } = readBack();
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
          const sheets = new Map<string, ExistingSheet>([...grids].map(([name, cells]) => [name, { name, cells }]));
          const patch = planPatch(data, { ...snapshot, sheets }, { now: NOW });
          const targetsPatch = patch.sheets.find((s) => s.key === "目标任务") as SheetPatch;
          const inputColumns = new Set(TARGET_COLUMNS.filter((c) => c.role === "input").map((c) => targetCol(c.key)));
          expect(targetsPatch.changes.filter((c) => inputColumns.has(c.column))).toEqual([]);
          expect(targetsPatch.changes.filter((c) => c.column === 1)).toEqual([]);
          // Applying the patch to the grid: the inputs are read back by 编号 exactly as typed.
          for (const change of targetsPatch.changes) {
            const row = (grid[change.row - 1] ??= []);
            row[change.column - 1] = change.cell.formula
              ? { value: null, formula: `=${change.cell.formula}` }
              : { value: change.cell.value ?? null };
          }
          for (let i = 0; i < targets; i++) {
            const row = grid[first + i] as RawCell[];
            const id = String(row[0]?.value);
            expect(Object.fromEntries(INPUTS.map((k) => [k, row[targetCol(k) - 1]?.value ?? null]))).toEqual(
              expected.get(id),
            );
          }
          // The product's formulas were relocated with the rows: nothing to rewrite, no override.
          expect(patch.summary.overridesKept).toEqual([]);
          expect(patch.summary.formulasFilled).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});
