/**
 * The refresh patch: what a refresh changes in a workbook that already holds our sheets, as plain data that every
 * host applies as it finds it (Office.js in `src/excel/patch.ts`, the .xlsx part patcher on the file
 * route). The planner (`planPatch` in `patchPlan.ts`) compares what a host read with what the edition asks for;
 * an applier only translates.
 *
 * The rules the planner follows, so that an applier never has to decide anything:
 * - A patch never clears a sheet, never deletes or re-adds a table, never moves, sorts or deletes a row or column.
 * - Only product-owned cells are written: official cells whose value differs from the edition, product texts
 *   (title, legends, headers), the 核对 column, and product formulas where the cell is blank. A cell that holds a
 *   value where the product had a formula is an **override**: it is kept and reported, never written (except by
 *   the explicit "restore formulas" action).
 * - Inputs (实际值, 上年值, 备注, 支出数, 报告日期, the users' own columns and cells) are never written. The one
 *   exception is an explicit unit switch (万元 ↔ 亿元), which converts numeric 支出数 (reason `"unit"`).
 * - Rows for targets (or areas) new in the edition are appended directly below the table's last row; the table
 *   grows. Rows whose key left the edition stay where they are and are flagged in 核对.
 * - Columns a later product version adds (layout upgrades) are appended at the right of the table, after the
 *   users' own columns; no existing column moves.
 * - A refresh with nothing to change yields a patch with no changes at all (`summary.cellsWritten === 0`).
 *
 * Addresses are A1 text relative to the sheet, rows and columns 1-based, formulas without the leading "=".
 */
import type { RawCell } from "./cells";
import type { CellSpec, ChartSpec, ConditionalFormatSpec, Scalar, SheetSpec, StyleRun, WorkbookName } from "./model";

/**
 * Why a cell is written; the preview groups changes by it. These are the reasons of the kernel's own engines (the
 * cell diff, the keyed table); a product adds its own by declaration merging (`declare module` …
 * `interface ChangeReasons`; the product's are in src/sheets/changeReasons.ts), so the kernel names nothing of it.
 */
export interface ChangeReasons {
  /** An official cell (a figure or text of the source) differs from the source. Listed old → new. */
  official: true;
  /** A product text that is not a source figure: the title in A1, a legend, a column header. */
  label: true;
  /** A product formula written into a blank cell of a formula column (a cleared formula comes back). */
  formula: true;
  /** The check column's text changes: a row flagged (left the source, duplicate key, 手工覆盖) or a flag cleared. */
  check: true;
  /** An input converted by an explicit unit switch (万元 ↔ 亿元); shown in the preview before it is applied. */
  unit: true;
  /** "Restore formulas": a product formula written back over a value the user typed (an override). */
  restore: true;
  /** A product formula as an earlier version of the product wrote it, rewritten as this version writes it. */
  upgrade: true;
  /** A typed input moved into the blank cell that now holds it (实际值 into its month of the monthly sheet). */
  move: true;
  /** A cell of a row appended for a key new in the source. */
  appendRow: true;
  /** A cell of a column appended by a layout upgrade. */
  appendColumn: true;
  /** A cell of a block a layout upgrade adds to a sheet without inputs (汇总's trends), below what is there. */
  layout: true;
}

export type ChangeReason = keyof ChangeReasons;

/** One cell to write. */
export interface CellChange {
  readonly row: number;
  readonly column: number;
  /** A1 address of (row, column), e.g. "E12". */
  readonly address: string;
  /**
   * What to write: a constant (`value`, null = empty the cell) or a formula (`formula`, with the engine's
   * `result` to cache in files). `numFmt`, when given, is set on the cell; when absent the cell keeps its format.
   */
  readonly cell: CellSpec;
  /** What the cell held when read (absent for cells of appended rows and columns). */
  readonly before?: RawCell;
  readonly reason: ChangeReason;
  /** The row's key, for the preview: a target's 编号, an area's label, or undefined for sheet texts. */
  readonly rowKey?: string;
  /** The column's header key ("目标值", "支出数" …), for the preview; undefined for cells outside a table. */
  readonly columnKey?: string;
}

