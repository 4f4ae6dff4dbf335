import type { ReportText } from "../report";
import { rangeAddress } from "../workbook/a1";
import { WORKBOOK_FONT } from "../workbook/fonts";
import { FOOTER, wrappedLines } from "./sheetBuilder";
import { plainSheet, type CellStyle, type SheetContent, type StyleRun } from "../workbook/model";

/**
 * The drafted report as a sheet of text cells (进展报告), printable on A4 portrait: the text in one wide merged
 * column A:C with wrap on, and — on a page of its own — the table of the figures used in the three columns. Row
 * heights come from the workbook's wrap model (`wrappedLines`, measured for 微软雅黑), since Excel does not grow a
 * merged cell's row to fit its text. Pure: the Office.js writer (`excel/report.ts`) only applies it.
 */

export const REPORT_SHEET = "进展报告";
/** A1 of the sheet starts with this: how the writer tells our report from a user's sheet of the same name. */
export const REPORT_TITLE_MARK = "【政策目标】进展报告";

/** Widths of A, B, C in Excel's column unit: the figures table's 项目, 数值, 来源; together the text's width. */
export const REPORT_COLUMNS = [44, 18, 28] as const;
/**
 * Side margins in inches. A4 is 8.27 in wide; less 2 × 0.6 in leaves 7.07 in = 679 px at 96 dpi, and the three
 * columns take (44 + 18 + 28) × 7 + 3 × 5 = 645 px: the page holds them at 100 %, with room for the wrap model's
 * error (fit-to-width still guards the edge).
 */
export const REPORT_MARGINS = { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75 } as const;

export type ReportRowKind = "title" | "note" | "subtitle" | "heading" | "body" | "tableHeader" | "tableRow";

export interface ReportSheetLayout {
  readonly name: string;
  /** Dense rows of three text cells (A, B, C); a text row holds its text in A and "" in B and C. */
  readonly cells: readonly (readonly [string, string, string])[];
  readonly kinds: readonly ReportRowKind[];
  readonly columnWidths: readonly number[];
  /** Points, one per row. */
  readonly rowHeights: readonly number[];
  readonly merges: readonly string[];
  readonly styles: readonly StyleRun[];
  readonly font: { readonly name: string; readonly size: number };
  readonly print: {
    readonly orientation: "portrait";
    readonly paper: "A4";
    readonly fitToWidth: 1;
    readonly margins: typeof REPORT_MARGINS;
    readonly footer: string;
  };
  /** Printed pages break before these rows (the appendix starts a page). */
  readonly rowBreaks: readonly number[];
}

const SIZE = { title: 16, heading: 12, body: WORKBOOK_FONT.size, small: 10 } as const;

const STYLES: Record<ReportRowKind, CellStyle> = {
  title: { bold: true, size: SIZE.title, hAlign: "center", vAlign: "center", wrap: true },
  note: { italic: true, color: "#7F7F7F", size: SIZE.small, wrap: true, vAlign: "top" },
  subtitle: { color: "#595959", hAlign: "center", vAlign: "center", wrap: true },
  heading: { bold: true, size: SIZE.heading, vAlign: "center", wrap: true },
  body: { vAlign: "top", wrap: true },
  tableHeader: { bold: true, fill: "#DDEBF7", border: true, hAlign: "center", vAlign: "center", wrap: true },
  tableRow: { border: true, vAlign: "top", wrap: true },
};

/** Points a wrapped cell of `size` pt needs in `width` columns: the wrap model scaled from its 11 pt. */
function heightOf(text: string, width: number, size: number): number {
  const scale = size / WORKBOOK_FONT.size;
  return Math.ceil(wrappedLines(text, width / scale) * 16 * scale + 4);
}

/** Two full-width spaces: the first-line indent of Chinese official prose. */
const INDENT = "\u3000\u3000";

/**
 * The sheet for a drafted report. `generated` says when it was drafted (shown in the note row, e.g.
 * "2025-07-01 10:30").
 *
 * @example
 * const layout = reportSheetLayout(reportText(draftReport(figures, 6)));
 * layout.cells[0]?.[0] // "【政策目标】进展报告 · 2025年1–6月"
 * layout.print.orientation // "portrait"
 */
