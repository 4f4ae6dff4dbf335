import type { CalcError, MessageKey } from "../engine";
import type { Comparator, Target, TargetKind } from "../policy/types";

/** Texts the sheet's formulas show where the engine returns an error, keyed by the engine's message key. */
export const ERROR_TEXT: Partial<Record<MessageKey, string>> = {
  needsPrevious: "需填上年值",
  qualitativeNoValue: "—",
  badRank: "名次应≥1",
  zeroActual: "实际值为0",
  zeroTarget: "目标为0",
  zeroBudget: "预算为0",
};

/** Shown where an input holds text instead of a number. */
export const NOT_A_NUMBER = "应填数字";
/** Shown in 序时进度 where 报告日期 holds text instead of a date. */
export const NOT_A_DATE = "日期有误";

export function errorText(error: CalcError): string {
  return ERROR_TEXT[error.key] ?? `#${error.code}`;
}

export const COMPARATOR_SYMBOL: Record<Comparator, string> = {
  ">=": "≥",
  ">": ">",
  "~": "≈",
  "<=": "≤",
  "rank<=": "名次≤",
  decrease: "下降",
  increase: "上升",
};

export function comparatorOfSymbol(symbol: unknown): Comparator | undefined {
  const text = typeof symbol === "string" ? symbol.trim() : "";
  return (Object.keys(COMPARATOR_SYMBOL) as Comparator[]).find((c) => COMPARATOR_SYMBOL[c] === text);
}

/**
 * Whether the sheet shows a target's figures as percentages: unit %, or a unitless ratio (三分之二 = 2/3). Its
 * 差距 is then in 百分点 (the sheet's formula tells them apart by 单位 and 口径).
 */
export function shownAsPercent(target: Pick<Target, "unit" | "kind">): boolean {
  return target.unit === "%" || (target.unit === "" && target.kind === "ratio");
}

export const CUMULATIVE = "累计";
export const ANNUAL = "年度";

/** 口径: cumulative kinds are judged against 序时进度, annual states are not (engine CUMULATIVE_KINDS). */
export function basisOfKind(kind: TargetKind, cumulative: readonly TargetKind[]): string {
  return cumulative.includes(kind) ? CUMULATIVE : ANNUAL;
}
