/**
 * The live status on a unit's return (填报), as a classic formula and as its cached result. "Met" is the engine's
 * isMet (a 左右 target within ±5 %), so a unit sees what 目标任务 will say of the same figure.
 */
import { DEFAULT_TOLERANCE, fromExcelValue, isMet, toExcelValue } from "../engine";
import type { Target } from "../policy/types";
import type { ReturnRowContent } from "../returns";
import { isBlank } from "../returns/sameValue";

/** isMet as a formula over the figure cell (cell scale: a percentage is a fraction, as the goal is here). */
function metFormula(t: Target, figure: string, goal: number): string {
  switch (t.comparator) {
    case "rank<=":
    case "<=":
      return `${figure}<=${goal}`;
    case ">":
      return `${figure}>${goal}`;
    case "~":
      return `ABS(${figure}-${goal})<=${DEFAULT_TOLERANCE}*ABS(${goal})+1E-12`;
    default:
      return `${figure}>=${goal}`;
  }
}

const cumulative = (t: Target) => t.kind === "count" || t.kind === "amount";

/**
 * The row's live status: 未填报 while blank, 应填数字 for a text, else 已完成 when met, and for cumulative
 * targets 达进度 / 欠进度 against the month's 序时进度 (m/12); annual targets 未达标. Classic functions only.
 */
export function statusFormula(row: ReturnRowContent, figure: string, month: number): string | undefined {
  const t = row.target;
  if (t.value === null) return undefined;
  const goal = toExcelValue(t, t.value);
  const behind = cumulative(t) ? `IF(${figure}>=${goal}*${month}/12,"达进度","欠进度")` : `"未达标"`;
  const met = metFormula(t, figure, goal);
  return `IF(ISBLANK(${figure}),"未填报",IF(ISNUMBER(${figure}),IF(${met},"已完成",${behind}),"应填数字"))`;
}

/** The status the formula gives for the row's current figure: the cached result the file carries for WPS. */
export function statusResult(row: ReturnRowContent, month: number): string {
  const v = row.current;
  if (isBlank(v)) return "未填报";
  if (typeof v !== "number") return "应填数字";
  const t = row.target;
  if (t.value === null) return "";
  if (isMet(t, fromExcelValue(t, v)) === true) return "已完成";
  const goal = toExcelValue(t, t.value);
  if (cumulative(t)) return v >= (goal * month) / 12 ? "达进度" : "欠进度";
  return "未达标";
}
