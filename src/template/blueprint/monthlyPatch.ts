import { fromExcelValue, fromYi, toYi } from "../../engine";
import type { Target } from "../../policy/types";
import type { Figure } from "../../report";
import { NOT_A_NUMBER, readInput, toScalar, type RawCell } from "./cells";
import type { AmountUnit, BuildContext } from "./context";
import { DUPLICATE_TARGET, ORPHAN_AREA, ORPHAN_TARGET } from "./layout";
import { MONTH_HEADERS, MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import type { MonthlyCarry } from "./monthlyPlan";
import type { SheetPatch } from "./patch";
import { patchKeyed, type SummaryCollector } from "./patchPlan";
import type { PlanOptions, TableRef } from "./plan";
import { areaOfLabel, type ExistingSheet } from "./read";
import { carried } from "./context";
import {
  areaMonthCells,
  MONTHLY_TARGET_COLUMNS,
  monthlyValueFormat as valueFormat,
  monthlySpendingColumns,
  monthlyTargetRowResults,
  type MonthlySpendingColumn,
  type MonthlyTargetColumn,
} from "./sheets/monthly";
import type { CellSpec, Scalar, SheetSpec } from "./types";

/**
 * Refreshing the monthly sheets in place, with the refresh planner's keyed-table patch: rows found by 编号 (or
 * area) wherever the user moved them, official cells updated, the month cells (inputs) never written — except
 * numbers of 月度支出 on an explicit unit switch — and new targets appended below the table.
 */

/** The report month the fresh sheet's B2 caches (0 when nothing is filled). */
const reportMonthOf = (fresh: SheetSpec): number => {
  const r = fresh.cells[1]?.[1]?.result;
  return typeof r === "number" ? r : 0;
};

const current = (cell: RawCell | undefined, scale: (x: number) => number): Scalar => {
  const input = readInput(toScalar(cell?.value));
  return input.kind === "number" ? scale(input.value) : input.kind === "text" ? NOT_A_NUMBER : "";
};

export function patchMonthlyTargets(
  ctx: BuildContext,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sum: SummaryCollector,
  carry: MonthlyCarry,
): SheetPatch {
  const { index, data } = ctx;
  const month = reportMonthOf(fresh);
  return patchKeyed<MonthlyTargetColumn>(
    {
      key: "月度填报",
      tableName: MONTHLY_TABLE_NAMES.targets,
      columns: MONTHLY_TARGET_COLUMNS,
      keyColumn: "编号",
      headerProbe: ["编号", MONTH_HEADERS[0] ?? "1月"],
      canonical: (value) =>
        typeof value === "string" || typeof value === "number" ? index.target(String(value))?.id : undefined,
      order: data.targets.map((t) => t.id),
      orphanFlag: ORPHAN_TARGET,
      duplicateFlag: DUPLICATE_TARGET,
      rewriteKey: false,
      results: (id, input) => {
        const target = index.target(id) as Target;
        const months = MONTH_HEADERS.map((m): Figure => {
          const v = readInput(toScalar(input(m as MonthlyTargetColumn)?.value));
          return v.kind === "number" ? fromExcelValue(target, v.value) : v.kind === "text" ? "invalid" : null;
        });
        const previous = carry.inputs.targets?.get(id)?.previous ?? null;
        const raw = MONTH_HEADERS.map((m) => input(m as MonthlyTargetColumn));
        return monthlyTargetRowResults(target, { months, previous }, month, index.year, raw);
      },
      seed: (id, column) => {
        const m = MONTH_HEADERS.indexOf(column as (typeof MONTH_HEADERS)[number]) + 1;
        if (m === 0 || carry.moved?.targets.get(id) !== m) return undefined;
        const target = index.target(id) as Target;
        return carried(carry.inputs.rawTargets?.get(id)?.[m - 1], valueFormat(target));
      },
    },
    fresh,
    existing,
    tables,
    options,
    sum,
  ).patch;
}

export function patchMonthlySpending(
  ctx: BuildContext,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sheetUnit: AmountUnit | undefined,
  sum: SummaryCollector,
  carry: MonthlyCarry,
): SheetPatch {
  const { index, data, amountUnit } = ctx;
  const month = reportMonthOf(fresh);
  const switching = sheetUnit !== undefined && sheetUnit !== amountUnit;
  const convert = (cell: RawCell | undefined): number | undefined => {
    if (!switching || !cell || cell.formula !== undefined || sheetUnit === undefined) return undefined;
    const input = readInput(cell.value);
    return input.kind === "number" ? fromYi(toYi(input.value, sheetUnit), amountUnit) : undefined;
  };
  const months = new Set<string>(MONTH_HEADERS);
  return patchKeyed<MonthlySpendingColumn>(
    {
      key: "月度支出",
      tableName: MONTHLY_TABLE_NAMES.spending,
      columns: monthlySpendingColumns(amountUnit),
      keyColumn: "领域",
      headerProbe: ["领域", MONTH_HEADERS[0] ?? "1月"],
      canonical: (value) => {
        const no = typeof value === "string" ? areaOfLabel(value.trim(), index) : undefined;
        return no === undefined ? undefined : String(no);
      },
      order: data.areas.map((a) => String(a.no)),
      orphanFlag: ORPHAN_AREA,
      duplicateFlag: ORPHAN_AREA,
      rewriteKey: true,
      results: (_no, input) => {
        if (month === 0) return { 本期数: "" };
        const cell = input(`${month}月` as MonthlySpendingColumn);
        const converted = convert(cell);
        return { 本期数: converted ?? current(cell, (x) => x) };
      },
      convert: (column, cell): CellSpec | undefined => {
        if (!months.has(column)) return undefined;
        const value = convert(cell);
        return value === undefined ? undefined : { value, numFmt: "#,##0.00" };
      },
      seed: (no, column) => {
        const m = MONTH_HEADERS.indexOf(column as (typeof MONTH_HEADERS)[number]) + 1;
        if (m === 0 || carry.moved?.areas.get(Number(no)) !== m) return undefined;
        // In the sheet's unit, as the fresh sheet writes it (a typed text as typed).
        const shown = areaMonthCells(
          carry.inputs.areas?.get(Number(no)),
          carry.inputs.rawAreas?.get(Number(no)),
          amountUnit,
        )[m - 1];
        return { value: shown ?? null, numFmt: "#,##0.00" };
      },
    },
    fresh,
    existing,
    tables,
    options,
    sum,
  ).patch;
}
