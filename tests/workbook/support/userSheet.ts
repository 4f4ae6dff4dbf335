import { columnNumber, parseRange } from "../../../src/workbook/a1";
import type { FakeExcel } from "./fakeExcel";

/**
 * The user's own report sheet: the four kinds of reference people make into 目标任务 (a cell, a SUM over a column,
 * INDEX/MATCH by 编号, a structured reference), and a small evaluator for exactly those, so that a test can say
 * "this reference shows the same figure, of the same target, after the refresh".
 */
export const USER_SHEET = "我的报表";

export function addUserSheet(excel: FakeExcel, targets = "目标任务"): void {
  excel.addSheet(USER_SHEET);
  const t = `'${targets}'`;
  excel.set(USER_SHEET, "A1", `=${t}!J9`);
  excel.set(USER_SHEET, "A2", `=SUM(${t}!J5:J117)`);
  excel.set(USER_SHEET, "A3", `=INDEX(${t}!J:J,MATCH("art01-hitech-firms",${t}!A:A,0))`);
  excel.set(USER_SHEET, "A4", `=SUM(ZC_Targets[实际值])`);
  excel.set(USER_SHEET, "A5", `=${t}!A9`);
}

type Value = number | string | null;

const SHEET = String.raw`'((?:[^']|'')+)'`;

function numbers(values: readonly unknown[]): number {
  return values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
}

function columnValues(excel: FakeExcel, sheet: string, letter: string, top: number, bottom: number): unknown[] {
  const out: unknown[] = [];
  const grid = excel.grid(sheet);
  const c = columnNumber(letter) - 1;
  for (let r = top; r <= Math.min(bottom, grid.length); r++) out.push(grid[r - 1]?.[c] ?? null);
  return out;
}

/** The value a formula of the user's sheet shows (only the shapes addUserSheet writes). */
export function evaluate(excel: FakeExcel, address: string): Value {
  const formula = String(excel.get(USER_SHEET, address) ?? "");
  let m = new RegExp(String.raw`^=${SHEET}!([A-Z]+\d+)$`).exec(formula);
  if (m) {
    if (/#REF!/.test(formula)) return "#REF!";
    const v = excel.get((m[1] ?? "").replace(/''/g, "'"), m[2] ?? "A1");
    return typeof v === "number" || typeof v === "string" ? v : null;
  }
  if (/#REF!/.test(formula)) return "#REF!";
  m = new RegExp(String.raw`^=SUM\(${SHEET}!([A-Z]+)(\d+):([A-Z]+)(\d+)\)$`).exec(formula);
  if (m) {
    const sheet = (m[1] ?? "").replace(/''/g, "'");
    return numbers(columnValues(excel, sheet, m[2] ?? "A", Number(m[3]), Number(m[5])));
  }
  m = new RegExp(String.raw`^=INDEX\(${SHEET}!([A-Z]+):\2,MATCH\("([^"]+)",'(?:[^']|'')+'!([A-Z]+):\4,0\)\)$`).exec(
    formula,
  );
  if (m) {
    const sheet = (m[1] ?? "").replace(/''/g, "'");
    const keys = columnValues(excel, sheet, m[4] ?? "A", 1, 100_000);
    const r = keys.findIndex((k) => typeof k === "string" && k.toLowerCase() === (m?.[3] ?? "").toLowerCase());
    if (r < 0) return "#N/A";
    const v = columnValues(excel, sheet, m[2] ?? "A", r + 1, r + 1)[0];
    return typeof v === "number" || typeof v === "string" ? v : null;
  }
  m = /^=SUM\(([A-Za-z_]+)\[([^\]]+)\]\)$/.exec(formula);
  if (m) {
    const owner = excel.sheets.find((s) => s.tables.some((t) => t.name === m?.[1]));
    const table = owner?.tables.find((t) => t.name === m?.[1]);
    if (!owner || !table) return "#REF!";
    const box = parseRange(table.ref);
    const grid = excel.grid(owner.name);
    const header = grid[box.top - 1] ?? [];
    const c = header.findIndex((h, i) => i + 1 >= box.left && i + 1 <= box.right && h === m?.[2]);
    if (c < 0) return "#REF!";
    const values: unknown[] = [];
    for (let r = box.top + 1; r <= box.bottom; r++) values.push(grid[r - 1]?.[c] ?? null);
    return numbers(values);
  }
  throw new Error(`evaluate: unsupported formula ${formula}`);
}

/** What every reference of the user's sheet shows now. */
export function userFigures(excel: FakeExcel): Value[] {
  return ["A1", "A2", "A3", "A4", "A5"].map((a) => evaluate(excel, a));
}
