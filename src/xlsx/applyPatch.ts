import type { Document, Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { cellAddress, parseRange, quoteSheet, rangeAddress, type Box } from "../workbook/a1";
import type { CellChange, CachedResult, SheetPatch, TableGrowth, WorkbookPatch } from "../workbook/patch";
import { NA_RESULT, type CellSpec, type DefinedNameSpec, type Scalar } from "../workbook/model";
import type { FileSnapshot } from "./snapshot";
import { cellValue, splitAddress } from "./snapshot";
import { StylesPart } from "./styles";
import { child, children, NS, readXml, relationships, relsPath, REL_TYPE, writeXml } from "./xml";

/**
 * Applies a refresh patch to the parts of an .xlsx package: only the product sheets' worksheet parts, their table
 * parts, workbook.xml's names (when a marker changes), styles.xml (only when a new number format is needed) and the
 * calculation chain (deleted when formulas change, rather than left wrong). Every other part — users' sheets,
 * charts, pivots, macros, shared strings — is not touched at all. Strings are written inline, so the shared
 * string table other sheets index into stays as it was.
 */

/** What the applier did, for the bench and the tests. */
export interface ApplyStats {
  cellsWritten: number;
  resultsCached: number;
  partsChanged: string[];
}

/** A patch the file route cannot apply as asked (it would have to move the user's cells). */
export class FilePatchError extends Error {
  constructor(chinese: string, english: string) {
    super(`${chinese} / ${english}`);
    this.name = "FilePatchError";
  }
}

interface SheetDom {
  readonly doc: Document;
  readonly root: Element;
  readonly sheetData: Element;
  readonly rows: Map<number, Element>;
}

function openSheet(doc: Document): SheetDom {
  const root = doc.documentElement as Element;
  let sheetData = child(root, "sheetData");
  if (!sheetData) {
    sheetData = doc.createElementNS(NS.main, "sheetData");
    root.appendChild(sheetData);
  }
  const rows = new Map<number, Element>();
  let n = 0;
  for (const row of children(sheetData, "row")) {
    n = Number(row.getAttribute("r") ?? n + 1);
    rows.set(n, row);
  }
  return { doc, root, sheetData, rows };
}

function rowElement(sheet: SheetDom, r: number): Element {
  const found = sheet.rows.get(r);
  if (found) return found;
  const row = sheet.doc.createElementNS(NS.main, "row");
  row.setAttribute("r", String(r));
  const after = [...sheet.rows.keys()].filter((k) => k > r).sort((a, b) => a - b)[0];
  sheet.sheetData.insertBefore(row, after === undefined ? null : (sheet.rows.get(after) ?? null));
  sheet.rows.set(r, row);
  return row;
}

function cellElement(sheet: SheetDom, r: number, c: number, create: boolean): Element | undefined {
  const row = sheet.rows.get(r) ?? (create ? rowElement(sheet, r) : undefined);
  if (!row) return undefined;
  let col = 0;
  let before: Element | null = null;
  for (const cell of children(row, "c")) {
    const ref = cell.getAttribute("r");
    col = ref ? splitAddress(ref)[1] : col + 1;
    if (col === c) return cell;
    if (col > c) {
      before = cell;
      break;
    }
  }
  if (!create) return undefined;
  const cell = sheet.doc.createElementNS(NS.main, "c");
  cell.setAttribute("r", cellAddress(r, c));
  row.insertBefore(cell, before);
  // Cell extents of a row are a hint readers may trust; a cell outside them must not be missed.
  row.removeAttribute("spans");
  return cell;
}

function clear(c: Element): void {
  while (c.firstChild) c.removeChild(c.firstChild);
  c.removeAttribute("t");
}

function append(doc: Document, parent: Element, name: string, text?: string): Element {
  const e = doc.createElementNS(NS.main, name);
  if (text !== undefined) e.appendChild(doc.createTextNode(text));
  parent.appendChild(e);
  return e;
}

/** A formula's cached result: numbers as they are, booleans as 1/0, text (and blank) as a formula string. */
function writeResult(doc: Document, c: Element, result: Scalar | null | undefined): void {
  for (const v of children(c, "v")) c.removeChild(v);
  c.removeAttribute("t");
  if (typeof result === "number" && Number.isFinite(result)) {
    append(doc, c, "v", String(result));
  } else if (typeof result === "boolean") {
    c.setAttribute("t", "b");
    append(doc, c, "v", result ? "1" : "0");
  } else if (result === NA_RESULT) {
    c.setAttribute("t", "e");
    append(doc, c, "v", NA_RESULT);
  } else {
    c.setAttribute("t", "str");
    append(doc, c, "v", result === null || result === undefined ? "" : String(result));
  }
}

function writeCell(doc: Document, c: Element, spec: CellSpec): void {
  clear(c);
  if (spec.formula !== undefined) {
    append(doc, c, "f", spec.formula.replace(/^=/, ""));
    writeResult(doc, c, spec.result);
    return;
  }
  const value = spec.value;
  if (value === null || value === undefined || value === "") return;
  if (typeof value === "number") append(doc, c, "v", String(value));
  else if (typeof value === "boolean") {
    c.setAttribute("t", "b");
    append(doc, c, "v", value ? "1" : "0");
  } else {
    c.setAttribute("t", "inlineStr");
    const is = append(doc, c, "is");
    const t = append(doc, is, "t", value);
    if (/^\s|\s$|\n/.test(value)) t.setAttribute("xml:space", "preserve");
  }
}

/** Ranges of an sqref (space-separated), each grown when it ends on the table's old edge inside the table. */
export function growSqref(sqref: string, growth: Pick<TableGrowth, "from" | "to">): string {
  const from = parseRange(growth.from);
  const to = parseRange(growth.to);
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => {
      const box = parseRange(ref);
      let { bottom, right } = box;
      if (to.bottom > from.bottom && box.bottom === from.bottom && box.left >= from.left && box.right <= from.right)
        bottom = to.bottom;
      if (to.right > from.right && box.right === from.right && box.top >= from.top && box.bottom <= from.bottom)
        right = to.right;
      return bottom === box.bottom && right === box.right ? ref : rangeAddress(box.top, box.left, bottom, right);
    })
    .join(" ");
}

