import { fromYi } from "../engine";
import { LIKELIHOODS } from "../returns/types";
import type { Target } from "../policy/types";
import { targetFigure } from "../report";
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import { toScalar } from "../workbook/cells";
import { areaLabel, carried, emptyStats, type BuildContext, type BuildStats } from "./context";
import { evaluateExecution, evaluateTarget, progressOf } from "./evaluate";
import { executionRateFormula, paceFormula } from "./formulas";
import { headerKey, targetCol } from "./layout";
import { lookupFormula } from "./monthlyFormulas";
import { MONITOR_TABLE } from "./monthlyLayout";
import { currentFigures, type MonthlyCarry } from "./monthlyPlan";
import { findHeader, readTargetsSheet, type ReadTargetRow } from "./read";
import { sameScalar } from "../workbook/same";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { Scalar, SheetSpec } from "../workbook/model";
import { monthlySpendingCol, monthlyTargetCol, reportMonthOf, REPORT_MONTH_CELL } from "./monthly";
import { articleLabel } from "./targets";
import { titleWithNumber } from "../policy/documentLabel";
import type { ExistingSheet } from "../workbook/snapshot";
import { COMPARATOR_SYMBOL, shownAsPercent } from "./texts";
import { hasContent } from "../workbook/cells";
import type { ColumnDef } from "../workbook/model";

/**
 * 绩效监控: the 绩效运行监控表 as the bureau files it (财预〔2019〕136号 practice). On top, 预算执行情况 by area —
 * 预算数, 1–N月支出, 执行率, 序时进度 (N月底) and 偏差 — read from 月度支出; below, one row per target — 年度指标值 as the
 * document states it, 1–N月执行情况 (月度填报's 本期数), 完成率 and 状态 (目标任务's) — and the four columns the form
 * asks the departments to fill: 全年预计完成情况, 偏差原因分析, 完成目标可能性 (确定能 / 有可能 / 完全不可能) and
 * 纠偏措施. Every figure is a classic formula looking up the other sheets by 编号 or 领域, so rows can be sorted.
 */

export type MonitorColumn =
  | "编号"
  | "领域"
  | "条款"
  | "指标"
  | "年度指标值"
  | "1–N月执行情况"
  | "完成率"
  | "状态"
  | "全年预计完成情况"
  | "偏差原因分析"
  | "完成目标可能性"
  | "纠偏措施"
  | "核对";

export const MONITOR_COLUMNS: readonly ColumnDef<MonitorColumn>[] = [
  { key: "编号", header: "编号", role: "official", width: 20 },
  { key: "领域", header: "领域", role: "official", width: 14 },
  // 13 wide: above the table this column holds the 1–N月支出 amounts (694,900.00).
  { key: "条款", header: "条款", role: "official", width: 13 },
  { key: "指标", header: "指标", role: "official", width: 24 },
  { key: "年度指标值", header: "年度指标值", role: "official", width: 13 },
  { key: "1–N月执行情况", header: "1–N月执行情况", role: "computed", width: 12 },
  { key: "完成率", header: "完成率", role: "computed", width: 9 },
  { key: "状态", header: "状态", role: "computed", width: 8 },
  { key: "全年预计完成情况", header: "全年预计完成情况", role: "input", width: 14 },
  { key: "偏差原因分析", header: "偏差原因分析", role: "input", width: 22 },
  { key: "完成目标可能性", header: "完成目标可能性", role: "input", width: 11 },
  { key: "纠偏措施", header: "纠偏措施", role: "input", width: 22 },
  { key: "核对", header: "核对", role: "computed", width: 10 },
];

export const monitorCol = (key: MonitorColumn) => MONITOR_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The 预算执行 block's columns: the first of 预算执行's, so its formulas (executionRate, pace) read the same cells. */
export type MonitorBudgetColumn = "领域" | "预算数" | "1–N月支出" | "执行率" | "序时进度" | "偏差";

export function monitorBudgetHeaders(unit: string): readonly { key: MonitorBudgetColumn; header: string }[] {
  return [
    { key: "领域", header: "领域" },
    { key: "预算数", header: `预算数(${unit})` },
    { key: "1–N月支出", header: `1–N月支出(${unit})` },
    { key: "执行率", header: "执行率" },
    { key: "序时进度", header: "序时进度" },
    { key: "偏差", header: "偏差(百分点)" },
  ];
}

