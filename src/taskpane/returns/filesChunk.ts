/**
 * The return-files chunk: the file route's writer and reader, run in the browser. Loaded by ./files.ts only.
 */
import JSZip from "jszip";
import type { EditionData } from "../../policy/types";
import { monthKey, type ReturnedFile, type ReturnMonth, type WorkbookCells } from "../../returns";
import type { ReturnSheetOptions } from "../../sheets/returnSheet";
import { makeReturnFiles } from "../../xlsx/makeReturns";
import { readReturnFile } from "../../xlsx/returnFile";
import type { PickedFile, ReturnsZip } from "./fileTypes";

export async function makeReturnsZip(
  edition: EditionData,
  cells: WorkbookCells,
  month: ReturnMonth,
  options: ReturnSheetOptions,
): Promise<ReturnsZip> {
  const made = await makeReturnFiles(edition, cells, month, options);
  const zip = new JSZip();
  // Fixed times, so the same returns zip to the same bytes; the .xlsx inside are compressed already.
  const date = new Date(Date.UTC(month.year, month.month - 1, 1));
  for (const f of made.files) zip.file(f.fileName, f.bytes, { date, compression: "STORE" });
  const bytes = await zip.generateAsync({ type: "uint8array" });
  return {
    bytes,
    fileName: `${monthKey(month)}_各单位填报表.zip`,
    files: made.files.map((f) => ({ fileName: f.fileName, unit: f.unit, targets: f.targets })),
    withoutReturn: made.withoutReturn,
  };
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 of a file's bytes as the log names it (the CLI's node:crypto digest, here the browser's). */
async function sha256(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
}

export async function readReturnedFiles(files: readonly PickedFile[], edition: EditionData): Promise<ReturnedFile[]> {
  const out: ReturnedFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    out.push(await readReturnFile(bytes, file.name, await sha256(bytes), edition));
  }
  return out;
}
