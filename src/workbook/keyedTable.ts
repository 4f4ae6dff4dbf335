import { cellAddress, parseRange, rangeAddress, type Box } from "./a1";
import { hasContent, toScalar, type RawCell } from "./cells";
import { SheetDiff, sameName, withoutFormat } from "./cellDiff";
import type { CellSpec, ColumnDef, Scalar, SheetSpec } from "./model";
import type { ColumnAdded, SheetPatch, TableGrowth } from "./patch";
import { relocateFormula } from "./references";
import { sameValue } from "./same";
import { findHeaderRow } from "./snapshot";
import type { KeyedSheet, KeyedTable } from "./keyedTableSpec";
import type { SummaryCollector } from "./summary";

export type { KeyedSheet, KeyedTable } from "./keyedTableSpec";

interface KeyedOut {
  readonly patch: SheetPatch;
  /** Every row of the table as it will be: product rows, flagged rows, the user's rows. */
  readonly rows: readonly { readonly key?: string; readonly cells: (column: string) => Scalar | null }[];
}

export function patchKeyed<K extends string>(spec: KeyedTable<K>, on: KeyedSheet): KeyedOut {
  const { fresh, existing, tables, sum } = on;
  const diff = new SheetDiff({ existing, sum, restore: on.restore, earlierFormulas: spec.earlierFormulas });
  const header0 = findHeaderRow(existing, spec.headerProbe, spec.headerKey, spec.headerRow + 30);
  if (header0 === undefined) {
    throw new Error(
      `工作表“${existing.name}”找不到表头(${spec.headerProbe.join("、")}),未作改动。 / No header row on sheet "${existing.name}".`,
    );
  }
  const header = header0 + 1;
  const headerRow = spec.headerRow;
  const offset = header - headerRow;
  const headerCells = existing.cells[header - 1] ?? [];
  const found = new Map<string, number>();
  let lastHeader = 0;
  headerCells.forEach((cell, i) => {
    const k = spec.headerKey(cell?.value);
    if (k === "") return;
    lastHeader = i + 1;
    if (!found.has(k)) found.set(k, i + 1);
  });
  const table = tables.find((t) => sameName(t.name, spec.tableName) && t.ref !== undefined);
  const tableBox: Box | undefined = table?.ref ? parseRange(table.ref) : undefined;

  // Where each product column is: found by header, or appended at the right of the table (layout upgrade).
  const standardAt = new Map<K, number>(spec.columns.map((c, i) => [c.key, i + 1]));
  const standard = (k: K) => standardAt.get(k) ?? 0;
  const colOf = new Map<K, number>();
  const added: ColumnDef<K>[] = [];
  let right = Math.max(tableBox?.right ?? 0, lastHeader);
  for (const def of spec.columns) {
    const at = found.get(def.key);
    if (at !== undefined) colOf.set(def.key, at);
    else {
      right++;
      colOf.set(def.key, right);
      added.push(def);
    }
  }
  const col = (k: K) => colOf.get(k) ?? 0;
  const isAdded = new Set<K>(added.map((a) => a.key));
  // Where each key's row is in a fresh sheet (edition order).
  const freshRowOf = new Map<string, number>(spec.order.map((k, i) => [k, headerRow + 1 + i]));
  /** The check column's cell of row `row`, for a write. */
  const checkAt = (row: number, rowKey: string) => ({
    row,
    column: col(spec.checkColumn),
    rowKey,
    columnKey: spec.checkColumn,
  });
  // The user's own columns in (or beside) our table: never written, their cells counted as inputs kept.
  const ours = new Set<string>(spec.columns.map((c) => c.key));
  const own = [...found.entries()].filter(([k]) => !ours.has(k)).map(([, c]) => c);
  const moveColumn = (c: number) => {
    const def = spec.columns[c - 1];
    return def ? col(def.key) : c;
  };
  // Columns where a fresh sheet has them: a row's formulas then move only if the row does.
  const columnsStay = spec.columns.every((def, i) => col(def.key) === i + 1);

  // Sheet texts above the table (title, 报告日期 label, legends) and 序时进度. 报告日期 itself is an input, which the
  // fresh sheet writes as a constant; B2 of the monthly sheets is 报告月份, a formula whose cached result follows
  // the months filled (a month moved in changes it).
  const dateAt = parseRange(spec.dateCell);
  const freshDate = fresh.cells[dateAt.top - 1]?.[dateAt.left - 1];
  const dateIsInput = freshDate !== undefined && freshDate.formula === undefined;
  for (let r = 1; r < (spec.skipAbove ? 1 : headerRow); r++) {
    (fresh.cells[r - 1] ?? []).forEach((want, c) => {
      if (want === undefined || (dateIsInput && cellAddress(r, c + 1) === spec.dateCell)) return;
      const at = r + offset;
      if (r === 1 && c === 0 && !spec.isOurTitle(diff.at(at, 1)?.value) && hasContent(diff.at(at, 1))) return;
      const cell =
        want.formula === undefined
          ? want
          : {
              ...want,
              formula: relocateFormula(want.formula, (x) => (x < headerRow ? x + offset : x)),
            };
      diff.product({ row: at, column: c + 1, cell, reason: "label" });
    });
  }
  if (dateIsInput && hasContent(diff.at(dateAt.top + offset, dateAt.left))) sum.inputsKept++;

  // Headers of the columns found (a unit switch renames 预算数(万元) …).
  const freshHeader = fresh.cells[headerRow - 1] ?? [];
  for (const def of spec.columns) {
    const want = freshHeader[standard(def.key) - 1];
    if (want && found.has(def.key)) diff.product({ row: header, column: col(def.key), cell: want, reason: "label" });
  }

  // The rows: every row of the table. What the user typed below it (a note in the 编号 column, a total) is theirs,
  // not a target row to flag. Only where the host saw no table does the last keyed row mark the end.
  const keyCol = col(spec.keyColumn);
  let bottom = tableBox?.bottom ?? header;
  if (!tableBox) {
    for (let r = header + 1; r <= existing.cells.length; r++) if (hasContent(diff.at(r, keyCol))) bottom = r;
  }
  const seen = new Set<string>();
  const rowsOut: { key?: string; cells: (column: string) => Scalar | null }[] = [];
  const existingValue = (r: number) => (column: string) => {
    const c = colOf.get(column as K);
    return c === undefined ? null : toScalar(diff.at(r, c)?.value);
  };
  const productRows: { row: number; key: string }[] = [];
  for (let r = header + 1; r <= bottom; r++) {
    const keyCell = diff.at(r, keyCol);
    if (!hasContent(keyCell)) {
      rowsOut.push({ cells: existingValue(r) });
      continue;
    }
    const k = spec.canonical(keyCell.value);
    const flag = k === undefined ? spec.orphanFlag : seen.has(k) ? spec.duplicateFlag : "";
    const label = String(toScalar(keyCell.value) ?? "").trim();
    if (flag !== "") {
      sum.rowsFlagged.push({ sheet: existing.name, row: r, rowKey: label, flag });
      const check = withKept(spec, flag, r, diff, col);
      if (!sameValue(diff.at(r, col(spec.checkColumn)), check)) {
        diff.write({ ...checkAt(r, label), cell: { value: check }, reason: "check" });
      }
      countInputs(spec, r, diff, col, sum, own);
      rowsOut.push({ key: label, cells: existingValue(r) });
      continue;
    }
    seen.add(k as string);
    productRows.push({ row: r, key: k as string });
  }

  // Rows of the edition: official cells and formulas where the user's row is, wherever it was moved.
  for (const { row: r, key: k } of productRows) {
    const freshRow = freshRowOf.get(k) ?? headerRow;
    const at = (column: K) => {
      const c = colOf.get(column);
      return c === undefined || isAdded.has(column) ? undefined : diff.at(r, c);
    };
    const move = relocation(freshRow, r, offset, columnsStay ? undefined : moveColumn, headerRow);
    const seeds = new Map<K, CellSpec>();
    for (const def of spec.columns) {
      const seed = def.role === "input" && !hasContent(at(def.key)) ? spec.seed?.(k, def.key) : undefined;
      if (seed) seeds.set(def.key, seed);
    }
    const input = (column: K): RawCell | undefined => {
      const seed = seeds.get(column);
      if (!seed) return at(column);
      return seed.formula === undefined
        ? { value: seed.value ?? null }
        : { value: seed.result ?? null, formula: seed.formula };
    };
    const results = spec.results(k, input);
    const overridden: string[] = [];
    const out: Record<string, Scalar | null> = {};
    for (const def of spec.columns) {
      const c = col(def.key);
      const place = { row: r, column: c, rowKey: k, columnKey: def.key };
      const isNew = isAdded.has(def.key);
      const want = freshCell(fresh, freshRow, standard(def.key), results[def.key]);
      if (def.key === spec.checkColumn) continue;
      if (def.role === "input") {
        const seed = seeds.get(def.key);
        if (seed) {
          // Into a blank input cell of the user's table: the value only, the cell keeps the format it has.
          diff.write({ ...place, cell: withoutFormat(seed), reason: "move" });
          sum.valuesMoved++;
          out[def.key] = seed.value ?? seed.result ?? null;
          continue;
        }
        const converted = spec.convert?.(def.key, input(def.key));
        if (converted) {
          diff.write({ ...place, cell: converted, reason: "unit" });
          sum.converted++;
          out[def.key] = converted.value ?? null;
        } else out[def.key] = toScalar(input(def.key)?.value);
        if (hasContent(input(def.key))) sum.inputsKept++;
        if (isNew && want?.numFmt) {
          diff.write({ ...place, cell: { value: null, numFmt: want.numFmt }, reason: "appendColumn" });
        }
        continue;
      }
      if (!want) continue;
      const cell = move(want);
      if (isNew) {
        diff.write({ ...place, cell, reason: "appendColumn" });
        out[def.key] = cell.formula === undefined ? (cell.value ?? null) : (cell.result ?? null);
        continue;
      }
      if (def.key === spec.keyColumn && !spec.rewriteKey) {
        out[def.key] = toScalar(diff.at(r, c)?.value);
        continue;
      }
      const adopt = spec.adopt ? (have: RawCell) => spec.adopt?.(k, def.key, have) === true : undefined;
      const override = diff.product({ ...place, cell, reason: "official", adopt });
      if (override) overridden.push(def.key);
      out[def.key] = override
        ? toScalar(diff.at(r, c)?.value)
        : cell.formula === undefined
          ? (cell.value ?? null)
          : (cell.result ?? null);
    }
    for (const c of own) if (hasContent(diff.at(r, c))) sum.inputsKept++;
    const check = withKept(
      spec,
      overridden.length > 0 ? `${spec.overrideNote}:${overridden.join("、")}` : "",
      r,
      diff,
      col,
    );
    if (!added.some((a) => a.key === spec.checkColumn) && !sameValue(diff.at(r, col(spec.checkColumn)), check)) {
      diff.write({ ...checkAt(r, k), cell: { value: check === "" ? null : check }, reason: "check" });
    }
    rowsOut.push({ key: k, cells: (column) => out[column] ?? null });
  }

  // Layout upgrade: headers of the appended columns.
  const columnsAdded: ColumnAdded[] = [];
  for (const def of added) {
    const want = freshHeader[standard(def.key) - 1];
    diff.write({
      row: header,
      column: col(def.key),
      cell: want ?? { value: def.header },
      reason: "appendColumn",
      columnKey: def.key,
    });
    columnsAdded.push({ column: col(def.key), header: def.header, width: def.width });
    sum.columnsAppended.push({ sheet: existing.name, header: def.header });
  }

  // Keys new in the edition: rows appended below the table's last row, in edition order.
  const missing = spec.order.filter((k) => !seen.has(k));
  let r = bottom;
  for (const k of missing) {
    r++;
    const freshRow = freshRowOf.get(k) ?? headerRow;
    const results = spec.results(k, () => undefined);
    const move = relocation(freshRow, r, offset, columnsStay ? undefined : moveColumn, headerRow);
    const out: Record<string, Scalar | null> = {};
    for (const def of spec.columns) {
      const want = freshCell(fresh, freshRow, standard(def.key), results[def.key]);
      if (!want || (def.role === "input" && want.numFmt === undefined)) continue;
      const cell = move(want);
      diff.write({ row: r, column: col(def.key), cell, reason: "appendRow", rowKey: k, columnKey: def.key });
      out[def.key] = cell.formula === undefined ? (cell.value ?? null) : (cell.result ?? null);
    }
    sum.rowsAppended.push({ sheet: existing.name, rowKey: k, row: r });
    rowsOut.push({ key: k, cells: (column) => out[column] ?? null });
  }

  const growth: TableGrowth[] = [];
  if (table?.ref && tableBox && (missing.length > 0 || added.length > 0)) {
    const newBottom = bottom + missing.length;
    let occupied = false;
    for (let rr = bottom + 1; rr <= newBottom; rr++) {
      for (let c = tableBox.left; c <= tableBox.right; c++) if (hasContent(diff.at(rr, c))) occupied = true;
    }
    growth.push({
      table: table.name,
      from: table.ref,
      to: rangeAddress(tableBox.top, tableBox.left, newBottom, Math.max(tableBox.right, right)),
      rowsAdded: newBottom - tableBox.bottom,
      columnsAdded: Math.max(0, right - tableBox.right),
      insertsRows: occupied,
    });
  }
  return { patch: diff.finish(spec.key, growth, columnsAdded), rows: rowsOut };
}

