import { headerKey } from "./layout";
import { findHeader } from "./read";
import { findSheet } from "./reportFigures";
import type { ExistingSheet } from "../workbook/snapshot";

/**
 * The 偏差原因分析 the departments wrote on 绩效监控, by 编号 (text as written, blanks left out): why a target cost
 * points, for the 自评报告. A workbook without 绩效监控 gives none.
 *
 * @example
 * deviationReasonsOf(sheets).get("art01-hitech-firms") // "认定批次推迟至次年"
 */
export function deviationReasonsOf(sheets: readonly ExistingSheet[]): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = findSheet(sheets, "绩效监控");
  if (sheet === undefined) return out;
  const header = findHeader(sheet, ["编号", "偏差原因分析"], 60);
  if (header === undefined) return out;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const idCol = heads.indexOf("编号");
  const reasonCol = heads.indexOf("偏差原因分析");
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const id = String(sheet.cells[r]?.[idCol]?.value ?? "").trim();
    const reason = sheet.cells[r]?.[reasonCol]?.value;
    if (id !== "" && typeof reason === "string" && reason.trim() !== "" && !out.has(id)) out.set(id, reason.trim());
  }
  return out;
}