/** The `s` of the cell formats of new rows and columns come from the table's last row and column. */
function styleSource(change: CellChange, growths: readonly { from: Box; to: Box }[]): [number, number] | undefined {
  for (const { from, to } of growths) {
    const inCols = change.column >= from.left && change.column <= to.right;
    if (change.row > from.bottom && change.row <= to.bottom && inCols)
      return [from.bottom, Math.min(change.column, from.right)];
    if (change.column > from.right && change.column <= to.right && change.row >= from.top && change.row <= to.bottom)
      return [Math.min(change.row, from.bottom), from.right];
  }
  return undefined;
}

async function patchSheet(
  zip: JSZip,
  file: FileSnapshot,
  patch: SheetPatch,
  styles: StylesPart,
  stats: ApplyStats,
): Promise<boolean> {
  const part = file.sheets.find((s) => s.name === patch.name)?.part;
  if (!part) throw new Error(`sheet ${patch.name} is not in the package`);
  const doc = await readXml(zip, part);
  if (!doc) throw new Error(`part ${part} is missing`);
  const sheet = openSheet(doc);
  const growths = patch.tables.map((g) => ({ g, from: parseRange(g.from), to: parseRange(g.to) }));
  for (const { g } of growths) {
    if (g.insertsRows)
      throw new FilePatchError(
        `“${patch.name}”表格下方紧接着有内容,文件刷新不能在其中插入新目标的行(以免移动您的单元格);请把表格下方的内容下移几行后再刷新,或在 Excel 中用加载项刷新。`,
        `cells right below the table on "${patch.name}" hold content; a file refresh will not move them to append rows — move them down a few rows, or refresh in Excel with the add-in.`,
      );
  }
  for (const change of patch.changes) {
    const c = cellElement(sheet, change.row, change.column, true) as Element;
    if (c.getAttribute("s") === null) {
      const source = styleSource(change, growths);
      const s = source ? cellElement(sheet, source[0], source[1], false)?.getAttribute("s") : null;
      if (s) c.setAttribute("s", s);
    }
    writeCell(doc, c, change.cell);
    // A block's cells get their whole format (number format included) from addBlocks.
    if (change.cell.numFmt !== undefined && change.reason !== "layout") {
      const s = styles.withFormat(Number(c.getAttribute("s") ?? 0), change.cell.numFmt);
      if (s === 0) c.removeAttribute("s");
      else c.setAttribute("s", String(s));
    }
    stats.cellsWritten++;
  }
  for (const result of patch.results) writeCached(sheet, result, stats);
  for (const { g } of growths) {
    for (const tag of ["dataValidation", "conditionalFormatting"]) {
      for (const e of Array.from(doc.getElementsByTagNameNS(NS.main, tag))) {
        const sqref = e.getAttribute("sqref");
        if (sqref) e.setAttribute("sqref", growSqref(sqref, g));
      }
    }
    const header = (col: number): unknown => {
      const c = cellElement(sheet, parseRange(g.from).top, col, false);
      return c ? cellValue(c, file.sharedStrings) : undefined;
    };
    await growTable(zip, file, patch, g, header, stats);
  }
  if (patch.columnsAdded.length > 0) addColumnWidths(sheet, patch.columnsAdded);
  updateDimension(sheet);
  const changed = patch.changes.length > 0 || patch.results.length > 0 || patch.tables.length > 0;
  if (changed) {
    writeXml(zip, part, doc);
    stats.partsChanged.push(part);
  }
  return patch.changes.length > 0;
}

