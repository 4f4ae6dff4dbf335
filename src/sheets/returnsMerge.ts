/**
 * The merge of returns as a patch of the workbook, in the refresh's vocabulary: where the cells a merge may write
 * sit now (月度填报's month columns and 情况说明, 绩效监控's inputs, found by 编号 wherever the row is), what they
 * hold, and the patch that writes exactly the plan's writes. The hosts read a snapshot and apply the patch with
 * the same writers as a refresh.
 */
import type { CellValue, CellWrite, TextField, WorkbookCells } from "../returns";
import { cellAddress, parseRange, rangeAddress } from "../workbook/a1";
import type { RawCell } from "../workbook/cells";
import {
  patchSummary,
  type CellChange,
  type SheetPatch,
  type TableGrowth,
  type ColumnAdded,
  type WorkbookPatch,
} from "../workbook/patch";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { identifySheets } from "./identity";
import { MONTHLY_TABLE_NAMES, monthOfHeader } from "./monthlyLayout";

/** The column a merge adds to 月度填报 for 情况说明, where the product has none. */
export const NOTE_HEADER = "情况说明";
const MONITOR_TEXTS: readonly TextField[] = ["偏差原因分析", "完成目标可能性", "纠偏措施"];

interface SheetPlace {
  readonly sheet: string;
  readonly headerRow: number;
  /** 编号 → 1-based row (the first row with it). */
  readonly rows: ReadonlyMap<string, number>;
  readonly cells: readonly (readonly RawCell[])[];
}

