/**
 * The review sheet 导入审核 in the open workbook (Office.js): written from the review model, read back after staff
 * edited it. Two syncs to write, one to read; values only (the hosts never build the edition themselves).
 */
import { REVIEW_SHEET, REVIEW_TEXT_SHEET, type Cell } from "../../importer/review";
import { fromEditionFile } from "../../policy/editionFile";
import { generateWorkbook } from "../../excel";
import { storeWorkbookEdition } from "../../excel/editionPart";
import { constantInput, textInput } from "../../excel/textInput";
import type { ImportActions } from "../importActions";
import { hostCapabilities } from "./actions";

type Value = string | number | boolean;

/** The review rows as `values` takes them: a rectangle, text escaped so a quote beginning with "=" stays text. */
export function rectangle(rows: readonly (readonly Cell[])[]): Value[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return (rows.length === 0 ? [[]] : rows).map((r) =>
    Array.from({ length: width }, (_, i) => constantInput(r[i] ?? "")),
  );
}

export function createImportActions(): ImportActions {
  return {
    writeReviewSheet: (sheet, { replace }) =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const existing = sheets.getItemOrNullObject(REVIEW_SHEET);
        const text = sheets.getItemOrNullObject(REVIEW_TEXT_SHEET);
        existing.load("name");
        text.load("name");
        await context.sync();
        if (!existing.isNullObject && !replace) return { written: false, sheet: REVIEW_SHEET };
        if (!existing.isNullObject) existing.delete();
        if (!text.isNullObject) text.delete();
        const ws = sheets.add(REVIEW_SHEET);
        const values = rectangle(sheet.rows);
        ws.getRangeByIndexes(0, 0, values.length, values[0]?.length ?? 1).values = values;
        for (const row of sheet.lowConfidenceRows) {
          ws.getRangeByIndexes(row, 0, 1, values[0]?.length ?? 1).format.fill.color = "#FFF2CC";
        }
        ws.getRange("A:A").format.columnWidth = 40;
        ws.getRange("F:F").format.columnWidth = 200;
        ws.getRange("K:K").format.columnWidth = 300;
        const hidden = sheets.add(REVIEW_TEXT_SHEET);
        const lines = sheet.text.length === 0 ? [""] : sheet.text;
        hidden.getRangeByIndexes(0, 0, lines.length, 1).values = lines.map((l) => [textInput(l)]);
        hidden.visibility = Excel.SheetVisibility.hidden;
        ws.activate();
        await context.sync();
        return { written: true, sheet: REVIEW_SHEET };
      }),

    applyEdition: (file) =>
      Excel.run(async (context) => {
        const edition = fromEditionFile(file);
        // The workbook carries its edition (the ZC functions and a colleague's pane read it), then the sheets follow.
        await storeWorkbookEdition(context, edition);
        return generateWorkbook(context, { capabilities: hostCapabilities(), edition, editionId: edition.document.id });
      }),

    readReviewSheet: () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const ws = sheets.getItemOrNullObject(REVIEW_SHEET);
        const text = sheets.getItemOrNullObject(REVIEW_TEXT_SHEET);
        await context.sync();
        if (ws.isNullObject) return undefined;
        const used = ws.getUsedRange();
        used.load("values");
        const lines = text.isNullObject ? undefined : text.getUsedRange();
        lines?.load("values");
        await context.sync();
        const cell = (v: unknown): Cell =>
          v === "" || v === null || v === undefined ? null : typeof v === "number" ? v : String(v);
        return {
          rows: (used.values as unknown[][]).map((r) => r.map(cell)),
          text: lines ? (lines.values as unknown[][]).map((r) => String(r[0] ?? "")) : [],
        };
      }),
  };
}
