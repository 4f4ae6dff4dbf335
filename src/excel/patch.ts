import { cellAddress, parseRange } from "../workbook/a1";
import type { BlockAdded, CellChange, SheetPatch, TableGrowth, WorkbookPatch } from "../workbook/patch";
import { hasFeature, type Capabilities, type OptionalFeature } from "./capabilities";
import { rowBands, type WriteBatches } from "./batches";
import {
  chartCost,
  CONDITIONAL_FORMAT_ACTIONS,
  formulaOf,
  queueChart,
  queueConditionalFormat,
  writeSheet,
  writeStyles,
} from "./write";

/** What queuing a patch did: cells written, features the host lacked. */
export interface QueuedPatch {
  readonly cells: number;
  readonly skipped: ReadonlyMap<OptionalFeature, string[]>;
  /** The first sheet created, to activate. */
  readonly firstCreated?: Excel.Worksheet;
}

/**
 * Queues a refresh patch on the request context (no sync here). Existing sheets get only their changed cells —
 * adjacent cells of a row go as one 2-D `formulas` write, a number format only where the change gives one — and
 * never a clear, a table delete or re-add, a width, a freeze or a print setting: what the user did to our sheets
 * stays. Rows for new targets go through `table.rows.add` (Excel shifts what is below and extends the table's
 * formats, validation and conditional formats); columns of a layout upgrade through `table.columns.add`.
 * New sheets are written whole by `writeSheet`. Room is asked of `batches` before each operation: a large
 * patch goes in several requests (syncs), in order.
 */
export async function writePatch(
  workbook: Excel.Workbook,
  patch: WorkbookPatch,
  existingNames: ReadonlySet<string>,
  capabilities: Capabilities,
  batches: WriteBatches,
): Promise<QueuedPatch> {
  let cells = 0;
  const skipped = new Map<OptionalFeature, string[]>();
  let firstCreated: Excel.Worksheet | undefined;
  for (const sheet of patch.sheets) {
    if (sheet.kind === "create") {
      const out = await writeSheet(workbook.worksheets, sheet.spec, capabilities, batches);
      for (const feature of out.skipped) skipped.set(feature, [...(skipped.get(feature) ?? []), sheet.name]);
      cells += sheet.spec.cells.reduce((n, row) => n + row.filter((c) => c !== undefined).length, 0);
      firstCreated ??= out.sheet;
      continue;
    }
    if (sheet.changes.length === 0 && sheet.tables.length === 0) continue;
    const out = await writeSheetPatch(workbook, sheet, capabilities, batches);
    cells += out.cells;
    if (out.skipped) skipped.set(out.skipped, [...(skipped.get(out.skipped) ?? []), sheet.name]);
  }
  const names = workbook.names;
  for (const name of patch.names) {
    await batches.roomFor([name.name, name.formula, name.comment], 4);
    if (existingNames.has(name.name.toLowerCase())) names.getItem(name.name).delete();
    names.add(name.name, `=${name.formula}`, name.comment).visible = false;
  }
  return { cells, skipped, ...(firstCreated ? { firstCreated } : {}) };
}

