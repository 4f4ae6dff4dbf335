import { describeInput, isBlankInput } from "./describeInput";
import { isCalcError, notAvailable, valueError, type CalcError } from "./errors";
import { unwrapSingle } from "./readNumber";
import { tidy } from "../policy/tidy";
import type { Target } from "../policy/types";

/** True when a target's figure is a percentage (stored as written, 3.12; an Excel fraction in cells, 0.0312). */
export function isPercentTarget(target: Pick<Target, "unit">): boolean {
  return target.unit === "%";
}

/**
 * A target's figure as an Excel cell holds it: percentages become fractions.
 *
 * @example
 * toExcelValue({ unit: "%" }, 3.12) // 0.0312
 * toExcelValue({ unit: "家" }, 75) // 75
 */
export function toExcelValue(target: Pick<Target, "unit">, value: number): number {
  return isPercentTarget(target) ? tidy(value / 100) : value;
}

/**
 * A value read from Excel, in the target's own scale: percentages as written (0.0305 → 3.05).
 *
 * @example
 * fromExcelValue({ unit: "%" }, 0.0305) // 3.05
 */
export function fromExcelValue(target: Pick<Target, "unit">, excel: number): number {
  return isPercentTarget(target) ? tidy(excel * 100) : excel;
}

/** The amount units finance staff report in. 1亿元 = 10000万元 = 100000000元. */
export type AmountUnit = "亿元" | "万元" | "元";

const PER_YI: Record<AmountUnit, number> = { 亿元: 1, 万元: 10_000, 元: 100_000_000 };

// A Map: "constructor" typed as a unit is unknown, not Object's constructor.
const UNIT_ALIASES: ReadonlyMap<string, AmountUnit> = new Map([
  ["亿元", "亿元"],
  ["亿", "亿元"],
  ["yi", "亿元"],
  ["万元", "万元"],
  ["万", "万元"],
  ["wan", "万元"],
  ["元", "元"],
  ["yuan", "元"],
]);

/**
 * Reads an amount unit; blank means 亿元, the document's unit.
 *
 * @example
 * readAmountUnit("万元") // "万元"
 * readAmountUnit(null) // "亿元"
 */
export function readAmountUnit(input: unknown): AmountUnit | CalcError {
  const value = unwrapSingle(input);
  if (isCalcError(value)) return value;
  if (isBlankInput(value)) return "亿元";
  if (typeof value !== "string") return valueError("unknownUnit", describeInput(value));
  return (
    UNIT_ALIASES.get(value.normalize("NFKC").trim().toLowerCase()) ?? valueError("unknownUnit", describeInput(value))
  );
}

/**
 * An amount in 亿元 expressed in another unit.
 *
 * @example
 * fromYi(49.25, "万元") // 492500
 */
export function fromYi(yi: number, unit: AmountUnit): number {
  return tidy(yi * PER_YI[unit]);
}

/**
 * An amount in some unit expressed in 亿元.
 *
 * @example
 * toYi(336000, "万元") // 33.6
 */
export function toYi(amount: number, unit: AmountUnit): number {
  return tidy(amount / PER_YI[unit]);
}

/** The figure of a target, or `#N/A` for a qualitative target (持续下降 has no number). */
export function figureOf(target: Target): number | CalcError {
  return target.value === null ? notAvailable("qualitativeNoValue", target.id) : target.value;
}
