import { toExcelSerial } from "../../engine";
import type { EditionData } from "../../policy/types";
import { readFigures } from "../report/figures";
import type { BuildContext, BuildStats } from "./context";
import type { ExistingSheet } from "./read";
import {
  buildMonthlySpendingSheet,
  buildMonthlyStatusSheet,
  buildMonthlyTargetsSheet,
  type MonthlyInputs,
} from "./sheets/monthly";
import type { SheetKey, SheetSpec } from "./types";

export const MONTHLY_KEYS: readonly SheetKey[] = ["月度填报", "月度支出", "月度状态"];

export const isMonthlyKey = (key: SheetKey): boolean => MONTHLY_KEYS.includes(key);

/** What the monthly sheets carry from a workbook as read, and the 报告日期 their cached report month uses. */
export interface MonthlyCarry {
  readonly inputs: MonthlyInputs;
  readonly dateSerial?: number;
}

/**
 * The monthly figures a workbook already holds: its monthly sheets' cells, or — a workbook of the earlier layout,
 * upgraded — each typed 实际值 and 支出数 as the figure of the month of its 报告日期 (so the history starts with what
 * was there; the typed cell itself is left as it is).
 */
export function monthlyCarry(data: EditionData, sheets: Iterable<ExistingSheet>): MonthlyCarry {
  const read = readFigures(data, [...sheets]);
  return {
    inputs: {
      targets: read.figures.targets,
      areas: read.figures.areas,
      rawTargets: read.rawTargets,
      rawAreas: read.rawAreas,
    },
    ...(read.reportDate ? { dateSerial: toExcelSerial(read.reportDate) } : {}),
  };
}

export function buildMonthlySheet(
  key: SheetKey,
  ctx: BuildContext,
  name: string,
  mode: "create" | "replace",
  carry: MonthlyCarry,
): { sheet: SheetSpec; stats: BuildStats } {
  const date = carry.dateSerial ?? ctx.reportDateSerial;
  if (key === "月度填报") return buildMonthlyTargetsSheet(ctx, name, mode, carry.inputs, date);
  if (key === "月度支出") return buildMonthlySpendingSheet(ctx, name, mode, carry.inputs, date);
  return buildMonthlyStatusSheet(ctx, name, mode, carry.inputs);
}
