import { parseRange } from "../workbook/a1";
import { toScalar, type RawCell } from "../workbook/cells";
import type { SheetSpec } from "../workbook/model";
import type { ExistingSheet } from "../workbook/snapshot";
import { progressOf } from "./evaluate";
import { DATE_CELL, HEADER_ROW, PROGRESS_CELL } from "./layout";
import { findHeader } from "./read";

/** 报告日期 as the user left it: B2, or lower when rows were inserted above the table's header. */
export function reportDateCell(
  existing: ExistingSheet,
  probe: readonly string[] = ["编号", "实际值"],
): RawCell | undefined {
  const header = findHeader(existing, probe) ?? findHeader(existing, ["领域", "支出数"]);
  const at = parseRange(DATE_CELL);
  const offset = header === undefined ? 0 : header + 1 - HEADER_ROW;
  return existing.cells[at.top - 1 + offset]?.[at.left - 1];
}

/** 序时进度 of the 报告日期 the user's sheet holds. */
export function sheetProgress(existing: ExistingSheet, year: number, probe?: readonly string[]) {
  return progressOf(toScalar(reportDateCell(existing, probe)?.value), year);
}

/**
 * The fresh sheet with its 序时进度 cell's cached result computed from the 报告日期 the user's sheet holds (the
 * fresh sheet has the date of a new workbook), so the cached value equals what engines compute.
 */
export function withSheetProgress(
  fresh: SheetSpec,
  existing: ExistingSheet,
  year: number,
  probe?: readonly string[],
): SheetSpec {
  const at = parseRange(PROGRESS_CELL);
  const cell = fresh.cells[at.top - 1]?.[at.left - 1];
  if (cell?.formula === undefined) return fresh;
  const result = sheetProgress(existing, year, probe);
  const cells = fresh.cells.map((row, r) =>
    r === at.top - 1 ? row.map((c, i) => (i === at.left - 1 ? { ...cell, result } : c)) : row,
  );
  return { ...fresh, cells };
}
