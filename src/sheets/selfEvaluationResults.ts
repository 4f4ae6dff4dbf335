import { fromYi, gradeOf, indicatorWeights, scoreByCompletion, tidy, type IndicatorClass } from "../engine";
import type { Target } from "../policy/types";
import { readInput } from "../workbook/cells";
import type { Scalar } from "../workbook/model";
import type { BuildContext } from "./context";
import { evaluateExecution } from "./evaluate";
import type { MonitorResults } from "./monitor";
import { BAD_BANDS, CANNOT_SCORE } from "./selfEvaluationFormulas";
import { isIndicatorClass, type SettingKey } from "./selfEvaluationLayout";
import { NOT_A_NUMBER } from "./texts";

/** What one target's row of 绩效自评 shows. */
export interface IndicatorRowResults {
  readonly actual: Scalar;
  readonly completion: Scalar;
  readonly weight: number;
  readonly score: Scalar;
}

/** What one area's row shows. */
export interface AreaRowResults {
  readonly budget: number;
  readonly spent: Scalar;
  readonly rate: Scalar;
  readonly executionScore: Scalar;
  readonly output: number;
  readonly outcome: number;
  readonly satisfactionScore: Scalar;
  readonly total: Scalar;
  readonly grade: Scalar;
  /** The weight of each 产出 and each 效益 indicator of the area (0 while it has none of the class). */
  readonly shares: Readonly<Record<IndicatorClass, number>>;
}

export interface SelfEvaluationSources {
  readonly ctx: BuildContext;
  /** 实际值, 完成率 and 1–N月支出 as the workbook read will show them (see monitor.ts). */
  readonly figures: MonitorResults;
  /** The 类别 cell of a target's row as it will be (kept, or the product's proposal). */
  readonly classOf: (target: Target) => unknown;
  /** A setting's cell value as it will be. */
  readonly setting: (key: SettingKey) => unknown;
  /** An area's 满意度 cell value as it will be. */
  readonly satisfaction: (area: number) => unknown;
}

const num = (value: unknown): number => {
  const input = readInput(value);
  return input.kind === "number" ? input.value : NaN;
};

/**
 * The results of 绩效自评's formulas (cached in the file, for WPS and for Excel until it recalculates), computed from
 * the same cells with the engine's rules: the weights ({@link indicatorWeights}, a row without a valid 类别 weighs
 * 0), the scores ({@link scoreByCompletion}), the grade ({@link gradeOf}).
 */
export function selfEvaluationResults(src: SelfEvaluationSources): {
  row: (id: string) => IndicatorRowResults;
  area: (no: number) => AreaRowResults;
} {
  const { ctx, figures } = src;
  const s = (key: SettingKey) => num(src.setting(key));
  const weights = { 预算执行率: s("预算执行率"), 产出: s("产出"), 效益: s("效益"), 满意度: s("满意度") };
  const rows = new Map<string, IndicatorRowResults & { cls?: IndicatorClass }>();
  const sharesOf = new Map<number, Record<IndicatorClass, number>>();
  for (const area of ctx.data.areas) {
    const targets = ctx.data.targets.filter((t) => t.area === area.no);
    const classes = targets.map((t) => {
      const raw = src.classOf(t);
      const text = typeof raw === "string" ? raw.trim() : raw;
      return isIndicatorClass(text) ? text : undefined;
    });
    const valid = classes.filter((c): c is IndicatorClass => c !== undefined);
    const shares = indicatorWeights(valid, weights);
    const shareOf = (c: IndicatorClass) => shares[valid.indexOf(c)] ?? 0;
    sharesOf.set(area.no, { 产出: shareOf("产出"), 效益: shareOf("效益") });
    let next = 0;
    targets.forEach((t, i) => {
      const cls = classes[i];
      const weight = cls === undefined ? 0 : (shares[next++] ?? 0);
      const { actual, completion } = figures.targets(t.id);
      const score: Scalar =
        typeof completion === "number" ? scoreByCompletion(completion, weight) : completion === "" ? 0 : completion;
      rows.set(t.id, { actual, completion, weight, score, ...(cls ? { cls } : {}) });
    });
  }
  const bands = { 优: s("优"), 良: s("良"), 中: s("中") };
  const bandsOk = bands.优 <= 100 && bands.优 > bands.良 && bands.良 > bands.中 && bands.中 > 0;
  const areas = new Map<number, AreaRowResults>();
  for (const area of ctx.data.areas) {
    const budget = fromYi(area.budgetYi, ctx.amountUnit);
    const spent = figures.spent(area.no);
    const rate = evaluateExecution(budget, spent, "").rate;
    const executionScore: Scalar =
      typeof rate === "number" ? scoreByCompletion(rate, weights.预算执行率) : rate === "" ? 0 : rate;
    const lines = ctx.data.targets.filter((t) => t.area === area.no).map((t) => rows.get(t.id));
    const sum = (cls: IndicatorClass) =>
      tidy(lines.reduce((n, l) => n + (l?.cls === cls && typeof l.score === "number" ? l.score : 0), 0));
    const typed = readInput(src.satisfaction(area.no));
    const satisfactionScore: Scalar =
      typed.kind === "blank"
        ? 0
        : typed.kind === "text"
          ? NOT_A_NUMBER
          : scoreByCompletion(typed.value / s("满意度满分线"), weights.满意度);
    const output = sum("产出");
    const outcome = sum("效益");
    let total: Scalar;
    if (lines.some((l) => typeof l?.score === "string")) total = CANNOT_SCORE;
    else if (typeof executionScore !== "number") total = executionScore;
    else if (typeof satisfactionScore !== "number") total = satisfactionScore;
    else total = tidy(executionScore + output + outcome + satisfactionScore);
    const grade: Scalar = typeof total !== "number" ? "" : bandsOk ? gradeOf(total, bands) : BAD_BANDS;
    const shares = sharesOf.get(area.no) ?? { 产出: 0, 效益: 0 };
    areas.set(area.no, {
      ...{ budget, spent, rate, executionScore, output, outcome },
      ...{ satisfactionScore, total, grade, shares },
    });
  }
  return {
    row: (id) => rows.get(id) ?? { actual: "", completion: "", weight: 0, score: 0 },
    area: (no) => areas.get(no) as AreaRowResults,
  };
}
