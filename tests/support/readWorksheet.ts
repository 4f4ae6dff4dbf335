import type ExcelJS from "exceljs";
import type { RawCell } from "../../src/workbook/cells";
import type { ExistingSheet } from "../../src/workbook/snapshot";

/**
 * A worksheet loaded by ExcelJS as the planner reads it: every cell from A1 with its value and, for formulas, the
 * formula. Tests use ExcelJS as a second reader (and to stand in for a user's save); the product reads packages
 * with its own tokenizer (src/xlsx/snapshot.ts).
 */
export function readWorksheet(ws: ExcelJS.Worksheet): ExistingSheet {
  const cells: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = rawCell(cell);
    });
    for (let i = 0; i < out.length; i++) out[i] ??= { value: null };
    cells[r - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return { name: ws.name, cells };
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return value;
  const v = value as { richText?: { text: string }[]; text?: unknown; error?: string; result?: unknown };
  if (v.richText) return v.richText.map((t) => t.text).join("");
  if (v.error !== undefined) return v.error;
  if ("result" in v) return plain(v.result);
  if (v.text !== undefined) return plain(v.text);
  return String(value);
}

function rawCell(cell: ExcelJS.Cell): RawCell {
  const value = cell.value as unknown;
  if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const formula = cell.formula;
    return formula
      ? { value: plain((value as { result?: unknown }).result), formula: `=${formula}` }
      : { value: plain(value) };
  }
  return { value: plain(value) };
}
