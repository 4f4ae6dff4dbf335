import { defaultEditionId, getEdition } from "../policy";
import type { EditionData } from "../policy/types";
import { SHEET_KEYS as KEYS, type SheetKey } from "../sheets/marker";
import { isEmptyPatch, type PatchSummary, type WorkbookPatch } from "../workbook/patch";
import { planPatch } from "../sheets/patchPlan";
import { isOptionalInExcel, workbookStatus } from "../sheets/plan";

import {
  compareVersions,
  ExcelTooOldError,
  FULL_CAPABILITIES,
  hasFeature,
  MIN_EXCEL_API,
  OPTIONAL_FEATURES,
  VISIBLE_FEATURES,
  type Capabilities,
  type OptionalFeature,
} from "./capabilities";
import { BATCH_BYTES, WriteBatches } from "./batches";
import { writePatch, type QueuedPatch } from "./patch";
import { readWorkbookShape, readWorkbookSnapshot } from "./snapshot";

export * from "./capabilities";

export type { SheetKey } from "../sheets/marker";
export type { SheetStatus } from "../sheets/plan";
export type { PatchSummary } from "../workbook/patch";
import type { SheetStatus } from "../sheets/plan";

/**
 * The sheets written when no `sheets` are given. The monthly sheets (月度填报, 月度支出, 月度状态) and 绩效监控 are
 * written when asked for (`sheets`, e.g. ALL_SHEET_KEYS, as the pane does). Where Excel fills formula columns down
 * (ExcelApi 1.9, `range.copyFrom`) a normal edition goes in one request; below 1.9 (Excel 2019 volume licence) every
 * formula is sent cell by cell and the write takes more requests, each under the batch budget (batches.ts).
 */
export const SHEET_KEYS: readonly SheetKey[] = KEYS.filter((k) => !isOptionalInExcel(k));

/** Every sheet, the monthly ones and 绩效监控 included. */
export const ALL_SHEET_KEYS: readonly SheetKey[] = KEYS;

export interface GenerateOptions {
  editionId?: string;
  /** The edition as data (e.g. an edition file the user loaded); wins over `editionId`. */
  edition?: EditionData;
  sheets?: readonly SheetKey[];
  amountUnit?: "万元" | "亿元";
  /** ISO yyyy-mm-dd, default today (Beijing time); written into new sheets only — a refresh keeps the user's date. */
  reportDate?: string;
  /**
   * "skip" (default): a same-named sheet without our marker is left alone and reported in `skipped`;
   * "rename": ours is written beside it as e.g. 目标任务(政策目标).
   */
  onForeignSheet?: "skip" | "rename";
  now?: Date;
  /** What the host supports (default: everything); features above it are skipped and listed in the summary. */
  capabilities?: Capabilities;
  /** The explicit "restore formulas" action: product formulas are written back over values typed into them. */
  restoreFormulas?: boolean;
  /**
   * The largest write request, in the writer's estimated bytes (default {@link BATCH_BYTES}); a write larger than
   * this goes in several requests. Infinity: one request whatever its size (how the writer did it before).
   */
  batchBytes?: number;
}

/** A feature the host's Excel lacks, left out of the sheets that needed it. */
export interface SkippedFeature {
  feature: OptionalFeature;
  /** The ExcelApi requirement set it needs, e.g. "1.8". */
  excelApi: string;
  sheets: string[];
}

export interface GenerateSummary {
  sheetsWritten: string[];
  rowsWritten: number;
  valuesKept: number;
  orphanRows: number;
  skipped: { sheet: string; reason: string }[];
  /** Features left out because the host's ExcelApi level is below theirs, in order of the set they need. */
  skippedFeatures: SkippedFeature[];
  syncs: number;
  /** Estimated bytes of everything written. */
  payloadBytes: number;
  /** Estimated bytes of each write request, in order (one for a normal edition; none when nothing changed). */
  writeRequests: number[];
  /** Cells whose value or formula the run wrote (0 when nothing changed). */
  cellsWritten: number;
  /** What the refresh changed, as the preview listed it. */
  preview: PatchSummary;
}

/** The preview of a refresh: what it would change, and whether it would change anything at all. */
export interface RefreshPreview extends PatchSummary {
  /** True when a refresh would write nothing (no cell, no table, no name). */
  readonly empty: boolean;
  /** Our sheets that exist and would be patched (a fresh workbook has none: nothing of the user's to preview). */
  readonly sheetsRefreshed: readonly string[];
  readonly syncs: number;
}

function editionOf(editionId: string | undefined): EditionData {
  const id = editionId ?? defaultEditionId;
  const data = getEdition(id);
  if (!data) throw new Error(`未知的政策版本“${id}”。 / Unknown edition "${id}".`);
  return data;
}

