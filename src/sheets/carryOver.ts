import { fromExcelValue, indexEdition, toExcelValue } from "../engine";
import type { CarryOverPlan, FinalFigure } from "../carryover";
import type { EditionData } from "../policy/types";
import type { ReadFigures } from "./reportFigures";
import { headerKey } from "./layout";
import { findHeader } from "./read";
import { cellAddress } from "../workbook/a1";
import { readInput, type RawCell } from "../workbook/cells";
import type { CellChange, SheetPatch } from "../workbook/patch";
import type { ExistingSheet } from "../workbook/snapshot";
import { hasContent } from "../workbook/cells";

/**
 * Last year's final figures as the carry-over takes them: each target's 12月 cumulative figure (月度填报's 12月, or,
 * in a workbook of the earlier layout, 目标任务's 实际值 when its 报告日期 is in December), in the target's scale.
 * A blank or text cell gives no figure: the target is listed as having none, never carried as 0.
 *
 * @example
 * finalFiguresOf(readFigures(edition2025, sheets)).get("art01-hitech-firms")
 * // { value: 82, sheet: "月度填报", period: "12月" }
 */
export function finalFiguresOf(read: ReadFigures): Map<string, FinalFigure> {
  const sheet = read.layout === "monthly" ? "月度填报" : "目标任务";
  const period = read.layout === "monthly" ? "12月" : "实际值(12月)";
  const out = new Map<string, FinalFigure>();
  for (const [id, f] of read.figures.targets) {
    const value = f.months[11];
    if (typeof value === "number") out.set(id, { value, sheet, period });
  }
  return out;
}

/** Where 目标任务's 上年值 cells are, by 编号 of the edition: 0-based row, column, and what the cell holds. */
function previousCells(sheet: ExistingSheet, data: EditionData) {
  const index = indexEdition(data);
  const header = findHeader(sheet, ["编号", "上年值"]);
  const out = new Map<string, { row: number; col: number; cell: RawCell | undefined }>();
  if (header === undefined) return out;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const idCol = heads.indexOf("编号");
  const col = heads.indexOf("上年值");
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const id = index.target(String(sheet.cells[r]?.[idCol]?.value ?? "").trim())?.id;
    if (id !== undefined && !out.has(id)) out.set(id, { row: r, col, cell: sheet.cells[r]?.[col] });
  }
  return out;
}

/**
 * The 上年值 a user already typed on the new workbook's 目标任务, by 编号, in the target's scale: what the carry-over
 * must not replace. A text in the cell counts as typed too (NaN), so nothing is written over it.
 *
 * @example
 * typedPreviousOf(targetsSheet, edition2026).get("area7-income-ratio") // 1.72
 */
export function typedPreviousOf(sheet: ExistingSheet, data: EditionData): Map<string, number> {
  const out = new Map<string, number>();
  const targets = indexEdition(data);
  for (const [id, { cell }] of previousCells(sheet, data)) {
    if (!hasContent(cell)) continue;
    const input = readInput(cell.value);
    const t = targets.target(id);
    out.set(id, input.kind === "number" && t ? fromExcelValue(t, input.value) : NaN);
  }
  return out;
}

/**
 * The carry-over as a patch of 目标任务: each `carried` value written into its empty 上年值 cell (percentages as the
 * cell holds them, 0.0305), nothing else. Values the user typed are not in the plan's `carried` entries, and a cell
 * that holds anything is skipped again here, so a carry-over never writes over an input.
 */
export function carryOverPatch(plan: CarryOverPlan, sheet: ExistingSheet, data: EditionData): SheetPatch {
  const cells = previousCells(sheet, data);
  const targets = indexEdition(data);
  const changes: CellChange[] = [];
  for (const e of plan.entries) {
    if (e.status !== "carried") continue;
    const at = cells.get(e.id);
    const t = targets.target(e.id);
    if (at === undefined || t === undefined || at.col < 0 || hasContent(at.cell)) continue;
    changes.push({
      row: at.row + 1,
      column: at.col + 1,
      address: cellAddress(at.row + 1, at.col + 1),
      cell: { value: toExcelValue(t, e.value) },
      reason: "carryOver",
      rowKey: e.id,
      columnKey: "上年值",
    });
  }
  changes.sort((a, b) => a.row - b.row || a.column - b.column);
  return { kind: "patch", key: "目标任务", name: sheet.name, changes, results: [], tables: [], columnsAdded: [] };
}