/**
 * A fresh cached result for a product formula that is not rewritten (its inputs or an official cell changed).
 * Files only: viewers that don't recalculate (WPS) show the cached value, which must equal what engines compute.
 * Office.js ignores these (Excel recalculates). Never counted as a cell written.
 */
export interface CachedResult {
  readonly address: string;
  readonly row: number;
  readonly column: number;
  readonly result: Scalar | null;
}

/**
 * A table that grows: rows appended below it, or columns appended at its right. `from` and `to` are the table's
 * ref (header row included) before and after the patch; the cells of the new rows/columns are in `changes`.
 *
 * Applier contract: the new rows are the rows `fromRef.bottom + 1 … toRef.bottom` (the new columns likewise at the
 * right). They take the formats of the table's last row (last column) before the patch — styles, number formats
 * where the change gives none — and every data-validation and conditional-format range that ends on that last row
 * (column) and lies within the table's columns (rows) is extended to the new edge, as Excel does when a table grows.
 * Office.js does this with `table.rows.add` / `table.columns.add`; a file applier extends `ref`, `autoFilter`,
 * `sqref`s and copies the `s` style index of the cell above (left).
 */
export interface TableGrowth {
  readonly table: string;
  readonly from: string;
  readonly to: string;
  /** Rows appended (0 when only columns grow). */
  readonly rowsAdded: number;
  /** Columns appended (0 when only rows grow); their headers are in `changes` with reason "appendColumn". */
  readonly columnsAdded: number;
  /**
   * True when a cell below the table (in the rows the new rows take, within the table's columns) holds something:
   * the applier must insert the rows (shifting those cells down, as Excel's `table.rows.add` does) rather than
   * write over them. Always false for columns (the planner appends columns only where the cells are empty).
   */
  readonly insertsRows: boolean;
}

/** A column appended at the right of a table by a layout upgrade, for the applier's widths. */
export interface ColumnAdded {
  readonly column: number;
  readonly header: string;
  /** Width in characters (Excel's column-width unit). */
  readonly width: number;
}

/**
 * A block that a layout upgrade adds to one of our sheets without inputs (汇总's trend tables and charts), in rows
 * below everything the sheet holds: its cells are in `changes` (reason "layout"); these are its formats, page
 * breaks and charts. Added once: a later refresh finds the block (by its title) and adds nothing, and a chart whose
 * name the sheet already has is not added again.
 */