/** What a host read of the workbook, and the patch that brings it up to the edition. */
interface Planned {
  readonly patch: WorkbookPatch;
  readonly existingNames: ReadonlySet<string>;
  readonly syncs: number;
}

/** Reads what a refresh needs (see {@link readWorkbookSnapshot}), then plans the patch (pure). */
async function readAndPlan(context: Excel.RequestContext, options: GenerateOptions): Promise<Planned> {
  const data = options.edition ?? editionOf(options.editionId);
  const { snapshot, existingNames, syncs } = await readWorkbookSnapshot(context, { charts: true });
  const keys = options.sheets ?? SHEET_KEYS;
  const patch = planPatch(data, snapshot, { ...options, sheets: keys });
  return { patch, existingNames, syncs };
}

/**
 * What a refresh would change, without changing anything: the pane shows it before the user applies it.
 * At most 2 syncs, no write.
 */
export async function previewWorkbook(
  context: Excel.RequestContext,
  options: GenerateOptions = {},
): Promise<RefreshPreview> {
  const planned = await readAndPlan(context, options);
  const sheetsRefreshed = planned.patch.sheets.filter((s) => s.kind === "patch").map((s) => s.name);
  return { ...planned.patch.summary, empty: isEmptyPatch(planned.patch), sheetsRefreshed, syncs: planned.syncs };
}

/**
 * Generates the policy workbook, or refreshes it as a patch, inside the caller's `Excel.run`: (1–2) read (see
 * readAndPlan); then the writes, with calculation suspended until each request lands — none when there is nothing
 * to change. The writes go in one request while they fit the batch budget (a normal edition, the monthly sheets
 * included: at most 3 syncs in all) and in as many requests under the budget as a large edition needs. A refresh writes only the cells that change, never clears a sheet or
 * re-adds a table, and writes only our sheets and our names, so co-authors' other sheets and everything the
 * user did to ours (moved rows, comments, fills, hidden columns, freeze panes, own columns) stay.
 * Two people refreshing the same workbook write the same cells: the patch depends only on what is read.
 */
export async function generateWorkbook(
  context: Excel.RequestContext,
  options: GenerateOptions = {},
): Promise<GenerateSummary> {
  const capabilities = options.capabilities ?? FULL_CAPABILITIES;
  if (!capabilities.excelApi(MIN_EXCEL_API)) throw new ExcelTooOldError();
  const { patch, existingNames, syncs: readSyncs } = await readAndPlan(context, options);
  let syncs = readSyncs;
  let queued: QueuedPatch = { cells: 0, skipped: new Map() };
  const suspend = hasFeature(capabilities, "suspendCalculation");
  const batches = new WriteBatches(context, options.batchBytes ?? BATCH_BYTES, () => {
    // Calculation is suspended until the next sync only: every request suspends it again.
    if (suspend) context.application.suspendApiCalculationUntilNextSync();
  });
  if (!isEmptyPatch(patch)) {
    queued = await writePatch(context.workbook, patch, existingNames, capabilities, batches);
    await batches.roomFor(null);
    queued.firstCreated?.activate();
    await batches.send();
    syncs += batches.requests.length;
  }
  const summary = patch.summary;
  const sheetsWritten = patch.sheets
    .filter((s) => s.kind === "create" || s.changes.length > 0 || s.tables.length > 0)
    .map((s) => s.name);
  return {
    sheetsWritten,
    rowsWritten:
      summary.rowsAppended.length +
      patch.sheets.reduce((n, s) => n + (s.kind === "create" ? s.spec.cells.length : 0), 0),
    valuesKept: summary.inputsKept,
    orphanRows: summary.rowsFlagged.length,
    skipped: [...summary.sheetsSkipped],
    skippedFeatures: VISIBLE_FEATURES.flatMap((feature) => {
      const sheets = queued.skipped.get(feature);
      return sheets ? [{ feature, excelApi: OPTIONAL_FEATURES[feature], sheets }] : [];
    }).sort((a, b) => compareVersions(a.excelApi, b.excelApi)),
    syncs,
    payloadBytes: batches.bytes,
    writeRequests: [...batches.requests],
    cellsWritten: queued.cells,
    preview: summary,
  };
}

/**
 * Which of our sheets exist, are ours, and are stale against the edition (as data, e.g. a loaded edition file, or
 * a bundled id) — one sync (names only).
 */
export async function readWorkbookStatus(
  context: Excel.RequestContext,
  edition?: EditionData | string,
): Promise<SheetStatus[]> {
  const data = typeof edition === "object" ? edition : editionOf(edition);
  return workbookStatus(await readWorkbookShape(context), data);
}
