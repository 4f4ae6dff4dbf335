import { fromYi } from "../engine";
import { readInput, toScalar } from "../workbook/cells";
import { patchKeyed, type KeyedSheet } from "../workbook/keyedTable";
import type { Scalar } from "../workbook/model";
import type { SheetPatch } from "../workbook/patch";
import { sameScalar } from "../workbook/same";
import type { ExistingSheet } from "../workbook/snapshot";
import type { AmountUnit, BuildContext } from "./context";
import { evaluateExecution } from "./evaluate";
import type { ExecutionRowOut } from "./execution";
import { KEY_TABLE } from "./identity";
import { areaKeyedOptions, convertAmounts, keyedLayout, switchedAmount, valueAsItWillBe } from "./keyedOptions";
import { executionColumns, headerKey, headerUnit } from "./layout";
import { findHeader } from "./read";
import { sheetProgress } from "./reportDate";

/** The amount unit 预算执行's 支出数 header names (万元 / 亿元), undefined when it names none. */
export function unitOfExecution(sheet: ExistingSheet): AmountUnit | undefined {
  const header = findHeader(sheet, ["领域", "支出数"]);
  if (header === undefined) return undefined;
  const cell = (sheet.cells[header] ?? []).find((c) => headerKey(c?.value) === "支出数");
  const unit = headerUnit(cell?.value);
  return unit === "万元" || unit === "亿元" ? unit : undefined;
}

/**
 * Refreshing 预算执行 in place (the builder is execution.ts): rows by area; with the monthly sheets, 支出数 is the
 * formula showing 月度支出's 本期数 (`current`); on an explicit unit switch typed amounts are converted.
 */
export function patchExecution(
  ctx: BuildContext,
  on: KeyedSheet,
  figures: {
    /** The unit the sheet's 支出数 header names now (a different `ctx.amountUnit` is a switch). */
    readonly sheetUnit: AmountUnit | undefined;
    /** 本期数 of each area on 月度支出, by area number. */
    readonly current: ReadonlyMap<number, Scalar>;
  },
): { patch: SheetPatch; rowsOut: ExecutionRowOut[]; progress: unknown } {
  const { index, amountUnit } = ctx;
  const { current } = figures;
  const monthly = ctx.monthly === true;
  const progress = sheetProgress(on.existing, index.year, ["领域", "支出数"]);
  const convert = switchedAmount(figures.sheetUnit, amountUnit);
  const budgetOf = (no: number) => fromYi(index.area(no)?.budgetYi ?? 0, amountUnit);
  const out = patchKeyed(
    {
      key: "预算执行",
      tableName: KEY_TABLE.预算执行,
      columns: executionColumns(amountUnit, monthly),
      ...areaKeyedOptions(ctx),
      ...keyedLayout(),
      headerProbe: ["领域", "支出数"],
      results: (no, input) => {
        const spent = input("支出数");
        const figure = current.get(Number(no)) ?? "";
        const value = valueAsItWillBe(spent, {
          monthly,
          restore: on.restore,
          figure,
          sheet: ctx.names.月度支出,
          typed: convert(spent) ?? toScalar(spent?.value),
        });
        const r = evaluateExecution(budgetOf(Number(no)), value, progress);
        return {
          ...(monthly ? { 支出数: figure } : {}),
          执行率: r.rate,
          序时进度: r.progress,
          进度差: r.pace,
          差额: r.variance,
        };
      },
      adopt: (no, column, have) =>
        column === "支出数" && sameScalar(convert(have) ?? toScalar(have.value), current.get(Number(no)) ?? ""),
      convert: convertAmounts((column) => column === "支出数", convert),
    },
    on,
  );
  const rowsOut = out.rows.map((row) => {
    const budget = readInput(row.cells("预算数"));
    const raw = row.cells("支出数");
    const spent = readInput(raw);
    return {
      area: String(row.cells("领域") ?? ""),
      budget: budget.kind === "number" ? budget.value : 0,
      spent: spent.kind === "number" ? spent.value : null,
      filled: raw !== null && raw !== undefined && raw !== "",
    };
  });
  return { patch: out.patch, rowsOut, progress };
}
