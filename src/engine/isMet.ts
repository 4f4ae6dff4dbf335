import { notAvailable, valueError, type CalcError } from "./errors";
import type { Target } from "../policy/types";

/** 左右: within 5% of the figure either side, unless the user gives another tolerance. */
export const DEFAULT_TOLERANCE = 0.05;

/**
 * Whether an actual value (target's scale) meets the target, per the comparator table in the README.
 * 超 excludes the figure itself (民法典 art. 1259), so 超38家 is not met by 38.
 *
 * @example
 * isMet({ comparator: ">", value: 38, … }, 38) // false
 * isMet({ comparator: "~", value: 3.12, unit: "%", … }, 3.0) // true (|3.0 − 3.12| ≤ 0.156)
 * isMet({ comparator: "decrease", value: null, … }, 1.72, 1.75) // true (倍差 fell)
 */
export function isMet(
  target: Target,
  actual: number,
  previous?: number | null,
  tolerance: number = DEFAULT_TOLERANCE,
): boolean | CalcError {
  if (!(tolerance >= 0 && tolerance <= 1)) return valueError("badTolerance", tolerance);
  const { comparator, value } = target;
  if (comparator === "increase" || comparator === "decrease") {
    if (previous === null || previous === undefined) return notAvailable("needsPrevious", target.id);
    return comparator === "increase" ? actual > previous : actual < previous;
  }
  if (value === null) return notAvailable("qualitativeNoValue", target.id);
  switch (comparator) {
    case ">=":
      return actual >= value;
    case ">":
      return actual > value;
    case "<=":
      return actual <= value;
    case "~":
      // A hair of slack so that 3.12 ± 5% includes its own bounds despite binary rounding.
      return Math.abs(actual - value) <= tolerance * Math.abs(value) + 1e-12;
    case "rank<=":
      if (!(actual >= 1)) return valueError("badRank", actual);
      return actual <= value;
  }
}
