/**
 * The declarative workbook spec: plain typed data that both writers (Office.js and the file writer) apply as they
 * find it.
 * The builder decides every value, formula, format and feature; a writer only translates.
 *
 * Conventions: addresses are A1 text relative to the sheet; formulas are written without the leading "=";
 * colours are "#RRGGBB"; widths are in characters (Excel's column-width unit) and heights in points.
 */

export type Scalar = string | number | boolean;

/** The cached result of a formula that returns NA(): a gap in a chart's line (a "" would be plotted as 0). */
export const NA_RESULT = "#N/A";

export interface CellSpec {
  /** A constant; ignored when `formula` is set. */
  readonly value?: Scalar | null;
  /** A formula without "=", using classic functions only. */
  readonly formula?: string;
  /**
   * The formula's result as the engine computes it, cached in the file for viewers that don't recalculate (WPS).
   * {@link NA_RESULT} is cached as the error value #N/A (what NA() returns), not as text.
   */
  readonly result?: Scalar | null;
  readonly numFmt?: string;
}

export interface CellStyle {
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
  readonly size?: number;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "center" | "bottom";
  readonly wrap?: boolean;
  /** Stacked (vertical) text, as Chinese column headers are often set. */
  readonly vertical?: boolean;
  /** Thin borders on every edge of every cell of the range. */
  readonly border?: boolean;
}

export interface StyleRun {
  readonly ref: string;
  readonly style: CellStyle;
}

export interface TableSpec {
  /** Workbook-unique, ASCII (LibreOffice and older Excel accept it everywhere). */
  readonly name: string;
  /** Header row included. */
  readonly ref: string;
  readonly style: string;
}

export type ValidationSpec =
  | {
      readonly ref: string;
      readonly type: "decimal";
      readonly min: number;
      readonly max: number;
      readonly title: string;
      readonly message: string;
    }
  | {
      readonly ref: string;
      readonly type: "date";
      /** Excel serials. */
      readonly min: number;
      readonly max: number;
      readonly title: string;
      readonly message: string;
    }
  | {
      readonly ref: string;
      /** A drop-down of fixed answers (the official form's 确定能 / 有可能 / 完全不可能); other text is refused. */
      readonly type: "list";
      readonly items: readonly string[];
      readonly title: string;
      readonly message: string;
    };

export interface ConditionalFormatSpec {
  readonly ref: string;
  /** Written for the top-left cell of `ref`, relative references move with each cell; no leading "=". */
  readonly formula: string;
  readonly style: {
    readonly fill?: string;
    readonly color?: string;
    readonly bold?: boolean;
    readonly italic?: boolean;
  };
}

export interface ChartSeriesSpec {
  /** Header cell holding the series name. */
  readonly nameRef: string;
  readonly name: string;
  /** Values column (data rows only). */
  readonly valuesRef: string;
  /** Cached values, one per category; null where the cell holds no number (a gap in a line). */
  readonly values: readonly (number | null)[];
  readonly color: string;
}

export interface ChartSpec {
  readonly name: string;
  readonly title: string;
  /** Bars run across (categories down the side), columns and lines up (categories along the bottom). */
  readonly kind: "barStacked" | "barClustered" | "columnStacked" | "line";
  /** Header row + category column + series columns, contiguous: what Office.js `charts.add` takes. */
  readonly sourceRef: string;
  /** Category cells (data rows only). */
  readonly categoriesRef: string;
  readonly categories: readonly string[];
  /**
   * Lines: the number format that writes the n-th category from its position n (0"月" → 1月…12月) — the file draws
   * lines over positions 1…n (see xlsx/package.ts chartXml).
   */
  readonly categoryFormat?: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
  readonly axisTitle?: string;
  /** Number format of the value axis (default "#,##0"), e.g. "0%" for rates. */
  readonly valueFormat?: string;
}

