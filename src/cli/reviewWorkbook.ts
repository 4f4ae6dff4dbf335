/**
 * The review sheet 导入审核 as an .xlsx file: `cli import --review` writes it, staff edit it in Excel, WPS or
 * LibreOffice, `cli import --from-review` reads it back. The cells come from, and go back to, the pure review model
 * (src/importer/review.ts); this module only moves them, through the file route's sheet writer and reader.
 */
import { REVIEW_SHEET, REVIEW_TEXT_SHEET, TARGET_HEADER, type Cell, type ReviewSheet } from "../importer/review";
import { cellAddress, rangeAddress } from "../workbook/a1";
import { plainSheet, type CellSpec, type SheetContent, type StyleRun } from "../workbook/model";
import type { ApplyStats } from "../xlsx/applyPatch";
import { emptyPackage } from "../xlsx/emptyPackage";
import { EVERY_SHEET_LIMITS } from "../xlsx/packageLimits";
import { openPackage, savePackage } from "../xlsx/parts";
import { SheetParts } from "../xlsx/sheetParts";
import { readFileSnapshot, readSheetCells } from "../xlsx/snapshot";

const LOW = "#FFF2CC";
const HEADER = "#D9E1F2";
const WIDTHS = [7, 6, 30, 6, 6, 36, 10, 8, 8, 8, 60, 8, 40, 16];

function sheet(
  name: string,
  rows: readonly (readonly Cell[])[],
  more: Partial<Omit<SheetContent, "name" | "cells">> = {},
): SheetContent {
  const cells = rows.map((row) => row.map((v): CellSpec | undefined => (v === null ? undefined : { value: v })));
  return plainSheet(name, cells, {
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, footer: "" },
    ...more,
  });
}

/** The workbook bytes of a review sheet. */
export async function writeReviewWorkbook(review: ReviewSheet): Promise<Uint8Array> {
  const styles: StyleRun[] = [];
  const rowRun = (i: number, style: StyleRun["style"]) => {
    const width = review.rows[i]?.length ?? 0;
    if (width > 0) styles.push({ ref: rangeAddress(i + 1, 1, i + 1, width), style });
  };
  review.rows.forEach((row, i) => {
    const first = String(row[0] ?? "");
    if (first.startsWith("【")) rowRun(i, { bold: true, size: 12 });
    if (
      row.length > 1 &&
      (first === TARGET_HEADER[0] || ["领域", "条款", "字段"].includes(first)) &&
      typeof row[1] === "string" &&
      row.every((c) => typeof c === "string")
    )
      rowRun(i, { bold: true, fill: HEADER });
  });
  for (const i of review.lowConfidenceRows) rowRun(i, { fill: LOW });
  if (review.rows.length > 0)
    styles.push({
      ref: `${cellAddress(1, 11)}:${cellAddress(review.rows.length, 11)}`,
      style: { wrap: true, vAlign: "top" },
    });
  const zip = emptyPackage(new Date());
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const parts = await SheetParts.open(zip, stats);
  parts.add(sheet(REVIEW_SHEET, review.rows, { columnWidths: WIDTHS, styles }));
  parts.add(
    sheet(
      REVIEW_TEXT_SHEET,
      review.text.map((line) => [line]),
      { hidden: true },
    ),
  );
  parts.save();
  return savePackage(zip);
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  return String(value);
}

/** The rows and text of a review workbook, or undefined when it has no 导入审核 sheet. */
export async function readReviewWorkbook(bytes: Uint8Array): Promise<{ rows: Cell[][]; text: string[] } | undefined> {
  const zip = await openPackage(bytes, EVERY_SHEET_LIMITS);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === REVIEW_SHEET)?.part;
  if (!part) return undefined;
  const rows = (await readSheetCells(zip, part, file.sharedStrings)).map((row) => {
    const cells = row.map((c) => cellValue(c?.value));
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === "")) cells.pop();
    return cells;
  });
  const textPart = file.sheets.find((s) => s.name === REVIEW_TEXT_SHEET)?.part;
  const text = textPart
    ? (await readSheetCells(zip, textPart, file.sharedStrings)).map((row) => String(cellValue(row[0]?.value) ?? ""))
    : [];
  return { rows, text };
}
