import { isCalcError, type CalcError } from "./errors";
import { checkEvaluationSettings, type EvaluationSettings, type IndicatorClass } from "./evaluationSettings";
import { executionRate } from "./executionRate";
import { gradeOf, type Grade } from "./gradeOf";
import { indicatorWeights } from "./indicatorWeights";
import { scoreByCompletion } from "./scoreByCompletion";
import { scoringCompletion } from "./scoringCompletion";
import { tidy } from "../policy/tidy";
import type { Target } from "../policy/types";

export interface IndicatorInput {
  readonly target: Target;
  readonly class: IndicatorClass;
  /** 全年实际完成值 in the target's scale (3.05 for 3.05%), or null when not reported. */
  readonly actual: number | null;
  readonly previous?: number | null;
}

export interface AreaEvaluationInput {
  /** 预算数 and 全年支出 in one unit; `spent` null when not reported. */
  readonly budget: number;
  readonly spent: number | null;
  readonly indicators: readonly IndicatorInput[];
  /** 满意度 as a fraction (0.95 for 95%), or null when not typed. */
  readonly satisfaction: number | null;
}

export interface IndicatorEvaluation {
  readonly id: string;
  readonly class: IndicatorClass;
  readonly weight: number;
  readonly completion: number | null | CalcError;
  readonly score: number | CalcError;
  /** weight − score: the points the indicator cost (the 自评报告 names the targets that lost some). */
  readonly lost: number | CalcError;
}

export interface AreaSelfEvaluation {
  readonly execution: { readonly rate: number | null | CalcError; readonly score: number | CalcError };
  readonly indicators: readonly IndicatorEvaluation[];
  readonly satisfaction: { readonly score: number };
  readonly total: number | CalcError;
  readonly grade: Grade | CalcError;
}

/**
 * One area's 绩效自评: 预算执行率 and its score, each indicator's weight ({@link indicatorWeights}), completion
 * ({@link scoringCompletion}) and score ({@link scoreByCompletion}), the 满意度 score (满意度 ÷ its target), the total
 * and the grade ({@link gradeOf}). An indicator that cannot be judged makes its score, the total and the grade
 * errors rather than a lower number; nothing reported scores 0. The 绩效自评 sheet's formulas compute the same.
 *
 * @example
 * areaSelfEvaluation(
 *   { budget: 2.74, spent: 2.6, satisfaction: 0.95,
 *     indicators: [{ target: 新增高新技术企业75家以上, class: "产出", actual: 60 },
 *                  { target: 研发投入强度3.12%左右, class: "效益", actual: 3.2 }] },
 *   DEFAULT_EVALUATION_SETTINGS,
 * ) // execution.score 9.489…, indicators' scores 40 and 30, satisfaction 10, total 89.489…, grade "良"
 */
export function areaSelfEvaluation(
  input: AreaEvaluationInput,
  settings: EvaluationSettings,
): AreaSelfEvaluation | CalcError {
  const bad = checkEvaluationSettings(settings);
  if (bad) return bad;
  const { weights } = settings;
  const rate = input.spent === null ? null : executionRate(input.budget, input.spent);
  const execution = { rate, score: isCalcError(rate) ? rate : scoreByCompletion(rate, weights.预算执行率) };
  const shares = indicatorWeights(
    input.indicators.map((i) => i.class),
    weights,
  );
  const indicators = input.indicators.map((i, n): IndicatorEvaluation => {
    const weight = shares[n] ?? 0;
    const completion = scoringCompletion(i.target, i.actual, i.previous);
    const score = isCalcError(completion) ? completion : scoreByCompletion(completion, weight);
    const lost = isCalcError(score) ? score : tidy(weight - score);
    return { id: i.target.id, class: i.class, weight, completion, score, lost };
  });
  const satisfaction = {
    score: scoreByCompletion(
      input.satisfaction === null ? null : input.satisfaction / settings.satisfactionTarget,
      weights.满意度,
    ),
  };
  const parts = [execution.score, ...indicators.map((i) => i.score), satisfaction.score];
  const failed = parts.find(isCalcError);
  const total = failed ?? tidy(parts.reduce<number>((sum, p) => sum + (isCalcError(p) ? 0 : p), 0));
  return {
    execution,
    indicators,
    satisfaction,
    total,
    grade: isCalcError(total) ? total : gradeOf(total, settings.bands),
  };
}
