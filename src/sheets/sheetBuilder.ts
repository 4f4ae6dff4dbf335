import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";

import type {
  CellSpec,
  CellStyle,
  ChartSpec,
  ConditionalFormatSpec,
  PrintSpec,
  SheetSpec,
  StyleRun,
  TableSpec,
  ValidationSpec,
} from "../workbook/model";
import type { ColumnRole } from "../workbook/model";
import type { SheetKey } from "./marker";

function headerStyle(fill: string) {
  return { fill, color: "#FFFFFF", bold: true, wrap: true, hAlign: "center", vAlign: "center", border: true } as const;
}

/** The palette shared by every sheet, so that input, official and computed cells look the same everywhere. */
export const STYLE = {
  title: { bold: true, size: 14, vAlign: "center" },
  subtitle: { italic: true, color: "#595959", wrap: true, vAlign: "top" },
  label: { bold: true, hAlign: "right", vAlign: "center" },
  // Header colours tell apart the document's data (blue), inputs (orange) and formulas (green).
  header: headerStyle("#1F4E78"),
  inputHeader: headerStyle("#C65911"),
  computedHeader: headerStyle("#375623"),
  body: { border: true, vAlign: "center" },
  wrapBody: { border: true, vAlign: "center", wrap: true },
  center: { hAlign: "center" },
  input: { fill: "#FFF2CC" },
  total: { bold: true, fill: "#DDEBF7", border: true },
} as const satisfies Record<string, CellStyle>;

/** Conditional-format colours (Excel's built-in "good / neutral / bad" set). */
export const STATUS_COLORS = {
  met: { fill: "#C6EFCE", color: "#006100" },
  onPace: { fill: "#DDEBF7", color: "#1F4E78" },
  behind: { fill: "#FFEB9C", color: "#9C5700" },
  missed: { fill: "#FFC7CE", color: "#9C0006" },
  orphan: { fill: "#E7E6E6", color: "#7F7F7F", italic: true },
} as const;

export const FOOTER = "&C第 &P 页,共 &N 页";

/** Page margins of every sheet we print, in inches (both writers set these). */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** What A4 landscape holds across at 100 %, in pixels at 96 dpi: 11.69 in less the side margins. */
export const A4_LANDSCAPE_WIDTH_PX = Math.floor((11.69 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 96);

/**
 * A column's printed width in pixels from its width in characters. A file's widths count the widest digit of the
 * workbook font, and 微软雅黑 11 pt's is about 8 px (LibreOffice prints an 8-character column 64.5 px wide), not
 * Calibri's 7; the Office.js writer sets widths as 7 px + 5, narrower. Blocks are sized for the wider.
 */
export const columnPixels = (chars: number): number => Math.max(chars * 8.1, chars * 7 + 5);

/** Share of the page a block may fill: a block a few pixels too wide would be split by an automatic break. */
const PAGE_SLACK = 0.98;

/** Below this the blocks are too wide to read on A4; the builder refuses them (a layout mistake, not input). */
export const MIN_PRINT_SCALE = 85;

/** Display width of text in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}

/**
 * Width in column units of text set in the workbook font (微软雅黑 11 pt, measured against LibreOffice's and
 * Excel's wrapping): a Han character or full-width mark about 1.85, Latin letters and digits about 1.1 — wider
 * than Calibri's, which the column unit is based on.
 */
function setWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += displayWidth(ch) === 2 ? 1.85 : 1.1;
  return width;
}

/**
 * Lines a wrapped cell takes: greedy wrapping as Excel and LibreOffice do it — between any two Han characters,
 * but a run of Latin letters, digits and hyphens (an id such as art02-enterprise-led-share) only at its hyphens.
 */
