import type { ExistingSheet, RawCell, SheetCreate, WorkbookPatch, WorkbookSnapshot } from "../../../src/sheets";
import type { CellSpec } from "../../../src/workbook/model";

/** A cell as a host reads it back: a formula with its cached result, or a value. */
function readCell(c: CellSpec | undefined): RawCell {
  if (c === undefined) return { value: null };
  return c.formula !== undefined ? { value: c.result ?? null, formula: `=${c.formula}` } : { value: c.value ?? null };
}

/**
 * A workbook as a host reads it back after applying a patch made only of created sheets: its snapshot (names,
 * tables, sheets) and each sheet's grid, which a test edits as a user would before planning the next patch.
 */
export function readBackCreated(patch: WorkbookPatch): {
  snapshot: WorkbookSnapshot;
  grids: Map<string, RawCell[][]>;
} {
  const grids = new Map<string, RawCell[][]>();
  const tables: { name: string; sheet: string; ref: string }[] = [];
  for (const s of patch.sheets as SheetCreate[]) {
    grids.set(
      s.name,
      s.spec.cells.map((row) => row.map(readCell)),
    );
    for (const t of s.spec.tables) tables.push({ name: t.name, sheet: s.name, ref: t.ref });
  }
  const definedNames = patch.names.map((n) => ({ name: n.name, value: `=${n.formula}` }));
  return { snapshot: { sheetNames: [...grids.keys()], definedNames, tables, sheets: sheetsOf(grids) }, grids };
}

/** The sheets of edited grids, as the next refresh reads them. */
export function sheetsOf(grids: ReadonlyMap<string, RawCell[][]>): Map<string, ExistingSheet> {
  return new Map([...grids].map(([name, cells]) => [name, { name, cells }]));
}
