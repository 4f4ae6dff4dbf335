import {
  fromExcelValue,
  isCalcError,
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
import { type AmountUnit, type BuildContext } from "./context";

import { HEADER_ROW } from "./layout";
import { reportMonthFormula } from "./monthlyFormulas";
import { MONTH_HEADERS } from "./monthlyLayout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { Scalar } from "../workbook/model";
import { hasContent } from "../workbook/cells";
import type { ColumnDef } from "../workbook/model";

/**
 * The monthly sheets. 月度填报: one row per target, its 1–N月 cumulative figure for each month (inputs), and 本期数
 * — the figure of the report month, which 目标任务's 实际值 shows. 月度支出: the same per area for spending.
 * 月度状态: each target's status at each month's end (engine status with m/12) and, above, the counts by month and
 * budget execution against 序时进度 by month — the year's trend. History is never overwritten: each month has its
 * own column.
 *
 * This file holds what the three share: their columns, number formats, the month cells read back, the report month
 * and the top rows of an input sheet. Each sheet is built in a file of its own: monthlyTargets.ts (月度填报),
 * monthlySpending.ts (月度支出), monthlyStatus.ts (月度状态).
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
export const MONEY = "#,##0.00";
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

/** A figure that is a number, else null (blank, text or invalid). */
export const numberOf = (f: Figure | undefined): number | null => (typeof f === "number" ? f : null);

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
export interface SheetTop {
  readonly columns: readonly ColumnDef<string>[];
  readonly print: { readonly titles: number; readonly noteSpan: number };
  readonly text: { readonly label: string; readonly legend: string; readonly dateSheet: "目标任务" | "预算执行" };
  readonly inputs: MonthlyInputs;
  readonly dateSerial: number;
}

export function sheetTop(b: SheetBuilder, ctx: BuildContext, top: SheetTop): number {
  const { columns, print, text, inputs, dateSerial } = top;
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

/** Reads monthly figures back in the engine's scale (used by a refresh for cached results). */
export function toEngineFigure(t: Target, cellValue: number): number {
  return fromExcelValue(t, cellValue);
}

export { toYi, valueFormat as monthlyValueFormat };
