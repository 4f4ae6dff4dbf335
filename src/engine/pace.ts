import { tidy } from "../policy/tidy";

/**
 * 进度差: execution rate minus 序时进度, in 百分点 (percentage points); negative means behind.
 * A common warning threshold is 20 points behind.
 *
 * @example
 * pace(0.3, 0.5) // −20 (area spent 30% of its budget by 6月30日)
 */
export function pace(executionRate: number, timeProgress: number): number {
  return tidy((executionRate - timeProgress) * 100);
}
