import type { CarryOverEntry, FinalFigure, Predecessor } from "./types";

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

/**
 * Every 核对 note of the carry-over starts with these words: a later refresh finds the note by them (and keeps it),
 * and 目标任务's grey for rows kept from an earlier edition leaves such a row alone.
 */
export const CARRY_OVER_NOTE_MARK = "上年值";

/** The start of the note of a figure not carried: it stands while 上年值 is empty, the others while it is filled. */
export const NOT_CARRIED_NOTE = "上年值未结转";

/**
 * What the 核对 cell of a new target's row says after the carry-over: where its 上年值 comes from (the trace, for a
 * carried value and for a typed one that equals it); for a typed value that differs, last year's figure beside it;
 * why nothing was carried (a unit refused, no 12月 figure). A target new this year has no note.
 *
 * @example
 * carryOverNote({ status: "differs", id: "art02-tech-projects", typed: 999, carried: 80, from, trace: "上年值取自 2025台账.xlsx 月度填报 12月" }, "个")
 * // "上年值与上年数不同,保留所填:上年 2025台账.xlsx 月度填报 12月 为 80个"
 */
export function carryOverNote(entry: CarryOverEntry, unit: string): string {
  switch (entry.status) {
    case "carried":
    case "agrees":
      return entry.trace;
    case "differs":
      return `上年值与上年数不同,保留所填:${entry.trace.replace(/^上年值取自 /, "上年 ")} 为 ${entry.carried}${unit}`;
    case "refused":
      return `${NOT_CARRIED_NOTE}(上年编号 ${entry.from.id}):${entry.reason.message}`;
    case "noFigure":
      return `${NOT_CARRIED_NOTE}:上年工作簿中 ${entry.from.id} 没有12月数`;
    case "new":
      return "";
  }
}
