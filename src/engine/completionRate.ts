import { divisionByZero, notAvailable, valueError, type CalcError } from "./errors";
import type { Target } from "../policy/types";

/**
 * 完成率: how far an actual value (in the target's own scale: 3.05 for 3.05%) goes towards a target.
 * `>=`, `>` and `~` → actual / target; `<=` → target / actual (smaller is better); `rank<=` →
 * min(1, target / rank); `increase` / `decrease` → 1 when the direction against last year holds, else 0.
 * Growth targets compare rate with rate. Not capped: 超额 completion shows as more than 1.
 *
 * @example
 * // 新增高新技术企业75家以上, 60 so far
 * completionRate({ comparator: ">=", value: 75, … }, 60) // 0.8
 * // 规上工业增加值增长10%以上, actual growth 8%
 * completionRate({ comparator: ">=", value: 10, unit: "%", … }, 8) // 0.8
 * // 列温州前3, ranked 6th
 * completionRate({ comparator: "rank<=", value: 3, … }, 6) // 0.5
 */
export function completionRate(target: Target, actual: number, previous?: number | null): number | CalcError {
  switch (target.comparator) {
    case "increase":
    case "decrease": {
      if (previous === null || previous === undefined) return notAvailable("needsPrevious", target.id);
      const holds = target.comparator === "increase" ? actual > previous : actual < previous;
      return holds ? 1 : 0;
    }
    case "rank<=": {
      if (target.value === null) return notAvailable("qualitativeNoValue", target.id);
      if (!(actual >= 1)) return valueError("badRank", actual);
      return Math.min(1, target.value / actual);
    }
    case "<=": {
      if (target.value === null) return notAvailable("qualitativeNoValue", target.id);
      if (actual === 0) return divisionByZero("zeroActual");
      return target.value / actual;
    }
    default: {
      if (target.value === null) return notAvailable("qualitativeNoValue", target.id);
      if (target.value === 0) return divisionByZero("zeroTarget", target.id);
      return actual / target.value;
    }
  }
}
