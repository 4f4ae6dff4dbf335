/**
 * Where things are on the monthly sheets (月度填报: targets; 月度支出: spending by area), shared by their builders
 * and by the readers that draft the report. Columns are found by header text when read, so moved columns still
 * read right; the month columns are headed 1月 … 12月.
 */
export const MONTH_HEADERS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** The month number (1–12) of a header "6月" (with or without a unit in parentheses), else undefined. */
export function monthOfHeader(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^(\d{1,2})月(?:\s*\(.*\))?$/.exec(text.normalize("NFKC").trim());
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 12 ? n : undefined;
}

export const MONTHLY_TARGETS_TITLE = "月度填报";
export const MONTHLY_SPENDING_TITLE = "月度支出";
export const MONTHLY_STATUS_TITLE = "月度状态";

/** Table names of the monthly sheets (ASCII, fixed). */
export const MONTHLY_TABLE_NAMES = {
  targets: "ZC_Monthly",
  spending: "ZC_MonthlySpending",
  status: "ZC_MonthlyStatus",
} as const;

/** The table of 绩效监控's 绩效指标 block (one row per target). */
export const MONITOR_TABLE = "ZC_Monitor";
