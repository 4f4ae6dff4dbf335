/**
 * Return files on the file route: written from the host-neutral sheets of src/sheets/returnSheet.ts by the same
 * sheet writer as the product's sheets, and read back (identity and rows) without a spreadsheet model.
 */
import type JSZip from "jszip";
import type { ApplyStats } from "./applyPatch";
import { emptyPackage } from "./emptyPackage";
import { openPackage, savePackage } from "./parts";
import { SheetParts } from "./sheetParts";
import { EVERY_SHEET_LIMITS } from "./packageLimits";
import { holdsFraction, type ReturnedFile } from "../returns";
import type { EditionData } from "../policy/types";
import { IDENTITY_SHEET, readIdentityCells } from "../sheets/returnIdentity";
import { readReturnRows, type ReturnWorkbook } from "../sheets/returnSheet";
import { readFileSnapshot, readSheetCells } from "./snapshot";

/** A return as .xlsx bytes: its sheets written, 填报 protected without a password except its input cells. */
export async function writeReturnFile(book: ReturnWorkbook, now = new Date()): Promise<Uint8Array> {
  const zip = emptyPackage(now);
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const parts = await SheetParts.open(zip, stats);
  for (const sheet of book.sheets) {
    parts.add({
      ...sheet,
      ...(book.hidden.includes(sheet.name) ? { hidden: true } : {}),
      ...(book.protect.sheet === sheet.name ? { protection: { unlocked: book.protect.unlocked } } : {}),
    });
  }
  parts.save();
  return savePackage(zip);
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
