import { fromYi } from "../engine";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";
import { readInput } from "../workbook/cells";
import { areaLabel, budgetWording, emptyStats, type BuildContext, type BuildStats } from "./context";
import { evaluateExecution, progressOf } from "./evaluate";
import { executionRateFormula, paceFormula, progressFormula, rowProgressFormula, varianceFormula } from "./formulas";
import {
  DATE_LABEL,
  DATE_ROW,
  executionCol,
  executionColumns,
  FIRST_DATA_ROW,
  HEADER_ROW,
  PROGRESS_LABEL,
  TABLE_NAMES,
} from "./layout";
import { lookupFormula } from "./monthlyFormulas";
import { monthlySpendingCol } from "./monthly";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { Scalar, SheetSpec } from "../workbook/model";

export interface ExecutionRowOut {
  readonly area: string;
  readonly budget: number;
  /** 支出数 as a number, or null when blank or not a number. */
  readonly spent: number | null;
  /** 支出数 holds anything (text too): what 汇总's COUNTIFS(…,"<>") counts. */
  readonly filled: boolean;
}

export interface ExecutionOut {
  readonly sheet: SheetSpec;
  readonly rows: readonly ExecutionRowOut[];
  readonly progress: unknown;
  readonly stats: BuildStats;
}

const MONEY = "#,##0.00";
const DATE_FORMAT = "yyyy-mm-dd";

/** 支出数 of a row in a workbook with the monthly sheets: 月度支出's 本期数 for the row's 领域, "" while none. */
export function spentFormula(ctx: BuildContext, row: number): string {
  return lookupFormula(
    `$${columnLetter(executionCol("领域"))}${row}`,
    ctx.names.月度支出,
    monthlySpendingCol("领域"),
    monthlySpendingCol("本期数"),
  );
}

/**
 * A new 预算执行 sheet: one row per area. A refresh patches the sheet as it is by 领域 (executionPatch.ts) instead of
 * rebuilding it. `current`: 本期数 by area (in the sheet's unit), the cached result of 支出数 when `ctx.monthly`.
 */
