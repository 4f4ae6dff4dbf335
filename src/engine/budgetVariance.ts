import { tidy } from "../policy/tidy";

/**
 * 预算差额: actual − budget, in the same unit; positive means over budget.
 *
 * @example
 * budgetVariance(2.74, 3.0) // 0.26 (领域一 spent 0.26亿元 more than its 2.74亿元)
 */
export function budgetVariance(budget: number, actual: number): number {
  return tidy(actual - budget);
}
