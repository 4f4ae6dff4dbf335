import { headerKey } from "./layout";
import { findHeader, findSheet } from "./read";
import { NOTE_HEADER } from "./returnsMerge";
import type { ExistingSheet } from "../workbook/snapshot";

/** A text column of one of our sheets by 编号 (text as written, blanks left out; the first row of an id wins). */
function textsById(sheet: ExistingSheet | undefined, column: string, within: number): Map<string, string> {
  const out = new Map<string, string>();
  if (sheet === undefined) return out;
  const header = findHeader(sheet, ["编号", column], within);
  if (header === undefined) return out;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const idCol = heads.indexOf("编号");
  const textCol = heads.indexOf(column);
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const id = String(sheet.cells[r]?.[idCol]?.value ?? "").trim();
    const text = sheet.cells[r]?.[textCol]?.value;
    if (id !== "" && typeof text === "string" && text.trim() !== "" && !out.has(id)) out.set(id, text.trim());
  }
  return out;
}

/**
 * Why each target fell short, by 编号, for the 自评报告: the 偏差原因分析 written on 绩效监控 (by staff, or merged from
 * a department's return), else the 情况说明 a return brought onto 月度填报. A workbook with neither gives none.
 *
 * @example
 * deviationReasonsOf(sheets).get("art01-hitech-firms") // "认定批次推迟至次年"
 */
export function deviationReasonsOf(sheets: readonly ExistingSheet[]): Map<string, string> {
  const reasons = textsById(findSheet(sheets, "绩效监控"), "偏差原因分析", 60);
  for (const [id, note] of textsById(findSheet(sheets, "月度填报"), NOTE_HEADER, 30)) {
    if (!reasons.has(id)) reasons.set(id, note);
  }
  return reasons;
}
