/**
 * The report month's figure of one row: its entry for month `month` (1–12) of the row's 1–12月 cumulative
 * figures, or null when there is no report month (0: nothing filled) or the row left that month blank. This is
 * 本期数 on the monthly sheets, and so what 目标任务's 实际值 and 预算执行's 支出数 show. A blank month is not
 * filled from an earlier one: a target not reported for 6月 is 未填报 in 6月, whatever it had in 5月.
 *
 * @example
 * reportMonthValue([12, 18, 25, 31, 36, 42], 6) // 42
 * reportMonthValue([12, 18, null, 31], 3) // null
 * reportMonthValue([12, 18], 0) // null
 */
export function reportMonthValue<T>(months: readonly (T | null | undefined)[], month: number): T | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return months[month - 1] ?? null;
}
