import { findArea, isCalcError, parseChineseNumeral, type EditionIndex } from "../engine";
import { hasContent, type RawCell } from "../workbook/cells";
import { findHeaderRow, type ExistingSheet } from "../workbook/snapshot";
import { DATE_LABEL, headerKey, headerUnit, TARGET_COLUMNS, type TargetColumn } from "./layout";

/** A user's column in one of our tables (a header we did not write): carried by row key like an input. */
export interface ExtraColumn {
  readonly header: string;
}

export interface ReadTargetRow {
  /** The 编号 as written (trimmed), "" when blank. */
  readonly id: string;
  /** Official columns as they were: kept for rows the edition no longer has. */
  readonly official: Partial<Record<TargetColumn, RawCell>>;
  readonly inputs: { readonly 实际值?: RawCell; readonly 上年值?: RawCell; readonly 备注?: RawCell };
  readonly extras: readonly (RawCell | undefined)[];
}

export interface ReadTargets {
  readonly reportDate?: RawCell;
  readonly extraColumns: readonly ExtraColumn[];
  readonly rows: readonly ReadTargetRow[];
}

export interface ReadExecutionRow {
  /** The area the row belongs to, or undefined when its label names no area of the edition. */
  readonly area: number | undefined;
  readonly label: string;
  readonly budget?: RawCell;
  readonly spent?: RawCell;
  readonly extras: readonly (RawCell | undefined)[];
}

export interface ReadExecution {
  readonly reportDate?: RawCell;
  /** The unit the 支出数 header names (万元 / 亿元), so that a refresh in another unit converts the amounts. */
  readonly unit?: string;
  readonly extraColumns: readonly ExtraColumn[];
  readonly rows: readonly ReadExecutionRow[];
}

const cellAt = (sheet: ExistingSheet, row: number, col: number): RawCell | undefined => sheet.cells[row]?.[col];

/** The 0-based row whose headers include every `required` key, among the first `within` rows. */
export function findHeader(sheet: ExistingSheet, required: readonly string[], within = 30): number | undefined {
  return findHeaderRow(sheet, required, headerKey, within);
}

function findReportDate(sheet: ExistingSheet, headerRow: number): RawCell | undefined {
  for (let r = 0; r < headerRow; r++) {
    const row = sheet.cells[r] ?? [];
    const c = row.findIndex((cell) => headerKey(cell?.value) === DATE_LABEL);
    if (c >= 0) return row[c + 1];
  }
  return undefined;
}

function columnsOf(sheet: ExistingSheet, headerRow: number, ours: ReadonlySet<string>) {
  const byKey = new Map<string, number>();
  const extras: { header: string; col: number }[] = [];
  (sheet.cells[headerRow] ?? []).forEach((cell, col) => {
    const header = typeof cell?.value === "string" ? cell.value.trim() : "";
    if (header === "") return;
    const key = headerKey(header);
    if (ours.has(key)) {
      if (!byKey.has(key)) byKey.set(key, col);
    } else extras.push({ header, col });
  });
  return { byKey, extras };
}

const TARGET_KEYS = new Set<string>(TARGET_COLUMNS.map((c) => c.key));

/** Reads 目标任务 as the user left it: rows keyed by 编号 wherever they were moved or sorted to. */
export function readTargetsSheet(sheet: ExistingSheet): ReadTargets | undefined {
  const headerRow = findHeader(sheet, ["编号", "实际值"]);
  if (headerRow === undefined) return undefined;
  const { byKey, extras } = columnsOf(sheet, headerRow, TARGET_KEYS);
  const rows: ReadTargetRow[] = [];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const get = (key: TargetColumn) => {
      const col = byKey.get(key);
      return col === undefined ? undefined : cellAt(sheet, r, col);
    };
    const official: Partial<Record<TargetColumn, RawCell>> = {};
    for (const def of TARGET_COLUMNS) {
      const cell = get(def.key);
      if (def.role === "official" && cell) official[def.key] = cell;
    }
    const inputs = { 实际值: get("实际值"), 上年值: get("上年值"), 备注: get("备注") };
    const extraCells = extras.map((e) => cellAt(sheet, r, e.col));
    const idCell = get("编号");
    const id =
      typeof idCell?.value === "string" || typeof idCell?.value === "number" ? String(idCell.value).trim() : "";
    const anyInput = [inputs.实际值, inputs.上年值, inputs.备注, ...extraCells].some(hasContent);
    if (id === "" && !anyInput) continue;
    rows.push({ id, official, inputs, extras: extraCells });
  }
  return {
    reportDate: findReportDate(sheet, headerRow),
    extraColumns: extras.map((e) => ({ header: e.header })),
    rows,
  };
}

const EXECUTION_KEYS = new Set(["领域", "预算数", "支出数", "执行率", "序时进度", "进度差", "差额", "核对"]);

/** Reads 预算执行: rows keyed by area, whatever order they are in. */
export function readExecutionSheet(sheet: ExistingSheet, index: EditionIndex): ReadExecution | undefined {
  const headerRow = findHeader(sheet, ["领域", "支出数"]);
  if (headerRow === undefined) return undefined;
  const { byKey, extras } = columnsOf(sheet, headerRow, EXECUTION_KEYS);
  const spentCol = byKey.get("支出数");
  const unit = spentCol === undefined ? undefined : headerUnit(sheet.cells[headerRow]?.[spentCol]?.value);
  const rows: ReadExecutionRow[] = [];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const get = (key: string) => {
      const col = byKey.get(key);
      return col === undefined ? undefined : cellAt(sheet, r, col);
    };
    const labelCell = get("领域");
    const label = typeof labelCell?.value === "string" ? labelCell.value.trim() : "";
    const spent = get("支出数");
    const extraCells = extras.map((e) => cellAt(sheet, r, e.col));
    if (label === "" && ![spent, ...extraCells].some(hasContent)) continue;
    rows.push({ area: areaOfLabel(label, index), label, budget: get("预算数"), spent, extras: extraCells });
  }
  return {
    reportDate: findReportDate(sheet, headerRow),
    unit,
    extraColumns: extras.map((e) => ({ header: e.header })),
    rows,
  };
}

/** The area a 领域 label names: "六、全力扩大有效投资" by its numeral, else by title through the engine. */
export function areaOfLabel(label: string, index: EditionIndex): number | undefined {
  if (label === "") return undefined;
  const m = /^([一二三四五六七八九十]+)[、.．]/.exec(label.normalize("NFKC"));
  if (m?.[1]) {
    const no = parseChineseNumeral(m[1]);
    return no !== undefined && index.area(no) ? no : undefined;
  }
  const area = findArea(index, label);
  return isCalcError(area) || typeof area === "string" ? undefined : area.no;
}

const title = (sheet: ExistingSheet) => {
  const a1 = sheet.cells[0]?.[0]?.value;
  return typeof a1 === "string" ? a1 : "";
};

/** Our sheet for a key: the one whose A1 title names it (【政策目标】月度填报 · …), else the one of that name. */
export function findSheet(sheets: readonly ExistingSheet[], key: string): ExistingSheet | undefined {
  return (
    sheets.find((s) => title(s).includes("政策目标") && title(s).includes(`】${key}`)) ??
    sheets.find((s) => s.name === key)
  );
}
