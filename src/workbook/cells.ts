import type { Scalar } from "./model";

/** A cell as a host reads it back: its value, and its formula when it holds one (text starting with "="). */
export interface RawCell {
  readonly value: unknown;
  readonly formula?: string;
}

/**
 * What an input cell holds, as the sheet's formulas see it: ISNUMBER decides, so numeric-looking text is
 * "text" here (the formulas flag it with 应填数字 rather than guess; typed input is a number anyway).
 */
export type InputReading = { kind: "blank" } | { kind: "number"; value: number } | { kind: "text" };

export function readInput(value: unknown): InputReading {
  if (isBlank(value)) return { kind: "blank" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "text" };
  if (typeof value === "string") return { kind: "text" };
  if (value instanceof Date) return { kind: "number", value: dateToSerial(value) };
  return { kind: "text" };
}

/** The Excel serial of a Date read from a file (a `t="d"` cell's ISO 8601 text, read as a moment in UTC). */
export function dateToSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

/** A scalar for a spec cell from whatever a host read (dates become serials, objects their text). */
export function toScalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  return String(value);
}

/**
 * Whether a value a host read is no value at all: nothing, or only spaces (what a spreadsheet's blank cell and a
 * cleared cell give back). The engine's `isBlankInput` says the same of a function's argument; the kernel knows
 * no engine, hence its own line.
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A cell worth carrying: a value or a formula (a typed formula is kept as typed). */
export function hasContent(cell: RawCell | undefined): cell is RawCell {
  return cell !== undefined && (cell.formula !== undefined || !isBlank(cell.value));
}
