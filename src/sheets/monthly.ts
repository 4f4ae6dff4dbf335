import {
  fromExcelValue,
  isCalcError,
  monthEndProgress,
  monthlyStatus,
  pace,
  readDate,
  reportMonth,
  reportMonthValue,
  toExcelValue,
  toYi,
  fromYi,
  type CivilDate,
} from "../engine";
import type { Target } from "../policy/types";
import type { AreaFigures, Figure, TargetFigures } from "../report";
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import { toScalar, type RawCell } from "../workbook/cells";
import { areaLabel, carried, emptyStats, type AmountUnit, type BuildContext, type BuildStats } from "./context";

import { FIRST_DATA_ROW, HEADER_ROW, SHEET_LAST_ROW, targetCol } from "./layout";
import {
  baseFormula,
  currentFigureFormula,
  excludedFormula,
  lookupFormula,
  lowerFormula,
  monthStatusFormula,
  rankFloorFormula,
  ratioFormula,
  reportMonthFormula,
  upperFormula,
  verdictFormula,
  type HelperRefs,
  type MonthlyRowRefs,
} from "./monthlyFormulas";
import { MONTH_HEADERS, MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { CellSpec, Scalar, SheetSpec } from "../workbook/model";
import { CUMULATIVE_KINDS, STATUSES } from "../engine";
import { basisOfKind, COMPARATOR_SYMBOL, errorText, NOT_A_NUMBER } from "./texts";
import { hasContent } from "../workbook/cells";
import type { ColumnDef } from "../workbook/model";

/**
 * The monthly sheets. 月度填报: one row per target, its 1–N月 cumulative figure for each month (inputs), and 本期数
 * — the figure of the report month, which 目标任务's 实际值 shows. 月度支出: the same per area for spending.
 * 月度状态: each target's status at each month's end (engine status with m/12) and, above, the counts by month and
 * budget execution against 序时进度 by month — the year's trend. History is never overwritten: each month has its
 * own column.
 */

export type MonthlyTargetColumn =
  | "编号"
  | "领域"
  | "指标"
  | "单位"
  | "目标值"
  | "比较"
  | "口径"
  | "上年值"
  | (typeof MONTH_HEADERS)[number]
  | "本期数"
  | `${(typeof MONTH_HEADERS)[number]}状态`
  | (typeof HELPERS)[number]
  | "核对";

/**
 * Helper columns of 月度填报 (grey, at the right): the parts of a row's monthly status that do not depend on the
 * month's figure, computed once per row so that the twelve status formulas stay short (see monthlyFormulas.ts).
 */
export const HELPERS = ["下限", "上限", "排除", "名次下限", "序时基数", "序时方式", "判定"] as const;

export const MONTHLY_TARGET_COLUMNS: readonly ColumnDef<MonthlyTargetColumn>[] = [
  { key: "编号", header: "编号", role: "official", width: 20 },
  { key: "领域", header: "领域", role: "official", width: 14 },
  { key: "指标", header: "指标", role: "official", width: 26 },
  { key: "单位", header: "单位", role: "official", width: 6 },
  { key: "目标值", header: "目标值", role: "official", width: 9 },
  { key: "比较", header: "比较", role: "official", width: 6 },
  { key: "口径", header: "口径", role: "official", width: 6 },
  { key: "上年值", header: "上年值", role: "computed", width: 8 },
  ...MONTH_HEADERS.map((m) => ({ key: m, header: m, role: "input" as const, width: 8 })),
  { key: "本期数", header: "本期数", role: "computed", width: 9 },
  ...MONTH_HEADERS.map((m) => ({ key: `${m}状态` as const, header: `${m}状态`, role: "computed" as const, width: 7 })),
  ...HELPERS.map((h) => ({ key: h, header: h, role: "computed" as const, width: 6 })),
  { key: "核对", header: "核对", role: "computed", width: 12 },
];

export type MonthlySpendingColumn = "领域" | "预算数" | (typeof MONTH_HEADERS)[number] | "本期数" | "核对";

export function monthlySpendingColumns(unit: string): readonly ColumnDef<MonthlySpendingColumn>[] {
  return [
    { key: "领域", header: "领域", role: "official", width: 28 },
    { key: "预算数", header: `预算数(${unit})`, role: "official", width: 13 },
    ...MONTH_HEADERS.map((m) => ({ key: m, header: m, role: "input" as const, width: 10 })),
    { key: "本期数", header: `本期数(${unit})`, role: "computed", width: 12 },
    { key: "核对", header: "核对", role: "computed", width: 12 },
  ];
}

export const monthlyTargetCol = (key: MonthlyTargetColumn) =>
  MONTHLY_TARGET_COLUMNS.findIndex((c) => c.key === key) + 1;
export const monthlySpendingCol = (key: MonthlySpendingColumn) =>
  monthlySpendingColumns("万元").findIndex((c) => c.key === key) + 1;

/** Column letters of month m on each monthly sheet. */
export const targetMonthColumn = (m: number) => monthlyTargetCol(`${m}月` as MonthlyTargetColumn);
export const spendingMonthColumn = (m: number) => monthlySpendingCol(`${m}月` as MonthlySpendingColumn);

/** The report-month cell on both monthly sheets. */
export const REPORT_MONTH_CELL = "$B$2";

const DATE_CELL_ABS = "$B$2";
const MONEY = "#,##0.00";
const PERCENT = "0.00%";

/** Number format of a target's month cells (percentages as 3.05%, amounts with two decimals). */
export function valueFormat(t: Target): string | undefined {
  if (t.unit === "%" || (t.unit === "" && t.kind === "ratio")) return PERCENT;
  if (/亿|万元|万美元/.test(t.unit)) return MONEY;
  return undefined;
}

/** What the monthly sheets read from existing cells for their cached results (refresh), blank when new. */
export interface MonthlyInputs {
  readonly targets?: ReadonlyMap<string, TargetFigures>;
  readonly areas?: ReadonlyMap<number, AreaFigures>;
  /** The month cells as the user left them (a typed formula or text is carried as typed), by id / area. */
  readonly rawTargets?: ReadonlyMap<string, readonly (RawCell | undefined)[]>;
  readonly rawAreas?: ReadonlyMap<number, readonly (RawCell | undefined)[]>;
}

const number = (f: Figure | undefined): number | null => (typeof f === "number" ? f : null);

/** The report month the sheets' B2 gives for these figures and 报告日期 (engine reportMonth): 0 when none is filled. */
export function reportMonthOf(ctx: BuildContext, inputs: MonthlyInputs, dateSerial: number): number {
  const filled = Array.from({ length: 12 }, (_, i) => {
    for (const f of inputs.targets?.values() ?? []) if (typeof f.months[i] === "number") return true;
    for (const f of inputs.areas?.values() ?? []) if (typeof f.months[i] === "number") return true;
    return false;
  });
  const date = readDate(dateSerial);
  const d: CivilDate = date === null || isCalcError(date) ? { year: ctx.index.year + 1, month: 1, day: 1 } : date;
  return reportMonth(filled, d, ctx.index.year);
}

/**
 * What each month cell of a target's row shows, in the sheet's scale: a cell as the user left it (a typed text or
 * formula as typed, its cached result), else the figure. 本期数 is the report month's one (engine reportMonthValue).
 */
export function targetMonthCells(
  target: Target,
  f: TargetFigures | undefined,
  raw: readonly (RawCell | undefined)[] | undefined,
): Scalar[] {
  return Array.from({ length: 12 }, (_, i): Scalar => {
    const cell = raw?.[i];
    if (hasContent(cell)) return toScalar(cell.value) ?? "";
    const v = f?.months[i];
    return typeof v === "number" ? toExcelValue(target, v) : "";
  });
}

/** The same for an area's spending, numbers in the sheet's unit (a unit switch converts them, see the builder). */
export function areaMonthCells(
  f: AreaFigures | undefined,
  raw: readonly (RawCell | undefined)[] | undefined,
  unit: AmountUnit,
): Scalar[] {
  return Array.from({ length: 12 }, (_, i): Scalar => {
    const cell = raw?.[i];
    const v = f?.months[i];
    if (hasContent(cell) && (cell.formula !== undefined || typeof v !== "number")) return toScalar(cell.value) ?? "";
    return typeof v === "number" ? fromYi(v, unit) : "";
  });
}

/** 本期数 as the sheet's formula gives it: the report month's cell, "" while it (or the month) is blank. */
export const currentOf = (cells: readonly Scalar[], month: number): Scalar => reportMonthValue(cells, month) ?? "";

function allMonthColumns(ctx: BuildContext) {
  const t = quoteSheet(ctx.names.月度填报);
  const s = quoteSheet(ctx.names.月度支出);
  return (m: number) => {
    const a = columnLetter(targetMonthColumn(m));
    const b = columnLetter(spendingMonthColumn(m));
    return [`${t}!$${a}:$${a}`, `${s}!$${b}:$${b}`];
  };
}

/**
 * Rows 1–4 of a monthly input sheet: the title, 报告月份 in B2 (by formula: the latest filled month up to the
 * 报告日期 of `dateSheet`, the sheet whose figures follow it), the legend and the header row. Returns the report
 * month as cached. Title and legend are merged and wrapped within the identity columns that every printed page
 * repeats (`titles`, from A): merged wider, a page of a later month block would cut them. The note beside the
 * report month (C2, `noteSpan` columns) likewise stays inside those columns or wholly outside them.
 */
function sheetTop(
  b: SheetBuilder,
  ctx: BuildContext,
  columns: readonly ColumnDef<string>[],
  print: { readonly titles: number; readonly noteSpan: number },
  text: { readonly label: string; readonly legend: string; readonly dateSheet: "目标任务" | "预算执行" },
  inputs: MonthlyInputs,
  dateSerial: number,
): number {
  // The header first: its widths are what the texts above are fitted to.
  b.tableColumns(HEADER_ROW, columns, []);
  const { titles, noteSpan } = print;
  const title = `${TITLE_MARK}${text.label} · ${ctx.data.document.title}`;
  b.title(title, titles);
  b.style(cellAddress(1, 1), { wrap: true });
  b.fit(1, 1, title, titles, STYLE.title.size);
  b.value(2, 1, "报告月份");
  b.style(cellAddress(2, 1), STYLE.label);
  b.style(cellAddress(2, 2), { border: true, hAlign: "center", vAlign: "center", bold: true });
  // Not "=…": a text that starts with "=" is written as a formula by Office.js.
  const note = `即“${text.dateSheet}”的报告日期所在月及以前、已填数据的最近一个月;本期数即该月的数`;
  b.value(2, 3, note);
  b.merge(2, 3, 2, 2 + noteSpan);
  b.style(rangeAddress(2, 3, 2, 2 + noteSpan), { ...STYLE.subtitle, vAlign: "center" });
  b.fit(2, 3, note, noteSpan);
  b.value(3, 1, text.legend);
  b.merge(3, 1, 3, titles);
  b.style(rangeAddress(3, 1, 3, titles), STYLE.subtitle);
  b.height(3, 32);
  b.fit(3, 1, text.legend, titles);
  const month = reportMonthOf(ctx, inputs, dateSerial);
  const dateCell = `${quoteSheet(ctx.names[text.dateSheet])}!${DATE_CELL_ABS}`;
  b.set(2, 2, {
    formula: reportMonthFormula(dateCell, ctx.index.year, allMonthColumns(ctx)),
    result: month,
    numFmt: '0"月"',
  });
  return month;
}

/**
 * Points of 编号 and 领域 on 月度填报, wrapped (an id at its hyphens): each in two lines at most, so the three
 * identity columns that every printed page repeats leave room for six months at 87 %.
 */
const IDENTITY_SIZE = 9;

export interface MonthlyTargetsOut {
  readonly sheet: SheetSpec;
  readonly stats: BuildStats;
  readonly reportMonth: number;
}

export function buildMonthlyTargetsSheet(
  ctx: BuildContext,
  name: string,
  inputs: MonthlyInputs = {},
  dateSerial = ctx.reportDateSerial,
): MonthlyTargetsOut {
  const { data, index } = ctx;
  const b = new SheetBuilder("月度填报", name);
  const stats = emptyStats();
  const n = MONTHLY_TARGET_COLUMNS.length;
  const col = monthlyTargetCol;
  const month = sheetTop(
    b,
    ctx,
    MONTHLY_TARGET_COLUMNS,
    { titles: col("指标"), noteSpan: 1 },
    {
      label: "月度填报",
      legend:
        "黄色底纹为填报单元格:每月填1–N月累计数(按目标的单位;百分比指标直接输入百分数,如 3.05%),各月分列、互不覆盖,修订某月只改该月。" +
        "“目标任务”的实际值取报告月份的本期数;上年值在“目标任务”中填写。",
      dateSheet: "目标任务",
    },
    inputs,
    dateSerial,
  );
  let r = FIRST_DATA_ROW;
  const first = columnLetter(targetMonthColumn(1));
  const last = columnLetter(targetMonthColumn(12));
  for (const target of data.targets) {
    const area = index.area(target.area);
    const f = inputs.targets?.get(target.id);
    const fmt = valueFormat(target);
    const withFmt = (v: Scalar | null) => (fmt ? { value: v, numFmt: fmt } : { value: v });
    b.value(r, col("编号"), target.id);
    b.value(r, col("领域"), area ? areaLabel(area) : String(target.area));
    b.value(r, col("指标"), target.indicator);
    b.value(r, col("单位"), target.unit);
    b.set(r, col("目标值"), withFmt(target.value === null ? null : toExcelValue(target, target.value)));
    b.value(r, col("比较"), COMPARATOR_SYMBOL[target.comparator]);
    b.value(r, col("口径"), basisOfKind(target.kind, CUMULATIVE_KINDS));
    const previous = number(f?.previous);
    b.set(r, col("上年值"), {
      formula: lookupFormula(`$A${r}`, ctx.names.目标任务, targetCol("编号"), targetCol("上年值")),
      result: previous === null ? "" : toExcelValue(target, previous),
      ...(fmt ? { numFmt: fmt } : {}),
    });
    const raw = inputs.rawTargets?.get(target.id);
    for (let m = 1; m <= 12; m++) {
      const cell = raw?.[m - 1];
      const v = f?.months[m - 1];
      if (hasContent(cell)) {
        b.set(r, targetMonthColumn(m), carried(cell, fmt));
        stats.valuesKept++;
      } else b.set(r, targetMonthColumn(m), withFmt(typeof v === "number" ? toExcelValue(target, v) : null));
    }
    const results = monthlyTargetRowResults(target, f, month, index.year, raw);
    b.set(r, col("本期数"), {
      formula: currentFigureFormula(REPORT_MONTH_CELL, `$${first}${r}`, `$${last}${r}`),
      result: results.本期数 ?? "",
      ...(fmt ? { numFmt: fmt } : {}),
    });
    const ref = (key: MonthlyTargetColumn) => `$${columnLetter(col(key))}${r}`;
    const refs: MonthlyRowRefs = {
      id: ref("编号"),
      target: ref("目标值"),
      unit: ref("单位"),
      cmp: ref("比较"),
      basis: ref("口径"),
      previous: ref("上年值"),
    };
    const h: HelperRefs = {
      lower: ref("下限"),
      upper: ref("上限"),
      excluded: ref("排除"),
      rankFloor: ref("名次下限"),
      base: ref("序时基数"),
      ratio: ref("序时方式"),
      verdict: ref("判定"),
    };
    const helperFormulas: Record<(typeof HELPERS)[number], string> = {
      下限: lowerFormula(refs),
      上限: upperFormula(refs),
      排除: excludedFormula(refs),
      名次下限: rankFloorFormula(refs),
      序时基数: baseFormula(refs),
      序时方式: ratioFormula(refs),
      判定: verdictFormula(refs),
    };
    for (let m = 1; m <= 12; m++) {
      const key = `${m}月状态` as MonthlyTargetColumn;
      const x = `${columnLetter(targetMonthColumn(m))}${r}`;
      b.set(r, col(key), { formula: monthStatusFormula(refs.id, x, h, m), result: results[key] ?? "" });
    }
    for (const k of HELPERS) b.set(r, col(k), { formula: helperFormulas[k], result: results[k] ?? "" });
    b.fit(r, col("指标"), target.indicator);
    b.fit(r, col("编号"), target.id, 1, IDENTITY_SIZE);
    b.fit(r, col("领域"), area ? areaLabel(area) : String(target.area), 1, IDENTITY_SIZE);
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - HEADER_ROW;
  b.styleBox(FIRST_DATA_ROW, 1, lastRow, n, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("编号"), lastRow, col("领域"), { size: IDENTITY_SIZE, wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("指标"), lastRow, col("指标"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("单位"), lastRow, col("口径"), STYLE.center);
  b.styleBox(FIRST_DATA_ROW, targetMonthColumn(1), lastRow, targetMonthColumn(12), STYLE.input);
  const s1 = col("1月状态" as MonthlyTargetColumn);
  const s12 = col("12月状态" as MonthlyTargetColumn);
  b.styleBox(FIRST_DATA_ROW, s1, lastRow, s12, STYLE.center);
  b.styleBox(FIRST_DATA_ROW, col("下限"), lastRow, col("判定"), { color: "#7F7F7F", size: 8 });
  const statusRef = rangeAddress(FIRST_DATA_ROW, s1, lastRow, s12);
  const c0 = cellAddress(FIRST_DATA_ROW, s1);
  b.conditional({ ref: statusRef, formula: `${c0}="已完成"`, style: STATUS_COLORS.met });
  b.conditional({ ref: statusRef, formula: `${c0}="达进度"`, style: STATUS_COLORS.onPace });
  b.conditional({ ref: statusRef, formula: `${c0}="欠进度"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: statusRef, formula: `${c0}="未完成"`, style: STATUS_COLORS.missed });
  b.table({
    name: MONTHLY_TABLE_NAMES.targets,
    ref: rangeAddress(HEADER_ROW, 1, lastRow, n),
    style: "TableStyleLight1",
  });
  b.validate({
    ref: rangeAddress(FIRST_DATA_ROW, targetMonthColumn(1), lastRow, targetMonthColumn(12)),
    type: "decimal",
    min: -1e12,
    max: 1e12,
    title: "月度数",
    message: "请输入1–N月累计数(数字)。百分比指标请输入百分数(如 3.05%),名次请输入 1、2、3…",
  });
  b.flagKeptRows(FIRST_DATA_ROW, lastRow, n, col("核对"));
  b.freeze(HEADER_ROW, 3);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  // On paper: 编号 领域 指标 on every page; 1–6月 (with 单位 … 上年值), 7–12月 with 本期数, the twelve statuses,
  // then the helper columns with 核对.
  b.printInBlocks([1, col("指标")], [targetMonthColumn(7), s1, col("下限")]);
  return { sheet: b.finish(), stats, reportMonth: month };
}

export function buildMonthlySpendingSheet(
  ctx: BuildContext,
  name: string,
  inputs: MonthlyInputs = {},
  dateSerial = ctx.reportDateSerial,
): { sheet: SheetSpec; stats: BuildStats } {
  const { data, amountUnit } = ctx;
  const b = new SheetBuilder("月度支出", name);
  const stats = emptyStats();
  const columns = monthlySpendingColumns(amountUnit);
  const n = columns.length;
  const col = monthlySpendingCol;
  const month = sheetTop(
    b,
    ctx,
    columns,
    { titles: col("预算数"), noteSpan: 5 },
    {
      label: "月度支出",
      legend: `黄色底纹为填报单元格:每月填各领域1–N月累计支出数(${amountUnit}),各月分列、互不覆盖。“预算执行”的支出数取报告月份的本期数。`,
      dateSheet: "预算执行",
    },
    inputs,
    dateSerial,
  );
  let r = FIRST_DATA_ROW;
  const first = columnLetter(spendingMonthColumn(1));
  const last = columnLetter(spendingMonthColumn(12));
  for (const area of data.areas) {
    const f = inputs.areas?.get(area.no);
    b.value(r, col("领域"), areaLabel(area));
    b.value(r, col("预算数"), fromYi(area.budgetYi, amountUnit), MONEY);
    const raw = inputs.rawAreas?.get(area.no);
    for (let m = 1; m <= 12; m++) {
      const cell = raw?.[m - 1];
      const v = f?.months[m - 1];
      // A number is written in this sheet's unit (a unit switch converts it); a typed formula or text as typed.
      if (hasContent(cell) && (cell.formula !== undefined || typeof v !== "number")) {
        b.set(r, spendingMonthColumn(m), carried(cell, MONEY));
        stats.valuesKept++;
      } else b.value(r, spendingMonthColumn(m), typeof v === "number" ? fromYi(v, amountUnit) : null, MONEY);
    }
    b.set(r, col("本期数"), {
      formula: currentFigureFormula(REPORT_MONTH_CELL, `$${first}${r}`, `$${last}${r}`),
      result: currentOf(areaMonthCells(f, raw, amountUnit), month),
      numFmt: MONEY,
    });
    b.fit(r, col("领域"), areaLabel(area));
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - HEADER_ROW;
  b.styleBox(FIRST_DATA_ROW, 1, lastRow, n, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("领域"), lastRow, col("领域"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, spendingMonthColumn(1), lastRow, spendingMonthColumn(12), STYLE.input);
  b.table({
    name: MONTHLY_TABLE_NAMES.spending,
    ref: rangeAddress(HEADER_ROW, 1, lastRow, n),
    style: "TableStyleLight1",
  });
  b.validate({
    ref: rangeAddress(FIRST_DATA_ROW, spendingMonthColumn(1), lastRow, spendingMonthColumn(12)),
    type: "decimal",
    min: -1e12,
    max: 1e12,
    title: "月度支出数",
    message: `请输入1–N月累计支出数(单位:${amountUnit})。`,
  });
  b.flagKeptRows(FIRST_DATA_ROW, lastRow, n, col("核对"));
  b.freeze(HEADER_ROW, 1);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  // On paper: 领域 and 预算数 on every page, 1–6月 then 7–12月 with 本期数 and 核对.
  b.printInBlocks([1, col("预算数")], [spendingMonthColumn(7)]);
  return { sheet: b.finish(), stats };
}

/** Rows of 月度状态: counts by status and month, then budget execution by month. */
export const STATUS_TREND_HEADER = 4;
const MONEY_ROWS = ["预算数合计", "支出数合计", "执行率", "序时进度", "进度差(百分点)"] as const;
export const STATUS_MONEY_TOP = STATUS_TREND_HEADER + STATUSES.length + 2;

export interface MonthlyStatusOut {
  readonly sheet: SheetSpec;
  readonly stats: BuildStats;
  /** Counts by status and month (1月 first), as cached: the trend chart's values. */
  readonly counts: Readonly<Record<(typeof STATUSES)[number], readonly number[]>>;
}

/** Each target's status at each month's end, as the engine gives it (or the text the sheet shows). */
export function monthlyStatuses(target: Target, f: TargetFigures | undefined, year: number): Scalar[] {
  const months = (f?.months ?? []).map((x) => (typeof x === "number" ? x : null));
  const direction = target.comparator === "increase" || target.comparator === "decrease";
  return monthlyStatus(target, months, year, number(f?.previous)).map((s, i): Scalar => {
    if (f?.months[i] === "invalid") return NOT_A_NUMBER;
    if (direction && f?.previous === "invalid" && typeof f.months[i] === "number") return NOT_A_NUMBER;
    return isCalcError(s) ? errorText(s) : s;
  });
}

export function buildMonthlyStatusSheet(ctx: BuildContext, name: string, inputs: MonthlyInputs = {}): MonthlyStatusOut {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("月度状态", name);
  const stats = emptyStats();
  const span = 13;
  b.title(`${TITLE_MARK}月度状态 · ${data.document.title}`, span);
  b.value(
    2,
    1,
    "本表全部为公式:各月目标状态的个数(每个目标按当月累计数与该月底序时进度m/12判断,逐项见“月度填报”的各月状态列)," +
      "以及各月预算执行与序时进度。请在“月度填报”“月度支出”中填报。",
  );
  b.merge(2, 1, 2, span);
  b.style(rangeAddress(2, 1, 2, span), STYLE.subtitle);
  b.height(2, 30);
  [18, ...Array(12).fill(9)].forEach((w, i) => b.width(i + 1, w as number));
  const mt = quoteSheet(ctx.names.月度填报);
  const ms = quoteSheet(ctx.names.月度支出);
  const monthCol = (m: number) => 1 + m;

  const statuses = data.targets.map((t) => monthlyStatuses(t, inputs.targets?.get(t.id), index.year));
  b.value(STATUS_TREND_HEADER, 1, "状态(项)");
  MONTH_HEADERS.forEach((h, i) => b.value(STATUS_TREND_HEADER, monthCol(i + 1), h));
  b.styleBox(STATUS_TREND_HEADER, 1, STATUS_TREND_HEADER, span, STYLE.computedHeader);
  const counts = {} as Record<(typeof STATUSES)[number], number[]>;
  STATUSES.forEach((st, k) => {
    const r = STATUS_TREND_HEADER + 1 + k;
    b.value(r, 1, st);
    counts[st] = [];
    for (let m = 1; m <= 12; m++) {
      const L = columnLetter(monthlyTargetCol(`${m}月状态` as MonthlyTargetColumn));
      const c = statuses.filter((row) => row[m - 1] === st).length;
      counts[st].push(c);
      b.set(r, monthCol(m), { formula: `COUNTIF(${mt}!$${L}:$${L},$A${r})`, result: c, numFmt: "0" });
    }
  });
  const trendLast = STATUS_TREND_HEADER + STATUSES.length;
  b.table({
    name: MONTHLY_TABLE_NAMES.status,
    ref: rangeAddress(STATUS_TREND_HEADER, 1, trendLast, span),
    style: "TableStyleLight1",
  });
  b.styleBox(STATUS_TREND_HEADER + 1, 1, trendLast, span, { ...STYLE.body, hAlign: "center" });

  b.value(STATUS_MONEY_TOP, 1, `预算执行(${amountUnit})`);
  MONTH_HEADERS.forEach((h, i) => b.value(STATUS_MONEY_TOP, monthCol(i + 1), h));
  b.styleBox(STATUS_MONEY_TOP, 1, STATUS_MONEY_TOP, span, STYLE.computedHeader);
  const budgetCol = columnLetter(monthlySpendingCol("预算数"));
  const budgetSum = data.areas.reduce((s, a) => s + fromYi(a.budgetYi, amountUnit), 0);
  MONEY_ROWS.forEach((label, k) => {
    const r = STATUS_MONEY_TOP + 1 + k;
    b.value(r, 1, label);
    for (let m = 1; m <= 12; m++) {
      const L = columnLetter(monthCol(m));
      const S = columnLetter(spendingMonthColumn(m));
      const spentValues = [...(inputs.areas?.values() ?? [])].map((f) => f.months[m - 1]);
      const anySpent = spentValues.some((v) => typeof v === "number");
      const spent = spentValues.reduce<number>((t, v) => t + (typeof v === "number" ? fromYi(v, amountUnit) : 0), 0);
      const rate: Scalar = anySpent && budgetSum !== 0 ? spent / budgetSum : "";
      const progress = monthEndProgress(index.year, m);
      const cell: CellSpec = (() => {
        switch (label) {
          case "预算数合计":
            // From the first area row down, not the whole column: B2 of 月度支出 holds the report month.
            return {
              formula: `SUM(${ms}!$${budgetCol}$${FIRST_DATA_ROW}:$${budgetCol}$${SHEET_LAST_ROW})`,
              result: budgetSum,
              numFmt: MONEY,
            };
          case "支出数合计":
            return { formula: `SUM(${ms}!$${S}:$${S})`, result: spent, numFmt: MONEY };
          case "执行率":
            return {
              formula: `IF(COUNT(${ms}!$${S}:$${S})=0,"",IF(${L}${r - 2}=0,"",${L}${r - 1}/${L}${r - 2}))`,
              result: rate,
              numFmt: "0.0%",
            };
          case "序时进度":
            return { formula: `${m}/12`, result: progress, numFmt: "0.0%" };
          case "进度差(百分点)":
            return {
              formula: `IF(ISNUMBER(${L}${r - 2}),(${L}${r - 2}-${L}${r - 1})*100,"")`,
              result: typeof rate === "number" ? pace(rate, progress) : "",
              numFmt: "0.0",
            };
        }
      })();
      b.set(r, monthCol(m), cell);
    }
  });
  const moneyLast = STATUS_MONEY_TOP + MONEY_ROWS.length;
  b.styleBox(STATUS_MONEY_TOP + 1, 1, moneyLast, span, STYLE.body);
  stats.rowsWritten += STATUSES.length + MONEY_ROWS.length;
  b.freeze(STATUS_TREND_HEADER, 1);
  return { sheet: b.finish(), stats, counts };
}

/**
 * The results of a 月度填报 row's formulas (cached in the file): 上年值, 本期数 of the report month, each month's
 * status (engine status at the month's end) and the helper columns.
 */
export function monthlyTargetRowResults(
  target: Target,
  f: TargetFigures | undefined,
  month: number,
  year: number,
  raw?: readonly (RawCell | undefined)[],
): Partial<Record<MonthlyTargetColumn, Scalar>> {
  const out: Partial<Record<MonthlyTargetColumn, Scalar>> = { ...helperResults(target, f) };
  const previous = f?.previous;
  out.上年值 =
    typeof previous === "number" ? toExcelValue(target, previous) : previous === "invalid" ? NOT_A_NUMBER : "";
  out.本期数 = currentOf(targetMonthCells(target, f, raw), month);
  monthlyStatuses(target, f, year).forEach((st, i) => {
    out[`${i + 1}月状态` as MonthlyTargetColumn] = st;
  });
  return out;
}

/** The helper columns' values, as the sheet computes them (cached results). */
function helperResults(t: Target, f: TargetFigures | undefined): Record<(typeof HELPERS)[number], Scalar> {
  const e = t.value === null ? null : toExcelValue(t, t.value);
  const prevRaw = f?.previous;
  const i: Scalar = typeof prevRaw === "number" ? toExcelValue(t, prevRaw) : prevRaw === "invalid" ? NOT_A_NUMBER : "";
  const g = t.comparator;
  const tol = e === null ? 0 : 0.05 * Math.abs(e) + (t.unit === "%" ? 1e-14 : 1e-12);
  const BIG = 1e307;
  const direction = g === "increase" || g === "decrease";
  const cumulative = CUMULATIVE_KINDS.includes(t.kind) && (g === ">=" || g === ">" || g === "~" || g === "<=");
  return {
    下限: g === ">=" || g === ">" ? (e ?? 0) : g === "~" ? (e ?? 0) - tol : g === "increase" ? i : -BIG,
    上限: g === "<=" || g === "rank<=" ? (e ?? 0) : g === "~" ? (e ?? 0) + tol : g === "decrease" ? i : BIG,
    排除: g === ">" ? (e ?? 0) : direction ? i : "",
    名次下限: g === "rank<=" ? 1 : -BIG,
    序时基数: cumulative ? (e ?? 0) : "",
    序时方式: g === "<=" ? -1 : 1,
    判定: direction ? (i === "" ? "未填报" : typeof i === "number" ? "" : NOT_A_NUMBER) : e === null ? "—" : "",
  };
}

/** Reads monthly figures back in the engine's scale (used by a refresh for cached results). */
export function toEngineFigure(t: Target, cellValue: number): number {
  return fromExcelValue(t, cellValue);
}

export { toYi, valueFormat as monthlyValueFormat };