interface PrintBase {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /** Inches; default the workbook's (PRINT_MARGINS in sheetBuilder.ts). */
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  /** Rows repeated at the top of every printed page, e.g. [4, 4]. */
  readonly titleRows?: readonly [number, number];
  /** Columns repeated at the left of every printed page (the identity columns), e.g. [1, 3] for A:C. */
  readonly titleColumns?: readonly [number, number];
  readonly footer: string;
}

/**
 * How a sheet prints: shrunk until every column fits one page width (`fitToWidth`, pages down automatic), or at a
 * fixed `scale` (percent) with the columns split into page-wide blocks by the sheet's `columnBreaks` — a wide
 * sheet read on paper at a normal type size. Excel ignores manual breaks under fit-to-page, hence one or the other.
 */
export type PrintSpec = PrintBase &
  (
    { readonly fitToWidth: 1; readonly scale?: undefined } | { readonly scale: number; readonly fitToWidth?: undefined }
  );

/** What a writer needs to write a sheet: a {@link SheetSpec} without its place among our sheets. */
export type SheetContent = Omit<SheetSpec, "key">;

/**
 * A sheet of the given cells and nothing else unless `overrides` says so: no widths, heights, styles, merges,
 * tables, validations, conditional formats, charts, frozen panes or page breaks; printed on A4 portrait, fitted to
 * the page width, without a footer.
 * @example plainSheet("Notes", [[{ value: "a" }]], { columnWidths: [24] }).print.orientation // "portrait"
 */
export function plainSheet(
  name: string,
  cells: SheetContent["cells"],
  overrides: Partial<Omit<SheetContent, "name" | "cells">> = {},
): SheetContent {
  return {
    name,
    cells,
    columnWidths: [],
    rowHeights: new Map(),
    styles: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 0, columns: 0 },
    rowBreaks: [],
    columnBreaks: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: 1, footer: "" },
    ...overrides,
  };
}

export interface SheetSpec {
  /** The product's stable name for the sheet (not what the sheet is called in the workbook). */
  readonly key: string;
  /** The name written: the key, or the key with a suffix when a foreign sheet holds the key's name. */
  readonly name: string;
  /** Dense from A1; `undefined` cells are left empty. */
  readonly cells: readonly (readonly (CellSpec | undefined)[])[];
  readonly columnWidths: readonly number[];
  /** Points, by 1-based row; absent rows keep the default height. */
  readonly rowHeights: ReadonlyMap<number, number>;
  readonly styles: readonly StyleRun[];
  readonly merges: readonly string[];
  readonly tables: readonly TableSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly charts: readonly ChartSpec[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  /** Printed pages break before these rows. */
  readonly rowBreaks: readonly number[];
  /** Printed pages break before these columns (1-based); used with `print.scale`. */
  readonly columnBreaks: readonly number[];
  readonly print: PrintSpec;
  readonly tabColor?: string;
  /** Hidden from the tabs (a sheet of plain data the user need not see, such as a return's identity). */
  readonly hidden?: boolean;
  /**
   * Protected without a password (against accidents, not attacks: formats, inserting rows and sorting stay
   * allowed); only the `unlocked` ranges take input.
   */
  readonly protection?: { readonly unlocked: readonly string[] };
}

/**
 * A workbook-scoped defined name as every writer writes it: hidden, and with a comment that tells whoever sees it
 * anyway (Excel may ignore `hidden`) what it is. The product declares each name once; a writer only translates.
 */
export interface WorkbookName {
  readonly name: string;
  /** Without the leading "=": a string constant quoted (`"text"`), a reference as `'Sheet'!$A$1`. */
  readonly formula: string;
  readonly comment: string;
}

export interface WorkbookSpec {
  readonly editionId: string;
  readonly generatedAt: string;
  readonly sheets: readonly SheetSpec[];
  /** Markers of the sheets written; the writer replaces any earlier marker with the same name. */
  readonly names: readonly WorkbookName[];
}

/** What a column of a keyed table holds: official figures, the user's inputs, or product formulas. */
export type ColumnRole = "official" | "input" | "computed";

export interface ColumnDef<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly role: ColumnRole;
  readonly width: number;
}
