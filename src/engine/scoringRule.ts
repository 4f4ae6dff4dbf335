import type { Target } from "../policy/types";

/**
 * How a target is scored on the 绩效自评 sheet. `byCompletion`: weight × 完成率 capped at 100 % (完成率 as
 * {@link completionRate} defines it: actual/target, target/actual for 不超过, target/rank for 名次). `allOrNothing`:
 * the full weight when the target is met, else 0 — for 上升/下降 against last year and targets without a figure,
 * where a part-way completion has no meaning.
 *
 * @example
 * scoringRule({ comparator: ">=", value: 75, … }) // "byCompletion"
 * scoringRule({ comparator: "decrease", value: null, … }) // "allOrNothing" (城乡居民收入倍差持续下降)
 */
export function scoringRule(target: Pick<Target, "comparator" | "value">): "byCompletion" | "allOrNothing" {
  if (target.comparator === "increase" || target.comparator === "decrease" || target.value === null) {
    return "allOrNothing";
  }
  return "byCompletion";
}
