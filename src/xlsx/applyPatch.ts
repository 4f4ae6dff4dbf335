import type JSZip from "jszip";
import { parseRange, rangeAddress, type Box } from "../workbook/a1";
import type { CellChange, CachedResult, SheetPatch, TableGrowth, WorkbookPatch } from "../workbook/patch";
import type { CellSpec, WorkbookName } from "../workbook/model";
import { writeCell, writeResult } from "./cellXml";
import { readPart, relationships, stringItemText, writePart } from "./parts";
import { relsPath } from "./partPaths";
import { insertInOrder, WORKSHEET_ORDER } from "./sheetOrder";
import { SheetPart } from "./sheetPart";
import type { FileSnapshot } from "./snapshot";
import { readSheetPart } from "./snapshot";
import { StylesPart } from "./styles";
import { REL_TYPE } from "./xml";
import { XmlElement } from "./xmlTree";
import { putPart } from "./putPart";

/**
 * Applies a refresh patch to the parts of an .xlsx package: only the product sheets' worksheet parts, their table
 * parts, workbook.xml's names (when a marker changes), styles.xml (only when a new number format is needed) and the
 * calculation chain (deleted when formulas change, rather than left wrong). Every other part — users' sheets,
 * charts, pivots, macros, shared strings — is not touched at all. Strings are written inline, so the shared
 * string table other sheets index into stays as it was. Inside a sheet part only the rows holding a written cell
 * are serialized anew; every other row keeps its bytes (`SheetPart`).
 */

/** What the applier did, for the bench and the tests. */
export interface ApplyStats {
  cellsWritten: number;
  resultsCached: number;
  partsChanged: string[];
  /** Bytes of worksheet XML serialized anew (the rows written, and a sheet's skeleton when it changed). */
  sheetBytesRewritten?: number;
}

/** A patch the file route cannot apply as asked (it would have to move the user's cells). */
export class FilePatchError extends Error {
  constructor(chinese: string, english: string) {
    super(`${chinese} / ${english}`);
    this.name = "FilePatchError";
  }
}

/** The value a cell element shows (its header text, for a new table column's name). */
function shownValue(c: XmlElement, shared: readonly string[]): string | undefined {
  const type = c.get("t");
  if (type === "inlineStr") return stringItemText(c.first("is") ?? c);
  const v = c.first("v")?.text();
  if (v === undefined) return undefined;
  return type === "s" ? shared[Number(v)] : v;
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
  const sheet = file.sheetParts.get(part) ?? (await readSheetPart(zip, part));
  if (!sheet) throw new Error(`part ${part} is missing`);
  const growths = patch.tables.map((g) => ({ g, from: parseRange(g.from), to: parseRange(g.to) }));
  for (const { g } of growths) {
    if (g.insertsRows)
      throw new FilePatchError(
        `“${patch.name}”表格下方紧接着有内容,文件刷新不能在其中插入新目标的行(以免移动您的单元格);请把表格下方的内容下移几行后再刷新,或在 Excel 中用加载项刷新。`,
        `cells right below the table on "${patch.name}" hold content; a file refresh will not move them to append rows — move them down a few rows, or refresh in Excel with the add-in.`,
      );
  }
  for (const change of patch.changes) {
    const c = sheet.cell(change.row, change.column, true) as XmlElement;
    if (c.get("s") === undefined) {
      const source = styleSource(change, growths);
      const s = source ? sheet.cell(source[0], source[1], false)?.get("s") : undefined;
      if (s) c.set("s", s);
    }
    writeCell(c, change.cell);
    // A block's cells get their whole format (number format included) from addBlocks.
    if (change.cell.numFmt !== undefined && change.reason !== "layout") {
      const s = styles.withFormat(Number(c.get("s") ?? 0), change.cell.numFmt);
      c.set("s", s === 0 ? undefined : String(s));
    }
    sheet.written(change.row);
    stats.cellsWritten++;
  }
  for (const result of patch.results) writeCached(sheet, result, stats);
  for (const { g } of growths) {
    const root = sheet.root();
    const ranged = [
      ...root.all("conditionalFormatting"),
      ...(root.first("dataValidations")?.all("dataValidation") ?? []),
    ];
    for (const e of ranged) {
      const sqref = e.get("sqref");
      if (sqref) e.set("sqref", growSqref(sqref, g));
    }
    const header = (col: number): unknown => {
      const c = sheet.cell(parseRange(g.from).top, col, false);
      return c ? shownValue(c, file.sharedStrings) : undefined;
    };
    await growTable(zip, file, patch, g, header, stats);
  }
  if (patch.columnsAdded.length > 0) addColumnWidths(sheet, patch.columnsAdded);
  const changed = patch.changes.length > 0 || patch.results.length > 0 || patch.tables.length > 0;
  if (changed) {
    putPart(zip, part, sheet.toString());
    stats.partsChanged.push(part);
    stats.sheetBytesRewritten = (stats.sheetBytesRewritten ?? 0) + sheet.bytesRewritten();
  }
  return patch.changes.length > 0;
}

