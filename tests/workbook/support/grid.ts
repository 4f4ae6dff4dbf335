import { HEADER_ROW } from "../../../src/sheets/layout";

/** Column index (0-based) of a header on a grid's header row, matched on the text before any "(unit)". */
export function columnOf(grid: readonly (readonly unknown[])[], header: string, headerRow = HEADER_ROW): number {
  const row = grid[headerRow - 1] ?? [];
  const i = row.findIndex((v) => typeof v === "string" && v.replace(/\(.*\)$/, "") === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

/** Row index (0-based) whose column `header` holds `value`. */
export function rowOf(
  grid: readonly (readonly unknown[])[],
  header: string,
  value: unknown,
  headerRow = HEADER_ROW,
): number {
  const c = columnOf(grid, header, headerRow);
  const r = grid.findIndex((row, i) => i >= headerRow && row[c] === value);
  if (r < 0) throw new Error(`no row with ${header}=${String(value)}`);
  return r;
}
