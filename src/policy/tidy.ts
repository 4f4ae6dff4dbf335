/**
 * Rounds away binary floating-point noise (0.0312 × 100 = 3.1200000000000006, 3.05 − 3.12 =
 * −0.0700000000000003) by keeping 12 significant digits — well beyond any figure of the document (amounts in 元
 * need 10) yet short of the 15–17 where the noise lives — so a figure shown, compared or cached is the one written.
 *
 * @example
 * tidy(0.0312 * 100) // 3.12
 * tidy(3.05 - 3.12) // -0.07
 * tidy(2.74 + 1.72 + 0.62 + 8.14 + 0.51 + 33.6 + 7.65 + 14.51) // 69.49
 */
export function tidy(x: number): number {
  // Integers carry no noise, and most figures are integers: skip the costly toPrecision for them.
  if (Number.isInteger(x) || !Number.isFinite(x)) return x === 0 ? 0 : x;
  return Number(x.toPrecision(12));
}
