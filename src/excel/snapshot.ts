import type { RawCell } from "../workbook/cells";
import type { ExistingSheet, WorkbookSnapshot } from "../workbook/snapshot";
import { sheetsToRead } from "../sheets/plan";

const NAME_PROPS = "items/name,items/type,items/value";

/** What a host read of the workbook: the snapshot the planners take, and the workbook's names (lower case). */
export interface ReadWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly existingNames: ReadonlySet<string>;
  readonly syncs: number;
}

/** One sync: the sheet names, the workbook's names and the tables with their sheets — what every read starts from. */
export async function readWorkbookShape(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load(NAME_PROPS);
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  return {
    sheetNames: worksheets.items.map((w) => w.name),
    definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
  };
}

/**
 * More for {@link readWorkbookSnapshot} to read in its second sync: given the workbook and what the first sync
 * found, it queues its loads and returns what takes their values once that sync is done.
 */
export type ExtraRead<T> = (workbook: Excel.Workbook, base: WorkbookSnapshot) => () => T;

interface ReadOptions {
  /** Also read the chart names on our sheets (a layout upgrade never adds a chart a sheet already has). */
  readonly charts?: boolean;
}

/**
 * Reads the workbook as the planners take it, in at most 2 syncs: (1) sheet names, workbook names and tables;
 * (2) the used range (values and formulas) of each candidate sheet of ours, the refs of the tables on them, with
 * `charts` their chart names, and with `extra` whatever it queues — skipped when there is nothing to read.
 */
export async function readWorkbookSnapshot(context: Excel.RequestContext, options?: ReadOptions): Promise<ReadWorkbook>;
export async function readWorkbookSnapshot<T>(
  context: Excel.RequestContext,
  options: ReadOptions & { readonly extra: ExtraRead<T> },
): Promise<ReadWorkbook & { readonly extra: T }>;
export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions & { readonly extra?: ExtraRead<unknown> } = {},
): Promise<ReadWorkbook & { readonly extra?: unknown }> {
  let syncs = 0;
  const base = await readWorkbookShape(context);
  syncs++;
  const { worksheets, tables } = context.workbook;
  const listed = base.tables ?? [];
  const toRead = sheetsToRead(base);
  const reads = toRead.map((name) => ({
    name,
    contents: queueSheetContents(worksheets, name),
    charts: options.charts ? worksheets.getItem(name).charts.load("items/name") : undefined,
  }));
  const refs = listed
    .filter((t) => toRead.some((n) => n.toLowerCase() === t.sheet.toLowerCase()))
    .map((t) => ({ ...t, range: tables.getItem(t.name).getRange().load("address") }));
  const extra = options.extra?.(context.workbook, base);
  if (reads.length > 0 || extra) {
    await context.sync();
    syncs++;
  }
  const contents = new Map<string, ExistingSheet>();
  for (const read of reads) {
    contents.set(read.name, read.contents());
  }
  const withRefs = listed.map((t) => {
    const read = refs.find((r) => r.name === t.name);
    return read ? { ...t, ref: read.range.address.replace(/^.*!/, "").replace(/\$/g, "") } : t;
  });
  const charts = reads.flatMap((read) => (read.charts?.items ?? []).map((c) => ({ name: c.name, sheet: read.name })));
  return {
    snapshot: { ...base, tables: withRefs, ...(options.charts ? { charts } : {}), sheets: contents },
    existingNames: new Set(base.definedNames.map((n) => n.name.toLowerCase())),
    syncs,
    ...(extra ? { extra: extra() } : {}),
  };
}

/**
 * Queues the used range of a sheet (values and formulas); once synced, the function returns the sheet's contents
 * (no cells when nothing is used).
 */
export function queueSheetContents(worksheets: Excel.WorksheetCollection, name: string): () => ExistingSheet {
  const used = worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex");
  return () => (used.isNullObject ? { name, cells: [] } : toExisting(name, used));
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
