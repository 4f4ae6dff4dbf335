/**
 * Return files on the file route: written from the host-neutral sheets of src/sheets/returnSheet.ts by the same
 * sheet writer as the product's sheets, and read back (identity and rows) without a spreadsheet model.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openPackage } from "./parts";
import { EVERY_SHEET_LIMITS } from "./packageLimits";
import { holdsFraction, type ReturnedFile } from "../returns";
import type { EditionData } from "../policy/types";
import { IDENTITY_SHEET, readIdentityCells, readReturnRows, type ReturnWorkbook } from "../sheets/returnSheet";
import { parseRange } from "../workbook/a1";
import { postProcess } from "./package";
import { readFileSnapshot, readSheetCells } from "./snapshot";
import { writeSheet } from "./write";

/** A return as .xlsx bytes: its sheets written, 填报 protected without a password except its input cells. */
export async function writeReturnFile(book: ReturnWorkbook, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "政策目标";
  workbook.created = now;
  workbook.modified = now;
  for (const sheet of book.sheets) writeSheet(workbook, sheet);
  for (const name of book.hidden) {
    const ws = workbook.getWorksheet(name);
    if (ws) ws.state = "hidden";
  }
  const ws = workbook.getWorksheet(book.protect.sheet);
  if (ws) {
    for (const ref of book.protect.unlocked) {
      const box = parseRange(ref);
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).protection = { locked: false };
    }
    // Protection without a password prevents accidents, not attacks: formats, inserting rows and sorting stay allowed.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      sort: true,
      autoFilter: true,
    });
  }
  const raw = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return postProcess(raw, { editionId: "", generatedAt: "", sheets: [], names: [] });
}

/**
 * Reads a returned file: its identity from the hidden identity sheet (undefined when there is none: not a
 * return) and the rows of the first sheet holding a 编号 / N月累计 header. Bytes that are no .xlsx at all give
 * a file without identity, so the merge refuses it with one line like any other non-return.
 */
export async function readReturnFile(
  bytes: Uint8Array,
  name: string,
  digest: string,
  edition: EditionData,
): Promise<ReturnedFile> {
  let zip: JSZip;
  try {
    // A return comes from another office: opened within the same limits as a workbook (a bomb is no return);
    // every sheet of it is read, so every sheet is within the rows-and-cells limits.
    zip = await openPackage(bytes, EVERY_SHEET_LIMITS);
  } catch {
    return { name, digest, rows: [] };
  }
  const file = await readFileSnapshot(zip).catch(() => undefined);
  if (!file) return { name, digest, rows: [] };
  const sheets = file.sheets;
  const cellsOf = async (part: string | undefined) =>
    part ? await readSheetCells(zip, part, file.sharedStrings).catch(() => []) : [];
  const identitySheet = sheets.find((s) => s.name === IDENTITY_SHEET);
  const identity = identitySheet ? readIdentityCells(await cellsOf(identitySheet.part)) : undefined;
  if (!identity) return { name, digest, rows: [] };
  const fractions = new Set(edition.targets.filter(holdsFraction).map((t) => t.id));
  for (const s of sheets) {
    if (s === identitySheet) continue;
    const rows = readReturnRows(await cellsOf(s.part), fractions);
    if (rows) return { name, digest, identity, rows };
  }
  return { name, digest, identity, rows: [] };
}
