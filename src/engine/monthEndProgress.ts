import { daysInMonth } from "./readDate";
import { timeProgress } from "./timeProgress";

/**
 * 序时进度 at the end of month `month` (1–12) of `year`, by month: what a 1–N月 report compares with.
 *
 * @example
 * monthEndProgress(2025, 6) // 0.5
 * monthEndProgress(2025, 12) // 1
 */
export function monthEndProgress(year: number, month: number): number {
  return timeProgress({ year, month, day: daysInMonth(year, month) }, year, "month");
}
