import {
  areaSelfEvaluation,
  DEFAULT_EVALUATION_SETTINGS,
  isCalcError,
  proposeIndicatorClass,
  toChineseNumeral,
  type AreaSelfEvaluation,
  type CalcError,
  type EvaluationSettings,
  type IndicatorClass,
} from "../engine";
import type { Area, Target } from "../policy/types";
import type { Figure, WorkbookFigures } from "./figures";
import { percent, targetFigure } from "./format";
import { draftReport } from "./draft";
import { reportText, type ReportText } from "./text";

/** What the 绩效自评 sheet adds to the year's figures: the settings used and what staff chose or typed there. */
export interface SelfEvaluationInputs {
  readonly settings: EvaluationSettings;
  /** Each target's class as staff left it; a target without one is scored in the class the product proposes. */
  readonly classes?: ReadonlyMap<string, IndicatorClass>;
  /** 满意度 by area number, as a fraction (0.95 for 95%). */
  readonly satisfaction?: ReadonlyMap<number, number>;
  /** 偏差原因 by target id: 绩效监控's 偏差原因分析, else a department return's note. */
  readonly reasons?: ReadonlyMap<string, string>;
}

/** A target that cost points, as the 自评报告 names it. */
export interface LostPoints {
  readonly target: Target;
  readonly weight: number;
  readonly lost: number;
  /** 全年实际完成值 (target's scale), null when not reported. */
  readonly actual: number | null;
  readonly completion: number | null;
  readonly reason?: string;
}

export interface AreaEvaluationSection {
  readonly area: Area;
  readonly budgetYi: number;
  readonly spentYi: number | null;
  /** The area's score, or why it has none (a figure that cannot be judged: the sheet shows the same error). */
  readonly evaluation: AreaSelfEvaluation | CalcError;
  /** Targets whose 12月 figure holds text: the area is not scored until they are corrected. */
  readonly invalid: readonly Target[];
  readonly lost: readonly LostPoints[];
  /** The weights the area was scored with (the sheet's settings block). */
  readonly weights: EvaluationSettings["weights"];
  /** 满意度 as typed (a fraction), null when not typed: the paragraph then says so rather than show a bare 0. */
  readonly satisfaction: number | null;
}

const numberOf = (f: Figure | undefined): number | null => (typeof f === "number" ? f : null);

/**
 * Each area's 绩效自评 from the year's figures (12月 cumulative = 全年实际完成值, 12月 spending = 全年支出) and what
 * the 绩效自评 sheet holds (classes, 满意度, settings), scored by the engine ({@link areaSelfEvaluation}) — the sheet's
 * formulas compute the same — with the targets that cost points, most points first, and why (偏差原因).
 *
 * @example
 * draftSelfEvaluation(figures, { settings: DEFAULT_EVALUATION_SETTINGS })[0]
 * // { area: 科技创新, evaluation: { total: 89.49, grade: "良", … }, lost: [新增高新技术企业 −5 …], … }
 */
