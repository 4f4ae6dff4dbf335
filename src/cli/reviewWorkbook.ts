/**
 * The review sheet 导入审核 as an .xlsx file (ExcelJS): `cli import --review` writes it, staff edit it in Excel, WPS
 * or LibreOffice, `cli import --from-review` reads it back. The cells come from, and go back to, the pure review
 * model (src/importer/review.ts); this module only moves them.
 */
import ExcelJS from "exceljs";
import { REVIEW_SHEET, REVIEW_TEXT_SHEET, TARGET_HEADER, type Cell, type ReviewSheet } from "../importer/review";

const LOW = "FFFFF2CC";
const HEADER = "FFD9E1F2";

/** The workbook bytes of a review sheet. */
export async function writeReviewWorkbook(sheet: ReviewSheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "政策目标 · 导入";
  const ws = workbook.addWorksheet(REVIEW_SHEET, { views: [{ state: "frozen", ySplit: 0 }] });
  const widths = [7, 6, 30, 6, 6, 36, 10, 8, 8, 8, 60, 8, 40, 16];
  ws.columns = widths.map((width) => ({ width }));
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((value, c) => {
      if (value !== null) r.getCell(c + 1).value = value;
    });
    const first = String(row[0] ?? "");
    if (first.startsWith("【")) r.font = { bold: true, size: 12 };
    if (
      row.length > 1 &&
      (first === TARGET_HEADER[0] || ["领域", "条款", "字段"].includes(first)) &&
      typeof row[1] === "string" &&
      row.every((c) => typeof c === "string")
    ) {
      r.font = { bold: true };
      r.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER } }));
    }
  });
  for (const i of sheet.lowConfidenceRows) {
    ws.getRow(i + 1).eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LOW } }));
  }
  ws.getColumn(11).alignment = { wrapText: true, vertical: "top" };
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const text = workbook.addWorksheet(REVIEW_TEXT_SHEET, { state: "hidden" });
  sheet.text.forEach((line, i) => (text.getCell(i + 1, 1).value = line));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/** The rows and text of a review workbook, or undefined when it has no 导入审核 sheet. */
export async function readReviewWorkbook(bytes: Uint8Array): Promise<{ rows: Cell[][]; text: string[] } | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet(REVIEW_SHEET);
  if (ws === undefined) return undefined;
  const rows: Cell[][] = [];
  // row.values is 1-based (index 0 unused); rows ExcelJS skips are empty rows of the sheet.
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = values.map((v) => cellValue(v as ExcelJS.CellValue));
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === "")) cells.pop();
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const textSheet = workbook.getWorksheet(REVIEW_TEXT_SHEET);
  const text: string[] = [];
  if (textSheet)
    for (let i = 1; i <= textSheet.rowCount; i++) text.push(String(cellValue(textSheet.getCell(i, 1).value) ?? ""));
  return { rows, text };
}
