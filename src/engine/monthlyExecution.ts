import { executionRate } from "./executionRate";
import { isCalcError } from "./errors";
import { monthEndProgress } from "./monthEndProgress";
import { pace } from "./pace";

/** One month of budget execution: 1–N月 spending of all areas, its rate against the budget, and 序时进度. */
export interface MonthExecution {
  readonly month: number;
  /** Sum of the areas' 1–N月 figures (blank areas count 0), in the unit of `budget`. */
  readonly spent: number;
  /** spent ÷ budget; null while no area has a figure for the month, or when the budget is 0. */
  readonly rate: number | null;
  /** m月底's 序时进度 (m/12). */
  readonly progress: number;
  /** rate − 序时进度 in 百分点; null with the rate. */
  readonly pace: number | null;
}

/**
 * Budget execution by month against month-end 序时进度: for months 1–12, the areas' cumulative spending summed
 * (each area's 1–N月 figure; a blank area counts 0, as SUM does), divided by the total budget. A month no area has
 * reported has no rate (the trend line shows a gap there, not a fall to 0).
 *
 * @example
 * // 预算 100万元; 领域一 reported 10, 25 (1–2月), 领域二 20 for 1月 only
 * monthlyExecution(2025, 100, [[10, 25], [20]]).slice(0, 3)
 * // [{ month: 1, spent: 30, rate: 0.3, progress: 1/12, pace: 21.666… },
 * //  { month: 2, spent: 25, rate: 0.25, progress: 2/12, pace: 8.333… },
 * //  { month: 3, spent: 0, rate: null, progress: 0.25, pace: null }]
 */
export function monthlyExecution(
  year: number,
  budget: number,
  spentByArea: readonly (readonly (number | null | undefined)[])[],
): MonthExecution[] {
  return Array.from({ length: 12 }, (_, i) => {
    const figures = spentByArea.map((months) => months[i]).filter((v): v is number => typeof v === "number");
    const spent = figures.reduce((s, v) => s + v, 0);
    const progress = monthEndProgress(year, i + 1);
    const r = figures.length === 0 ? null : executionRate(budget, spent);
    const rate = r === null || isCalcError(r) ? null : r;
    return { month: i + 1, spent, rate, progress, pace: rate === null ? null : pace(rate, progress) };
  });
}
