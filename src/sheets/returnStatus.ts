/** The live status on a unit's return (填报), as a classic formula and as its cached result. */
import { toExcelValue } from "../engine";
import type { ReturnRowContent } from "../returns";
import { isBlank } from "../returns/sameValue";

/**
 * The row's live status: 未填报 while blank, 应填数字 for a text, else 已完成 when met, and for cumulative
 * targets 达进度 / 欠进度 against the month's 序时进度 (m/12); annual targets 未达标. Classic functions only.
 */
export function statusFormula(row: ReturnRowContent, figure: string, month: number): string | undefined {
  const t = row.target;
  if (t.value === null) return undefined;
  const goal = toExcelValue(t, t.value);
  const met =
    t.comparator === "rank<=" || t.comparator === "<="
      ? `${figure}<=${goal}`
      : t.comparator === ">"
        ? `${figure}>${goal}`
        : `${figure}>=${goal}`;
  const cumulative = t.kind === "count" || t.kind === "amount";
  const behind = cumulative ? `IF(${figure}>=${goal}*${month}/12,"达进度","欠进度")` : `"未达标"`;
  return `IF(ISBLANK(${figure}),"未填报",IF(ISNUMBER(${figure}),IF(${met},"已完成",${behind}),"应填数字"))`;
}

/** The status the formula gives for the row's current figure: the cached result the file carries for WPS. */
export function statusResult(row: ReturnRowContent, month: number): string {
  const v = row.current;
  if (isBlank(v)) return "未填报";
  if (typeof v !== "number") return "应填数字";
  const t = row.target;
  if (t.value === null) return "";
  const goal = toExcelValue(t, t.value);
  const met =
    t.comparator === "rank<=" || t.comparator === "<=" ? v <= goal : t.comparator === ">" ? v > goal : v >= goal;
  if (met) return "已完成";
  if (t.kind === "count" || t.kind === "amount") return v >= (goal * month) / 12 ? "达进度" : "欠进度";
  return "未达标";
}
