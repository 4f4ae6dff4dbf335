import { defaultEditionId, getEdition } from "../../policy";
import type { EditionData } from "../../policy/types";
import type { RawCell } from "../spec/cells";
import { SHEET_KEYS as KEYS } from "../spec/marker";
import { planWorkbook, sheetsToRead, workbookStatus, type WorkbookSnapshot } from "../spec/plan";
import type { ExistingSheet } from "../spec/read";
import type { SheetKey } from "../spec/types";
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
import { byteLength, queueSheet, type SheetLeftovers } from "./write";

export * from "./capabilities";

export type { SheetKey } from "../spec/types";
export type { SheetStatus } from "../spec/plan";
import type { SheetStatus } from "../spec/plan";

export const SHEET_KEYS: readonly SheetKey[] = KEYS;

export interface GenerateOptions {
  editionId?: string;
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
  payloadBytes: number;
}

function editionOf(editionId: string | undefined): EditionData {
  const id = editionId ?? defaultEditionId;
  const data = getEdition(id);
  if (!data) throw new Error(`未知的政策版本“${id}”。 / Unknown edition "${id}".`);
  return data;
}

const NAME_PROPS = "items/name,items/type,items/value";

/**
 * Generates (or refreshes) the policy workbook inside the caller's `Excel.run`, in at most 3 syncs whatever the
 * size: (1) sheet names and defined names; (2) the cells, tables and charts of our existing sheets — skipped
 * when there are none; (3) every write, with calculation suspended until it lands. Only our sheets and our
 * marker names are written, so co-authors' other sheets are never touched.
 */
export async function generateWorkbook(
  context: Excel.RequestContext,
  options: GenerateOptions = {},
): Promise<GenerateSummary> {
  const data = editionOf(options.editionId);
  const capabilities = options.capabilities ?? FULL_CAPABILITIES;
  if (!capabilities.excelApi(MIN_EXCEL_API)) throw new ExcelTooOldError();
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load(NAME_PROPS);
  await context.sync();
  syncs++;
  const base: WorkbookSnapshot = {
    sheetNames: worksheets.items.map((w) => w.name),
    definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
  };

  const reads = sheetsToRead(base).map((name) => {
    const used = worksheets.getItem(name).getUsedRangeOrNullObject().load("values,formulas,rowIndex,columnIndex");
    const tables = worksheets.getItem(name).tables.load("items/name");
    const charts = worksheets.getItem(name).charts.load("items/name");
    return { name, used, tables, charts };
  });
  if (reads.length > 0) {
    await context.sync();
    syncs++;
  }
  const contents = new Map<string, ExistingSheet>();
  const leftovers = new Map<string, SheetLeftovers>();
  for (const read of reads) {
    contents.set(read.name, read.used.isNullObject ? { name: read.name, cells: [] } : toExisting(read.name, read.used));
    leftovers.set(read.name, { tables: read.tables.items, charts: read.charts.items });
  }

  const plan = planWorkbook(data, { ...base, sheets: contents }, options);
  if (hasFeature(capabilities, "suspendCalculation")) context.application.suspendApiCalculationUntilNextSync();
  let payloadBytes = 0;
  let firstCreated: Excel.Worksheet | undefined;
  const skippedFeatures = new Map<OptionalFeature, string[]>();
  for (const sheet of plan.spec.sheets) {
    const out = queueSheet(worksheets, sheet, leftovers.get(sheet.name), capabilities);
    for (const feature of out.skipped)
      skippedFeatures.set(feature, [...(skippedFeatures.get(feature) ?? []), sheet.name]);
    payloadBytes += out.bytes;
    if (sheet.mode === "create" && firstCreated === undefined) firstCreated = out.sheet;
  }
  const existingNames = new Set(base.definedNames.map((n) => n.name.toLowerCase()));
  for (const marker of plan.spec.names) {
    if (existingNames.has(marker.name.toLowerCase())) names.getItem(marker.name).delete();
    const item = names.add(marker.name, `="${marker.text.replace(/"/g, '""')}"`);
    item.visible = false;
    payloadBytes += byteLength(marker.name + marker.text) + 80;
  }
  firstCreated?.activate();
  await context.sync();
  syncs++;
  return {
    sheetsWritten: plan.spec.sheets.map((s) => s.name),
    rowsWritten: plan.rowsWritten,
    valuesKept: plan.valuesKept,
    orphanRows: plan.orphanRows,
    skipped: [...plan.skipped],
    skippedFeatures: VISIBLE_FEATURES.flatMap((feature) => {
      const sheets = skippedFeatures.get(feature);
      return sheets ? [{ feature, excelApi: OPTIONAL_FEATURES[feature], sheets }] : [];
    }).sort((a, b) => compareVersions(a.excelApi, b.excelApi)),
    syncs,
    payloadBytes,
  };
}

/** Which of our sheets exist, are ours, and are stale against the edition — one sync (names only). */
export async function readWorkbookStatus(context: Excel.RequestContext, editionId?: string): Promise<SheetStatus[]> {
  const data = editionOf(editionId);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load(NAME_PROPS);
  await context.sync();
  return workbookStatus(
    {
      sheetNames: worksheets.items.map((w) => w.name),
      definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
    },
    data,
  );
}

/** The used range as a grid from A1 (the used range may start further down or right). */
function toExisting(name: string, used: Excel.Range): ExistingSheet {
  const cells: RawCell[][] = [];
  for (let r = 0; r < used.rowIndex; r++) cells.push([]);
  used.values.forEach((row, r) => {
    const out: RawCell[] = [];
    for (let c = 0; c < used.columnIndex; c++) out.push({ value: null });
    row.forEach((value, c) => {
      const f = used.formulas[r]?.[c];
      out.push(typeof f === "string" && f.startsWith("=") ? { value, formula: f } : { value });
    });
    cells.push(out);
  });
  return { name, cells };
}
