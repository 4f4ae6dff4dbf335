import { tidy } from "../policy/tidy";

/**
 * The points a line of the self-evaluation earns: its weight times its completion, capped at 100 % (超额 earns no
 * more than full points) and floored at 0; no completion (nothing reported) earns nothing. The one rule behind
 * the 预算执行率 score, each indicator's score and the 满意度 score — the sheet's formula is
 * `weight*MIN(1,MAX(0,completion))`.
 *
 * @example
 * scoreByCompletion(0.8, 10) // 8 (80 % done, weight 10)
 * scoreByCompletion(1.25, 10) // 10 (超额 is capped)
 * scoreByCompletion(null, 10) // 0 (未填报)
 */
export function scoreByCompletion(completion: number | null, weight: number): number {
  if (completion === null || Number.isNaN(completion)) return 0;
  // tidy drops binary noise (0.7 × 30 = 20.999…); rounding may not lift a score above its weight.
  return Math.min(weight, tidy(weight * Math.min(1, Math.max(0, completion))));
}
