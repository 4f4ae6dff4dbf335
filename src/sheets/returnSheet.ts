/**
 * A unit's return file as sheets (host-neutral, written by the file writer): 填报, the unit's targets with their
 * input cells, its own live status in classic formulas, and the targets it supports; 填报标识, hidden, the return's
 * identity in plain cells (unit, month, edition, 编号s, checksum) — plain cells survive Excel, WPS and LibreOffice
 * saves, where custom XML parts and some names do not.
 */
import { toExcelValue } from "../engine";
import {
  holdsFraction,
  LIKELIHOODS,
  TEXT_FIELDS,
  type ReturnContent,
  type ReturnedRow,
  type ReturnRowContent,
} from "../returns";
import { isBlank, showValue } from "../returns/sameValue";
import { cellAddress, columnLetter } from "../workbook/a1";
import type { CellSpec, SheetContent, StyleRun, ValidationSpec } from "../workbook/model";
import { valueFormat } from "./monthly";
import { IDENTITY_SHEET, identitySheet } from "./returnIdentity";
import { statusFormula, statusResult } from "./returnStatus";
import {
  A4_LANDSCAPE_WIDTH_PX,
  columnPixels,
  FOOTER,
  PRINT_MARGINS,
  STATUS_COLORS,
  STYLE,
  TITLE_MARK,
  wrappedLines,
} from "./sheetBuilder";

export const RETURN_SHEET = "填报";
/** Column A of the row that starts the read-only block of supported targets: the reader stops there. */
export const SUPPORTS_MARK = "本单位配合的目标";
export const RETURN_HEADER_ROW = 5;

/** The columns of 填报, in order; `input` cells are unlocked, everything else is protected. */
export const RETURN_COLUMNS = [
  { key: "编号", width: 18 },
  { key: "领域", width: 14 },
  { key: "条款", width: 7 },
  { key: "指标", width: 26 },
  { key: "目标值", width: 9 },
  { key: "单位", width: 6 },
  { key: "比较", width: 5 },
  { key: "已报", width: 16 },
  { key: "累计值", width: 11, input: true },
  { key: "状态", width: 8 },
  { key: "情况说明", width: 22, input: true },
  { key: "偏差原因分析", width: 16, input: true },
  { key: "完成目标可能性", width: 9, input: true },
  { key: "纠偏措施", width: 16, input: true },
] as const;
export type ReturnColumn = (typeof RETURN_COLUMNS)[number]["key"];
export const returnCol = (key: ReturnColumn): number => RETURN_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The header text of a column: the figure column names its month (7月累计), so a reader knows the month by it. */
export function returnHeader(key: ReturnColumn, month: number): string {
  return key === "累计值" ? `${month}月累计` : key === "已报" ? `已报(1—${Math.max(1, month - 1)}月)` : key;
}

const COMPARATOR_TEXT: Record<string, string> = {
  ">=": "≥",
  ">": ">",
  "~": "≈",
  "<=": "≤",
  "rank<=": "前",
  decrease: "下降",
  increase: "上升",
};

/**
 * A row's height for its wrapped texts (LibreOffice does not grow rows of a written file to their text: an
 * unfitted row prints its second line over the next row). Texts are paired with their columns' widths.
 */
function fittedHeight(texts: readonly (readonly [string, number])[]): number | undefined {
  const lines = Math.max(1, ...texts.map(([text, width]) => wrappedLines(text, width)));
  return lines > 1 ? lines * 16 + 4 : undefined;
}
const widthOf = (key: ReturnColumn) => RETURN_COLUMNS[returnCol(key) - 1]?.width ?? 10;

/** Default row height (pt) of a row without one, as the writers leave it. */
const ROW_PT = 16;

/**
 * Manual page breaks before the rows that would not fit their page: A4 landscape at the scale one page width
 * needs, below the repeated header row, with some slack (an automatic break a row early would leave a page of one
 * row). About 25 single-line targets a page; fewer when their texts wrap.
 */
function pageBreaks(first: number, last: number, heightOf: (row: number) => number | undefined): number[] {
  const sheetPx = RETURN_COLUMNS.reduce((sum, c) => sum + columnPixels(c.width), 0);
  const scale = Math.min(1, A4_LANDSCAPE_WIDTH_PX / sheetPx);
  const room = (((8.27 - PRINT_MARGINS.top - PRINT_MARGINS.bottom) * 72) / scale) * 0.92;
  const height = (row: number) => heightOf(row) ?? ROW_PT;
  let used = 0;
  for (let row = 1; row < first; row++) used += height(row);
  const breaks: number[] = [];
  for (let row = first; row <= last; row++) {
    if (used + height(row) > room && row > first) {
      breaks.push(row);
      used = height(RETURN_HEADER_ROW);
    }
    used += height(row);
  }
  return breaks;
}

