import { fromYi, monthlyExecution, STATUSES, statusCountsByMonth, type Status } from "../engine";
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import type { BuildContext } from "./context";
import { FIRST_DATA_ROW } from "./layout";
import { MONTH_HEADERS } from "./monthlyLayout";
import { STYLE, type SheetBuilder } from "./sheetBuilder";
import { NA_RESULT, type CellSpec } from "../workbook/model";
import {
  monthlySpendingCol,
  monthlyTargetCol,
  spendingMonthColumn,
  type MonthlyInputs,
  type MonthlyTargetColumn,
} from "./monthly";
import { monthlyStatuses } from "./monthlyStatus";

/**
 * 汇总's trends through the year, below its other blocks, two printed pages: (1) how many targets are in each
 * status at each month's end (COUNTIFS over 月度填报's month status columns) with a stacked column chart, and (2)
 * budget execution by month (1–N月 spending of all areas ÷ their budget, from 月度支出) against month-end 序时进度
 * (m/12), with a line chart. Cached results come from the engine (monthlyStatus, monthlyExecution).
 */

/** Column A of each block's first row: how a refresh finds the blocks on a sheet that has them. */
export const TREND_TITLES = {
  status: "各月目标状态(项)",
  execution: "各月预算执行与序时进度",
} as const;

export const TREND_CHARTS = { status: "ZC_ChartTrendStatus", execution: "ZC_ChartTrendExecution" } as const;

/** Rows of one block: title, header, 12 months, a spacer, the chart, and (second block) the caption. */
const CHART_TOP = 15;
const CHART_ROWS = 12;
/**
 * Rows per printed page. A block with its chart is 28 rows of 16 pt (the second adds the caption: 29) plus the
 * repeated title row — under the 509 pt of an A4 landscape page between the 0.6-inch margins, as the first charts'.
 */
export const TREND_BLOCK_ROWS = 28;
export const TREND_ROWS = 2 * TREND_BLOCK_ROWS + 1;
/** Columns the blocks use (A…G) and the charts span (A…I, as 汇总's other charts). */
const SPAN = 8;

const STATUS_FILL: Record<Status, string> = {
  已完成: "#70AD47",
  达进度: "#5B9BD5",
  欠进度: "#FFC000",
  未完成: "#E15759",
  未填报: "#BFBFBF",
};
const PERCENT = "0.0%";
const MONEY = "#,##0.00";

/** What the trend blocks are built from, and where a refresh found room for them. */
export interface TrendInputs {
  /** The figures the monthly sheets hold (for cached results). */
  readonly monthly: MonthlyInputs;
  /** The row the blocks start on in the sheet as it is (a refresh of a sheet that has them). */
  readonly at?: number;
  /** The sheet's last used row (a refresh that adds the blocks: they go below everything there). */
  readonly after?: number;
}

/** Where the blocks start: where they are, else below 汇总's other blocks and below anything the user put there. */
export function trendTop(defaultTop: number, inputs: Pick<TrendInputs, "at" | "after">): number {
  return inputs.at ?? Math.max(defaultTop, (inputs.after ?? 0) + 2);
}

/** Rows of the data below a header, e.g. 月度支出's areas: from the first data row to the sheet's last. */
const dataColumn = (sheet: string, column: number) => {
  const L = columnLetter(column);
  return `${sheet}!$${L}$${FIRST_DATA_ROW}:$${L}$1048576`;
};

/**
 * Writes the two trend blocks (a page break before each) from `defaultTop` — or where `inputs` place them — and
 * returns their first and last rows.
 */