function writeCached(sheet: SheetPart, result: CachedResult, stats: ApplyStats): void {
  const c = sheet.cell(result.row, result.column, false);
  if (!c || !c.first("f")) return;
  writeResult(c, result.result);
  sheet.written(result.row);
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
  const doc = await readPart(zip, table.part);
  if (!doc) return;
  const root = doc.root;
  root.set("ref", growth.to);
  root.first("autoFilter")?.set("ref", growth.to);
  if (growth.columnsAdded > 0) {
    const from = parseRange(growth.from);
    const columns = root.first("tableColumns") as XmlElement;
    const existing = columns.all("tableColumn");
    let id = Math.max(0, ...existing.map((t) => Number(t.get("id") ?? 0)));
    const names = new Set(existing.map((t) => (t.get("name") ?? "").toLowerCase()));
    for (let col = from.right + 1; col <= from.right + growth.columnsAdded; col++) {
      // The header as written now (the patch's, else the user's own header cell): a table column's name is its
      // header text, unique within the table.
      const written = patch.changes.find((c) => c.row === from.top && c.column === col)?.cell.value;
      const text = String(written ?? headerAt(col) ?? "").trim() || `列${col}`;
      let name = text;
      for (let n = 2; names.has(name.toLowerCase()); n++) name = `${text}${n}`;
      names.add(name.toLowerCase());
      columns.add("tableColumn", [
        ["id", String(++id)],
        ["name", name],
      ]);
    }
    columns.set("count", String(existing.length + growth.columnsAdded));
  }
  writePart(zip, table.part, doc);
  stats.partsChanged.push(table.part);
}

function addColumnWidths(sheet: SheetPart, added: SheetPatch["columnsAdded"]): void {
  const root = sheet.root();
  let cols = root.first("cols");
  if (!cols) {
    cols = new XmlElement(prefixed(root, "cols"));
    insertInOrder(root, cols, WORKSHEET_ORDER);
  }
  const list = cols;
  const covered = (n: number) => list.all("col").some((c) => Number(c.get("min")) <= n && Number(c.get("max")) >= n);
  for (const a of added) {
    if (covered(a.column)) continue;
    const e = new XmlElement(prefixed(root, "col"), [
      ["min", String(a.column)],
      ["max", String(a.column)],
      ["width", String(a.width)],
      ["customWidth", "1"],
    ]);
    const after = list.children.findIndex((c) => c instanceof XmlElement && Number(c.get("min")) > a.column);
    list.children.splice(after < 0 ? list.children.length : after, 0, e);
  }
}

