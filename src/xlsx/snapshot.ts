import type { Document, Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { columnNumber } from "../workbook/a1";
import type { RawCell } from "../workbook/cells";
import { sheetsToRead } from "../sheets/plan";

import { shiftFormula } from "../workbook/formulaShift";
import { child, children, readXml, relationships, REL_TYPE, stringItemText } from "./xml";
import type { TableRef, WorkbookSnapshot } from "../workbook/snapshot";
import type { ExistingSheet } from "../workbook/snapshot";

/**
 * Reads an .xlsx package into what the refresh planner takes (sheet names, workbook-scoped names, tables, and our
 * sheets' cells with values and formulas), plus where each of those lives in the package for the patcher.
 * Reads only; nothing is loaded into a spreadsheet model, so nothing the model does not know is lost.
 */

export interface PackageSheetPart {
  readonly name: string;
  /** Zip path, e.g. xl/worksheets/sheet3.xml. */
  readonly part: string;
  readonly sheetId: string;
  readonly state: string;
}

export interface PackageTable extends TableRef {
  readonly ref: string;
  readonly part: string;
}

export interface FileSnapshot {
  readonly snapshot: WorkbookSnapshot;
  readonly sheets: readonly PackageSheetPart[];
  readonly tables: readonly PackageTable[];
  readonly sharedStrings: readonly string[];
}

export async function readSharedStrings(zip: JSZip): Promise<string[]> {
  const rels = await relationships(zip, "xl/workbook.xml");
  const part = rels.find((r) => r.type === REL_TYPE.sharedStrings)?.target ?? "xl/sharedStrings.xml";
  const doc = await readXml(zip, part);
  if (!doc) return [];
  return children(doc.documentElement as Element, "si").map(stringItemText);
}

/** A cell address split: "K12" → [12, 11]. */
export function splitAddress(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return [0, 0];
  return [Number(m[2]), columnNumber(m[1] ?? "A")];
}

/** The value a `<c>` element holds, as a host reads it (shared and inline strings resolved). */
export function cellValue(c: Element, shared: readonly string[]): unknown {
  const t = c.getAttribute("t") ?? "n";
  if (t === "inlineStr") {
    const is = child(c, "is");
    return is ? stringItemText(is) : "";
  }
  const v = child(c, "v");
  if (!v) return null;
  const text = v.textContent ?? "";
  switch (t) {
    case "s":
      return shared[Number(text)] ?? "";
    case "str":
    case "e":
      return text;
    case "b":
      return text === "1" || text.toLowerCase() === "true";
    case "d":
      return new Date(text);
    default:
      return text === "" ? null : Number(text);
  }
}

/**
 * Every cell of a worksheet part from A1, with its value and, for formulas, its formula with a leading "=".
 * Shared formulas (Excel writes them when a user fills down) are expanded for each cell.
 */
export function readSheetCells(doc: Document, shared: readonly string[]): RawCell[][] {
  const sheetData = child(doc.documentElement as Element, "sheetData");
  const cells: RawCell[][] = [];
  if (!sheetData) return cells;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let rowNo = 0;
  for (const row of children(sheetData, "row")) {
    rowNo = Number(row.getAttribute("r") ?? rowNo + 1);
    let colNo = 0;
    const out: RawCell[] = [];
    for (const c of children(row, "c")) {
      const ref = c.getAttribute("r");
      colNo = ref ? splitAddress(ref)[1] : colNo + 1;
      const value = cellValue(c, shared);
      const f = child(c, "f");
      let formula: string | undefined;
      if (f) {
        const text = f.textContent ?? "";
        const si = f.getAttribute("si");
        if (f.getAttribute("t") === "shared" && si !== null) {
          if (text !== "") masters.set(si, { formula: text, row: rowNo, col: colNo });
          const master = masters.get(si);
          formula = master ? shiftFormula(master.formula, rowNo - master.row, colNo - master.col) : undefined;
        } else if (text !== "") formula = text;
      }
      out[colNo - 1] = formula === undefined ? { value } : { value, formula: `=${formula}` };
    }
    for (let i = 0; i < out.length; i++) out[i] ??= { value: null };
    cells[rowNo - 1] = out;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return cells;
}

/** Names of the charts a sheet's drawing anchors (the graphic frames' names). */
async function chartNames(zip: JSZip, part: string): Promise<string[]> {
  const drawing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
  const doc = drawing ? await readXml(zip, drawing.target) : undefined;
  if (!doc) return [];
  return Array.from(doc.getElementsByTagNameNS(DRAWING_NS, "graphicFrame")).flatMap((frame) => {
    const pr = Array.from(frame.getElementsByTagNameNS(DRAWING_NS, "cNvPr"))[0];
    return pr ? [pr.getAttribute("name") ?? ""] : [];
  });
}

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Sheets, names and tables of the package, and the cells of the sheets the planner asks for. */
export async function readFileSnapshot(zip: JSZip): Promise<FileSnapshot> {
  const workbook = await readXml(zip, "xl/workbook.xml");
  if (!workbook) throw new Error("no xl/workbook.xml");
  const root = workbook.documentElement as Element;
  const rels = await relationships(zip, "xl/workbook.xml");
  const sheets: PackageSheetPart[] = [];
  for (const s of children(child(root, "sheets") ?? root, "sheet")) {
    const rid = s.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id") ?? "";
    const rel = rels.find((r) => r.id === rid);
    // Chartsheets and dialog sheets have no cells of ours: listed by name (a name is taken), never read.
    sheets.push({
      name: s.getAttribute("name") ?? "",
      part: rel?.type === REL_TYPE.worksheet ? rel.target : "",
      sheetId: s.getAttribute("sheetId") ?? "",
      state: s.getAttribute("state") ?? "visible",
    });
  }
  const definedNames = children(child(root, "definedNames") ?? root, "definedName")
    .filter((n) => n.getAttribute("localSheetId") === null)
    .map((n) => ({ name: n.getAttribute("name") ?? "", value: n.textContent ?? "" }));
  const tables: PackageTable[] = [];
  for (const sheet of sheets) {
    if (sheet.part === "") continue;
    for (const rel of await relationships(zip, sheet.part)) {
      if (rel.type !== REL_TYPE.table) continue;
      const doc = await readXml(zip, rel.target);
      const t = doc?.documentElement as Element | undefined;
      if (!t) continue;
      tables.push({
        name: t.getAttribute("displayName") ?? t.getAttribute("name") ?? "",
        sheet: sheet.name,
        ref: t.getAttribute("ref") ?? "",
        part: rel.target,
      });
    }
  }
  const base: WorkbookSnapshot = {
    sheetNames: sheets.map((s) => s.name),
    definedNames,
    tables: tables.map(({ name, sheet, ref }) => ({ name, sheet, ref })),
  };
  const sharedStrings = await readSharedStrings(zip);
  const read = new Map<string, ExistingSheet>();
  const charts: { name: string; sheet: string }[] = [];
  for (const name of sheetsToRead(base)) {
    const part = sheets.find((s) => s.name === name)?.part;
    const doc = part ? await readXml(zip, part) : undefined;
    if (doc) read.set(name, { name, cells: readSheetCells(doc, sharedStrings) });
    if (part) for (const chart of await chartNames(zip, part)) charts.push({ name: chart, sheet: name });
  }
  return { snapshot: { ...base, charts, sheets: read }, sheets, tables, sharedStrings };
}