export function buildSummaryTrends(
  b: SheetBuilder,
  ctx: BuildContext,
  defaultTop: number,
  inputs: TrendInputs,
): { top: number; last: number } {
  const { data, index, amountUnit } = ctx;
  const { monthly } = inputs;
  const top = trendTop(defaultTop, inputs);
  const mt = quoteSheet(ctx.names.月度填报);
  const ms = quoteSheet(ctx.names.月度支出);
  const heading = { bold: true, vAlign: "center" } as const;

  // Block 1: status counts by month.
  b.breakBefore(top);
  b.value(top, 1, TREND_TITLES.status);
  b.value(top, 3, "按各月累计数与月底序时进度判断,逐项见“月度填报”各月状态列。");
  b.merge(top, 3, top, SPAN);
  b.style(cellAddress(top, 1), heading);
  b.style(rangeAddress(top, 3, top, SPAN), { ...STYLE.subtitle, vAlign: "center", wrap: false });
  const sHeader = top + 1;
  ["月份", ...STATUSES, "合计"].forEach((h, i) => b.value(sHeader, i + 1, h));
  b.styleBox(sHeader, 1, sHeader, 2 + STATUSES.length, STYLE.computedHeader);
  const statuses = data.targets.map((t) => monthlyStatuses(t, monthly.targets?.get(t.id), index.year));
  const counts = statusCountsByMonth(statuses);
  const months = MONTH_HEADERS.map((label, i) => ({ label, m: i + 1, row: sHeader + 1 + i }));
  for (const { label, m, row } of months) {
    b.value(row, 1, label);
    const statusColumn = columnLetter(monthlyTargetCol(`${m}月状态` as MonthlyTargetColumn));
    STATUSES.forEach((s, k) => {
      b.set(row, 2 + k, {
        formula: `COUNTIFS(${mt}!$${statusColumn}:$${statusColumn},${columnLetter(2 + k)}$${sHeader})`,
        result: counts[s][m - 1] ?? 0,
        numFmt: "0",
      });
    });
    const last = columnLetter(1 + STATUSES.length);
    b.set(row, 2 + STATUSES.length, {
      formula: `SUM(B${row}:${last}${row})`,
      result: STATUSES.reduce((n, s) => n + (counts[s][m - 1] ?? 0), 0),
      numFmt: "0",
    });
  }
  const sLast = sHeader + 12;
  b.styleBox(sHeader + 1, 1, sLast, 2 + STATUSES.length, { ...STYLE.body, hAlign: "center" });
  b.chart({
    name: TREND_CHARTS.status,
    title: "各月目标状态(项)",
    kind: "columnStacked",
    sourceRef: rangeAddress(sHeader, 1, sLast, 1 + STATUSES.length),
    categoriesRef: rangeAddress(sHeader + 1, 1, sLast, 1),
    categories: MONTH_HEADERS,
    series: STATUSES.map((s, k) => ({
      name: s,
      nameRef: cellAddress(sHeader, 2 + k),
      valuesRef: rangeAddress(sHeader + 1, 2 + k, sLast, 2 + k),
      values: counts[s],
      color: STATUS_FILL[s],
    })),
    from: cellAddress(top + CHART_TOP, 1),
    to: cellAddress(top + CHART_TOP + CHART_ROWS, SPAN + 1),
  });

  // Block 2: budget execution by month against 序时进度.
  const eTop = top + TREND_BLOCK_ROWS;
  b.breakBefore(eTop);
  b.value(eTop, 1, `${TREND_TITLES.execution}(${amountUnit})`);
  b.value(eTop, 3, "执行率=1–N月累计支出数之和÷预算数之和;进度差以百分点计。");
  b.merge(eTop, 3, eTop, SPAN);
  b.style(cellAddress(eTop, 1), heading);
  b.style(rangeAddress(eTop, 3, eTop, SPAN), { ...STYLE.subtitle, vAlign: "center", wrap: false });
  const eHeader = eTop + 1;
  const headers = ["月份", "执行率", "序时进度", "进度差", "支出数", "预算数"];
  headers.forEach((h, i) => b.value(eHeader, i + 1, h));
  b.styleBox(eHeader, 1, eHeader, headers.length, STYLE.computedHeader);
  const budgetRef = dataColumn(ms, monthlySpendingCol("预算数"));
  const budget = data.areas.reduce((s, a) => s + fromYi(a.budgetYi, amountUnit), 0);
  const spentByArea = data.areas.map((a) =>
    (monthly.areas?.get(a.no)?.months ?? []).map((v) => (typeof v === "number" ? fromYi(v, amountUnit) : null)),
  );
  const execution = monthlyExecution(index.year, budget, spentByArea);
  for (const { label, m } of months) {
    const row = eHeader + m;
    const x = execution[m - 1];
    const spent = dataColumn(ms, spendingMonthColumn(m));
    const cells: CellSpec[] = [
      { value: label },
      {
        // NA() where no area has reported: the chart's line has a gap there ("" would be drawn as 0).
        formula: `IF(COUNT(${spent})=0,NA(),IF(F${row}=0,NA(),E${row}/F${row}))`,
        result: x?.rate ?? NA_RESULT,
        numFmt: PERCENT,
      },
      { formula: `${m}/12`, result: x?.progress ?? m / 12, numFmt: PERCENT },
      {
        formula: `IF(ISNUMBER(B${row}),(B${row}-C${row})*100,"")`,
        result: x?.pace ?? "",
        numFmt: "0.0",
      },
      {
        formula: `IF(COUNT(${spent})=0,"",SUM(${spent}))`,
        result: x?.rate === null || x === undefined ? "" : x.spent,
        numFmt: MONEY,
      },
      { formula: `SUM(${budgetRef})`, result: budget, numFmt: MONEY },
    ];
    cells.forEach((cell, i) => b.set(row, i + 1, cell));
  }
  const eLast = eHeader + 12;
  b.styleBox(eHeader + 1, 1, eLast, headers.length, STYLE.body);
  b.styleBox(eHeader + 1, 1, eLast, 4, STYLE.center);
  // #N/A of a month nobody reported is there for the chart; on screen and paper it reads as blank.
  b.conditional({
    ref: rangeAddress(eHeader + 1, 2, eLast, 2),
    formula: `ISNA(${cellAddress(eHeader + 1, 2)})`,
    style: { color: "#FFFFFF" },
  });
  b.chart({
    name: TREND_CHARTS.execution,
    title: "各月预算执行率与序时进度",
    kind: "line",
    sourceRef: rangeAddress(eHeader, 1, eLast, 3),
    categoriesRef: rangeAddress(eHeader + 1, 1, eLast, 1),
    categories: MONTH_HEADERS,
    categoryFormat: '0"月"',
    series: [
      {
        name: "执行率",
        nameRef: cellAddress(eHeader, 2),
        valuesRef: rangeAddress(eHeader + 1, 2, eLast, 2),
        values: execution.map((x) => x.rate),
        color: "#ED7D31",
      },
      {
        name: "序时进度",
        nameRef: cellAddress(eHeader, 3),
        valuesRef: rangeAddress(eHeader + 1, 3, eLast, 3),
        values: execution.map((x) => x.progress),
        color: "#4472C4",
      },
    ],
    from: cellAddress(eTop + CHART_TOP, 1),
    to: cellAddress(eTop + CHART_TOP + CHART_ROWS, SPAN + 1),
    valueFormat: "0%",
  });
  const caption = eTop + TREND_BLOCK_ROWS;
  b.value(caption, 1, "注:两张趋势图分别取自上方两张表,随“月度填报”“月度支出”的填报自动更新;未报送的月份不画点。");
  b.merge(caption, 1, caption, SPAN);
  b.style(rangeAddress(caption, 1, caption, SPAN), STYLE.subtitle);
  // Explicit heights, as for 汇总's other rows: LibreOffice places charts by the heights it reads at load.
  for (let row = top; row <= caption; row++) b.height(row, 16);
  return { top, last: caption };
}