export interface ReturnPlaces {
  readonly monthly?: SheetPlace & {
    readonly months: ReadonlyMap<number, number>;
    readonly noteColumn?: number;
    readonly table?: { readonly name: string; readonly ref: string };
  };
  readonly monitor?: SheetPlace & { readonly columns: ReadonlyMap<TextField, number> };
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

function place(sheet: string, cells: readonly (readonly RawCell[])[]): SheetPlace | undefined {
  const h = cells.findIndex((row, i) => i < 20 && row.some((c) => text(c?.value) === "编号"));
  if (h < 0) return undefined;
  const idCol = (cells[h] ?? []).findIndex((c) => text(c?.value) === "编号");
  const rows = new Map<string, number>();
  for (let r = h + 1; r < cells.length; r++) {
    const id = text(cells[r]?.[idCol]?.value);
    if (id && !rows.has(id)) rows.set(id, r + 1);
  }
  return { sheet, headerRow: h + 1, rows, cells };
}

const columnOf = (p: SheetPlace, header: string) => {
  const i = (p.cells[p.headerRow - 1] ?? []).findIndex((c) => text(c?.value) === header);
  return i < 0 ? undefined : i + 1;
};

/** Where 月度填报 and 绩效监控 (whatever they are called now) keep the cells a merge may write. */
export function returnPlaces(snapshot: WorkbookSnapshot): ReturnPlaces {
  const ids = identifySheets(snapshot);
  const sheetCells = (key: "月度填报" | "绩效监控") => {
    const name = ids.get(key)?.sheet;
    const sheet = name ? snapshot.sheets?.get(name) : undefined;
    return name && sheet ? place(name, sheet.cells) : undefined;
  };
  const m = sheetCells("月度填报");
  const monitor = sheetCells("绩效监控");
  const out: { -readonly [K in keyof ReturnPlaces]: ReturnPlaces[K] } = {};
  if (m) {
    const months = new Map<number, number>();
    (m.cells[m.headerRow - 1] ?? []).forEach((c, i) => {
      const month = monthOfHeader(c?.value);
      if (month !== undefined && !months.has(month)) months.set(month, i + 1);
    });
    const table = snapshot.tables?.find((t) => t.name === MONTHLY_TABLE_NAMES.targets && t.sheet === m.sheet);
    out.monthly = {
      ...m,
      months,
      noteColumn: columnOf(m, NOTE_HEADER),
      table: table?.ref ? { name: table.name, ref: table.ref } : undefined,
    };
  }
  if (monitor) {
    const columns = new Map<TextField, number>();
    for (const f of MONITOR_TEXTS) {
      const c = columnOf(monitor, f);
      if (c !== undefined) columns.set(f, c);
    }
    out.monitor = { ...monitor, columns };
  }
  return out;
}

const valueAt = (p: SheetPlace, row: number | undefined, col: number | undefined): CellValue => {
  if (row === undefined || col === undefined) return null;
  const v = p.cells[row - 1]?.[col - 1]?.value;
  return typeof v === "number" || typeof v === "string" ? v : v === null || v === undefined ? null : String(v);
};

/** What the workbook holds in the cells a merge may write, by 编号. */
export function workbookCells(places: ReturnPlaces): WorkbookCells {
  const months = new Map<string, CellValue[]>();
  const texts = new Map<string, Partial<Record<TextField, CellValue>>>();
  const m = places.monthly;
  if (m)
    for (const [id, row] of m.rows) {
      months.set(
        id,
        Array.from({ length: 12 }, (_, i) => valueAt(m, row, m.months.get(i + 1))),
      );
      if (m.noteColumn) texts.set(id, { 情况说明: valueAt(m, row, m.noteColumn) });
    }
  const mon = places.monitor;
  if (mon)
    for (const [id, row] of mon.rows) {
      const t = { ...texts.get(id) };
      for (const [f, c] of mon.columns) t[f] = valueAt(mon, row, c);
      texts.set(id, t);
    }
  return { months, texts };
}

/**
 * The patch that writes a merge plan's writes where the rows now sit: month figures and 情况说明 on 月度填报 (its
 * table grows by a 情况说明 column at the right the first time), the monitoring texts on 绩效监控. A write whose
 * row or column the workbook lacks is returned in `unplaced`, never written elsewhere.
 */
export function returnsPatch(
  writes: readonly CellWrite[],
  places: ReturnPlaces,
  meta: { readonly editionId: string; readonly generatedAt: string },
): { readonly patch: WorkbookPatch; readonly unplaced: readonly CellWrite[] } {
  const unplaced: CellWrite[] = [];
  const monthlyChanges: CellChange[] = [];
  const monitorChanges: CellChange[] = [];
  const tables: TableGrowth[] = [];
  const columnsAdded: ColumnAdded[] = [];
  const m = places.monthly;
  let noteColumn = m?.noteColumn;
  const change = (p: SheetPlace, row: number, column: number, w: CellWrite, before?: RawCell): CellChange => ({
    row,
    column,
    address: cellAddress(row, column),
    cell: { value: w.value },
    before: before ?? p.cells[row - 1]?.[column - 1] ?? { value: null },
    reason: "return",
    rowKey: w.id,
    columnKey: w.field === "累计值" ? `${w.month}月` : w.field,
  });
  const needsNote = writes.some((w) => w.field === "情况说明");
  if (m && needsNote && noteColumn === undefined && m.table) {
    const ref = parseRange(m.table.ref);
    noteColumn = ref.right + 1;
    const to = rangeAddress(ref.top, ref.left, ref.bottom, noteColumn);
    tables.push({ table: m.table.name, from: m.table.ref, to, rowsAdded: 0, columnsAdded: 1, insertsRows: false });
    columnsAdded.push({ column: noteColumn, header: NOTE_HEADER, width: 24 });
    monthlyChanges.push({
      row: m.headerRow,
      column: noteColumn,
      address: cellAddress(m.headerRow, noteColumn),
      cell: { value: NOTE_HEADER },
      reason: "appendColumn",
      columnKey: NOTE_HEADER,
    });
  }
  for (const w of writes) {
    if (w.field === "累计值" || w.field === "情况说明") {
      const row = m?.rows.get(w.id);
      const col = w.field === "累计值" ? m?.months.get(w.month) : noteColumn;
      if (!m || row === undefined || col === undefined) unplaced.push(w);
      else monthlyChanges.push(change(m, row, col, w));
    } else {
      const mon = places.monitor;
      const row = mon?.rows.get(w.id);
      const col = mon?.columns.get(w.field);
      if (!mon || row === undefined || col === undefined) unplaced.push(w);
      else monitorChanges.push(change(mon, row, col, w));
    }
  }
  const order = (a: CellChange, b: CellChange) => a.row - b.row || a.column - b.column;
  const sheets: SheetPatch[] = [];
  if (m && monthlyChanges.length > 0)
    sheets.push({
      kind: "patch",
      key: "月度填报",
      name: m.sheet,
      changes: monthlyChanges.sort(order),
      results: [],
      tables,
      columnsAdded,
    });
  if (places.monitor && monitorChanges.length > 0)
    sheets.push({
      kind: "patch",
      key: "绩效监控",
      name: places.monitor.sheet,
      changes: monitorChanges.sort(order),
      results: [],
      tables: [],
      columnsAdded: [],
    });
  const written = monthlyChanges.length + monitorChanges.length;
  return {
    patch: {
      ...meta,
      sheets,
      skipped: [],
      names: [],
      summary: patchSummary({
        cellsWritten: written,
        columnsAppended: columnsAdded.map((c) => ({ sheet: m?.sheet ?? "", header: c.header })),
      }),
    },
    unplaced,
  };
}
