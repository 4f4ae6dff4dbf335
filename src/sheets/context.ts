import type { EditionIndex } from "../engine";
import type { Area, EditionData } from "../policy/types";

import { toScalar, type RawCell } from "../workbook/cells";
import type { CellSpec } from "../workbook/model";
import type { SheetKey } from "./marker";
import { hasContent } from "../workbook/cells";

export type AmountUnit = "万元" | "亿元";

/** Everything a sheet builder needs besides the existing sheet it refreshes. */
export interface BuildContext {
  readonly data: EditionData;
  readonly index: EditionIndex;
  /** The names the sheets are written under (a key, or the key with a suffix), for cross-sheet formulas. */
  readonly names: Readonly<Record<SheetKey, string>>;
  readonly amountUnit: AmountUnit;
  /**
   * The workbook has (or gets) the monthly sheets: 实际值 and 支出数 are then formulas showing 月度填报's and
   * 月度支出's 本期数, no longer inputs. Absent: false (a workbook without them).
   */
  readonly monthly?: boolean;
  /** Excel serial of the 报告日期 written into new sheets. */
  readonly reportDateSerial: number;
  /** ISO instant, and the same in Beijing time for people. */
  readonly generatedAt: string;
  readonly generatedAtText: string;
}

/** Counts a sheet builder reports back for the summary. */
export interface BuildStats {
  rowsWritten: number;
  valuesKept: number;
  orphanRows: number;
}

export function emptyStats(): BuildStats {
  return { rowsWritten: 0, valuesKept: 0, orphanRows: 0 };
}

/** 领域 as written on every sheet: "一、推进教育科技人才一体发展" (the key by which rows are matched to areas). */
export function areaLabel(area: Area): string {
  return `${area.numeral}、${area.title}`;
}

// Also used by the report drafter, so it lives with the edition data.
export { budgetWording } from "../policy/budgetWording";

/** A carried input as a spec cell: a typed formula stays a formula (its last result cached), a value stays a value. */
export function carried(cell: RawCell | undefined, numFmt?: string): CellSpec | undefined {
  if (!hasContent(cell)) return numFmt === undefined ? undefined : { value: null, numFmt };
  const value = toScalar(cell.value);
  if (cell.formula !== undefined) {
    const f = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    return { formula: f, result: value ?? null, ...(numFmt ? { numFmt } : {}) };
  }
  return { value: value ?? null, ...(numFmt ? { numFmt } : {}) };
}