/** Rows of the sheet: title, 报告月份, legend, then the 预算执行 block, then the 绩效指标 table. */
export const MONITOR_BUDGET_TITLE_ROW = 4;
export const MONITOR_BUDGET_HEADER_ROW = 5;
export const MONITOR_TOTAL_LABEL = "合计";

/** Where the 绩效指标 table's header is for an edition with `areas` areas (one row each, then 合计, a gap, a title). */
export function monitorHeaderRow(areas: number): number {
  return MONITOR_BUDGET_HEADER_ROW + areas + 4;
}

const MONEY = "#,##0.00";
const RATE = "0.0%";
const PERCENT = "0.00%";

function valueFormat(t: Target): string | undefined {
  if (shownAsPercent(t)) return PERCENT;
  if (/亿|万元|万美元/.test(t.unit)) return MONEY;
  return undefined;
}

/**
 * 年度指标值 as the form writes it: the comparison and the figure with its unit.
 * @example annualTargetText({ comparator: ">=", value: 106.5, unit: "亿元", kind: "amount" }) // "≥106.5亿元"
 */
export function annualTargetText(t: Pick<Target, "comparator" | "value" | "unit" | "kind">): string {
  if (t.comparator === "increase") return "较上年上升";
  if (t.comparator === "decrease") return "较上年下降";
  if (t.value === null) return "定性目标";
  if (t.comparator === "rank<=") return `前${t.value}名`;
  const figure = targetFigure(t, t.value);
  if (t.comparator === "~") return `${figure}左右`;
  return `${COMPARATOR_SYMBOL[t.comparator]}${figure}`;
}

/**
 * What the sheet's formula cells show, computed from the workbook as read (cached in files for WPS); 绩效自评 reads
 * the same (实际值 and 完成率 as 目标任务 will show them).
 */
export interface MonitorResults {
  readonly month: number;
  readonly spendingMonth: number;
  readonly current: (t: Target) => Scalar;
  readonly spent: (area: number) => Scalar;
  readonly targets: (id: string) => { actual: Scalar; completion: Scalar; status: Scalar };
}

export function resultsOf(
  ctx: BuildContext,
  carry: MonthlyCarry,
  sheets: ReadonlyMap<string, ExistingSheet>,
): MonitorResults {
  const month = reportMonthOf(ctx, carry.inputs, carry.dateSerial ?? ctx.reportDateSerial);
  // 月度支出's B2 reads 预算执行's 报告日期, as its 本期数 does (see buildMonthlySheet).
  const spendingMonth = reportMonthOf(
    ctx,
    carry.inputs,
    carry.spendingDateSerial ?? carry.dateSerial ?? ctx.reportDateSerial,
  );
  const targetsSheet = sheets.get(ctx.names.目标任务);
  const read = targetsSheet ? readTargetsSheet(targetsSheet) : undefined;
  const progress = progressOf(toScalar(read ? read.reportDate?.value : ctx.reportDateSerial), ctx.index.year);
  const byId = new Map<string, { actual: Scalar; completion: Scalar; status: Scalar }>();
  // The monthly sheets' 本期数, which 1–N月执行情况 and 1–N月支出 look up: a month cell as it shows (a text typed
  // there as typed), in the sheet's scale and amount unit.
  const figures = currentFigures(ctx, carry);
  // 实际值 as 目标任务 will show it: 月度填报's 本期数 where it follows the monthly sheet, what was typed where
  // the user's value is kept over it (see targets.ts).
  const current = ctx.monthly ? figures.targets : undefined;
  const rows = new Map<string, ReadTargetRow>();
  for (const row of read?.rows ?? []) {
    const t = ctx.index.target(row.id);
    if (t && !rows.has(t.id)) rows.set(t.id, row);
  }
  for (const t of ctx.data.targets) {
    const row = rows.get(t.id);
    if (!row && !current) continue;
    const typed = row?.inputs.实际值;
    const figure = current?.get(t.id) ?? "";
    const follows =
      current !== undefined &&
      (!hasContent(typed) ||
        (typed.formula !== undefined && typed.formula.includes(ctx.names.月度填报)) ||
        (typed.formula === undefined && sameScalar(typed.value, figure)));
    const actual = follows ? figure : toScalar(typed?.value);
    const r = evaluateTarget(t, actual, toScalar(row?.inputs.上年值?.value), progress);
    byId.set(t.id, { actual: actual ?? "", completion: r.completion, status: r.status });
  }
  return {
    month,
    spendingMonth,
    current: (t) => figures.targets.get(t.id) ?? "",
    spent: (no) => figures.areas.get(no) ?? "",
    targets: (id) => byId.get(id) ?? { actual: "", completion: "", status: "未填报" },
  };
}