export interface BlockAdded {
  /** What the preview calls it, e.g. 各月目标状态(项). */
  readonly title: string;
  /** First and last rows of the block. */
  readonly rows: readonly [number, number];
  readonly styles: readonly StyleRun[];
  readonly merges: readonly string[];
  /** Points, by 1-based row. */
  readonly rowHeights: readonly (readonly [number, number])[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly charts: readonly ChartSpec[];
  /** Printed pages break before these rows. */
  readonly rowBreaks: readonly number[];
}

/** One official cell updated in place, as the preview lists it. */
export interface OfficialUpdate {
  readonly sheet: string;
  readonly address: string;
  /** The 编号 (targets) or area label (预算执行) of the row, or undefined for a sheet text. */
  readonly rowKey?: string;
  readonly column?: string;
  readonly before: Scalar | null;
  readonly after: Scalar | null;
}

/** A value typed over a product formula: kept, and reported; 核对 says 手工覆盖 on 目标任务 and 预算执行. */
export interface OverrideKept {
  readonly sheet: string;
  readonly address: string;
  readonly rowKey?: string;
  readonly column?: string;
  readonly value: Scalar | null;
  /** The product formula the cell would hold (what "restore formulas" writes), without "=". */
  readonly formula: string;
}

/** A row whose key the edition no longer has (or a second row with the same key): kept in place, flagged. */
export interface RowFlagged {
  readonly sheet: string;
  readonly row: number;
  readonly rowKey: string;
  readonly flag: string;
}

/** A patch to one of our sheets that exists (possibly renamed). */
export interface SheetPatch {
  readonly kind: "patch";
  readonly key: string;
  /** The sheet's current name (a renamed product sheet keeps its new name). */
  readonly name: string;
  /** Every cell to write, in row-major order; empty when the sheet is up to date. */
  readonly changes: readonly CellChange[];
  readonly results: readonly CachedResult[];
  readonly tables: readonly TableGrowth[];
  readonly columnsAdded: readonly ColumnAdded[];
  /** Blocks a layout upgrade adds (absent or empty: none). */
  readonly blocks?: readonly BlockAdded[];
}

/** A sheet that does not exist yet (or whose name is taken by a foreign sheet: then under an alternative name). */
export interface SheetCreate {
  readonly kind: "create";
  readonly key: string;
  readonly name: string;
  /** The full sheet, as a fresh generation writes it (mode "create"). */
  readonly spec: SheetSpec;
}

/** A sheet not written, and why (a foreign sheet holds our name; 汇总 without its dependencies …). */
export interface SheetSkip {
  readonly kind: "skip";
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

/** The preview: what the patch changes, in the figures the pane and the CLI show before applying. */
export interface PatchSummary {
  /** Cells written by the patch, all sheets (appended rows and created sheets included). 0 = nothing to change. */
  readonly cellsWritten: number;
  readonly officialUpdates: readonly OfficialUpdate[];
  readonly rowsAppended: readonly { readonly sheet: string; readonly rowKey: string; readonly row: number }[];
  readonly rowsFlagged: readonly RowFlagged[];
  readonly overridesKept: readonly OverrideKept[];
  /** Overrides written back ("restore formulas" only). */
  readonly formulasRestored: number;
  /** Blank formula cells filled with the product formula. */
  readonly formulasFilled: number;
  /** Product formulas of an earlier layout (layout upgrade) rewritten with this version's. */
  readonly formulasUpgraded: number;
  /** Typed 实际值 / 支出数 moved into their month on the monthly sheets (the cell then follows by formula). */
  readonly valuesMoved?: number;
  readonly columnsAppended: readonly { readonly sheet: string; readonly header: string }[];
  /** Blocks a layout upgrade adds to a sheet (汇总's trends), with the charts they bring. */
  readonly blocksAdded?: readonly { readonly sheet: string; readonly title: string; readonly charts: number }[];
  readonly sheetsCreated: readonly string[];
  readonly sheetsSkipped: readonly { readonly sheet: string; readonly reason: string }[];
  /** Explicit unit switch of 预算执行, when asked for and different from the sheet's unit. */
  readonly unitSwitch?: { readonly from: string; readonly to: string; readonly converted: number };
  /** Inputs found on our sheets (never written): what a refresh keeps. */
  readonly inputsKept: number;
}

/**
 * A summary of a patch that only writes cells (a carry-over, a returns merge): the given fields, nothing else done.
 * @example patchSummary({ cellsWritten: 3 }).rowsAppended // []
 */
export function patchSummary(fields: Partial<PatchSummary> = {}): PatchSummary {
  return {
    cellsWritten: 0,
    officialUpdates: [],
    rowsAppended: [],
    rowsFlagged: [],
    overridesKept: [],
    formulasRestored: 0,
    formulasFilled: 0,
    formulasUpgraded: 0,
    columnsAppended: [],
    sheetsCreated: [],
    sheetsSkipped: [],
    inputsKept: 0,
    ...fields,
  };
}

export interface WorkbookPatch {
  readonly editionId: string;
  readonly generatedAt: string;
  readonly sheets: readonly (SheetPatch | SheetCreate)[];
  readonly skipped: readonly SheetSkip[];
  /**
   * Names to (re)write, each replacing a workbook-scoped name of the same name: the product's markers whose text
   * changes and its reference names that are missing or point elsewhere (a no-op refresh writes none).
   */
  readonly names: readonly WorkbookName[];
  readonly summary: PatchSummary;
}

/** True when applying the patch would change nothing in the workbook (cells, tables, names). */
export function isEmptyPatch(patch: WorkbookPatch): boolean {
  return patch.summary.cellsWritten === 0 && patch.names.length === 0;
}