export function buildExecutionSheet(
  ctx: BuildContext,
  name: string,
  current: ReadonlyMap<number, Scalar> = new Map(),
): ExecutionOut {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("预算执行", name);
  const stats = emptyStats();
  const columns = executionColumns(amountUnit, ctx.monthly === true);
  const columnCount = columns.length;
  const col = executionCol;

  b.title(`${TITLE_MARK}预算执行 · ${data.document.title}`, columnCount);

  b.value(DATE_ROW, 1, DATE_LABEL);
  b.set(DATE_ROW, 2, { value: ctx.reportDateSerial, numFmt: DATE_FORMAT });
  b.value(DATE_ROW, 3, PROGRESS_LABEL);
  const progress = progressOf(ctx.reportDateSerial, index.year);
  b.set(DATE_ROW, 4, { formula: progressFormula(index.year), result: progress, numFmt: "0.0%" });
  b.value(DATE_ROW, 5, `金额单位:${amountUnit}`);
  b.merge(DATE_ROW, 5, DATE_ROW, columnCount);
  b.style(cellAddress(DATE_ROW, 1), STYLE.label);
  b.style(cellAddress(DATE_ROW, 3), STYLE.label);
  b.style(cellAddress(DATE_ROW, 2), { ...STYLE.input, border: true, hAlign: "center" });
  b.style(cellAddress(DATE_ROW, 4), { border: true, hAlign: "center" });
  b.style(rangeAddress(DATE_ROW, 5, DATE_ROW, columnCount), { ...STYLE.subtitle, vAlign: "center" });
  b.height(DATE_ROW, 22);
  b.validate({
    ref: cellAddress(DATE_ROW, 2),
    type: "date",
    min: 36526,
    max: 73050,
    title: "报告日期",
    message: "请输入日期,如 2025-06-30。序时进度按月计算:(月份−1+日/当月天数)/12。",
  });

  b.value(
    3,
    1,
    (ctx.monthly
      ? `支出数(${amountUnit})为公式,取“${ctx.names.月度支出}”中报告月份的本期数,每月在“${ctx.names.月度支出}”填报。`
      : `黄色底纹为填报单元格:支出数(${amountUnit})。`) +
      `执行率=支出数÷预算数;进度差=执行率−序时进度(百分点),` +
      `落后序时进度超过20个百分点的领域标红。预算数为各领域${budgetWording(data).payer}预算安排` +
      ((index.overlapYi ?? 0) > 0 ? "(含交叉重叠,合计大于文件总额)。" : "。"),
  );
  b.merge(3, 1, 3, columnCount);
  b.style(rangeAddress(3, 1, 3, columnCount), STYLE.subtitle);
  b.height(3, 32);

  b.tableColumns(HEADER_ROW, columns, []);

  const rows: ExecutionRowOut[] = [];
  let r = FIRST_DATA_ROW;
  for (const area of data.areas) {
    const label = areaLabel(area);
    const budget = fromYi(area.budgetYi, amountUnit);
    // With the monthly sheets 支出数 follows 月度支出; without them it is an input, blank in a new sheet.
    const figure: Scalar | null = ctx.monthly ? (current.get(area.no) ?? "") : null;
    b.value(r, col("领域"), label);
    b.set(r, col("预算数"), { value: budget, numFmt: MONEY });
    b.set(
      r,
      col("支出数"),
      ctx.monthly ? { formula: spentFormula(ctx, r), result: figure, numFmt: MONEY } : { value: null, numFmt: MONEY },
    );
    const results = evaluateExecution(budget, figure, progress);
    b.set(r, col("执行率"), { formula: executionRateFormula(r), result: results.rate, numFmt: "0.0%" });
    b.set(r, col("序时进度"), { formula: rowProgressFormula(), result: results.progress, numFmt: "0.0%" });
    b.set(r, col("进度差"), { formula: paceFormula(r), result: results.pace, numFmt: "0.0" });
    b.set(r, col("差额"), { formula: varianceFormula(r), result: results.variance, numFmt: MONEY });
    b.set(r, col("核对"), undefined);
    b.fit(r, col("领域"), label);
    const spent = readInput(figure);
    rows.push({
      area: label,
      budget,
      spent: spent.kind === "number" ? spent.value : null,
      filled: figure !== null && figure !== "",
    });
    r++;
  }
  const last = r - 1;
  stats.rowsWritten += last - HEADER_ROW;

  b.styleBox(FIRST_DATA_ROW, 1, last, columnCount, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("领域"), last, col("领域"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("核对"), last, col("核对"), { wrap: true });
  if (!ctx.monthly) b.styleBox(FIRST_DATA_ROW, col("支出数"), last, col("支出数"), STYLE.input);
  b.table({
    name: TABLE_NAMES.execution,
    ref: rangeAddress(HEADER_ROW, 1, last, columnCount),
    style: "TableStyleLight1",
  });
  if (!ctx.monthly)
    b.validate({
      ref: rangeAddress(FIRST_DATA_ROW, col("支出数"), last, col("支出数")),
      type: "decimal",
      min: -1e12,
      max: 1e12,
      title: "支出数",
      message: `请输入数字(单位:${amountUnit})。`,
    });
  const paceRef = `$${columnLetter(col("进度差"))}${FIRST_DATA_ROW}`;
  b.conditional({
    ref: rangeAddress(FIRST_DATA_ROW, 1, last, col("核对") - 1),
    formula: `AND(ISNUMBER(${paceRef}),${paceRef}<-20)`,
    style: { ...STATUS_COLORS.missed, bold: true },
  });
  b.flagKeptRows(FIRST_DATA_ROW, last, columnCount, col("核对"));

  b.freeze(HEADER_ROW, 1);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  return { sheet: b.finish(), rows, progress, stats };
}
