import { completionRate } from "./completionRate";
import { isCalcError, type CalcError } from "./errors";
import { isMet } from "./isMet";
import { scoringRule } from "./scoringRule";
import type { Target } from "../policy/types";

/**
 * The completion a target is scored by on the 绩效自评 sheet ({@link scoringRule}): its 完成率 for targets with a
 * figure; 1 or 0 (met or not, {@link isMet}) for 上升/下降 and targets without one. Null when nothing was reported
 * (the indicator earns no points); an error when the figure cannot be judged (a 上升/下降 target without 上年值).
 *
 * @example
 * scoringCompletion({ comparator: ">=", value: 75, … }, 60) // 0.8
 * scoringCompletion({ comparator: "decrease", value: null, … }, 1.72, 1.75) // 1 (倍差 fell)
 * scoringCompletion({ comparator: ">=", value: 75, … }, null) // null (未填报)
 */
export function scoringCompletion(
  target: Target,
  actual: number | null,
  previous?: number | null,
): number | null | CalcError {
  if (actual === null) return null;
  if (scoringRule(target) === "byCompletion") return completionRate(target, actual, previous);
  const met = isMet(target, actual, previous);
  return isCalcError(met) ? met : met ? 1 : 0;
}
