import {
  budgetVariance,
  completionRate,
  executionRate,
  fromExcelValue,
  gap,
  isCalcError,
  pace,
  readDate,
  status,
  tidy,
  timeProgress,
} from "../engine";
import type { Target } from "../policy/types";
import { readInput } from "../workbook/cells";
import type { Scalar } from "../workbook/model";
import { errorText, NOT_A_DATE, NOT_A_NUMBER, shownAsPercent } from "./texts";

/**
 * The results the sheet's formulas give, computed with the engine: they are cached in the file (WPS shows cached
 * values) and they are what the LibreOffice check compares the recalculated sheet with.
 */
export interface TargetResults {
  readonly completion: Scalar;
  readonly gap: Scalar;
  readonly status: Scalar;
}

/** 序时进度 of a 报告日期 cell within the edition's year: a number, "" when blank, or 日期有误. */
export function progressOf(reportDate: unknown, year: number): number | "" | typeof NOT_A_DATE {
  const input = readInput(reportDate);
  if (input.kind === "blank") return "";
  if (input.kind === "text") return NOT_A_DATE;
  const date = readDate(input.value);
  if (date === null || isCalcError(date)) return NOT_A_DATE;
  return timeProgress(date, year, "month");
}

export function evaluateTarget(
  target: Target,
  actualCell: unknown,
  previousCell: unknown,
  progress: unknown,
): TargetResults {
  const actual = readInput(actualCell);
  if (actual.kind === "blank") return { completion: "", gap: "", status: "未填报" };
  if (actual.kind === "text") return { completion: NOT_A_NUMBER, gap: NOT_A_NUMBER, status: NOT_A_NUMBER };
  const x = fromExcelValue(target, actual.value);
  const g = gap(target, x);
  // A unitless ratio shown as a percentage: its gap in 百分点, as the sheet's formula gives it.
  const points = target.unit === "" && shownAsPercent(target);
  const gapResult: Scalar = isCalcError(g) ? errorText(g) : points ? tidy(g * 100) : g;
  const direction = target.comparator === "increase" || target.comparator === "decrease";
  let previous: number | null = null;
  if (direction) {
    const p = readInput(previousCell);
    if (p.kind === "text") return { completion: NOT_A_NUMBER, gap: gapResult, status: NOT_A_NUMBER };
    if (p.kind === "blank") {
      const rate = completionRate(target, x, null);
      return { completion: isCalcError(rate) ? errorText(rate) : rate, gap: gapResult, status: "未填报" };
    }
    previous = fromExcelValue(target, p.value);
  }
  const rate = completionRate(target, x, previous);
  const tp = typeof progress === "number" ? progress : null;
  const s = status(target, x, { previous, timeProgress: tp });
  return {
    completion: isCalcError(rate) ? errorText(rate) : rate,
    gap: gapResult,
    status: isCalcError(s) ? errorText(s) : s,
  };
}

export interface ExecutionResults {
  readonly rate: Scalar;
  readonly progress: Scalar;
  readonly pace: Scalar;
  readonly variance: Scalar;
}

export function evaluateExecution(budget: number, spentCell: unknown, progress: unknown): ExecutionResults {
  const spent = readInput(spentCell);
  const tp: Scalar = typeof progress === "number" ? progress : "";
  if (spent.kind === "blank") return { rate: "", progress: tp, pace: "", variance: "" };
  if (spent.kind === "text") return { rate: NOT_A_NUMBER, progress: tp, pace: "", variance: "" };
  const rate = executionRate(budget, spent.value);
  const variance = budgetVariance(budget, spent.value);
  if (isCalcError(rate)) return { rate: errorText(rate), progress: tp, pace: "", variance };
  return { rate, progress: tp, pace: typeof tp === "number" ? pace(rate, tp) : "", variance };
}
