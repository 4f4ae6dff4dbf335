import type { CellSpec, ColumnDef, Scalar, SheetSpec } from "./model";
import type { RawCell } from "./cells";
import type { ExistingSheet, TableRef } from "./snapshot";
import type { SummaryCollector } from "./summary";

/**
 * The keyed-table patch: a table whose rows are found by a key (an id, a label) wherever the user moved them.
 * Official cells and product formulas are brought up to date where the row is, inputs and the user's own columns
 * are never written, rows whose key left the source are flagged, keys new in it are appended below the table, and
 * columns a later layout adds are appended at its right. The product says what the table is; this knows tables.
 */
export interface KeyedTable<K extends string> {
  readonly key: string;
  readonly tableName: string;
  readonly columns: readonly ColumnDef<K>[];
  readonly keyColumn: K;
  /** Columns whose presence identifies the header row. */
  readonly headerProbe: readonly string[];
  /** The edition's key of a row's key cell, or undefined when the edition has none. */
  readonly canonical: (value: unknown) => string | undefined;
  /** Edition keys in edition order (fresh rows below the header: headerRow + 1, headerRow + 2 …). */
  readonly order: readonly string[];
  readonly orphanFlag: string;
  readonly duplicateFlag: string;
  /** Whether the key cell itself is official text to bring up to date (an area's label), or the user's key (编号). */
  readonly rewriteKey: boolean;
  /** The results of the row's formula columns, from the row's inputs as they are. */
  readonly results: (key: string, input: (column: K) => RawCell | undefined) => Partial<Record<K, Scalar>>;
  /** An input rewritten by an explicit choice (unit switch); undefined when the input is not written. */
  readonly convert?: (column: K, cell: RawCell | undefined) => CellSpec | undefined;
  /** Leave the fresh sheet's rows above the header unwritten (their layout no longer lines up; see monitorPatch). */
  readonly skipAbove?: boolean;
  /**
   * A value typed into a formula column that the formula takes over instead of keeping it as an override: the
   * value lives elsewhere now and the formula shows it (a typed 实际值 equal to 月度填报's 本期数).
   */
  readonly adopt?: (key: string, column: K, have: RawCell) => boolean;
  /** A value moved into a blank input cell of a row (a typed 实际值 into its month); undefined: none. */
  readonly seed?: (key: string, column: K) => CellSpec | undefined;
  /**
   * The part of a row's check text that another product action wrote and a refresh cannot compute again (where an
   * input came from): kept after the refresh's own flags, "" when there is none or it no longer holds.
   */
  readonly keepCheck?: (have: string, input: (column: K) => RawCell | undefined) => string;
  // ---- the product's layout, the same for every table of a workbook -------------------------------------
  /** Row of the table's header on a fresh sheet (绩效监控 has a block above its table). */
  readonly headerRow: number;
  /** A header cell's key: its text as the product compares it (normalized, without a unit in parentheses). */
  readonly headerKey: (text: unknown) => string;
  /** Whether A1 holds the product's title (else a user's text there is kept). */
  readonly isOurTitle: (a1: unknown) => boolean;
  /** The input cell above the table that a fresh sheet writes as a constant (a report date): never written. */
  readonly dateCell: string;
  /** The column of the row's check text (flags, overrides). */
  readonly checkColumn: K;
  /** The check text's prefix for a row whose formula cells the user typed over. */
  readonly overrideNote: string;
  /** Texts an earlier version of the product wrote for a formula (rewritten as this version writes it). */
  readonly earlierFormulas: (formula: string) => readonly string[];
}

/** The sheet a keyed table is patched on: as a fresh generation writes it, and as the host read it. */
export interface KeyedSheet {
  readonly fresh: SheetSpec;
  readonly existing: ExistingSheet;
  /** The workbook's tables on this sheet (as the host listed them). */
  readonly tables: readonly TableRef[];
  /** The explicit "restore formulas" action: product formulas written back over typed values. */
  readonly restore: boolean;
  readonly sum: SummaryCollector;
}
