import type { EvaluationSettings, IndicatorClass } from "../engine";
import type { EditionData } from "../policy/types";

/** Where a figure was read: a sheet and a cell, so the report's appendix can point back to the workbook. */
export type Source = string;

/**
 * One month's figure as the workbook holds it: a number (in the target's own scale — 3.05 for 3.05% — or in
 * 亿元 for spending), `null` when blank, or `"invalid"` when the cell holds text (the sheet shows 应填数字).
 */
export type Figure = number | null | "invalid";

/** A target's cumulative figures through the year (1月…12月), and last year's value for 上升/下降 targets. */
export interface TargetFigures {
  /** Twelve entries, 1月 first; 1–m月累计. */
  readonly months: readonly Figure[];
  readonly previous: Figure;
  /** Where each month's figure was read (optional, same indexing as `months`). */
  readonly sources?: readonly (Source | undefined)[];
}

/** An area's cumulative spending through the year, in 亿元 (1–m月累计). */
export interface AreaFigures {
  readonly months: readonly Figure[];
  readonly sources?: readonly (Source | undefined)[];
}

/**
 * What the drafter needs from a workbook: the edition, each target's and each area's monthly figures. Targets or
 * areas without an entry are blank in every month.
 */
export interface WorkbookFigures {
  readonly data: EditionData;
  /** By target id. */
  readonly targets: ReadonlyMap<string, TargetFigures>;
  /** By area number. */
  readonly areas: ReadonlyMap<number, AreaFigures>;
  /** Budget by area in 亿元 as the workbook shows it (defaults to the edition's). */
  readonly budgets?: ReadonlyMap<number, number>;
  /** Where the figures came from, in words (e.g. the file name), for the appendix. */
  readonly origin?: string;
  /** What the workbook's 绩效自评 sheet holds, when it has one: the year's report scores with it. */
  readonly evaluation?: SheetEvaluationInputs;
  /** Why targets fell short, by 编号: 绩效监控's 偏差原因分析, else a return's 情况说明 (the 自评报告 quotes them). */
  readonly reasons?: ReadonlyMap<string, string>;
}

/** The settings block of 绩效自评, each target's 类别 and each area's 满意度 (a fraction) as staff left them. */
export interface SheetEvaluationInputs {
  readonly settings: EvaluationSettings;
  readonly classes: ReadonlyMap<string, IndicatorClass>;
  readonly satisfaction: ReadonlyMap<number, number>;
}
