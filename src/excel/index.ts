import { defaultEditionId, getEdition } from "../policy";
import type { EditionData } from "../policy/types";
import type { RawCell } from "../workbook/cells";
import { SHEET_KEYS as KEYS } from "../sheets/marker";
import { isEmptyPatch, type PatchSummary, type WorkbookPatch } from "../workbook/patch";
import { planPatch } from "../sheets/patchPlan";
import { isOptionalInExcel, sheetsToRead, workbookStatus } from "../sheets/plan";

import type { SheetKey } from "../workbook/model";
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

export * from "./capabilities";

export type { SheetKey } from "../workbook/model";
export type { SheetStatus } from "../sheets/plan";
export type { PatchSummary } from "../workbook/patch";
import type { SheetStatus } from "../sheets/plan";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { ExistingSheet } from "../workbook/snapshot";

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

const NAME_PROPS = "items/name,items/type,items/value";

/** What a host read of the workbook, and the patch that brings it up to the edition. */
interface Planned {
  readonly patch: WorkbookPatch;
  readonly existingNames: ReadonlySet<string>;
  readonly syncs: number;
}

/**
 * Reads what a refresh needs in at most 2 syncs: (1) sheet names, workbook names and tables; (2) the used range
 * (values and formulas) of each candidate sheet of ours and the refs of the tables on them — skipped when there
 * are none. Then plans the patch (pure).
 */
async function readAndPlan(context: Excel.RequestContext, options: GenerateOptions): Promise<Planned> {
  const data = options.edition ?? editionOf(options.editionId);
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load(NAME_PROPS);
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  syncs++;
  const listed = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const base: WorkbookSnapshot = {
    sheetNames: worksheets.items.map((w) => w.name),
    definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
    tables: listed,
  };
  const toRead = sheetsToRead(base);
  const reads = toRead.map((name) => ({
    name,
    used: worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex"),
    // Chart names, so that a layout upgrade never adds a chart the sheet already has.
    charts: worksheets.getItem(name).charts.load("items/name"),
  }));
  const refs = listed
    .filter((t) => toRead.some((n) => n.toLowerCase() === t.sheet.toLowerCase()))
    .map((t) => ({ ...t, range: tables.getItem(t.name).getRange().load("address") }));
  if (reads.length > 0) {
    await context.sync();
    syncs++;
  }
  const contents = new Map<string, ExistingSheet>();
  for (const read of reads) {
    contents.set(read.name, read.used.isNullObject ? { name: read.name, cells: [] } : toExisting(read.name, read.used));
  }
  const withRefs = listed.map((t) => {
    const read = refs.find((r) => r.name === t.name);
    return read ? { ...t, ref: read.range.address.replace(/^.*!/, "").replace(/\$/g, "") } : t;
  });
  const charts = reads.flatMap((read) => read.charts.items.map((c) => ({ name: c.name, sheet: read.name })));
  const keys = options.sheets ?? SHEET_KEYS;
  const patch = planPatch(data, { ...base, tables: withRefs, charts, sheets: contents }, { ...options, sheets: keys });
  return { patch, existingNames: new Set(base.definedNames.map((n) => n.name.toLowerCase())), syncs };
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
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load(NAME_PROPS);
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  return workbookStatus(
    {
      sheetNames: worksheets.items.map((w) => w.name),
      definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
      tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    },
    data,
  );
}

/** The used range as a grid from A1 (the used range may start further down or right). */
export function toExisting(name: string, used: Excel.Range): ExistingSheet {
  const cells: RawCell[][] = [];
  for (let r = 0; r < used.rowIndex; r++) cells.push([]);
  used.values.forEach((row, r) => {
    const out: RawCell[] = [];
    for (let c = 0; c < used.columnIndex; c++) out.push({ value: null });
    row.forEach((value, c) => {
      const f = used.formulas[r]?.[c];
      // Text that starts with "=" (stored with Excel's quote prefix) reads back through `formulas` as itself: a
      // formula is what evaluates to something other than its own text.
      out.push(typeof f === "string" && f.startsWith("=") && f !== value ? { value, formula: f } : { value });
    });
    cells.push(out);
  });
  return { name, cells };
}
