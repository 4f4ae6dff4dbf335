/**
 * Merging returns into a workbook file: read the cells a merge may write, plan (src/returns), write the plan's
 * cells as a patch with the refresh's part patcher, and append the plan's rows to 填报记录. Nothing else of the
 * package changes; a dry run writes nothing at all.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openPackage } from "./parts";
import type { EditionData } from "../policy/types";
import {
  LOG_COLUMNS,
  logRecords,
  message,
  planMerge,
  type CellWrite,
  type LogRecord,
  type MergeInput,
  type MergePlan,
  type Outcome,
  type ReturnedFile,
} from "../returns";
import { logSheet, LOG_SHEET } from "../sheets/returnsLog";
import { returnPlaces, returnsPatch, workbookCells } from "../sheets/returnsMerge";
import { applyPatchParts, dropCalcChain, type ApplyStats } from "./applyPatch";
import { Transplant } from "./createSheets";
import { postProcess } from "./package";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "./snapshot";
import { writeSheet } from "./write";

export interface FileMergeOptions extends Pick<MergeInput, "takeReturned" | "acceptNotLead"> {
  /** The time written in 填报记录 (e.g. 2025-08-05 09:30). */
  readonly time: string;
  readonly dryRun?: boolean;
}

export interface FileMergeResult {
  readonly plan: MergePlan;
  /** The rows appended to 填报记录 (also on a dry run: what would be appended). */
  readonly log: readonly LogRecord[];
  /** The workbook after the merge; the input itself on a dry run. */
  readonly buffer: Uint8Array;
  readonly stats: ApplyStats;
}

const VALID_OUTCOMES: readonly Outcome[] = ["写入", "相同", "冲突", "拒绝", "已采纳"];

/** 填报记录 as it stands, read back row by row by its header (columns a user added are ignored). */
function readLog(cells: readonly (readonly { readonly value: unknown }[])[]): LogRecord[] {
  const header = (cells[0] ?? []).map((c) => String(c?.value ?? "").trim());
  const col = new Map(LOG_COLUMNS.map((k) => [k, header.indexOf(k)]));
  return cells.slice(1).flatMap((row) => {
    const get = (k: (typeof LOG_COLUMNS)[number]) => {
      const i = col.get(k) ?? -1;
      const v = i < 0 ? "" : row[i]?.value;
      return v === null || v === undefined ? "" : String(v);
    };
    const outcome = get("结果") as Outcome;
    if (!VALID_OUTCOMES.includes(outcome)) return [];
    const r = Object.fromEntries(LOG_COLUMNS.map((k) => [k, get(k)])) as Record<string, string>;
    return [{ ...r, 结果: outcome } as LogRecord];
  });
}

/** The plan with the writes the workbook has no place for turned into rejections (never written elsewhere). */
function withoutUnplaced(plan: MergePlan, unplaced: readonly CellWrite[]): MergePlan {
  if (unplaced.length === 0) return plan;
  const key = (c: { id: string; month: number; field: string }) => `${c.id}|${c.month}|${c.field}`;
  const missing = new Set(unplaced.map(key));
  return {
    files: plan.files,
    cells: plan.cells.map((c) =>
      missing.has(key(c)) && (c.outcome === "写入" || c.outcome === "已采纳")
        ? { ...c, outcome: "拒绝", notes: [...c.notes, message("noRowInWorkbook", c.id)] }
        : c,
    ),
    writes: plan.writes.filter((w) => !missing.has(key(w))),
  };
}

/** Merges returned files into a workbook file (see the module's comment). */
export async function mergeReturnsIntoFile(
  input: Uint8Array,
  edition: EditionData,
  files: readonly ReturnedFile[],
  options: FileMergeOptions,
): Promise<FileMergeResult> {
  const zip = await openPackage(input);
  const file = await readFileSnapshot(zip);
  const places = returnPlaces(file.snapshot);
  const logPart = file.sheets.find((s) => s.name === LOG_SHEET)?.part;
  const priorLog = logPart ? readLog(await readSheetCells(zip, logPart, file.sharedStrings)) : [];
  const planned = planMerge({
    edition,
    workbook: workbookCells(places),
    files,
    log: priorLog,
    takeReturned: options.takeReturned,
    acceptNotLead: options.acceptNotLead,
  });
  const meta = { editionId: edition.document.id, generatedAt: options.time };
  const { patch, unplaced } = returnsPatch(planned.writes, places, meta);
  const plan = withoutUnplaced(planned, unplaced);
  const log = logRecords(plan, options.time);
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  if (options.dryRun || log.length === 0) return { plan, log, buffer: input, stats };

  const applied = patch.sheets.length > 0 ? await applyPatchParts(zip, file, patch) : stats;
  await appendLog(zip, [...priorLog, ...log], logPart, applied);
  const buffer = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return { plan, log, buffer, stats: applied };
}

/**
 * Writes 填报记录 with the earlier rows and the new ones below them: a new sheet after the last one on the first
 * merge, else over its own part (keeping its place, name and sheetId). The refresh never reads or writes it.
 */
async function appendLog(zip: JSZip, rows: readonly LogRecord[], existingPart: string | undefined, stats: ApplyStats) {
  const scratchBook = new ExcelJS.Workbook();
  writeSheet(scratchBook, logSheet(rows));
  const raw = new Uint8Array((await scratchBook.xlsx.writeBuffer()) as ArrayBuffer);
  const scratch = await JSZip.loadAsync(
    await postProcess(raw, { editionId: "", generatedAt: "", sheets: [], names: [] }),
  );
  const scratchPart = (await readFileSnapshot(scratch)).sheets[0]?.part ?? "xl/worksheets/sheet1.xml";
  const transplant = new Transplant(zip, scratch, stats);
  await transplant.open();
  const shared = await readSharedStrings(scratch);
  if (existingPart) await transplant.replace(existingPart, scratchPart, shared);
  else await transplant.sheet(LOG_SHEET, scratchPart, shared, []);
  await transplant.save();
  if (existingPart) await dropCalcChain(zip, stats);
}
