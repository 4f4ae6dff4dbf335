import type { EvaluationWeights, IndicatorClass } from "./evaluationSettings";

/**
 * Each indicator's weight within an area: its class's points shared equally among the area's indicators of that
 * class. An area with indicators of one class only gives that class the other's points too, so every area can
 * reach the full score (an area with no 效益 target shares 产出 + 效益 = 80 among its 产出 targets).
 *
 * @example
 * indicatorWeights(["产出", "产出", "效益"], DEFAULT_EVALUATION_SETTINGS.weights) // [25, 25, 30]
 * indicatorWeights(["产出", "产出"], DEFAULT_EVALUATION_SETTINGS.weights) // [40, 40]
 */
export function indicatorWeights(classes: readonly IndicatorClass[], weights: EvaluationWeights): number[] {
  const outputs = classes.filter((c) => c === "产出").length;
  const outcomes = classes.length - outputs;
  const pool = weights.产出 + weights.效益;
  return classes.map((c) => {
    if (outputs === 0 || outcomes === 0) return pool / classes.length;
    return c === "产出" ? weights.产出 / outputs : weights.效益 / outcomes;
  });
}
