import { valueError, type CalcError } from "./errors";
import { unitScale } from "./unitScale";
import { tidy } from "../policy/tidy";

/**
 * A figure written in one unit expressed in another, when the two measure the same thing: the same unit, or the same
 * base with a 万/亿 multiple in front (亿元 ↔ 万元 ↔ 元, 万标箱 ↔ 标箱, 亿千瓦时 ↔ 万千瓦时). Anything else — a % into a
 * count, 家 into 个, a figure without unit into one with — is `#VALUE!` (unitMismatch): a number that means something
 * else must not be carried silently. Percentages stay in their own scale (3.05 for 3.05%) and only go to `%`.
 *
 * @example
 * convertUnit(12.5, "亿元", "万元") // 125000
 * convertUnit(3.2, "万标箱", "万标箱") // 3.2
 * convertUnit(3.05, "%", "家") // #VALUE! 单位不一致:“%”不能换算为“家”
 */
export function convertUnit(value: number, from: string, to: string): number | CalcError {
  if (from === to) return value;
  const a = unitScale(from);
  const b = unitScale(to);
  if (a.base !== b.base || a.base === "%") return valueError("unitMismatch", from, to);
  return tidy((value * a.factor) / b.factor);
}