/** Cells a unit is not asked to fill (monitoring inputs of a row on pace): grey, and locked. */
const NOT_ASKED = { fill: "#E7E6E6" } as const;

/** The rows as runs of equal `monitored`, 1-based from `first`: one style, one range, one drop-down per run. */
function rowRuns(rows: readonly ReturnRowContent[], first: number) {
  const runs: { from: number; to: number; monitored: boolean }[] = [];
  rows.forEach((row, i) => {
    const last = runs[runs.length - 1];
    if (last && last.monitored === row.monitored && last.to === first + i - 1) last.to = first + i;
    else runs.push({ from: first + i, to: first + i, monitored: row.monitored });
  });
  return runs;
}

function reportedText(row: ReturnRowContent): string {
  const parts = row.reported.flatMap((v, i) => (isBlank(v) ? [] : [`${i + 1}月 ${shownFigure(row, v)}`]));
  return parts.length === 0 ? "—" : parts.slice(-3).join(";");
}

function shownFigure(row: ReturnRowContent, v: number | string | null): string {
  if (typeof v === "number" && holdsFraction(row.target)) return `${Number((v * 100).toPrecision(12))}%`;
  return showValue(v);
}

export interface ReturnSheetOptions {
  /** 报送截止, e.g. 8月5日; blank leaves the cell for the bureau to fill. */
  readonly deadline?: string;
  /** Whom to send it back to; 市财政局 when absent. */
  readonly sendTo?: string;
}

/** What the file writer needs beyond the sheets: which sheet to protect, which cells stay open, which is hidden. */
export interface ReturnWorkbook {
  readonly sheets: readonly SheetContent[];
  /** The protected sheet (no password) and its unlocked ranges. */
  readonly protect: { readonly sheet: string; readonly unlocked: readonly string[] };
  readonly hidden: readonly string[];
}

/**
 * The sheets of one unit's return: 填报 (A4 landscape, one page wide, ~25 targets a page, the header repeated)
 * and the hidden 填报标识.
 */
