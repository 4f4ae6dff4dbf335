import { divisionByZero, type CalcError } from "./errors";

/**
 * 执行率: spent / budget, both in the same unit.
 *
 * @example
 * executionRate(33.6, 16.8) // 0.5 (领域六 spent 16.8 of 33.6亿元)
 */
export function executionRate(budget: number, spent: number): number | CalcError {
  if (budget === 0) return divisionByZero("zeroBudget");
  return spent / budget;
}
