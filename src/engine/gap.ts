import { notAvailable, type CalcError } from "./errors";
import { tidy } from "../policy/tidy";
import type { Target } from "../policy/types";

/**
 * 差距: actual − target in the target's unit; for percentage targets that is 百分点 (percentage points).
 * Negative means short of the figure (for `<=` and ranks, positive is the worse side).
 *
 * @example
 * gap({ value: 10, unit: "%", … }, 8) // −2 (个百分点)
 * gap({ value: 75, unit: "家", … }, 60) // −15
 */
export function gap(target: Target, actual: number): number | CalcError {
  if (target.value === null) return notAvailable("qualitativeNoValue", target.id);
  return tidy(actual - target.value);
}
