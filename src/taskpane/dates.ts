import { isCalcError, readDate } from "../engine";

/** The local calendar date as ISO (yyyy-mm-dd): the 报告日期 a user means by "today". */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO timestamp as the pane shows it: 2025-07-08 14:30 in local time; unparsable text as given. */
export function shortDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localIsoDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO text of a civil date. */
function isoOf(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The twelve month-ends of a year as ISO dates, the report dates finance staff use (1–N月).
 * @example monthEnds(2025)[1] // "2025-02-28"
 */
export function monthEnds(year: number): string[] {
  return Array.from({ length: 12 }, (_, m) => isoOf(year, m + 1, new Date(Date.UTC(year, m + 1, 0)).getUTCDate()));
}

/**
 * A typed 报告日期 in the order Chinese users write it (2025-06-30, 2025/6/30, 2025年6月30日) as ISO; undefined
 * when it is not a date. The engine's reader decides, so the pane accepts exactly what ZC functions accept.
 * @example readReportDate("2025年6月30日") // "2025-06-30"
 */
export function readReportDate(text: string): string | undefined {
  const date = readDate(text);
  if (date === null || isCalcError(date)) return undefined;
  return isoOf(date.year, date.month, date.day);
}

/** Where an ISO date falls against the edition's year: 序时进度 is 0 before it and 1 (the whole year) after it. */
export function yearPosition(iso: string, year: number): "before" | "within" | "after" {
  const y = Number(iso.slice(0, 4));
  return y < year ? "before" : y > year ? "after" : "within";
}