export function returnWorkbook(content: ReturnContent, options: ReturnSheetOptions = {}): ReturnWorkbook {
  const m = content.month.month;
  const last = RETURN_COLUMNS.length;
  const lastCol = columnLetter(last);
  const cells: (CellSpec | undefined)[][] = [];
  const set = (r: number, c: number, cell: CellSpec) => {
    (cells[r - 1] ??= [])[c - 1] = cell;
  };
  const styles: StyleRun[] = [];
  const merges: string[] = [];
  const validations: ValidationSpec[] = [];
  const unlocked: string[] = [];
  const rowHeights = new Map<number, number>();

  set(1, 1, { value: `${TITLE_MARK}${content.unit} ${content.month.year}年1—${m}月目标完成情况填报表` });
  merges.push(`A1:${lastCol}1`);
  styles.push({ ref: "A1", style: STYLE.title });
  rowHeights.set(1, 24);
  set(2, 1, { value: "填报单位" });
  set(2, 2, { value: content.unit });
  set(2, 4, { value: "填报月份" });
  set(2, 5, { value: `${content.month.year}-${String(m).padStart(2, "0")}` });
  set(2, 8, { value: "报送截止" });
  set(2, 9, { value: options.deadline ?? "" });
  set(2, 11, { value: `填好后将本文件原样报送${options.sendTo ?? "市财政局"}` });
  merges.push("B2:C2", `K2:${lastCol}2`);
  styles.push({ ref: "A2", style: STYLE.label }, { ref: "D2", style: STYLE.label }, { ref: "H2", style: STYLE.label });
  styles.push({ ref: "I2", style: { ...STYLE.input, border: true } });
  unlocked.push("I2");
  set(3, 1, {
    value:
      `《${content.editionTitle}》。请在黄色单元格填写:${m}月累计值(1—${m}月累计完成数,按“单位”列的单位;` +
      "百分比填 3.3% 或 3.3,名次填 3 或 第3名,金额可写 1.2亿元 或 5000万元,会按单位列换算),情况说明;" +
      "偏差原因分析、完成目标可能性(下拉选择)和纠偏措施只在黄色的行填写(分发时按台账最近的累计数已欠序时进度或未达标的目标),灰色的不需填写;" +
      "本月新出现欠进度的,请在情况说明中说明原因。" +
      "无法确定的数字(如“约12家”“待统计”)不会被采用,请填确数或留空并在情况说明中说明。请勿修改编号、增删行或改动第二个工作表。",
  });
  merges.push(`A3:${lastCol}3`);
  styles.push({ ref: "A3", style: STYLE.subtitle });
  rowHeights.set(3, 48);

  const header = RETURN_HEADER_ROW;
  RETURN_COLUMNS.forEach((c, i) => set(header, i + 1, { value: returnHeader(c.key, m) }));
  for (const [i, c] of RETURN_COLUMNS.entries()) {
    const ref = cellAddress(header, i + 1);
    styles.push({
      ref,
      style: "input" in c ? STYLE.inputHeader : c.key === "状态" ? STYLE.computedHeader : STYLE.header,
    });
  }
  rowHeights.set(header, 30);

  const first = header + 1;
  content.rows.forEach((row, i) => {
    const r = first + i;
    const t = row.target;
    const figureRef = cellAddress(r, returnCol("累计值"));
    set(r, returnCol("编号"), { value: t.id });
    set(r, returnCol("领域"), { value: row.area });
    set(r, returnCol("条款"), { value: row.article });
    set(r, returnCol("指标"), { value: t.indicator });
    const fmt = valueFormat(t);
    set(r, returnCol("目标值"), {
      value: t.value === null ? "—" : toExcelValue(t, t.value),
      ...(fmt && t.value !== null ? { numFmt: fmt } : {}),
    });
    set(r, returnCol("单位"), { value: t.unit });
    set(r, returnCol("比较"), { value: COMPARATOR_TEXT[t.comparator] ?? t.comparator });
    set(r, returnCol("已报"), { value: reportedText(row) });
    const current = row.current;
    set(r, returnCol("累计值"), { value: isBlank(current) ? null : current, ...(fmt ? { numFmt: fmt } : {}) });
    const height = fittedHeight([
      [t.id, widthOf("编号")],
      [row.area, widthOf("领域")],
      [t.indicator, widthOf("指标")],
      [reportedText(row), widthOf("已报")],
    ]);
    if (height) rowHeights.set(r, height);
    const formula = statusFormula(row, figureRef, m);
    set(r, returnCol("状态"), formula ? { formula, result: statusResult(row, m) } : { value: "—" });
    for (const key of ["情况说明", "偏差原因分析", "完成目标可能性", "纠偏措施"] as const) {
      const v = key === "情况说明" || row.monitored ? row.texts[key] : null;
      set(r, returnCol(key), { value: isBlank(v) ? null : String(v) });
    }
  });
  const lastRow = first + Math.max(content.rows.length, 1) - 1;
  const body = `A${first}:${lastCol}${lastRow}`;
  styles.push({ ref: body, style: STYLE.wrapBody });
  const inputs = (key: ReturnColumn) =>
    `${columnLetter(returnCol(key))}${first}:${columnLetter(returnCol(key))}${lastRow}`;
  for (const key of ["累计值", "情况说明"] as const) {
    styles.push({ ref: inputs(key), style: STYLE.input });
    unlocked.push(inputs(key));
  }
  // The 绩效运行监控 inputs only on the rows behind 序时进度 when the return was made: open and yellow there,
  // locked and grey elsewhere (a row without them is answered in 情况说明).
  const monitorFirst = columnLetter(returnCol("偏差原因分析"));
  const monitorLast = columnLetter(returnCol("纠偏措施"));
  const likely = columnLetter(returnCol("完成目标可能性"));
  for (const run of rowRuns(content.rows, first)) {
    const ref = `${monitorFirst}${run.from}:${monitorLast}${run.to}`;
    styles.push({ ref, style: run.monitored ? STYLE.input : NOT_ASKED });
    if (!run.monitored) continue;
    unlocked.push(ref);
    validations.push({
      ref: `${likely}${run.from}:${likely}${run.to}`,
      type: "list",
      items: LIKELIHOODS,
      title: "完成目标可能性",
      message: "请从下拉列表选择:确定能、有可能、完全不可能。",
    });
  }
  const status = inputs("状态");

  // The targets the unit supports: read-only, so it knows what it shares and with whom.
  let r = lastRow + 2;
  if (content.supports.length > 0) {
    set(r, 1, { value: `${SUPPORTS_MARK}(仅供了解,由牵头单位填报)` });
    merges.push(`A${r}:${lastCol}${r}`);
    styles.push({ ref: `A${r}`, style: { bold: true } });
    r++;
    const heads = ["编号", "领域", "条款", "指标", "目标值", "单位", "比较", "牵头单位"];
    heads.forEach((h, i) => set(r, i + 1, { value: h }));
    styles.push({ ref: `A${r}:H${r}`, style: STYLE.header });
    const supportFirst = r + 1;
    for (const s of content.supports) {
      r++;
      const fmt = valueFormat(s.target);
      set(r, 1, { value: s.target.id });
      set(r, 2, { value: s.area });
      set(r, 3, { value: s.target.article === null ? "领域目标" : `第${s.target.article}条` });
      set(r, 4, { value: s.target.indicator });
      set(r, 5, {
        value: s.target.value === null ? "—" : toExcelValue(s.target, s.target.value),
        ...(fmt && s.target.value !== null ? { numFmt: fmt } : {}),
      });
      set(r, 6, { value: s.target.unit });
      set(r, 7, { value: COMPARATOR_TEXT[s.target.comparator] ?? s.target.comparator });
      set(r, 8, { value: s.lead });
      const height = fittedHeight([
        [s.target.id, widthOf("编号")],
        [s.area, widthOf("领域")],
        [s.target.indicator, widthOf("指标")],
        [s.lead, widthOf("已报")],
      ]);
      if (height) rowHeights.set(r, height);
    }
    styles.push({ ref: `A${supportFirst}:H${r}`, style: STYLE.wrapBody });
  }

  const rowBreaks = pageBreaks(first, lastRow, (row) => rowHeights.get(row));
  const main: SheetContent = {
    name: RETURN_SHEET,
    cells,
    columnWidths: RETURN_COLUMNS.map((c) => c.width),
    rowHeights,
    styles,
    merges,
    tables: [],
    validations,
    conditionalFormats: [
      { ref: status, formula: `${cellAddress(first, returnCol("状态"))}="已完成"`, style: STATUS_COLORS.met },
      { ref: status, formula: `${cellAddress(first, returnCol("状态"))}="达进度"`, style: STATUS_COLORS.onPace },
      { ref: status, formula: `${cellAddress(first, returnCol("状态"))}="欠进度"`, style: STATUS_COLORS.behind },
      { ref: status, formula: `${cellAddress(first, returnCol("状态"))}="应填数字"`, style: STATUS_COLORS.missed },
    ],
    charts: [],
    freeze: { rows: header, columns: 1 },
    rowBreaks,
    columnBreaks: [],
    print: {
      orientation: "landscape",
      paper: "A4",
      margins: PRINT_MARGINS,
      titleRows: [header, header],
      fitToWidth: 1,
      footer: FOOTER,
    },
  };
  return {
    sheets: [main, identitySheet(content.identity)],
    protect: { sheet: RETURN_SHEET, unlocked },
    hidden: [IDENTITY_SHEET],
  };
}

