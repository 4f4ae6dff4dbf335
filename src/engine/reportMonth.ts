import type { CivilDate } from "./readDate";

/**
 * The report month: the latest month up to the report date's month (within `year`) that has any figure filled,
 * or 0 when none has. A date after the year reaches 12月; before it, nothing. On 7月15日 with 7月 still empty the
 * report month is 6月 — figures are filled at month end.
 *
 * @example
 * reportMonth([true, true, true, true, true, true, false], { year: 2025, month: 7, day: 15 }, 2025) // 6
 * reportMonth([true], { year: 2026, month: 1, day: 31 }, 2025) // 1
 */
export function reportMonth(filled: readonly boolean[], date: CivilDate, year: number): number {
  const last = date.year < year ? 0 : date.year > year ? 12 : date.month;
  for (let m = last; m >= 1; m--) if (filled[m - 1] === true) return m;
  return 0;
}
