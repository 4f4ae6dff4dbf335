import { fromExcelValue } from "../engine";
import type { Target } from "../policy/types";
import type { Figure } from "../report";
import { readInput, toScalar, type RawCell } from "../workbook/cells";
import type { AmountUnit, BuildContext } from "./context";
import { areaKeyedOptions, convertAmounts, switchedAmount, keyedLayout, targetKeyedOptions } from "./keyedOptions";
import { MONTH_HEADERS, MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import type { MonthlyCarry } from "./monthlyPlan";
import type { SheetPatch } from "../workbook/patch";
import { patchKeyed, type KeyedSheet } from "../workbook/keyedTable";

import { carried } from "./context";
import {
  areaMonthCells,
  MONTHLY_TARGET_COLUMNS,
  monthlyValueFormat as valueFormat,
  monthlySpendingColumns,
  type MonthlySpendingColumn,
  type MonthlyTargetColumn,
} from "./monthly";
import { monthlyTargetRowResults } from "./monthlyTargets";
import type { Scalar, SheetSpec } from "../workbook/model";
import { NOT_A_NUMBER } from "./texts";

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

/** The month (1–12) of a month column when the refresh moves the row's typed figure into it, else undefined. */
const movedInto = (column: string, moved: number | undefined): number | undefined => {
  const m = MONTH_HEADERS.indexOf(column as (typeof MONTH_HEADERS)[number]) + 1;
  return m > 0 && m === moved ? m : undefined;
};

const current = (cell: RawCell | undefined, scale: (x: number) => number): Scalar => {
  const input = readInput(toScalar(cell?.value));
  return input.kind === "number" ? scale(input.value) : input.kind === "text" ? NOT_A_NUMBER : "";
};

export function patchMonthlyTargets(ctx: BuildContext, on: KeyedSheet, carry: MonthlyCarry): SheetPatch {
  const { index } = ctx;
  const month = reportMonthOf(on.fresh);
  return patchKeyed<MonthlyTargetColumn>(
    {
      key: "月度填报",
      tableName: MONTHLY_TABLE_NAMES.targets,
      columns: MONTHLY_TARGET_COLUMNS,
      ...targetKeyedOptions(ctx),
      ...keyedLayout<MonthlyTargetColumn>(),
      headerProbe: ["编号", MONTH_HEADERS[0] ?? "1月"],
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
        const m = movedInto(column, carry.moved?.targets.get(id));
        if (m === undefined) return undefined;
        const target = index.target(id) as Target;
        return carried(carry.inputs.rawTargets?.get(id)?.[m - 1], valueFormat(target));
      },
    },
    on,
  ).patch;
}

export function patchMonthlySpending(
  ctx: BuildContext,
  on: KeyedSheet,
  { sheetUnit, carry }: { readonly sheetUnit: AmountUnit | undefined; readonly carry: MonthlyCarry },
): SheetPatch {
  const { amountUnit } = ctx;
  const month = reportMonthOf(on.fresh);
  const switched = switchedAmount(sheetUnit, amountUnit);
  const months = new Set<string>(MONTH_HEADERS);
  return patchKeyed<MonthlySpendingColumn>(
    {
      key: "月度支出",
      tableName: MONTHLY_TABLE_NAMES.spending,
      columns: monthlySpendingColumns(amountUnit),
      ...areaKeyedOptions(ctx),
      ...keyedLayout<MonthlySpendingColumn>(),
      headerProbe: ["领域", MONTH_HEADERS[0] ?? "1月"],
      results: (_no, input) => {
        if (month === 0) return { 本期数: "" };
        const cell = input(`${month}月` as MonthlySpendingColumn);
        return { 本期数: switched(cell) ?? current(cell, (x) => x) };
      },
      convert: convertAmounts((column) => months.has(column), switched),
      seed: (no, column) => {
        const m = movedInto(column, carry.moved?.areas.get(Number(no)));
        if (m === undefined) return undefined;
        // In the sheet's unit, as the fresh sheet writes it (a typed text as typed).
        const shown = areaMonthCells(
          carry.inputs.areas?.get(Number(no)),
          carry.inputs.rawAreas?.get(Number(no)),
          amountUnit,
        )[m - 1];
        return { value: shown ?? null, numFmt: "#,##0.00" };
      },
    },
    on,
  ).patch;
}