function writeCached(sheet: SheetDom, result: CachedResult, stats: ApplyStats): void {
  const c = cellElement(sheet, result.row, result.column, false);
  if (!c || !child(c, "f")) return;
  writeResult(sheet.doc, c, result.result);
  stats.resultsCached++;
}

async function growTable(
  zip: JSZip,
  file: FileSnapshot,
  patch: SheetPatch,
  growth: TableGrowth,
  headerAt: (column: number) => unknown,
  stats: ApplyStats,
): Promise<void> {
  const table = file.tables.find((t) => t.name.toLowerCase() === growth.table.toLowerCase());
  if (!table) throw new Error(`table ${growth.table} is not in the package`);
  const doc = await readXml(zip, table.part);
  if (!doc) return;
  const root = doc.documentElement as Element;
  root.setAttribute("ref", growth.to);
  const filter = child(root, "autoFilter");
  if (filter) filter.setAttribute("ref", growth.to);
  if (growth.columnsAdded > 0) {
    const from = parseRange(growth.from);
    const columns = child(root, "tableColumns") as Element;
    const existing = children(columns, "tableColumn");
    let id = Math.max(0, ...existing.map((t) => Number(t.getAttribute("id") ?? 0)));
    const names = new Set(existing.map((t) => (t.getAttribute("name") ?? "").toLowerCase()));
    for (let col = from.right + 1; col <= from.right + growth.columnsAdded; col++) {
      // The header as written now (the patch's, else the user's own header cell): a table column's name is its
      // header text, unique within the table.
      const written = patch.changes.find((c) => c.row === from.top && c.column === col)?.cell.value;
      const text = String(written ?? headerAt(col) ?? "").trim() || `列${col}`;
      let name = text;
      for (let n = 2; names.has(name.toLowerCase()); n++) name = `${text}${n}`;
      names.add(name.toLowerCase());
      const e = doc.createElementNS(NS.main, "tableColumn");
      e.setAttribute("id", String(++id));
      e.setAttribute("name", name);
      columns.appendChild(e);
    }
    columns.setAttribute("count", String(existing.length + growth.columnsAdded));
  }
  writeXml(zip, table.part, doc);
  stats.partsChanged.push(table.part);
}

function addColumnWidths(sheet: SheetDom, added: SheetPatch["columnsAdded"]): void {
  let cols = child(sheet.root, "cols");
  if (!cols) {
    cols = sheet.doc.createElementNS(NS.main, "cols");
    sheet.root.insertBefore(cols, sheet.sheetData);
  }
  const covered = (n: number) =>
    children(cols as Element, "col").some(
      (c) => Number(c.getAttribute("min")) <= n && Number(c.getAttribute("max")) >= n,
    );
  for (const a of added) {
    if (covered(a.column)) continue;
    const e = sheet.doc.createElementNS(NS.main, "col");
    e.setAttribute("min", String(a.column));
    e.setAttribute("max", String(a.column));
    e.setAttribute("width", String(a.width));
    e.setAttribute("customWidth", "1");
    const after = children(cols, "col").find((c) => Number(c.getAttribute("min")) > a.column);
    cols.insertBefore(e, after ?? null);
  }
}

