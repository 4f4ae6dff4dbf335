import { fromYi, toYi } from "../engine";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";
import { readInput, toScalar, type RawCell } from "../workbook/cells";
import {
  areaLabel,
  budgetWording,
  carried,
  emptyStats,
  type AmountUnit,
  type BuildContext,
  type BuildStats,
} from "./context";
import { evaluateExecution, progressOf } from "./evaluate";
import { executionRateFormula, paceFormula, progressFormula, rowProgressFormula, varianceFormula } from "./formulas";
import {
  DATE_LABEL,
  DATE_ROW,
  executionCol,
  executionColumns,
  FIRST_DATA_ROW,
  HEADER_ROW,
  ORPHAN_AREA,
  PROGRESS_LABEL,
  TABLE_NAMES,
} from "./layout";
import { type ReadExecution, type ReadExecutionRow } from "./read";
import { lookupFormula } from "./monthlyFormulas";
import { sameScalar } from "../workbook/same";
import { monthlySpendingCol } from "./monthly";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { CellSpec, Scalar, SheetSpec } from "../workbook/model";
import { hasContent } from "../workbook/cells";

/** 核对 of a row whose 支出数 the user typed over the formula that follows 月度支出. */
const OVERRIDE_FLAG = "手工覆盖:支出数";

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

/** A kept 支出数 in the new unit: numbers are converted (万元 ↔ 亿元); formulas and text stay as typed. */
function convertSpent(cell: RawCell | undefined, from: string | undefined, to: AmountUnit): RawCell | undefined {
  if (!cell || cell.formula !== undefined || from === undefined || from === to) return cell;
  if (from !== "万元" && from !== "亿元") return cell;
  const input = readInput(cell.value);
  if (input.kind !== "number") return cell;
  return { value: fromYi(toYi(input.value, from), to) };
}

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
 * `current`: 本期数 by area (in the sheet's unit), the cached result of 支出数 when `ctx.monthly`. A 支出数 the
 * user typed that is not that figure stays as typed (手工覆盖).
 */
export function buildExecutionSheet(
  ctx: BuildContext,
  name: string,
  existing: ReadExecution | undefined,
  current: ReadonlyMap<number, Scalar> = new Map(),
): ExecutionOut {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("预算执行", name);
  const stats = emptyStats();
  const columns = executionColumns(amountUnit, ctx.monthly === true);
  const extras = existing?.extraColumns ?? [];
  const columnCount = columns.length + extras.length;
  const col = executionCol;

  b.title(`${TITLE_MARK}预算执行 · ${data.document.title}`, columnCount);

  const dateCell = existing ? existing.reportDate : { value: ctx.reportDateSerial };
  if (existing && hasContent(existing.reportDate)) stats.valuesKept++;
  b.value(DATE_ROW, 1, DATE_LABEL);
  b.set(DATE_ROW, 2, carried(dateCell, DATE_FORMAT) ?? { value: null, numFmt: DATE_FORMAT });
  b.value(DATE_ROW, 3, PROGRESS_LABEL);
  const progress = progressOf(toScalar(dateCell?.value), index.year);
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

  b.tableColumns(HEADER_ROW, columns, extras);

  // Match by area (its numeral or title), never by position.
  const byArea = new Map<number, ReadExecutionRow>();
  const leftovers: ReadExecutionRow[] = [];
  for (const row of existing?.rows ?? []) {
    if (row.area !== undefined && !byArea.has(row.area)) byArea.set(row.area, row);
    else leftovers.push(row);
  }

  const rows: ExecutionRowOut[] = [];
  let r = FIRST_DATA_ROW;
  const writeRow = (
    label: string,
    budget: CellSpec,
    budgetValue: number,
    read: ReadExecutionRow | undefined,
    flag: string,
    area?: number,
  ) => {
    const typed = convertSpent(read?.spent, existing?.unit, amountUnit);
    let spent = typed;
    let cell = carried(typed, MONEY);
    if (ctx.monthly && area !== undefined) {
      const figure = current.get(area) ?? "";
      const ours =
        !hasContent(typed) ||
        (typed.formula !== undefined && typed.formula.includes(ctx.names.月度支出)) ||
        (typed.formula === undefined && sameScalar(typed.value, figure));
      if (ours) {
        cell = { formula: spentFormula(ctx, r), result: figure, numFmt: MONEY };
        spent = { value: figure };
      } else flag = flag || OVERRIDE_FLAG;
    }
    if (hasContent(typed) && cell?.formula === undefined) stats.valuesKept++;
    b.value(r, col("领域"), label);
    b.set(r, col("预算数"), budget);
    b.set(r, col("支出数"), cell);
    const results = evaluateExecution(budgetValue, toScalar(spent?.value), progress);
    b.set(r, col("执行率"), { formula: executionRateFormula(r), result: results.rate, numFmt: "0.0%" });
    b.set(r, col("序时进度"), { formula: rowProgressFormula(), result: results.progress, numFmt: "0.0%" });
    b.set(r, col("进度差"), { formula: paceFormula(r), result: results.pace, numFmt: "0.0" });
    b.set(r, col("差额"), { formula: varianceFormula(r), result: results.variance, numFmt: MONEY });
    b.set(r, col("核对"), flag ? { value: flag } : undefined);
    extras.forEach((_, i) => {
      const cell = read?.extras[i];
      if (hasContent(cell)) stats.valuesKept++;
      b.set(r, columns.length + i + 1, carried(cell));
    });
    b.fit(r, col("领域"), label);
    if (flag) b.fit(r, col("核对"), flag);
    const s = readInput(toScalar(spent?.value));
    const raw = toScalar(spent?.value);
    rows.push({
      area: label,
      budget: budgetValue,
      spent: s.kind === "number" ? s.value : null,
      filled: raw !== null && raw !== "",
    });
    r++;
  };
  for (const area of data.areas) {
    const budget = fromYi(area.budgetYi, amountUnit);
    writeRow(areaLabel(area), { value: budget, numFmt: MONEY }, budget, byArea.get(area.no), "", area.no);
  }
  for (const row of leftovers) {
    const kept = readInput(toScalar(row.budget?.value));
    const budget = kept.kind === "number" ? kept.value : 0;
    writeRow(row.label, { value: toScalar(row.budget?.value), numFmt: MONEY }, budget, row, ORPHAN_AREA);
    stats.orphanRows++;
  }
  const last = r - 1;
  stats.rowsWritten += last - HEADER_ROW;

  b.styleBox(FIRST_DATA_ROW, 1, last, columnCount, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("领域"), last, col("领域"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("核对"), last, col("核对"), { wrap: true });
  if (!ctx.monthly) b.styleBox(FIRST_DATA_ROW, col("支出数"), last, col("支出数"), STYLE.input);
  if (extras.length > 0) b.styleBox(FIRST_DATA_ROW, columns.length + 1, last, columnCount, STYLE.input);
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
