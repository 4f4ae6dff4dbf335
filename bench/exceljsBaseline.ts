// The baselines' pieces of ExcelJS: a planned cell as ExcelJS stores it (formulas with their cached result), and
// the planned sheets as ExcelJS writes them.
import ExcelJS from "exceljs";
import { NA_RESULT, type CellSpec, type SheetContent } from "../src/workbook/model";

export function excelValue(cell: CellSpec | undefined): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (cell.formula !== undefined) {
    const result = cell.result === NA_RESULT ? { error: NA_RESULT } : (cell.result ?? "");
    return { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}

/** The sheets' values and formulas, with no styles, tables, validation, charts or names: the write baseline. */
export function plainWorkbook(sheets: readonly SheetContent[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell) ws.getCell(r + 1, c + 1).value = excelValue(cell);
      }),
    );
  }
  return wb;
}