function updateDimension(sheet: SheetDom): void {
  const dim = child(sheet.root, "dimension");
  if (!dim) return;
  let bottom = 0;
  let right = 0;
  let top = Infinity;
  let left = Infinity;
  for (const [r, row] of sheet.rows) {
    for (const c of children(row, "c")) {
      const [, col] = splitAddress(c.getAttribute("r") ?? "");
      if (col === 0) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  if (bottom > 0) dim.setAttribute("ref", rangeAddress(top, left, bottom, right));
}

/** Child order of `<workbook>` (CT_Workbook): definedNames goes after these. */
const BEFORE_NAMES = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
];

function namesElement(doc: Document): Element {
  const root = doc.documentElement as Element;
  const found = child(root, "definedNames");
  if (found) return found;
  const names = doc.createElementNS(NS.main, "definedNames");
  let after: Element | undefined;
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && BEFORE_NAMES.includes((n as Element).localName ?? "")) after = n as Element;
  }
  root.insertBefore(names, after ? after.nextSibling : root.firstChild);
  return names;
}

function setName(doc: Document, name: string, text: string): void {
  const names = namesElement(doc);
  let e = children(names, "definedName").find(
    (n) =>
      n.getAttribute("localSheetId") === null && (n.getAttribute("name") ?? "").toLowerCase() === name.toLowerCase(),
  );
  if (!e) {
    e = doc.createElementNS(NS.main, "definedName");
    e.setAttribute("name", name);
    // Names sort as Excel keeps them; placement does not matter to readers, order keeps diffs small.
    const after = children(names, "definedName").find((n) => (n.getAttribute("name") ?? "") > name);
    names.insertBefore(e, after ?? null);
  }
  e.setAttribute("hidden", "1");
  while (e.firstChild) e.removeChild(e.firstChild);
  e.appendChild(doc.createTextNode(text));
}

export function markerText(marker: DefinedNameSpec): string {
  return `"${marker.text.replace(/"/g, '""')}"`;
}

async function patchNames(zip: JSZip, patch: WorkbookPatch, stats: ApplyStats): Promise<void> {
  if (patch.markers.length === 0 && patch.references.length === 0) return;
  const doc = await readXml(zip, "xl/workbook.xml");
  if (!doc) return;
  for (const m of patch.markers) setName(doc, m.name, markerText(m));
  for (const r of patch.references) setName(doc, r.name, `${quoteSheet(r.sheet)}!${r.cell}`);
  writeXml(zip, "xl/workbook.xml", doc);
  stats.partsChanged.push("xl/workbook.xml");
}

/**
 * Removes the calculation chain: it lists formula cells in calculation order, and a chain that names a cell
 * without a formula makes Excel repair the file. Excel rebuilds it on the next save.
 */
export async function dropCalcChain(zip: JSZip, stats: ApplyStats): Promise<void> {
  const rels = await relationships(zip, "xl/workbook.xml");
  const chain = rels.find((r) => r.type === REL_TYPE.calcChain);
  if (!chain) return;
  zip.remove(chain.target);
  const relsDoc = await readXml(zip, relsPath("xl/workbook.xml"));
  if (relsDoc) {
    for (const r of children(relsDoc.documentElement as Element, "Relationship")) {
      if (r.getAttribute("Id") === chain.id) r.parentNode?.removeChild(r);
    }
    writeXml(zip, relsPath("xl/workbook.xml"), relsDoc);
  }
  const types = await readXml(zip, "[Content_Types].xml");
  if (types) {
    for (const o of children(types.documentElement as Element, "Override")) {
      if (o.getAttribute("PartName") === `/${chain.target}`) o.parentNode?.removeChild(o);
    }
    writeXml(zip, "[Content_Types].xml", types);
  }
  stats.partsChanged.push(chain.target, relsPath("xl/workbook.xml"), "[Content_Types].xml");
}

/** Applies the patch's changes to existing product sheets and names (sheet creation is `createSheets`). */
export async function applyPatchParts(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch): Promise<ApplyStats> {
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const stylesPart = (await relationships(zip, "xl/workbook.xml")).find((r) => r.type === REL_TYPE.styles)?.target;
  const styles = await StylesPart.open(zip, stylesPart ?? "xl/styles.xml");
  let cellsChanged = false;
  for (const sheet of patch.sheets) {
    if (sheet.kind !== "patch") continue;
    if (await patchSheet(zip, file, sheet, styles, stats)) cellsChanged = true;
  }
  if (styles.save()) stats.partsChanged.push(stylesPart ?? "xl/styles.xml");
  await patchNames(zip, patch, stats);
  if (cellsChanged) await dropCalcChain(zip, stats);
  return stats;
}