export function draftSelfEvaluation(figures: WorkbookFigures, inputs: SelfEvaluationInputs): AreaEvaluationSection[] {
  const { data } = figures;
  return data.areas.map((area): AreaEvaluationSection => {
    // With the sheet's classes, a target whose 类别 staff left blank is not scored, as the sheet's formulas do.
    const classOf = (t: Target) => (inputs.classes ? inputs.classes.get(t.id) : proposeIndicatorClass(t));
    const targets = data.targets.filter((t) => t.area === area.no && classOf(t) !== undefined);
    const figure = (t: Target) => figures.targets.get(t.id);
    const invalid = targets.filter((t) => figure(t)?.months[11] === "invalid" || figure(t)?.previous === "invalid");
    const budgetYi = figures.budgets?.get(area.no) ?? area.budgetYi;
    const spentYi = numberOf(figures.areas.get(area.no)?.months[11]);
    const indicators = targets.map((target) => ({
      target,
      class: classOf(target) ?? proposeIndicatorClass(target),
      actual: numberOf(figure(target)?.months[11]),
      previous: numberOf(figure(target)?.previous),
    }));
    const satisfaction = inputs.satisfaction?.get(area.no) ?? null;
    const evaluation = areaSelfEvaluation(
      { budget: budgetYi, spent: spentYi, satisfaction, indicators },
      inputs.settings,
    );
    const lost: LostPoints[] = [];
    if (!isCalcError(evaluation)) {
      evaluation.indicators.forEach((e, i) => {
        const line = indicators[i];
        if (line === undefined || isCalcError(e.lost) || !(e.lost > 0)) return;
        const completion = isCalcError(e.completion) ? null : e.completion;
        const reason = inputs.reasons?.get(line.target.id)?.trim();
        lost.push({
          target: line.target,
          weight: e.weight,
          lost: e.lost,
          actual: line.actual,
          completion,
          ...(reason ? { reason } : {}),
        });
      });
      lost.sort((a, b) => b.lost - a.lost);
    }
    return { area, budgetYi, spentYi, evaluation, invalid, lost, weights: inputs.settings.weights, satisfaction };
  });
}

const score = (n: number) => `${n.toFixed(2)}分`;
/** A weight as staff write it: 10, 7.5, 16.67. */
const weightText = (n: number) => String(Number(n.toFixed(2)));

/** "新增高新技术企业(目标75家,全年完成60家,完成率80.0%,失5.00分;原因:…)". */
function lostPhrase(l: LostPoints): string {
  const t = l.target;
  const parts: string[] = [];
  if (t.value !== null) parts.push(`目标${targetFigure(t, t.value)}`);
  parts.push(l.actual === null ? "全年未填报" : `全年完成${targetFigure(t, l.actual)}`);
  if (l.completion !== null && t.value !== null) parts.push(`完成率${percent(l.completion)}`);
  parts.push(`失${score(l.lost)}`);
  return `${t.indicator}(${parts.join(",")}${l.reason ? `;原因:${l.reason}` : ";未说明偏差原因"})`;
}

/**
 * The 自评报告 section of the year's report, one paragraph per area: score and grade, each part's points against
 * its weight, and the targets that cost points with their 偏差原因.
 *
 * @example
 * selfEvaluationParagraphs(draftSelfEvaluation(figures, inputs))[0]
 * // "(一)科技创新:自评得分89.49分,等级“良”。预算执行率94.9%,得9.49分(满分10分);…失分指标:新增高新技术企业(…)。"
 */
export function selfEvaluationParagraphs(sections: readonly AreaEvaluationSection[]): string[] {
  return sections.map((s) => {
    const head = `(${s.area.numeral})${s.area.title}:`;
    if (s.invalid.length > 0) {
      return `${head}${s.invalid.map((t) => t.indicator).join("、")}的全年数填报有误,更正后方可评分。`;
    }
    const e = s.evaluation;
    if (isCalcError(e)) return `${head}暂不能评分:${e.message}。`;
    if (isCalcError(e.total) || isCalcError(e.grade) || isCalcError(e.execution.score)) {
      const why = [e.total, e.execution.score].find(isCalcError);
      return `${head}暂不能评分${why ? `:${why.message}` : ""}。`;
    }
    const sumOf = (c: IndicatorClass) =>
      e.indicators.filter((i) => i.class === c).reduce((sum, i) => sum + (isCalcError(i.score) ? 0 : i.score), 0);
    const weightOf = (c: IndicatorClass) =>
      e.indicators.filter((i) => i.class === c).reduce((sum, i) => sum + i.weight, 0);
    const rate = e.execution.rate;
    const parts = [
      rate === null || isCalcError(rate)
        ? `全年支出未填报,预算执行率得0分(满分${weightText(s.weights.预算执行率)}分)`
        : `预算执行率${percent(rate)},得${score(e.execution.score)}(满分${weightText(s.weights.预算执行率)}分)`,
      ...(["产出", "效益"] as const)
        .filter((c) => weightOf(c) > 0)
        .map((c) => `${c}指标得${score(sumOf(c))}(满分${weightText(weightOf(c))}分)`),
      s.satisfaction === null
        ? `满意度未填报,得0分(满分${weightText(s.weights.满意度)}分)`
        : `满意度${percent(s.satisfaction)},得${score(e.satisfaction.score)}(满分${weightText(s.weights.满意度)}分)`,
    ];
    const lost = s.lost.length > 0 ? `失分指标:${s.lost.map(lostPhrase).join(";")}。` : "各项指标均全额得分。";
    return `${head}自评得分${score(e.total)},等级“${e.grade}”。${parts.join(";")}。${lost}`;
  });
}

