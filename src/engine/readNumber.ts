import { describeInput } from "./describeInput";
import { isCalcError, valueError, type CalcError } from "./errors";

/** A cell that holds nothing: the row is not filled in yet, so calculations give no result. */
export type Blank = null;

/**
 * Reads one input as Excel would: a number, numeric text ("85", "3.05%", "1,234", full-width "８５"), or a
 * blank (`null`, `undefined`, "" or spaces → `null`). A 1×1 range is read as its value. Percent text gives an
 * Excel fraction ("3.05%" → 0.0305). Anything else — words, booleans, larger ranges, NaN, ±Infinity, text that
 * overflows such as "1e400" — is a `#VALUE!` error, never a guessed number.
 *
 * @example
 * readNumber("1,234") // 1234
 * readNumber("3.12%") // 0.0312
 * readNumber("") // null
 */
export function readNumber(input: unknown): number | Blank | CalcError {
  const value = unwrapSingle(input);
  if (isCalcError(value)) return value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return valueError("notFinite");
    return value === 0 ? 0 : value; // −0 reads as 0: Excel has no negative zero
  }
  if (typeof value === "string") return parseNumericText(value);
  return valueError("notNumber", describeInput(value));
}

/** Unwraps a 1×1 range (`[[x]]` or `[x]`); a larger range where one value is expected is an error. */
export function unwrapSingle(input: unknown): unknown {
  let value = input;
  while (Array.isArray(value)) {
    if (value.length !== 1) return valueError("badArray");
    value = value[0];
  }
  return value;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

function parseNumericText(raw: string): number | Blank | CalcError {
  // NFKC folds full-width digits, ％ and ，, which Chinese input methods often produce.
  let text = raw.normalize("NFKC").trim();
  if (text === "") return null;
  let scale = 1;
  if (text.endsWith("%")) {
    scale = 0.01;
    text = text.slice(0, -1).trim();
  }
  if (GROUPED.test(text)) text = text.replace(/,/g, "");
  if (!NUMERIC.test(text)) return valueError("notNumber", describeInput(raw));
  const parsed = Number(text) * scale;
  if (!Number.isFinite(parsed)) return valueError("notFinite");
  if (parsed === 0) return 0;
  return scale === 1 ? parsed : Number(parsed.toPrecision(15));
}
