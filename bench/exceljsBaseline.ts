// The baselines' one piece of ExcelJS: a planned cell as ExcelJS stores it (formulas with their cached result).
import type ExcelJS from "exceljs";
import { NA_RESULT, type CellSpec } from "../src/workbook/model";

export function excelValue(cell: CellSpec | undefined): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (cell.formula !== undefined) {
    const result = cell.result === NA_RESULT ? { error: NA_RESULT } : (cell.result ?? "");
    return { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}
