import type { FinalFigure, Predecessor } from "./types";

/**
 * Where a carried 上年值 comes from, in the words the 核对 column shows: the file, the sheet and the period; the
 * previous id when the target was matched by wording (its id changed); the conversion when the units differ.
 *
 * @example
 * carryOverTrace("2025台账.xlsx", { value: 82, sheet: "月度填报", period: "12月" }, { id: "art09-hitech-firms", match: "id", unit: "家" }, "家", 82)
 * // "上年值取自 2025台账.xlsx 月度填报 12月"
 * carryOverTrace("2025台账.xlsx", { value: 12.5, sheet: "目标任务", period: "实际值" }, { id: "art03-fai", match: "wording", unit: "亿元" }, "万元", 125000)
 * // "上年值取自 2025台账.xlsx 目标任务 实际值(上年编号 art03-fai,按条款、指标和单位匹配;12.5亿元折合125000万元)"
 */
export function carryOverTrace(
  file: string,
  figure: FinalFigure,
  from: Predecessor,
  unit: string,
  value: number,
): string {
  const notes: string[] = [];
  if (from.match === "wording") notes.push(`上年编号 ${from.id},按条款、指标和单位匹配`);
  if (from.unit !== unit) notes.push(`${figure.value}${from.unit}折合${value}${unit}`);
  const where = `上年值取自 ${file} ${figure.sheet} ${figure.period}`;
  return notes.length === 0 ? where : `${where}(${notes.join(";")})`;
}