/**
 * The year's report with its 绩效自评 section: appended after the 进展情况 sections (numbered on), with a line on the
 * weights and bands used, and each area's score and grade in the appendix of figures. The .docx and the 进展报告
 * sheet both render `ReportText`, so both carry it.
 *
 * @example
 * withSelfEvaluation(reportText(draftReport(figures, 12)), draftSelfEvaluation(figures, inputs), DEFAULT_EVALUATION_SETTINGS)
 * // sections: […, { heading: "五、绩效自评", paragraphs: ["评分标准:…", "(一)…自评得分96.74分,等级“优”。…"] }]
 */
export function withSelfEvaluation(
  text: ReportText,
  sections: readonly AreaEvaluationSection[],
  settings: EvaluationSettings,
): ReportText {
  const w = settings.weights;
  const b = settings.bands;
  const rule =
    `评分标准:预算执行率${weightText(w.预算执行率)}分、产出指标${weightText(w.产出)}分、效益指标${weightText(w.效益)}分、` +
    `满意度${weightText(w.满意度)}分;各项按完成程度计分,完成率超过100%的按100%计,“上升/下降”类指标达到得满分、未达到不得分;` +
    `等级:优(${b.优}分及以上)、良(${b.良}分至不足${b.优}分)、中(${b.中}分至不足${b.良}分)、差(不足${b.中}分)。`;
  const heading = `${toChineseNumeral(text.sections.length + 1)}、绩效自评`;
  const figures = sections.flatMap((s) => {
    const e = s.evaluation;
    if (isCalcError(e) || isCalcError(e.total) || isCalcError(e.grade)) return [];
    return [
      {
        label: `${s.area.title}·自评得分`,
        value: `${e.total.toFixed(2)}分(${e.grade})`,
        source: "绩效自评:12月累计数按评分标准计分",
      },
    ];
  });
  return {
    ...text,
    sections: [...text.sections, { heading, paragraphs: [rule, ...selfEvaluationParagraphs(sections)] }],
    figures: [...text.figures, ...figures],
  };
}

/**
 * The text of a month's report, as the CLI and the pane draft it: the 进展情况 sections, and for 12月 — the year's
 * report — the 绩效自评 section, scored as the workbook's 绩效自评 sheet scores (its settings, the classes and 满意度
 * staff left there; the usual weights and bands and the proposed classes in a workbook without the sheet), with
 * each target's 偏差原因 where the workbook has one (figures.reasons).
 *
 * @example
 * monthReportText(readFigures(data, sheets).figures, 12).sections.at(-1)?.heading // "五、绩效自评"
 */
export function monthReportText(figures: WorkbookFigures, month: number): ReportText {
  const text = reportText(draftReport(figures, month));
  if (month !== 12) return text;
  const sheet = figures.evaluation;
  const settings = sheet?.settings ?? DEFAULT_EVALUATION_SETTINGS;
  const inputs = {
    settings,
    reasons: figures.reasons ?? new Map<string, string>(),
    ...(sheet ? { classes: sheet.classes, satisfaction: sheet.satisfaction } : {}),
  };
  return withSelfEvaluation(text, draftSelfEvaluation(figures, inputs), settings);
}