export function reportSheetLayout(text: ReportText, generated?: string): ReportSheetLayout {
  const cells: [string, string, string][] = [];
  const kinds: ReportRowKind[] = [];
  const heights: number[] = [];
  const width = REPORT_COLUMNS.reduce((s, w) => s + w, 0);
  const line = (kind: ReportRowKind, value: string, size: number = SIZE.body) => {
    cells.push([value, "", ""]);
    kinds.push(kind);
    heights.push(Math.max(kind === "heading" ? 22 : 18, heightOf(value, width, size)));
  };
  line("title", `${REPORT_TITLE_MARK} · ${text.period}`, SIZE.heading);
  line(
    "note",
    `本表是“政策目标”加载项根据本工作簿的数据生成的文档${generated ? `(${generated}生成)` : ""}:再次生成会整表替换` +
      `本表内容,请勿在此填写或修改;数据请在目标任务、月度填报、月度支出等工作表中修改。`,
    SIZE.small,
  );
  line("title", text.title, SIZE.title);
  line("subtitle", text.subtitle);
  for (const section of text.sections) {
    line("heading", section.heading, SIZE.heading);
    for (const p of section.paragraphs) line("body", `${INDENT}${p}`);
  }
  const appendix = cells.length + 1;
  line("heading", "附表:本报告所用数据", SIZE.heading);
  const table = (kind: "tableHeader" | "tableRow", row: readonly [string, string, string]) => {
    cells.push([...row]);
    kinds.push(kind);
    heights.push(Math.max(18, ...row.map((v, i) => heightOf(v, REPORT_COLUMNS[i] ?? 10, SIZE.body))));
  };
  table("tableHeader", ["项目", "数值", "来源"]);
  for (const f of text.figures) table("tableRow", [f.label, f.value, f.source]);

  const merges: string[] = [];
  const styles: StyleRun[] = [];
  kinds.forEach((kind, i) => {
    const row = i + 1;
    const tableKind = kind === "tableHeader" || kind === "tableRow";
    if (!tableKind) merges.push(rangeAddress(row, 1, row, 3));
  });
  // Consecutive rows of a kind share one style run (a few dozen operations, not one per row).
  let start = 0;
  for (let i = 1; i <= kinds.length; i++) {
    if (i < kinds.length && kinds[i] === kinds[start]) continue;
    const kind = kinds[start] as ReportRowKind;
    styles.push({ ref: rangeAddress(start + 1, 1, i, 3), style: STYLES[kind] });
    start = i;
  }
  return {
    name: REPORT_SHEET,
    cells,
    kinds,
    columnWidths: [...REPORT_COLUMNS],
    rowHeights: heights,
    merges,
    styles,
    font: { name: WORKBOOK_FONT.name, size: WORKBOOK_FONT.size },
    print: { orientation: "portrait", paper: "A4", fitToWidth: 1, margins: REPORT_MARGINS, footer: FOOTER },
    rowBreaks: [appendix],
  };
}

/** Whether a sheet's A1 says it is our report (and may be replaced). */
export function isReportTitle(a1: unknown): boolean {
  return typeof a1 === "string" && a1.startsWith(REPORT_TITLE_MARK);
}

/** Where the report goes when a user's own sheet is called 进展报告. */
export const REPORT_SHEET_ALTERNATE = `${REPORT_SHEET}(政策目标)`;

/**
 * The sheet the report is written to, given the workbook's sheets (name and A1): an earlier report of ours is
 * replaced where it is (`replace`); else 进展报告, else 进展报告(政策目标) when a user's sheet holds the first name;
 * undefined when both names are the user's (nothing is written). Names compare as Excel does, ignoring case.
 */
export function reportSheetTarget(
  sheets: readonly { readonly name: string; readonly a1: unknown }[],
): { readonly name: string; readonly replace: boolean } | undefined {
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const candidates = [REPORT_SHEET, REPORT_SHEET_ALTERNATE].flatMap((n) => find(n) ?? []);
  const ours = candidates.find((c) => isReportTitle(c.a1));
  if (ours) return { name: ours.name, replace: true };
  const free = [REPORT_SHEET, REPORT_SHEET_ALTERNATE].find((n) => find(n) === undefined);
  return free === undefined ? undefined : { name: free, replace: false };
}

/** Raised when both 进展报告 and 进展报告(政策目标) are the user's own sheets: nothing is written. */
export class ReportSheetTakenError extends Error {
  constructor(readonly names: readonly string[]) {
    super(`工作表“${names.join("”“")}”不是本插件生成的,未写入报告。 / Sheets ${names.join(", ")} are not ours.`);
    this.name = "ReportSheetTakenError";
  }
}

/**
 * The report sheet as the file writer takes a sheet: the layout's cells as text (number format "@", so "52.3%"
 * stays what the report says; the B and C of a text row empty), its widths, heights, styles, merges, A4 portrait
 * print and the appendix's page break — the cells and formats the Office.js writer sets from the same layout.
 */
export function reportSheetContent(layout: ReportSheetLayout, name: string = layout.name): SheetContent {
  const cells = layout.cells.map((row) => row.map((v) => ({ value: v === "" ? null : v, numFmt: "@" })));
  return plainSheet(name, cells, {
    columnWidths: [...layout.columnWidths],
    rowHeights: new Map(layout.rowHeights.map((h, i) => [i + 1, h] as [number, number])),
    styles: layout.styles,
    merges: layout.merges,
    rowBreaks: layout.rowBreaks,
    print: {
      orientation: layout.print.orientation,
      paper: layout.print.paper,
      fitToWidth: layout.print.fitToWidth,
      margins: layout.print.margins,
      footer: layout.print.footer,
    },
  });
}
