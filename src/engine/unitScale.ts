/** The multiples the genre writes in front of a unit: 亿元, 万元, 万标箱, 亿千瓦时, 万平方米 … */
const MULTIPLES: Readonly<Record<string, number>> = { 亿: 100_000_000, 万: 10_000 };

/**
 * A unit as a multiple of its base: 亿元 is 10⁸ 元, 万标箱 10⁴ 标箱, 家 is 1 家. Two units measure the same thing
 * exactly when their bases agree.
 *
 * @example
 * unitScale("亿元") // { base: "元", factor: 100000000 }
 * unitScale("家") // { base: "家", factor: 1 }
 */
export function unitScale(unit: string): { base: string; factor: number } {
  const u = unit.normalize("NFKC").trim();
  const factor = MULTIPLES[u.charAt(0)];
  // A bare 万 or 亿 is a count of ten-thousands, not a multiple of nothing.
  return factor !== undefined && u.length > 1 ? { base: u.slice(1), factor } : { base: u, factor: 1 };
}
