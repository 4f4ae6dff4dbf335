import type { Target } from "../policy/types";

/**
 * Numbers as finance staff write them in a 进展情况 report: money in 亿元 with two decimals, rates with one
 * decimal and a %, differences of rates in 个百分点, counts in 项.
 */

/** @example yi(16.8) // "16.80亿元" */
export function yi(amount: number): string {
  return `${fixed(amount, 2)}亿元`;
}

/** A rate (0–1 fraction) as a percentage. @example percent(0.5234) // "52.3%" */
export function percent(rate: number): string {
  return `${fixed(rate * 100, 1)}%`;
}

/** The size of a difference in 百分点, without its sign. @example points(-20) // "20.0个百分点" */
export function points(pointsDiff: number): string {
  return `${fixed(Math.abs(pointsDiff), 1)}个百分点`;
}

/** @example items(3) // "3项" */
export function items(n: number): string {
  return `${n}项`;
}

/** "高于" / "低于" / "与…持平" a reference, with the size in 百分点, as one phrase. @example versus(-3.21, "序时进度") // "低于序时进度3.2个百分点" */
export function versus(pointsDiff: number, reference: string): string {
  const rounded = Number(fixed(pointsDiff, 1));
  if (rounded === 0) return `与${reference}持平`;
  return `${rounded < 0 ? "低于" : "高于"}${reference}${points(pointsDiff)}`;
}

/**
 * A target's figure with its unit, as written in the document: 3.05%, 60家, 1.2万标箱, 第6名.
 * `value` is in the target's own scale (3.05 for 3.05%).
 *
 * @example
 * targetFigure({ unit: "家", kind: "count" }, 60) // "60家"
 * targetFigure({ unit: "%", kind: "ratio" }, 3.05) // "3.05%"
 */
export function targetFigure(target: Pick<Target, "unit" | "kind">, value: number): string {
  if (target.kind === "rank") return `第${trimmed(value)}名`;
  if (target.unit === "" && target.kind === "ratio") return `${trimmed(value * 100)}%`;
  return `${trimmed(value)}${target.unit}`;
}

/** Up to two decimals, trailing zeros dropped: 1.20 → "1.2", 75 → "75". */
function trimmed(value: number): string {
  return String(Number(fixed(value, 2)));
}

/** toFixed that never writes "-0.0". */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
