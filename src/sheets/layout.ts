/**
 * Where things are on the sheets, shared by the builder (which writes them) and the reader (which finds the
 * user's inputs again on a refresh — by header text, so moved columns are still found).
 */

import type { ColumnDef } from "../workbook/model";

/** Row of the header of the main table on 目标任务 and 预算执行; rows 2–3 hold 报告日期 and a legend. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** The last row of a worksheet (Excel 2007+, LibreOffice, WPS): open-ended ranges that must start below row 2. */
export const SHEET_LAST_ROW = 1_048_576;
/** 报告日期: label in A2, the date to its right in B2; 序时进度: label C2, value D2. */
export const DATE_ROW = 2;
export const DATE_LABEL = "报告日期";
export const PROGRESS_LABEL = "序时进度";
export const DATE_CELL = "B2";
export const PROGRESS_CELL = "$D$2";

export type TargetColumn =
  | "编号"
  | "领域"
  | "条款"
  | "指标"
  | "目标值"
  | "单位"
  | "比较"
  | "口径"
  | "上年值"
  | "实际值"
  | "完成率"
  | "差距"
  | "状态"
  | "责任单位"
  | "备注"
  | "核对";

export const TARGET_COLUMNS: readonly ColumnDef<TargetColumn>[] = [
  // Ids (up to 37 characters) are set at 9 pt so that each stays on one line; see buildTargetsSheet.
  { key: "编号", header: "编号", role: "official", width: 36 },
  { key: "领域", header: "领域", role: "official", width: 16 },
  { key: "条款", header: "条款", role: "official", width: 8 },
  { key: "指标", header: "指标", role: "official", width: 30 },
  { key: "目标值", header: "目标值", role: "official", width: 10 },
  { key: "单位", header: "单位", role: "official", width: 7 },
  { key: "比较", header: "比较", role: "official", width: 7 },
  { key: "口径", header: "口径", role: "official", width: 6 },
  { key: "上年值", header: "上年值", role: "input", width: 10 },
  { key: "实际值", header: "实际值", role: "input", width: 11 },
  { key: "完成率", header: "完成率", role: "computed", width: 9 },
  { key: "差距", header: "差距", role: "computed", width: 12 },
  { key: "状态", header: "状态", role: "computed", width: 9 },
  // Up to eight units: two lines at 30 rather than four at 22; 备注 and 核对 are empty on most rows.
  { key: "责任单位", header: "责任单位", role: "official", width: 30 },
  { key: "备注", header: "备注", role: "input", width: 10 },
  { key: "核对", header: "核对", role: "computed", width: 10 },
];

/**
 * The columns of 目标任务 in a workbook with the monthly sheets: 实际值 is 月度填报's 本期数 (the report month's
 * figure, a formula) instead of an input. Without them (`--sheets 目标任务,汇总`) it stays what staff type.
 */
export function targetColumns(monthly: boolean): readonly ColumnDef<TargetColumn>[] {
  return monthly ? FOLLOWING_TARGET_COLUMNS : TARGET_COLUMNS;
}

const FOLLOWING_TARGET_COLUMNS: readonly ColumnDef<TargetColumn>[] = TARGET_COLUMNS.map((c) =>
  c.key === "实际值" ? { ...c, role: "computed" } : c,
);

/** 1-based column of a target column. */
export function targetCol(key: TargetColumn): number {
  return TARGET_COLUMNS.findIndex((c) => c.key === key) + 1;
}

export type ExecutionColumn = "领域" | "预算数" | "支出数" | "执行率" | "序时进度" | "进度差" | "差额" | "核对";

/** 预算执行's columns; with the monthly sheets (`monthly`) 支出数 is 月度支出's 本期数, a formula. */
export function executionColumns(unit: string, monthly = false): readonly ColumnDef<ExecutionColumn>[] {
  return [
    { key: "领域", header: "领域", role: "official", width: 30 },
    { key: "预算数", header: `预算数(${unit})`, role: "official", width: 15 },
    { key: "支出数", header: `支出数(${unit})`, role: monthly ? "computed" : "input", width: 15 },
    { key: "执行率", header: "执行率", role: "computed", width: 10 },
    { key: "序时进度", header: "序时进度", role: "computed", width: 10 },
    { key: "进度差", header: "进度差(百分点)", role: "computed", width: 12 },
    { key: "差额", header: `差额(${unit})`, role: "computed", width: 15 },
    { key: "核对", header: "核对", role: "computed", width: 16 },
  ];
}

export function executionCol(key: ExecutionColumn): number {
  return executionColumns("万元").findIndex((c) => c.key === key) + 1;
}

/** The header text without a unit in parentheses: "预算数(万元)" → "预算数". */
export function headerKey(text: unknown): string {
  if (typeof text !== "string") return "";
  return text
    .normalize("NFKC")
    .replace(/\(.*\)\s*$/, "")
    .trim();
}

/** The unit in a header's parentheses: "支出数(万元)" → "万元". */
export function headerUnit(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  return /\(([^()]*)\)\s*$/.exec(text.normalize("NFKC"))?.[1]?.trim();
}

/** Text of the 核对 column for rows the edition no longer has. */
export const ORPHAN_TARGET = "本版政策无此编号,已保留原填报";
export const DUPLICATE_TARGET = "编号重复,已保留原填报";
export const ORPHAN_AREA = "本版政策无此领域,已保留原填报";

/** Table names: ASCII and fixed, so a refresh finds and replaces its own tables. */
export const TABLE_NAMES = {
  budget: "ZC_Budget",
  targets: "ZC_Targets",
  execution: "ZC_Execution",
  duties: "ZC_Duties",
  summaryStatus: "ZC_SummaryStatus",
  summaryMoney: "ZC_SummaryMoney",
  introSheets: "ZC_Sheets",
} as const;

export const FOREIGN_SUFFIX = "(政策目标)";
