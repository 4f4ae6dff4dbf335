import { valueError, type CalcError } from "./errors";

/** The two classes a policy target can be scored in on the 项目支出绩效自评表. */
export type IndicatorClass = "产出" | "效益";

/** Points per part of the self-evaluation; they need not sum to 100 (the total is their sum). */
export interface EvaluationWeights {
  readonly 预算执行率: number;
  readonly 产出: number;
  readonly 效益: number;
  readonly 满意度: number;
}

/** The lowest total of each grade (inclusive); below 中 is 差. */
export interface GradeBands {
  readonly 优: number;
  readonly 良: number;
  readonly 中: number;
}

export interface EvaluationSettings {
  readonly weights: EvaluationWeights;
  readonly bands: GradeBands;
  /** The 满意度 that earns full points, as a fraction (0.9 for 90%). */
  readonly satisfactionTarget: number;
}

/**
 * The Ministry of Finance's usual 项目支出绩效自评 (财预〔2020〕10号 practice): 预算执行率 10, 产出 50, 效益 30, 满意度
 * 10; 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60; 满意度 full at 90%. Local rules change them: the sheet's settings block
 * holds the values actually used.
 */
export const DEFAULT_EVALUATION_SETTINGS = {
  weights: { 预算执行率: 10, 产出: 50, 效益: 30, 满意度: 10 },
  bands: { 优: 90, 良: 80, 中: 60 },
  satisfactionTarget: 0.9,
} as const satisfies EvaluationSettings;

/**
 * Why a set of weights and bands cannot be used, or null when it can: weights are finite and ≥ 0, bands satisfy
 * 100 ≥ 优 > 良 > 中 > 0 (so the grades partition 0–100), the 满意度 target is in (0, 1].
 *
 * @example
 * checkEvaluationSettings(DEFAULT_EVALUATION_SETTINGS) // null
 * checkEvaluationSettings({ …, bands: { 优: 80, 良: 90, 中: 60 } }) // #VALUE! 等级分数线应满足 100 ≥ 优 > 良 > 中 > 0…
 */
export function checkEvaluationSettings(settings: EvaluationSettings): CalcError | null {
  for (const [name, weight] of Object.entries(settings.weights)) {
    if (!(Number.isFinite(weight) && weight >= 0)) return valueError("badWeight", name, String(weight));
  }
  const { 优, 良, 中 } = settings.bands;
  if (!(100 >= 优 && 优 > 良 && 良 > 中 && 中 > 0)) return valueError("badGradeBands", 优, 良, 中);
  const s = settings.satisfactionTarget;
  if (!(s > 0 && s <= 1)) return valueError("badSatisfactionTarget", String(s));
  return null;
}