async function writeSheetPatch(
  workbook: Excel.Workbook,
  sheet: SheetPatch,
  capabilities: Capabilities,
  batches: WriteBatches,
): Promise<{ cells: number; skipped?: OptionalFeature }> {
  const ws = workbook.worksheets.getItem(sheet.name);
  let cells = 0;
  let skipped: OptionalFeature | undefined;
  // Cells of rows and columns a table gains go through the table, so that Excel extends it and its formats.
  const grown = sheet.tables.filter((t) => sheet.changes.some((c) => inGrowth(c, t)));
  const direct = sheet.changes.filter((c) => !grown.some((t) => inGrowth(c, t)));
  for (const run of runs(direct)) {
    const first = run[0] as CellChange;
    const last = run[run.length - 1] as CellChange;
    const values = [run.map((c) => formulaOf(c.cell))];
    await batches.roomFor(values, 2);
    ws.getRange(`${first.address}:${last.address}`).formulas = values;
    cells += run.length;
  }
  for (const t of sheet.tables) {
    const table = ws.tables.getItem(t.table);
    if (!grown.includes(t)) {
      // A table of a sheet without inputs grew over cells already written in place: only its ref changes.
      await batches.roomFor(t, 2);
      if (hasFeature(capabilities, "tableResize")) table.resize(t.to);
      else skipped = "tableResize";
      continue;
    }
    const before = parseRange(t.from);
    const after = parseRange(t.to);
    const at = (r: number, c: number) => sheet.changes.find((x) => x.row === r && x.column === c);
    if (t.rowsAdded > 0) {
      const rows: (string | number | boolean)[][] = [];
      for (let r = before.bottom + 1; r <= after.bottom; r++) {
        const row: (string | number | boolean)[] = [];
        for (let c = before.left; c <= before.right; c++) row.push(formulaOf(at(r, c)?.cell));
        rows.push(row);
      }
      // Many new rows (an edition grown by hundreds of targets) go in several adds, each within a request;
      // every add appends at the table's end, so the rows land in the same order.
      for (const [from, to] of rowBands(rows, batches.budget / 4)) {
        const part = rows.slice(from, to);
        await batches.roomFor(part, 2);
        table.rows.add(undefined, part);
      }
      cells += rows.length * (before.right - before.left + 1);
    }
    if (t.columnsAdded > 0) {
      const columns: (string | number | boolean)[][] = [];
      for (let r = before.top; r <= after.bottom; r++) {
        const row: (string | number | boolean)[] = [];
        for (let c = before.right + 1; c <= after.right; c++) row.push(formulaOf(at(r, c)?.cell));
        columns.push(row);
      }
      await batches.roomFor(columns, 2);
      table.columns.add(undefined, columns);
      cells += columns.length * t.columnsAdded;
    }
  }
  // Number formats only where a change gives one (an appended row's %, a converted amount): others keep theirs.
  for (const change of sheet.changes) {
    if (change.cell.numFmt === undefined) continue;
    await batches.roomFor([change.address, change.cell.numFmt], 2);
    ws.getRange(change.address).numberFormat = [[change.cell.numFmt]];
  }
  for (const column of sheet.columnsAdded) {
    const letter = cellAddress(1, column.column).replace(/\d+$/, "");
    await batches.roomFor([letter, column.width], 2);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = (column.width * 7 + 5) * 0.75;
  }
  for (const block of sheet.blocks ?? []) {
    const missing = await writeBlock(ws, block, capabilities, batches);
    if (missing) skipped = missing;
  }
  return { cells, ...(skipped ? { skipped } : {}) };
}

/**
 * A block of a layout upgrade (its cells are already queued): formats, merges and row heights of its rows, its
 * conditional formats, charts and page breaks — all within rows that held nothing. Returns a feature the host
 * lacked, if any (left out, as on a created sheet).
 */
async function writeBlock(
  ws: Excel.Worksheet,
  block: BlockAdded,
  capabilities: Capabilities,
  batches: WriteBatches,
): Promise<OptionalFeature | undefined> {
  let skipped: OptionalFeature | undefined;
  const can = (feature: OptionalFeature) => {
    if (hasFeature(capabilities, feature)) return true;
    skipped = feature;
    return false;
  };
  for (const [row, height] of block.rowHeights) {
    await batches.roomFor([row, height], 2);
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  const vertical = block.styles.some((run) => run.style.vertical) && can("textOrientation");
  await writeStyles(ws, block, vertical, batches);
  for (const cf of block.conditionalFormats.length > 0 && can("conditionalFormats") ? block.conditionalFormats : []) {
    await batches.roomFor(cf, CONDITIONAL_FORMAT_ACTIONS);
    queueConditionalFormat(ws, cf);
  }
  const plotOrder = block.charts.some((c) => c.kind.startsWith("bar")) && can("chartPlotOrder");
  for (const c of block.charts) {
    await batches.room(chartCost(c));
    queueChart(ws, c, plotOrder);
  }
  if (block.rowBreaks.length > 0 && can("pageLayout")) {
    await batches.roomFor(block.rowBreaks, block.rowBreaks.length);
    for (const row of block.rowBreaks) ws.horizontalPageBreaks.add(`A${row}`);
  }
  return skipped;
}

function inGrowth(change: CellChange, growth: TableGrowth): boolean {
  if (change.reason !== "appendRow" && change.reason !== "appendColumn") return false;
  const before = parseRange(growth.from);
  const after = parseRange(growth.to);
  const inBox = change.row >= after.top && change.row <= after.bottom && change.column >= after.left;
  return inBox && change.column <= after.right && (change.row > before.bottom || change.column > before.right);
}

/** Changes grouped into runs of adjacent cells of one row (the changes come sorted by row, then column). */
function runs(changes: readonly CellChange[]): CellChange[][] {
  const out: CellChange[][] = [];
  for (const change of changes) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.row === change.row && last.column === change.column - 1) run.push(change);
    else out.push([change]);
  }
  return out;
}
