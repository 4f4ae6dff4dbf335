import { executionRate, isCalcError, pace, STATUSES } from "../engine";
import { cellAddress, columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import { areaLabel, emptyStats, type BuildContext, type BuildStats } from "./context";
import { exactCriterion } from "./formulas";
import { executionCol, PROGRESS_CELL, TABLE_NAMES, targetCol } from "./layout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { Scalar, SheetSpec } from "../workbook/model";
import type { ExecutionRowOut } from "./execution";
import type { TargetRowOut } from "./targets";
import { buildSummaryTrends, type TrendInputs } from "./summaryTrends";
import { buildSummaryUnits, type UnitsPlacement } from "./summaryUnits";

const STATUS_TOP = 4;
/**
 * Rows (of 16 pt) each chart spans. Both charts, the repeated title row and the caption must fit one A4 landscape
 * page (about 509 pt between the 0.6-inch margins): the break row, 2 × 12 chart rows, the rows between and the
 * caption are 29 rows = 464 pt, plus the repeated title row. At 15 rows each the second chart's legend fell onto a
 * page of its own.
 */
const CHART_ROWS = 12;
/**
 * Rows of 16 pt on the first printed page (row 1 included); later pages repeat row 1 and hold one fewer. When the
 * two tables of an edition with many areas pass it, the money table starts a page of its own.
 */
const FIRST_PAGE_ROWS = 31;

/**
 * Rows a chart spans for `areas` categories: 12 up to 8 areas, then one more row per area, so that every area's
 * label stays on the axis (at 12 rows, LibreOffice and Excel show only every other label of 12 areas).
 */
export function chartRows(areas: number): number {
  return Math.max(CHART_ROWS, areas + 4);
}
const STATUS_FILL: Record<(typeof STATUSES)[number], string> = {
  已完成: "#70AD47",
  达进度: "#5B9BD5",
  欠进度: "#FFC000",
  未完成: "#E15759",
  未填报: "#BFBFBF",
};

/**
 * 汇总: counts by area and status (COUNTIFS over 目标任务's 领域 and 状态 columns, whole columns so that rows
 * the user adds or sorts are counted), money by area (SUMIFS over 预算执行 by 领域), overall execution, and
 * two native charts over those blocks; below them the trends through the year and the count by unit (未填报). Cached results come from the rows the builder just wrote.
 */
export function buildSummarySheet(
  ctx: BuildContext,
  name: string,
  targets: readonly TargetRowOut[],
  execution: readonly ExecutionRowOut[],
  executionProgress: unknown,
  blocks: {
    /** The monthly figures for the trend blocks; absent when the workbook has no monthly sheets to count. */
    readonly trends?: TrendInputs;
    /** Where the count by unit goes on a sheet being refreshed (absent: below the other blocks). */
    readonly units?: UnitsPlacement;
  } = {},
): { sheet: SheetSpec; stats: BuildStats } {
  const { data, amountUnit } = ctx;
  const b = new SheetBuilder("汇总", name);
  const stats = emptyStats();
  const t = quoteSheet(ctx.names.目标任务);
  const e = quoteSheet(ctx.names.预算执行);
  const col = (sheetRef: string, letter: string) => `${sheetRef}!$${letter}:$${letter}`;
  const tArea = col(t, columnLetter(targetCol("领域")));
  const tStatus = col(t, columnLetter(targetCol("状态")));
  const eArea = col(e, columnLetter(executionCol("领域")));
  const eBudget = col(e, columnLetter(executionCol("预算数")));
  const eSpent = col(e, columnLetter(executionCol("支出数")));
  [30, 13, 13, 11, 10, 10, 10, 11].forEach((w, i) => b.width(i + 1, w));
  const n = 8;
  b.title(`${TITLE_MARK}汇总 · ${data.document.title}`, n);
  b.value(2, 1, "本表全部为公式,随“目标任务”“预算执行”的填报自动更新,请勿在本表填写。");
  b.merge(2, 1, 2, n);
  b.style(rangeAddress(2, 1, 2, n), STYLE.subtitle);

  // Block 1: targets by area and status.
  const headers = ["领域", ...STATUSES, "目标数", "已完成比例"];
  headers.forEach((h, i) => b.value(STATUS_TOP, i + 1, h));
  b.styleBox(STATUS_TOP, 1, STATUS_TOP, n, STYLE.computedHeader);
  b.height(STATUS_TOP, 30);
  let r = STATUS_TOP + 1;
  const categories: string[] = [];
  const counts: number[][] = STATUSES.map(() => []);
  for (const area of data.areas) {
    const label = areaLabel(area);
    categories.push(label);
    const mine = targets.filter((x) => x.area === label);
    b.value(r, 1, label);
    STATUSES.forEach((s, i) => {
      const c = mine.filter((x) => x.status === s).length;
      counts[i]?.push(c);
      const header = `${columnLetter(i + 2)}$${STATUS_TOP}`;
      b.set(r, i + 2, {
        formula: `COUNTIFS(${tArea},${exactCriterion(`$A${r}`)},${tStatus},${header})`,
        result: c,
        numFmt: "0",
      });
    });
    const total = `${columnLetter(7)}${r}`;
    b.set(r, 7, { formula: `COUNTIFS(${tArea},${exactCriterion(`$A${r}`)})`, result: mine.length, numFmt: "0" });
    const done = mine.filter((x) => x.status === "已完成").length;
    b.set(r, 8, {
      formula: `IF(${total}=0,"",B${r}/${total})`,
      result: mine.length === 0 ? "" : done / mine.length,
      numFmt: "0.0%",
    });
    r++;
  }
  const statusLast = r - 1;
  stats.rowsWritten += statusLast - STATUS_TOP;
  b.table({
    name: TABLE_NAMES.summaryStatus,
    ref: rangeAddress(STATUS_TOP, 1, statusLast, n),
    style: "TableStyleLight1",
  });
  b.styleBox(STATUS_TOP + 1, 1, statusLast, n, STYLE.body);
  b.styleBox(STATUS_TOP + 1, 2, statusLast, n, STYLE.center);
  const totalRow = statusLast + 1;
  b.value(totalRow, 1, "合计");
  for (let c = 2; c <= 7; c++) {
    const L = columnLetter(c);
    const sum =
      c === 7
        ? targets.filter((x) => categories.includes(x.area)).length
        : (counts[c - 2] ?? []).reduce((s, v) => s + v, 0);
    b.set(totalRow, c, { formula: `SUM(${L}${STATUS_TOP + 1}:${L}${statusLast})`, result: sum, numFmt: "0" });
  }
  const allDone = (counts[0] ?? []).reduce((s, v) => s + v, 0);
  const allCount = targets.filter((x) => categories.includes(x.area)).length;
  b.set(totalRow, 8, {
    formula: `IF(G${totalRow}=0,"",B${totalRow}/G${totalRow})`,
    result: allCount === 0 ? "" : allDone / allCount,
    numFmt: "0.0%",
  });
  b.styleBox(totalRow, 1, totalRow, n, { ...STYLE.total, hAlign: "center" });

  // Block 2: money by area, then overall execution — on a page of its own when both tables would not fit one.
  const moneyTop = totalRow + 2;
  if (moneyTop + data.areas.length + 4 > FIRST_PAGE_ROWS) b.breakBefore(moneyTop);
  const moneyHeaders = ["领域", `预算数(${amountUnit})`, `支出数(${amountUnit})`, "执行率"];
  moneyHeaders.forEach((h, i) => b.value(moneyTop, i + 1, h));
  b.styleBox(moneyTop, 1, moneyTop, 4, STYLE.computedHeader);
  b.height(moneyTop, 30);
  r = moneyTop + 1;
  const budgets: number[] = [];
  const spends: number[] = [];
  for (const area of data.areas) {
    const label = areaLabel(area);
    const rows = execution.filter((x) => x.area === label);
    const budget = rows.reduce((s, x) => s + x.budget, 0);
    const spent = rows.reduce((s, x) => s + (x.spent ?? 0), 0);
    budgets.push(budget);
    spends.push(spent);
    b.value(r, 1, label);
    b.set(r, 2, {
      formula: `SUMIFS(${eBudget},${eArea},${exactCriterion(`$A${r}`)})`,
      result: budget,
      numFmt: "#,##0.00",
    });
    b.set(r, 3, {
      formula: `SUMIFS(${eSpent},${eArea},${exactCriterion(`$A${r}`)})`,
      result: spent,
      numFmt: "#,##0.00",
    });
    const rate = executionRate(budget, spent);
    b.set(r, 4, {
      formula: `IF(${filledCount(eArea, `$A${r}`, eSpent)}=0,"",IF(B${r}=0,"",C${r}/B${r}))`,
      // Text counts as filled: an area whose 支出数 reads 未报 shows 0%, as every engine computes; the "" of a
      // 支出数 formula (月度支出 not filled for the month) does not.
      result: !rows.some((x) => x.filled) || isCalcError(rate) ? "" : rate,
      numFmt: "0.0%",
    });
    r++;
  }
  const moneyLast = r - 1;
  stats.rowsWritten += moneyLast - moneyTop;
  b.table({ name: TABLE_NAMES.summaryMoney, ref: rangeAddress(moneyTop, 1, moneyLast, 4), style: "TableStyleLight1" });
  b.styleBox(moneyTop + 1, 1, moneyLast, 4, STYLE.body);
  const moneyTotal = moneyLast + 1;
  const budgetSum = budgets.reduce((s, v) => s + v, 0);
  const spentSum = spends.reduce((s, v) => s + v, 0);
  const anySpent = execution.some((x) => x.spent !== null);
  const overall = executionRate(budgetSum, spentSum);
  const overallResult: Scalar = !anySpent || isCalcError(overall) ? "" : overall;
  b.value(moneyTotal, 1, "合计(总体执行)");
  b.set(moneyTotal, 2, { formula: `SUM(B${moneyTop + 1}:B${moneyLast})`, result: budgetSum, numFmt: "#,##0.00" });
  b.set(moneyTotal, 3, { formula: `SUM(C${moneyTop + 1}:C${moneyLast})`, result: spentSum, numFmt: "#,##0.00" });
  b.set(moneyTotal, 4, {
    formula: `IF(COUNT(${eSpent})=0,"",IF(B${moneyTotal}=0,"",C${moneyTotal}/B${moneyTotal}))`,
    result: overallResult,
    numFmt: "0.0%",
  });
  b.styleBox(moneyTotal, 1, moneyTotal, 4, STYLE.total);

  const progressRow = moneyTotal + 1;
  const tp = `${e}!${PROGRESS_CELL}`;
  b.value(progressRow, 1, "序时进度(预算执行表报告日期)");
  b.set(progressRow, 4, {
    formula: `IF(ISNUMBER(${tp}),${tp},"")`,
    result: typeof executionProgress === "number" ? executionProgress : "",
    numFmt: "0.0%",
  });
  b.value(progressRow + 1, 1, "总体进度差(百分点)");
  b.set(progressRow + 1, 4, {
    formula: `IF(AND(ISNUMBER(D${moneyTotal}),ISNUMBER(D${progressRow})),(D${moneyTotal}-D${progressRow})*100,"")`,
    result:
      typeof overallResult === "number" && typeof executionProgress === "number"
        ? pace(overallResult, executionProgress)
        : "",
    numFmt: "0.0",
  });
  b.styleBox(progressRow, 1, progressRow + 1, 4, { ...STYLE.body, bold: true });
  b.value(progressRow + 2, 1, "各领域预算数含交叉重叠;总体执行率=各领域支出数之和÷各领域预算数之和。");
  b.merge(progressRow + 2, 1, progressRow + 2, n);
  b.style(rangeAddress(progressRow + 2, 1, progressRow + 2, n), STYLE.subtitle);

  // Charts, each over a contiguous block (categories + series), below the tables. Both share a page while they
  // fit it (up to 8 areas); taller charts get a page each.
  const chartTop = progressRow + 4;
  b.breakBefore(chartTop);
  const rows = chartRows(data.areas.length);
  const secondTop = rows > CHART_ROWS ? chartTop + rows + 3 : chartTop + 1 + rows;
  if (rows > CHART_ROWS) b.breakBefore(secondTop);
  b.chart({
    name: "ZC_ChartStatus",
    title: "各领域目标完成情况(个)",
    kind: "barStacked",
    sourceRef: rangeAddress(STATUS_TOP, 1, statusLast, 1 + STATUSES.length),
    categoriesRef: rangeAddress(STATUS_TOP + 1, 1, statusLast, 1),
    categories,
    series: STATUSES.map((s, i) => ({
      name: s,
      nameRef: cellAddress(STATUS_TOP, i + 2),
      valuesRef: rangeAddress(STATUS_TOP + 1, i + 2, statusLast, i + 2),
      values: counts[i] ?? [],
      color: STATUS_FILL[s],
    })),
    // Two rows below the page break: a printed page repeats row 1 above it, which would hide the chart's title.
    from: cellAddress(chartTop + 2, 1),
    to: cellAddress(chartTop + 2 + rows, n + 1),
  });
  b.chart({
    name: "ZC_ChartMoney",
    title: `各领域预算与支出(${amountUnit})`,
    kind: "barClustered",
    sourceRef: rangeAddress(moneyTop, 1, moneyLast, 3),
    categoriesRef: rangeAddress(moneyTop + 1, 1, moneyLast, 1),
    categories,
    series: [
      {
        name: moneyHeaders[1] ?? "",
        nameRef: cellAddress(moneyTop, 2),
        valuesRef: rangeAddress(moneyTop + 1, 2, moneyLast, 2),
        values: budgets,
        color: "#4472C4",
      },
      {
        name: moneyHeaders[2] ?? "",
        nameRef: cellAddress(moneyTop, 3),
        valuesRef: rangeAddress(moneyTop + 1, 3, moneyLast, 3),
        values: spends,
        color: "#ED7D31",
      },
    ],
    from: cellAddress(secondTop + 2, 1),
    to: cellAddress(secondTop + 2 + rows, n + 1),
  });

  // A caption under the charts: it also puts the chart rows inside the used range, which is what prints.
  const captionRow = secondTop + 3 + rows;
  b.value(captionRow, 1, "注:两张图表分别取自上方两张表,随填报自动更新。");
  b.merge(captionRow, 1, captionRow, n);
  b.style(rangeAddress(captionRow, 1, captionRow, n), STYLE.subtitle);
  b.freeze(STATUS_TOP, 1);
  // Every row gets an explicit height: LibreOffice places charts by the heights it reads at load and then
  // re-fits rows without one, which would shift the charts against the page break.
  for (let row = 1; row <= captionRow; row++) b.height(row, 16);
  const trends = blocks.trends ? buildSummaryTrends(b, ctx, captionRow + 2, blocks.trends) : undefined;
  buildSummaryUnits(b, ctx, (trends?.last ?? captionRow) + 2, targets, blocks.units);
  b.repeatRows(1, 1);
  return { sheet: b.finish(), stats };
}

/**
 * How many of an area's 支出数 cells hold something: numbers and non-empty text. Not COUNTIFS(…,"<>"), which
 * counts a formula's "" too (支出数 follows 月度支出 by formula and shows "" while the month is blank).
 */
export function filledCount(areas: string, area: string, spent: string): string {
  return `(COUNTIFS(${areas},${area},${spent},"?*")+COUNTIFS(${areas},${area},${spent},">-1E+307"))`;
}
