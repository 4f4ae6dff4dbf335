import type { RawCell } from "./cells";

/** One of our sheets as a host read it: every cell of the used range, from A1. */
export interface ExistingSheet {
  readonly name: string;
  readonly cells: readonly (readonly RawCell[])[];
}

/** A table of the workbook as a host lists it: its name, the sheet it is on, and (when read) its ref. */
export interface TableRef {
  readonly name: string;
  readonly sheet: string;
  /** Header row included, e.g. "A4:P117"; absent when the host listed names only. */
  readonly ref?: string;
}

/**
 * What a host knows of a workbook before writing: sheet names, workbook-scoped names, tables, and our sheets'
 * cells. `definedNames[].value` is a string constant's text (with or without its quotes) or a reference's formula
 * text (`='目标任务'!$A$1`, `目标任务!$A$1`, `#REF!$A$1` …), as Office.js and the file's workbook.xml give them.
 */
export interface WorkbookSnapshot {
  readonly sheetNames: readonly string[];
  readonly definedNames: readonly { readonly name: string; readonly value: unknown }[];
  /** The workbook's tables (Office.js `workbook.tables`, the file's table parts); absent when not listed. */
  readonly tables?: readonly TableRef[];
  /** Charts on our sheets by name (Office.js `worksheet.charts`, the file's drawings); absent when not listed. */
  readonly charts?: readonly { readonly name: string; readonly sheet: string }[];
  /**
   * Contents of the sheets `sheetsToRead` asked for, every cell of the used range from A1 with values and
   * formulas (formulas with their leading "="); absent before they are read.
   */
  readonly sheets?: ReadonlyMap<string, ExistingSheet>;
}

/**
 * The 0-based row whose headers include every `required` key, among the first `within` rows; `headerKey` is how
 * the product reads a header cell (normalized text, without a unit in parentheses).
 */
export function findHeaderRow(
  sheet: ExistingSheet,
  required: readonly string[],
  headerKey: (text: unknown) => string,
  within = 30,
): number | undefined {
  const limit = Math.min(sheet.cells.length, within);
  for (let r = 0; r < limit; r++) {
    const keys = (sheet.cells[r] ?? []).map((c) => headerKey(c?.value));
    if (required.every((k) => keys.includes(k))) return r;
  }
  return undefined;
}
