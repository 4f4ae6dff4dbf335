import { completionRate } from "./completionRate";
import { isCalcError, type CalcError } from "./errors";
import { DEFAULT_TOLERANCE, isMet } from "./isMet";
import { tidy } from "../policy/tidy";
import type { Target, TargetKind } from "../policy/types";

/** The progress vocabulary of county reports. */
export const STATUSES = ["已完成", "达进度", "欠进度", "未完成", "未填报"] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds that accumulate through the year, so 序时进度 applies; ratios, growth and ranks are annual states. */
export const CUMULATIVE_KINDS: readonly TargetKind[] = ["count", "amount"];

export interface StatusOptions {
  /** 序时进度 at the report date (0–1); omit for a year-end view. */
  readonly timeProgress?: number | null;
  readonly previous?: number | null;
  readonly tolerance?: number;
}

/**
 * 状态 of a target: 未填报 while the actual (or, for a direction target, last year's value) is blank;
 * 已完成 when met; for cumulative kinds with a report date inside the year, 达进度 when the completion rate has
 * reached 序时进度, else 欠进度; otherwise 未完成.
 *
 * @example
 * // 新增高新技术企业75家以上: 40 by 2025-06-30 (序时进度 0.5) → 40/75 = 0.533 ≥ 0.5
 * status(hitech, 40, { timeProgress: 0.5 }) // "达进度"
 * status(hitech, 30, { timeProgress: 0.5 }) // "欠进度"
 * status(rdIntensity, 2.8) // "未完成" (3.12%左右 is annual: no 序时进度)
 */
export function status(target: Target, actual: number | null, options: StatusOptions = {}): Status | CalcError {
  const previous = options.previous ?? null;
  if (actual === null) return "未填报";
  const direction = target.comparator === "increase" || target.comparator === "decrease";
  if (direction && previous === null) return "未填报";
  const met = isMet(target, actual, previous, options.tolerance ?? DEFAULT_TOLERANCE);
  if (isCalcError(met)) return met;
  if (met) return "已完成";
  const progress = options.timeProgress;
  if (progress === null || progress === undefined || progress >= 1) return "未完成";
  if (!CUMULATIVE_KINDS.includes(target.kind)) return "未完成";
  const rate = completionRate(target, actual, previous);
  if (isCalcError(rate)) return rate;
  // Compared as written, not in binary noise: 0.6亿元 of 0.8亿元 is 75%, on pace at 9月底 (0.6 / 0.8 is
  // 0.7499999999999999 in doubles; spreadsheets compare it as 0.75).
  return tidy(rate) >= tidy(progress) ? "达进度" : "欠进度";
}