/** A row's check text as the refresh writes it: its own flag, then what {@link KeyedTable.keepCheck} keeps. */
function withKept<K extends string>(
  spec: KeyedTable<K>,
  own: string,
  r: number,
  diff: SheetDiff,
  col: (k: K) => number,
): string {
  const have = diff.at(r, col(spec.checkColumn))?.value;
  if (spec.keepCheck === undefined || typeof have !== "string") return own;
  const kept = spec.keepCheck(have, (column) => diff.at(r, col(column)));
  return [own, kept].filter((s) => s !== "").join(CHECK_SEPARATOR);
}

/** Between the parts of a check text (a flag, then a kept note). */
export const CHECK_SEPARATOR = ";";

/** Inputs of a flagged row, counted as kept: its input columns and the user's own columns. */
function countInputs<K extends string>(
  spec: KeyedTable<K>,
  r: number,
  diff: SheetDiff,
  col: (k: K) => number,
  sum: SummaryCollector,
  own: readonly number[],
) {
  for (const def of spec.columns) if (def.role === "input" && hasContent(diff.at(r, col(def.key)))) sum.inputsKept++;
  for (const c of own) if (hasContent(diff.at(r, c))) sum.inputsKept++;
}

/** A fresh sheet's cell of a row, with the result computed from the user's inputs for formulas. */
function freshCell(fresh: SheetSpec, row: number, column: number, result: Scalar | undefined): CellSpec | undefined {
  const cell = fresh.cells[row - 1]?.[column - 1];
  if (!cell) return undefined;
  return cell.formula !== undefined && result !== undefined ? { ...cell, result } : cell;
}

/** How a fresh row's cells move to where the user's row is: their formulas relocated (one mover per row). */
function relocation(
  fromRow: number,
  toRow: number,
  offset: number,
  /** Undefined when no column moved. */
  moveColumn: ((c: number) => number) | undefined,
  headerRow: number,
): (cell: CellSpec) => CellSpec {
  // Nothing moves (the row where the fresh sheet has it, no rows above the table, no column moved).
  if (fromRow === toRow && offset === 0 && moveColumn === undefined) return (cell) => cell;
  const moveRow = (x: number) => (x === fromRow ? toRow : x < headerRow ? x + offset : x);
  return (cell) =>
    cell.formula === undefined ? cell : { ...cell, formula: relocateFormula(cell.formula, moveRow, moveColumn) };
}

/** 报告日期 as the user left it: B2, or lower when rows were inserted above the table's header. */