/**
 * The rows of a filled 填报 sheet, wherever the unit moved them: the header row is the one holding 编号 and the
 * month's 累计 column; rows are read down to the supported-targets block. `fractionIds` are the targets whose
 * figure cell was written as a percentage (a number there is a fraction).
 */
export function readReturnRows(
  cells: readonly (readonly { readonly value: unknown }[])[],
  fractionIds: ReadonlySet<string>,
): ReturnedRow[] | undefined {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  const headerIndex = cells.findIndex(
    (row, i) => i < 30 && row.some((c) => text(c?.value) === "编号") && row.some((c) => /月累计$/.test(text(c?.value))),
  );
  if (headerIndex < 0) return undefined;
  const header = (cells[headerIndex] ?? []).map((c) => text(c?.value));
  const col = (pred: (h: string) => boolean) => header.findIndex(pred);
  const idCol = col((h) => h === "编号");
  const figureCol = col((h) => /月累计$/.test(h));
  const textCols = TEXT_FIELDS.map((f) => [f, col((h) => h === f)] as const);
  const out: ReturnedRow[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (text(row[0]?.value).startsWith(SUPPORTS_MARK)) break;
    const id = text(row[idCol]?.value);
    const raw = row[figureCol]?.value;
    const figure = typeof raw === "number" || typeof raw === "string" ? raw : raw == null ? null : String(raw);
    const texts: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {};
    for (const [field, c] of textCols) if (c >= 0 && text(row[c]?.value) !== "") texts[field] = text(row[c]?.value);
    // A blank row (the gap before the supported targets, a row inserted and left empty) is no row.
    if (id === "" && (figure === null || text(figure) === "") && Object.keys(texts).length === 0) continue;
    out.push({ id, figure, percentCell: fractionIds.has(id), texts });
  }
  return out;
}
