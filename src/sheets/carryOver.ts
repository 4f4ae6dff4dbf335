import { fromExcelValue, indexEdition, toExcelValue } from "../engine";
import type { CarryOverPlan, FinalFigure } from "../carryover";
import { carryOverNote, CARRY_OVER_NOTE_MARK, NOT_CARRIED_NOTE } from "../carryover/trace";
import type { EditionData } from "../policy/types";
import type { ReadFigures } from "./reportFigures";
import { headerKey } from "./layout";
import { findHeader } from "./read";
import { cellAddress } from "../workbook/a1";
import { readInput, type RawCell } from "../workbook/cells";
import { patchSummary, type CellChange, type SheetPatch, type WorkbookPatch } from "../workbook/patch";
import type { ExistingSheet } from "../workbook/snapshot";
import { hasContent } from "../workbook/cells";
import { CHECK_SEPARATOR } from "../workbook/keyedTable";

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

interface PreviousCell {
  /** 0-based row and column of the 上年值 cell, and what it holds. */
  readonly row: number;
  readonly col: number;
  readonly cell: RawCell | undefined;
  /** 0-based column of 核对 (-1 when the sheet has none), and what the row's cell holds. */
  readonly checkCol: number;
  readonly check: RawCell | undefined;
}

/** Where 目标任务's 上年值 cells are, by 编号 of the edition, with the row's 核对 cell. */
function previousCells(sheet: ExistingSheet, data: EditionData) {
  const index = indexEdition(data);
  const header = findHeader(sheet, ["编号", "上年值"]);
  const out = new Map<string, PreviousCell>();
  if (header === undefined) return out;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const idCol = heads.indexOf("编号");
  const col = heads.indexOf("上年值");
  const checkCol = heads.indexOf("核对");
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const id = index.target(String(sheet.cells[r]?.[idCol]?.value ?? "").trim())?.id;
    const row = sheet.cells[r];
    if (id !== undefined && !out.has(id))
      out.set(id, { row: r, col, cell: row?.[col], checkCol, check: checkCol < 0 ? undefined : row?.[checkCol] });
  }
  return out;
}

/**
 * Where a carry-over note starts in a 核对 text: at its start or after the refresh's own flags (手工覆盖 …), which
 * never name 上年值 (an input, never overridden). -1 when the text holds none.
 */
function noteStart(text: string): number {
  if (text.startsWith(CARRY_OVER_NOTE_MARK)) return 0;
  const at = text.indexOf(CHECK_SEPARATOR + CARRY_OVER_NOTE_MARK);
  return at < 0 ? -1 : at + CHECK_SEPARATOR.length;
}

/**
 * The carry-over note a refresh keeps in a row's 核对 (the targets table's `keepCheck`): the note as it stands while
 * it still holds — a trace or a difference while 上年值 is filled, a "not carried" while it is empty — and "" once
 * staff cleared the value it traced (or typed the one that could not be carried).
 *
 * @example
 * keptCarryOverNote("手工覆盖:完成率;上年值取自 2025台账.xlsx 月度填报 12月", { value: 82 })
 * // "上年值取自 2025台账.xlsx 月度填报 12月"
 */
export function keptCarryOverNote(check: string, previous: RawCell | undefined): string {
  const at = noteStart(check);
  if (at < 0) return "";
  const note = check.slice(at);
  return note.startsWith(NOT_CARRIED_NOTE) === hasContent(previous) ? "" : note;
}

/** A 核对 text with the carry-over note replaced by `note`: the refresh's own flags stay in front. */
function withNote(check: RawCell | undefined, note: string): string {
  const have = typeof check?.value === "string" ? check.value : "";
  const at = noteStart(have);
  const own = at < 0 ? have : have.slice(0, Math.max(0, at - CHECK_SEPARATOR.length));
  return [own, note].filter((s) => s !== "").join(CHECK_SEPARATOR);
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
 * cell holds them, 0.0305), and each row's note in 核对 ({@link carryOverNote}: where the value comes from, last
 * year's figure beside a typed one that differs, why none was carried), after the flags a refresh wrote there.
 * Values the user typed are not in the plan's `carried` entries, and a cell that holds anything is skipped again
 * here, so a carry-over never writes over an input.
 */
export function carryOverPatch(plan: CarryOverPlan, sheet: ExistingSheet, data: EditionData): SheetPatch {
  const cells = previousCells(sheet, data);
  const targets = indexEdition(data);
  const changes: CellChange[] = [];
  const change = (row: number, col: number, value: number | string | null, id: string, columnKey: string) =>
    changes.push({
      row: row + 1,
      column: col + 1,
      address: cellAddress(row + 1, col + 1),
      cell: { value },
      reason: "carryOver",
      rowKey: id,
      columnKey,
    });
  for (const e of plan.entries) {
    const at = cells.get(e.id);
    const t = targets.target(e.id);
    if (at === undefined || t === undefined || at.col < 0) continue;
    if (e.status === "carried") {
      if (hasContent(at.cell)) continue;
      change(at.row, at.col, toExcelValue(t, e.value), e.id, "上年值");
    }
    if (at.checkCol < 0) continue;
    // A value staff typed where none could be carried needs no "not carried" note (as a refresh keeps it).
    const note = keptCarryOverNote(carryOverNote(e, t.unit), e.status === "carried" ? { value: e.value } : at.cell);
    const check = withNote(at.check, note);
    if (check !== (at.check?.value ?? "")) change(at.row, at.checkCol, check === "" ? null : check, e.id, "核对");
  }
  changes.sort((a, b) => a.row - b.row || a.column - b.column);
  return { kind: "patch", key: "目标任务", name: sheet.name, changes, results: [], tables: [], columnsAdded: [] };
}

/** The carry-over's sheet patch as the writers take a patch: cells only, nothing else done. */
export function carryOverWorkbookPatch(sheet: SheetPatch, editionId: string, generatedAt: string): WorkbookPatch {
  return {
    editionId,
    generatedAt,
    sheets: [sheet],
    skipped: [],
    names: [],
    summary: patchSummary({ cellsWritten: sheet.changes.length }),
  };
}
