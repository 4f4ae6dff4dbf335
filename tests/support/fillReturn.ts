/**
 * A unit filling its return, as a stub: the figures and texts typed into the input cells of 填报 by 编号 (ExcelJS
 * loads and saves the file, as an office without the add-in would with any spreadsheet program). The LibreOffice
 * tests in tests/returns/fileRoute.test.ts fill returns through UNO as a person would; this one is for tests that
 * only need filled files quickly (the pane's e2e, the card's tests).
 */
import ExcelJS from "exceljs";
import { RETURN_HEADER_ROW, RETURN_SHEET, returnCol } from "../../src/sheets/returnSheet";

export interface Filled {
  /** The month's 1–N月 figure as typed: a number or a text (`１２`, `3.3%`, `约12家`). */
  readonly figure?: number | string;
  readonly 情况说明?: string;
}

export async function fillReturn(bytes: Uint8Array, rows: Readonly<Record<string, Filled>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet(RETURN_SHEET);
  if (!sheet) throw new Error(`no sheet ${RETURN_SHEET} in the return`);
  const left = new Set(Object.keys(rows));
  for (let r = RETURN_HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const id = String(sheet.getCell(r, returnCol("编号")).value ?? "");
    const fill = rows[id];
    if (!fill) continue;
    if (fill.figure !== undefined) sheet.getCell(r, returnCol("累计值")).value = fill.figure;
    if (fill.情况说明 !== undefined) sheet.getCell(r, returnCol("情况说明")).value = fill.情况说明;
    left.delete(id);
  }
  if (left.size > 0) throw new Error(`rows not in the return: ${[...left].join(", ")}`);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