export function wrappedLines(text: string, columnWidth: number): number {
  const room = Math.max(1, columnWidth - 1.5);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    // A surrogate pair is one character, spelled out instead of the `u` flag so the legacy (ES5) build can parse it.
    const tokens = paragraph.match(/[A-Za-z0-9.%]+-?|\s+|[\uD800-\uDBFF][\uDC00-\uDFFF]|./g) ?? [];
    let used = 0;
    let count = 1;
    for (const token of tokens) {
      const w = setWidth(token);
      if (used > 0 && used + w > room) {
        count += 1;
        used = /^\s+$/.test(token) ? 0 : w;
      } else used += w;
      while (used > room) {
        count += 1;
        used -= room;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Points a wrapped cell needs: lines × 16 pt (the CJK face's line height at 11 pt) + padding. */
export function wrappedHeight(text: string, columnWidth: number): number {
  return wrappedLines(text, columnWidth) * 16 + 4;
}

/** Collects one sheet's cells and features; `finish` freezes them into a {@link SheetSpec}. */
/** A user-added column is as wide as its header, within reason. */
const extraWidth = (column: { readonly header: string }) => Math.max(10, Math.min(30, column.header.length * 2 + 2));

export class SheetBuilder {
  private readonly rows: (CellSpec | undefined)[][] = [];
  private readonly widths: number[] = [];
  private readonly heights = new Map<number, number>();
  private readonly styles: StyleRun[] = [];
  private readonly merges: string[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly conditionalFormats: ConditionalFormatSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private frozen = { rows: 0, columns: 0 };
  private titleRows: readonly [number, number] | undefined;
  private readonly breaks: number[] = [];
  private blocks: { titles: readonly [number, number]; breaks: readonly number[] } | undefined;

  constructor(
    readonly key: SheetKey,
    readonly name: string,
  ) {}

  set(row: number, column: number, cell: CellSpec | undefined): void {
    const r = (this.rows[row - 1] ??= []);
    r[column - 1] = cell;
  }

  value(row: number, column: number, value: CellSpec["value"], numFmt?: string): void {
    this.set(row, column, numFmt === undefined ? { value } : { value, numFmt });
  }

  get lastRow(): number {
    return this.rows.length;
  }

  get lastColumn(): number {
    return this.rows.reduce((max, r) => Math.max(max, r?.length ?? 0), 0);
  }

  /**
   * The columns of a data table: widths, and a header row coloured by role (official, input, computed). `extras`
   * are columns the user added to our table; they are kept, and shown as inputs.
   */
  tableColumns(
    headerRow: number,
    columns: readonly { readonly header: string; readonly role: ColumnRole; readonly width: number }[],
    extras: readonly { readonly header: string }[],
  ): void {
    const all = [
      ...columns,
      ...extras.map((e) => ({ header: e.header, role: "input" as const, width: extraWidth(e) })),
    ];
    all.forEach((c, i) => {
      this.width(i + 1, c.width);
      this.value(headerRow, i + 1, c.header);
      const style =
        c.role === "input" ? STYLE.inputHeader : c.role === "computed" ? STYLE.computedHeader : STYLE.header;
      this.style(cellAddress(headerRow, i + 1), style);
    });
    this.height(headerRow, 30);
  }

  width(column: number, chars: number): void {
    this.widths[column - 1] = chars;
  }

  widthOf(column: number): number {
    return this.widths[column - 1] ?? 9;
  }

  height(row: number, points: number): void {
    this.heights.set(row, Math.max(points, this.heights.get(row) ?? 0));
  }

  /** Grows a row to fit wrapped text in a column (`size`: the text's points, when not the workbook's 11). */
  fit(row: number, column: number, text: string, span = 1, size = 11): void {
    let width = 0;
    for (let c = column; c < column + span; c++) width += this.widthOf(c);
    const scale = size / 11;
    const needed = Math.ceil(wrappedLines(text, width / scale) * 16 * scale + 4);
    if (needed > 20) this.height(row, needed);
  }

  style(ref: string, style: CellStyle): void {
    this.styles.push({ ref, style });
  }

  styleBox(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    if (bottom < top || right < left) return;
    this.style(rangeAddress(top, left, bottom, right), style);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push(rangeAddress(top, left, bottom, right));
  }

  table(table: TableSpec): void {
    this.tables.push(table);
  }

  validate(validation: ValidationSpec): void {
    this.validations.push(validation);
  }

  /**
   * Greys the rows whose 核对 cell says something: rows kept for the user that the edition no longer has. A note
   * that starts with `except` (the carry-over's, on a row the edition has) leaves its row as it is.
   */
  flagKeptRows(firstRow: number, lastRow: number, columnCount: number, checkColumn: number, except?: string): void {
    const check = `$${columnLetter(checkColumn)}${firstRow}`;
    const kept =
      except === undefined ? `LEN(${check})>0` : `AND(LEN(${check})>0,LEFT(${check},${except.length})<>"${except}")`;
    this.conditional({
      ref: rangeAddress(firstRow, 1, lastRow, columnCount),
      formula: kept,
      style: STATUS_COLORS.orphan,
    });
  }

  conditional(format: ConditionalFormatSpec): void {
    this.conditionalFormats.push(format);
  }

  chart(chart: ChartSpec): void {
    this.charts.push(chart);
  }

  freeze(rows: number, columns = 0): void {
    this.frozen = { rows, columns };
  }

  /** Starts a new printed page at `row`. */
  breakBefore(row: number): void {
    this.breaks.push(row);
  }

  repeatRows(first: number, last: number): void {
    this.titleRows = [first, last];
  }

  /**
   * Prints the sheet in blocks of columns, one page wide each, at a normal type size instead of shrinking every
   * column onto one page width: `titles` (the identity columns) repeat at the left of every page and a page
   * breaks before each column of `breaks`. The scale is the largest, up to 100 %, at which the widest block fits
   * A4 landscape (see {@link printScale}). No print area: ExcelJS cannot read a workbook whose print area is whole
   * columns (as Excel saves one), and a bounded one would leave rows a refresh appends off paper.
   */
  printInBlocks(titles: readonly [number, number], breaks: readonly number[]): void {
    this.blocks = { titles, breaks };
  }

  /** Title in A1 spanning `span` columns; every sheet we write starts with 【政策目标】 (see isOurTitle). */
  title(text: string, span: number): void {
    this.value(1, 1, text);
    this.merge(1, 1, 1, span);
    this.style(cellAddress(1, 1), STYLE.title);
    this.height(1, 24);
  }

  finish(): SheetSpec {
    const blocks = this.blocks;
    const base = {
      orientation: "landscape",
      paper: "A4",
      footer: FOOTER,
      ...(this.titleRows ? { titleRows: this.titleRows } : {}),
    } as const;
    const print: PrintSpec = blocks
      ? {
          ...base,
          scale: printScale(
            Array.from({ length: this.lastColumn }, (_, i) => this.widthOf(i + 1)),
            blocks.titles,
            blocks.breaks,
          ),
          titleColumns: blocks.titles,
        }
      : { ...base, fitToWidth: 1 };
    const columns = this.lastColumn;
    const cells = this.rows.map((r) => {
      const row = r ?? [];
      return Array.from({ length: columns }, (_, i) => row[i]);
    });
    return {
      key: this.key,
      name: this.name,
      cells,
      columnWidths: Array.from({ length: columns }, (_, i) => this.widths[i] ?? 9),
      rowHeights: new Map(this.heights),
      styles: this.styles,
      merges: this.merges,
      tables: this.tables,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      freeze: this.frozen,
      rowBreaks: this.breaks,
      columnBreaks: blocks ? [...blocks.breaks] : [],
      print,
    };
  }
}

/**
 * The print scale (percent) at which every block of columns fits A4 landscape: blocks run from column 1 to the
 * first break, from each break to the next, the last to the end of `widths`; every block after the first also
 * carries the title columns. Throws below {@link MIN_PRINT_SCALE}: such blocks would print too small to read.
 * @example printScale([20, 10, 10], [1, 1], [3]) // 100
 */
export function printScale(
  widths: readonly number[],
  titles: readonly [number, number],
  breaks: readonly number[],
): number {
  const px = (from: number, to: number) => {
    let sum = 0;
    for (let c = from; c <= to; c++) sum += columnPixels(widths[c - 1] ?? 9);
    return sum;
  };
  const starts = [1, ...breaks];
  const widest = Math.max(
    ...starts.map((start, i) => {
      const end = (starts[i + 1] ?? widths.length + 1) - 1;
      return px(start, end) + (start > titles[1] ? px(titles[0], titles[1]) : 0);
    }),
  );
  const scale = Math.min(100, Math.floor((100 * A4_LANDSCAPE_WIDTH_PX * PAGE_SLACK) / widest));
  if (scale < MIN_PRINT_SCALE) throw new Error(`print blocks too wide for A4 (${widest} px, ${scale} %)`);
  return scale;
}

export const TITLE_MARK = "【政策目标】";

/** Our sheets begin with this in A1; a marked sheet whose A1 lost it is treated as not ours (never overwritten). */
export function isOurTitle(a1: unknown): boolean {
  return typeof a1 === "string" && a1.includes("政策目标");
}