/** The inputs of an existing 绩效监控 as read: by 编号, each input column's cell. */
export type MonitorInputs = ReadonlyMap<string, Partial<Record<MonitorColumn, ExistingSheet["cells"][number][number]>>>;

const INPUT_KEYS = MONITOR_COLUMNS.filter((c) => c.role === "input").map((c) => c.key);

export function buildMonitorSheet(
  ctx: BuildContext,
  name: string,
  /** The figures the sheet shows ({@link resultsOf}), computed once for it and 绩效自评. */
  results: MonitorResults,
  sheets: ReadonlyMap<string, ExistingSheet> = new Map(),
): { sheet: SheetSpec; stats: BuildStats } {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("绩效监控", name);
  const stats = emptyStats();
  const n = MONITOR_COLUMNS.length;
  const col = monitorCol;
  const mt = quoteSheet(ctx.names.月度填报);
  const ms = quoteSheet(ctx.names.月度支出);
  const header = monitorHeaderRow(data.areas.length);

  // Every id on one line at 9 pt, as on 目标任务 (36 wide for 37 characters): the key staff search and sort by.
  // Widths first: the budget block's rows are fitted to them.
  const longest = Math.max(0, ...data.targets.map((t) => t.id.length));
  const idWidth = Math.max(MONITOR_COLUMNS[0]?.width ?? 20, Math.ceil(longest * 0.97));
  MONITOR_COLUMNS.forEach((c, i) => b.width(i + 1, c.width));
  b.width(col("编号"), idWidth);
  b.title(`${TITLE_MARK}绩效运行监控表 · ${titleWithNumber(data.document)}`, n);
  const month = `${mt}!${REPORT_MONTH_CELL}`;
  b.set(2, 1, {
    formula: `IF(${month}=0,"报告月份:尚无月度填报数据","报告月份:"&${month}&"月(1–"&${month}&"月累计)")`,
    result: results.month === 0 ? "报告月份:尚无月度填报数据" : `报告月份:${results.month}月(1–${results.month}月累计)`,
  });
  b.merge(2, 1, 2, 4);
  b.style(rangeAddress(2, 1, 2, 4), { bold: true, vAlign: "center" });
  b.value(
    2,
    5,
    "报告月份取自“月度填报”(目标任务的报告日期所在月及以前、已填数据的最近一个月);1–N月数取自“月度填报”“月度支出”,完成率和状态取自“目标任务”。",
  );
  b.merge(2, 5, 2, n);
  b.style(rangeAddress(2, 5, 2, n), { ...STYLE.subtitle, vAlign: "center" });
  b.height(2, 32);
  b.value(
    3,
    1,
    "黄色底纹为填报单元格:全年预计完成情况、偏差原因分析(经费保障、制度保障、人员保障、硬件条件保障或其他)、完成目标可能性(下拉选择:确定能 / 有可能 / 完全不可能)、纠偏措施。" +
      "其余各列为公式;重新生成时按编号保留全部填报内容。",
  );
  b.merge(3, 1, 3, n);
  b.style(rangeAddress(3, 1, 3, n), STYLE.subtitle);
  b.height(3, 32);

  // 一、预算执行情况: one row per area, then 合计.
  const section = (row: number, text: string) => {
    b.value(row, 1, text);
    b.merge(row, 1, row, n);
    b.style(rangeAddress(row, 1, row, n), { bold: true, size: 12, vAlign: "center" });
    b.height(row, 22);
  };
  section(MONITOR_BUDGET_TITLE_ROW, "一、预算执行情况");
  const budgetHeaders = monitorBudgetHeaders(amountUnit);
  budgetHeaders.forEach((h, i) => {
    b.value(MONITOR_BUDGET_HEADER_ROW, i + 1, h.header);
    b.style(cellAddress(MONITOR_BUDGET_HEADER_ROW, i + 1), i === 0 ? STYLE.header : STYLE.computedHeader);
  });
  b.height(MONITOR_BUDGET_HEADER_ROW, 30);
  const progressText = `IF(${ms}!${REPORT_MONTH_CELL}=0,"",${ms}!${REPORT_MONTH_CELL}/12)`;
  const progress = results.spendingMonth === 0 ? "" : results.spendingMonth / 12;
  let r = MONITOR_BUDGET_HEADER_ROW + 1;
  let budgetSum = 0;
  let spentSum = 0;
  let anySpent = false;
  for (const area of data.areas) {
    const budget = fromYi(area.budgetYi, amountUnit);
    const spent = results.spent(area.no);
    budgetSum += budget;
    if (typeof spent === "number") {
      spentSum += spent;
      anySpent = true;
    }
    const e = evaluateExecution(budget, spent, progress);
    b.value(r, 1, areaLabel(area));
    const lookup = (column: Parameters<typeof monthlySpendingCol>[0]) =>
      lookupFormula(`$A${r}`, ctx.names.月度支出, monthlySpendingCol("领域"), monthlySpendingCol(column));
    b.set(r, 2, { formula: lookup("预算数"), result: budget, numFmt: MONEY });
    b.set(r, 3, { formula: lookup("本期数"), result: spent, numFmt: MONEY });
    b.set(r, 4, { formula: executionRateFormula(r), result: e.rate, numFmt: RATE });
    b.set(r, 5, { formula: progressText, result: progress, numFmt: RATE });
    b.set(r, 6, { formula: paceFormula(r), result: e.pace, numFmt: "0.0" });
    b.fit(r, 1, areaLabel(area));
    r++;
  }
  const first = MONITOR_BUDGET_HEADER_ROW + 1;
  const last = r - 1;
  // SUM and COUNT skip text: the total is of the numbers filled, blank while none is.
  const total = evaluateExecution(budgetSum, anySpent ? spentSum : "", progress);
  b.value(r, 1, MONITOR_TOTAL_LABEL);
  b.set(r, 2, { formula: `SUM(B${first}:B${last})`, result: budgetSum, numFmt: MONEY });
  b.set(r, 3, {
    formula: `IF(COUNT(C${first}:C${last})=0,"",SUM(C${first}:C${last}))`,
    result: anySpent ? spentSum : "",
    numFmt: MONEY,
  });
  b.set(r, 4, {
    formula: executionRateFormula(r),
    result: total.rate,
    numFmt: RATE,
  });
  b.set(r, 5, { formula: progressText, result: progress, numFmt: RATE });
  b.set(r, 6, {
    formula: paceFormula(r),
    result: total.pace,
    numFmt: "0.0",
  });
  b.styleBox(first, 1, r, 6, STYLE.body);
  b.styleBox(first, 1, last, 1, { wrap: true });
  b.styleBox(r, 1, r, 6, STYLE.total);
  // Behind 序时进度 by more than 20 百分点, as on 预算执行.
  b.conditional({
    ref: rangeAddress(first, 6, r, 6),
    formula: `AND(ISNUMBER($F${first}),$F${first}<-20)`,
    style: STATUS_COLORS.missed,
  });

  // 二、绩效指标完成情况: one row per target.
  section(header - 1, "二、绩效指标完成情况");
  b.tableColumns(header, MONITOR_COLUMNS, []);
  b.width(col("编号"), idWidth);
  const inputs = readMonitorInputs(sheets.get(name), data.areas.length, ctx);
  const mcKey = monthlyTargetCol("编号");
  r = header + 1;
  for (const target of data.targets) {
    const area = index.area(target.area);
    const fmt = valueFormat(target);
    b.value(r, col("编号"), target.id);
    b.value(r, col("领域"), area ? areaLabel(area) : String(target.area));
    b.value(r, col("条款"), articleLabel(target.article));
    b.value(r, col("指标"), target.indicator);
    b.value(r, col("年度指标值"), annualTargetText(target));
    b.set(r, col("1–N月执行情况"), {
      formula: lookupFormula(`$A${r}`, ctx.names.月度填报, mcKey, monthlyTargetCol("本期数")),
      result: results.current(target),
      ...(fmt ? { numFmt: fmt } : {}),
    });
    const t = results.targets(target.id);
    const fromTargets = (key: "完成率" | "状态") =>
      lookupFormula(`$A${r}`, ctx.names.目标任务, targetCol("编号"), targetCol(key));
    b.set(r, col("完成率"), { formula: fromTargets("完成率"), result: t.completion, numFmt: RATE });
    b.set(r, col("状态"), { formula: fromTargets("状态"), result: t.status });
    const kept = inputs.get(target.id);
    for (const key of INPUT_KEYS) {
      const cell = kept?.[key];
      if (hasContent(cell)) {
        stats.valuesKept++;
        b.fit(r, col(key), String(toScalar(cell.value) ?? ""));
      }
      b.set(r, col(key), carried(cell));
    }
    b.fit(r, col("指标"), target.indicator);
    b.fit(r, col("领域"), area ? areaLabel(area) : "");
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - header + data.areas.length + 1;
  b.styleBox(header + 1, 1, lastRow, n, STYLE.body);
  for (const key of ["领域", "指标", "全年预计完成情况", "偏差原因分析", "纠偏措施", "核对"] as const) {
    b.styleBox(header + 1, col(key), lastRow, col(key), { wrap: true });
  }
  b.styleBox(header + 1, col("编号"), lastRow, col("编号"), { size: 9 });
  for (const key of ["条款", "年度指标值", "状态", "完成目标可能性"] as const) {
    b.styleBox(header + 1, col(key), lastRow, col(key), STYLE.center);
  }
  b.styleBox(header + 1, col("全年预计完成情况"), lastRow, col("纠偏措施"), STYLE.input);
  b.table({ name: MONITOR_TABLE, ref: rangeAddress(header, 1, lastRow, n), style: "TableStyleLight1" });
  b.validate({
    ref: rangeAddress(header + 1, col("完成目标可能性"), lastRow, col("完成目标可能性")),
    type: "list",
    items: LIKELIHOODS,
    title: "完成目标可能性",
    message: "请从下拉列表选择:确定能、有可能、完全不可能。",
  });
  const statusRef = rangeAddress(header + 1, col("完成率"), lastRow, col("状态"));
  const s = `$${columnLetter(col("状态"))}${header + 1}`;
  b.conditional({ ref: statusRef, formula: `${s}="已完成"`, style: STATUS_COLORS.met });
  b.conditional({ ref: statusRef, formula: `${s}="达进度"`, style: STATUS_COLORS.onPace });
  b.conditional({ ref: statusRef, formula: `${s}="欠进度"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: statusRef, formula: `${s}="未完成"`, style: STATUS_COLORS.missed });
  b.flagKeptRows(header + 1, lastRow, n, col("核对"));
  b.repeatRows(header, header);
  return { sheet: b.finish(), stats };
}

/** The input cells of an existing 绩效监控 by 编号 (used when the planner rebuilds the sheet rather than patching). */
export function readMonitorInputs(
  sheet: ExistingSheet | undefined,
  areas: number,
  ctx: BuildContext,
): Map<string, Partial<Record<MonitorColumn, ExistingSheet["cells"][number][number]>>> {
  const out = new Map<string, Partial<Record<MonitorColumn, ExistingSheet["cells"][number][number]>>>();
  if (!sheet) return out;
  const header = findHeader(sheet, ["编号", "完成目标可能性"], monitorHeaderRow(areas) + 30);
  if (header === undefined) return out;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const at = (key: MonitorColumn) => heads.indexOf(key);
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r] ?? [];
    const id = ctx.index.target(String(toScalar(row[at("编号")]?.value) ?? ""))?.id;
    if (id === undefined || out.has(id)) continue;
    out.set(id, Object.fromEntries(INPUT_KEYS.map((k) => [k, row[at(k)]])));
  }
  return out;
}
