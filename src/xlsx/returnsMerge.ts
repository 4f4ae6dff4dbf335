/**
 * Merging returns into a workbook file: read the cells a merge may write, plan (src/returns), write the plan's
 * cells as a patch with the refresh's part patcher, and append the plan's rows to 填报记录 (created on the first
 * merge, then only its new rows written). Nothing else of the package changes; a dry run writes nothing at all.
 */
import type JSZip from "jszip";
import { openPackage, savePackage } from "./parts";
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
import { applyPatchParts, writeCells, type ApplyStats, type PlacedCell } from "./applyPatch";
import { putPart } from "./putPart";
import { SheetParts } from "./sheetParts";
import { readFileSnapshot, readSheetCells, readSheetPart } from "./snapshot";

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
  const logCells = logPart ? await readSheetCells(zip, logPart, file.sharedStrings) : [];
  const priorLog = readLog(logCells);
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
  if (logPart) await appendLog(zip, logPart, logCells, log, applied);
  else await createLog(zip, log, applied);
  const buffer = await savePackage(zip);
  return { plan, log, buffer, stats: applied };
}

/** The first merge: 填报记录 as a new sheet after the last one, its header and the merge's rows. */
async function createLog(zip: JSZip, rows: readonly LogRecord[], stats: ApplyStats) {
  const parts = await SheetParts.open(zip, stats);
  parts.add(logSheet(rows));
  parts.save();
}

/**
 * A later merge: the new rows go below the last row holding anything, through the file writer's cell writer —
 * only those rows are serialized, the earlier ones keep their bytes (and whatever a user did to them). Columns are
 * found by their header, wherever a user moved them; a log column a user deleted comes back at the right. Each new
 * cell takes the format of the cell above it (the log's borders and text format carry on).
 */
async function appendLog(
  zip: JSZip,
  part: string,
  cells: readonly (readonly { readonly value: unknown }[])[],
  rows: readonly LogRecord[],
  stats: ApplyStats,
) {
  const sheet = await readSheetPart(zip, part);
  if (!sheet) throw new Error(`part ${part} is missing`);
  const filled = (row: readonly { readonly value: unknown }[] | undefined) =>
    (row ?? []).some((c) => c?.value !== null && c?.value !== undefined && String(c.value).trim() !== "");
  const header = (cells[0] ?? []).map((c) =>
    c?.value === null || c?.value === undefined ? "" : String(c.value).trim(),
  );
  let right = header.reduce((last, h, i) => (h === "" ? last : i + 1), 0);
  const writes: PlacedCell[] = [];
  const headerFormat = right > 0 ? ([1, right] as const) : undefined;
  const columns = LOG_COLUMNS.map((k) => {
    const found = header.indexOf(k);
    if (found >= 0) return found + 1;
    right++;
    writes.push({ row: 1, column: right, cell: { value: k }, formatOf: headerFormat });
    return right;
  });
  let last = 1;
  cells.forEach((row, i) => {
    if (filled(row)) last = Math.max(last, i + 1);
  });
  rows.forEach((record, i) => {
    LOG_COLUMNS.forEach((k, j) => {
      const column = columns[j] ?? j + 1;
      const format = last > 1 ? ([last, column] as const) : undefined;
      writes.push({ row: last + 1 + i, column, cell: { value: record[k] }, formatOf: format });
    });
  });
  writeCells(sheet, writes, stats);
  putPart(zip, part, sheet.toString());
  stats.partsChanged.push(part);
  stats.sheetBytesRewritten = (stats.sheetBytesRewritten ?? 0) + sheet.bytesRewritten();
}
