import { isBlankInput } from "./describeInput";
import { daysInMonth, type CivilDate } from "./readDate";
import { unwrapSingle } from "./readNumber";

/** How 序时进度 is counted: by elapsed months (the usual report convention) or by elapsed days. */
export type ProgressBasis = "month" | "day";

/**
 * 序时进度: the share of the year `year` elapsed at the end of `date`.
 * `month` = (month − 1 + day / daysInMonth) / 12 — a 1–6月 report uses 6/12; `day` = dayOfYear / daysInYear.
 * Before the year it is 0, after it 1.
 *
 * @example
 * timeProgress({ year: 2025, month: 6, day: 30 }, 2025) // 0.5
 * timeProgress({ year: 2025, month: 7, day: 31 }, 2025) // 0.5833… (7/12)
 * timeProgress({ year: 2025, month: 6, day: 30 }, 2025, "day") // 0.4959 (181/365)
 */
export function timeProgress(date: CivilDate, year: number, basis: ProgressBasis = "month"): number {
  if (date.year < year) return 0;
  if (date.year > year) return 1;
  if (basis === "month") return (date.month - 1 + date.day / daysInMonth(date.year, date.month)) / 12;
  const dayOfYear = (Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(date.year, 0, 0)) / 86_400_000;
  const daysInYear = (Date.UTC(date.year + 1, 0, 1) - Date.UTC(date.year, 0, 1)) / 86_400_000;
  return dayOfYear / daysInYear;
}

/** Reads a basis option; blank means `month`. @example readProgressBasis("DAY") // "day" */
export function readProgressBasis(input: unknown): ProgressBasis | undefined {
  const value = unwrapSingle(input);
  if (isBlankInput(value)) return "month";
  if (typeof value !== "string") return undefined;
  const text = value.normalize("NFKC").trim().toLowerCase();
  if (text === "month" || text === "月") return "month";
  if (text === "day" || text === "日" || text === "天") return "day";
  return undefined;
}