/** A name with the prefix `parent` is written with (`x:cols` under `x:worksheet`). */
function prefixed(parent: XmlElement, local: string): string {
  const i = parent.name.indexOf(":");
  return i < 0 ? local : `${parent.name.slice(0, i + 1)}${local}`;
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

export function namesElement(root: XmlElement): XmlElement {
  const found = root.first("definedNames");
  if (found) return found;
  const names = new XmlElement(prefixed(root, "definedNames"));
  let at = 0;
  root.children.forEach((n, i) => {
    if (n instanceof XmlElement && BEFORE_NAMES.includes(n.localName)) at = i + 1;
  });
  root.children.splice(at, 0, names);
  return names;
}

/**
 * Writes a defined name as declared (formula and, for ours, comment), workbook-scoped unless `localSheetId` says
 * which sheet it belongs to; hidden unless said otherwise (print titles are Excel's own, shown).
 */
export function setName(
  root: XmlElement,
  { name, formula, comment }: Pick<WorkbookName, "name" | "formula"> & { readonly comment?: string },
  scope: { readonly localSheetId?: number; readonly hidden?: boolean } = {},
): void {
  const names = namesElement(root);
  const local = scope.localSheetId === undefined ? undefined : String(scope.localSheetId);
  let e = names
    .all("definedName")
    .find((n) => n.get("localSheetId") === local && (n.get("name") ?? "").toLowerCase() === name.toLowerCase());
  if (!e) {
    e = new XmlElement(prefixed(root, "definedName"), [["name", name]]);
    if (local !== undefined) e.set("localSheetId", local);
    // Appended: placement does not matter to readers, and a new workbook lists its markers in its sheets' order.
    names.children.push(e);
  }
  if (comment !== undefined) e.set("comment", comment);
  if (scope.hidden ?? true) e.set("hidden", "1");
  e.children.length = 0;
  e.children.push(formula);
}

async function patchNames(zip: JSZip, patch: WorkbookPatch, stats: ApplyStats): Promise<void> {
  if (patch.names.length === 0) return;
  const doc = await readPart(zip, "xl/workbook.xml");
  if (!doc) return;
  for (const name of patch.names) setName(doc.root, name);
  writePart(zip, "xl/workbook.xml", doc);
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
  const relsDoc = await readPart(zip, relsPath("xl/workbook.xml"));
  if (relsDoc) {
    const list = relsDoc.root.children;
    relsDoc.root.children.splice(
      0,
      list.length,
      ...list.filter((r) => !(r instanceof XmlElement && r.get("Id") === chain.id)),
    );
    writePart(zip, relsPath("xl/workbook.xml"), relsDoc);
  }
  const types = await readPart(zip, "[Content_Types].xml");
  if (types) {
    const list = types.root.children;
    types.root.children.splice(
      0,
      list.length,
      ...list.filter((o) => !(o instanceof XmlElement && o.get("PartName") === `/${chain.target}`)),
    );
    writePart(zip, "[Content_Types].xml", types);
  }
  stats.partsChanged.push(chain.target, relsPath("xl/workbook.xml"), "[Content_Types].xml");
}

/** A cell written by {@link writeCells}, with the cell whose format (`s`) it takes when it has none of its own. */
export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly cell: CellSpec;
  /** [row, column] of the cell lending its format, e.g. the log's last row for the rows appended below it. */
  readonly formatOf?: readonly [number, number];
}

/**
 * Writes cells into a worksheet part with the patch's cell writer, outside any patch: an append-only log's new
 * rows (填报记录). Only the rows written are serialized anew; every other row keeps its bytes, so what a user
 * changed in the earlier rows (texts, formats, row heights) is not re-serialized.
 */
export function writeCells(sheet: SheetPart, cells: readonly PlacedCell[], stats: ApplyStats): void {
  for (const w of cells) {
    const c = sheet.cell(w.row, w.column, true) as XmlElement;
    if (c.get("s") === undefined && w.formatOf) {
      const s = sheet.cell(w.formatOf[0], w.formatOf[1], false)?.get("s");
      if (s) c.set("s", s);
    }
    writeCell(c, w.cell);
    sheet.written(w.row);
    stats.cellsWritten++;
  }
}

/** Applies the patch's changes to existing product sheets and names (sheet creation is `createSheets`). */
export async function applyPatchParts(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch): Promise<ApplyStats> {
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [], sheetBytesRewritten: 0 };
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
