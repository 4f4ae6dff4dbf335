import { tidy } from "../policy/tidy";
import type { CellValue } from "./types";

/** Blank: nothing, or only spaces. */
export function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Whether two cell values are the same for a merge: numbers as written (0.1 + 0.2 is 0.3), texts without the
 * spaces around them, blanks alike. A number and a text are never the same: a workbook cell holding the text
 * "12" is something a person typed, and the merge does not decide it meant 12.
 */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (typeof a === "number" && typeof b === "number") return tidy(a) === tidy(b);
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return false;
}

/** A value as the log and the preview show it: numbers as written, blanks empty. */
export function showValue(value: CellValue | undefined): string {
  if (isBlank(value)) return "";
  return typeof value === "number" ? String(tidy(value)) : value.trim();
}
