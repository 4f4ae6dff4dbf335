import { describeInput } from "./describeInput";
import { isCalcError, valueError, type CalcError } from "./errors";
import { unwrapSingle, type Blank } from "./readNumber";

/** A calendar date without time zone: what a report date means to finance staff. */
export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

const MS_PER_DAY = 86_400_000;
// Serial 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was (serial 60), so from serial 61 on a
// date is 1899-12-30 + serial days; below 61 the epoch is one day later.
const EPOCH_AFTER_1900_03_01 = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE = Date.UTC(1899, 11, 31);
const MAX_SERIAL = 2_958_465; // 9999-12-31, Excel's last date

/**
 * Reads a date given as an Excel serial (1900 date system; a time of day is ignored), as ISO text
 * (2025-06-30), as 2025/6/30 or 2025年6月30日, or as a JavaScript Date (read in UTC). Blank → `null`.
 *
 * @example
 * readDate(45838) // { year: 2025, month: 6, day: 30 }
 * readDate("2025年7月31日") // { year: 2025, month: 7, day: 31 }
 */
export function readDate(input: unknown): CivilDate | Blank | CalcError {
  const value = unwrapSingle(input);
  if (isCalcError(value)) return value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return valueError("notDate", "Invalid Date");
    // Spreadsheet readers (ExcelJS) hand dates over as UTC midnight; local getters would move them a day
    // back west of Greenwich.
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === "number") return fromSerial(value);
  if (typeof value === "string") return fromText(value);
  return valueError("notDate", describeInput(value));
}

function fromSerial(serial: number): CivilDate | CalcError {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return valueError("notDate", String(serial));
  const whole = Math.floor(serial);
  if (whole === 60) return valueError("notDate", String(serial)); // Excel's 29 Feb 1900 never existed
  const epoch = whole > 60 ? EPOCH_AFTER_1900_03_01 : EPOCH_BEFORE;
  const d = new Date(epoch + whole * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;

function fromText(raw: string): CivilDate | Blank | CalcError {
  const text = raw.normalize("NFKC").trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  const m = DATE_TEXT.exec(text);
  if (!m) return valueError("notDate", describeInput(raw));
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return valueError("notDate", describeInput(raw));
  return { year, month, day };
}

/** @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic rather than a Date: 序时进度 asks for it once per target and month on every plan.
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The Excel serial of a civil date (1900 system). @example toExcelSerial({ year: 2025, month: 6, day: 30 }) // 45838 */
export function toExcelSerial(date: CivilDate): number {
  const utc = Date.UTC(date.year, date.month - 1, date.day);
  // Dates before March 1900 are not used by this product, so the 1900 leap-year quirk needs no branch here.
  return Math.round((utc - EPOCH_AFTER_1900_03_01) / MS_PER_DAY);
}
