import type { Document, Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BlockAdded, SheetPatch, WorkbookPatch } from "../workbook/patch";
import { FOOTER } from "../sheets/sheetBuilder";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../workbook/model";
import type { ApplyStats } from "./applyPatch";
import { relative, Transplant } from "./createSheets";
import { postProcess } from "./package";
import type { FileSnapshot } from "./snapshot";
import { splitAddress, WORKSHEET_ORDER } from "./sheetOrder";
import { applySpec } from "./write";
import { child, children, NS, parseXml, readXml, relationships, REL_TYPE, writeXml } from "./xml";
import { relsPath } from "./partPaths";

/**
 * The blocks of a layout upgrade on the file route (汇总's trends on a workbook made before them): their cells
 * were written by the patch; here they get their formats, merges, row heights, conditional formats, page breaks
 * and charts. The ExcelJS writer draws the block into a scratch package (as for created sheets), and its pieces
 * are copied into the sheet's part: cell formats re-indexed into the workbook's styles, chart parts under free
 * names, anchored in the sheet's drawing (the one it has, so the charts already there stay, or a new one).
 */
export async function addBlocks(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch, stats: ApplyStats) {
  for (const sheet of patch.sheets) {
    if (sheet.kind !== "patch" || !sheet.blocks?.length) continue;
    const part = file.sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) throw new Error(`sheet ${sheet.name} is not in the package`);
    for (const block of sheet.blocks) await addBlock(zip, part, sheet, block, stats);
  }
}

/** A sheet spec holding only the block (its cells from the patch), for the scratch writer. */
function scratchSheet(sheet: SheetPatch, block: BlockAdded): SheetSpec {
  const [, bottom] = block.rows;
  const cells: (CellSpec | undefined)[][] = Array.from({ length: bottom }, () => []);
  let columns = 1;
  for (const c of sheet.changes) {
    if (c.reason !== "layout") continue;
    const row = cells[c.row - 1];
    if (row) row[c.column - 1] = c.cell;
    columns = Math.max(columns, c.column);
  }
  return {
    key: sheet.key,
    name: sheet.name,
    cells: cells.map((row) => Array.from({ length: columns }, (_, i) => row[i])),
    columnWidths: [],
    rowHeights: new Map(block.rowHeights.map(([r, h]) => [r, h] as [number, number])),
    styles: block.styles,
    merges: block.merges,
    tables: [],
    validations: [],
    conditionalFormats: block.conditionalFormats,
    charts: block.charts,
    freeze: { rows: 0, columns: 0 },
    rowBreaks: block.rowBreaks,
    columnBreaks: [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, footer: FOOTER },
  };
}

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** Inserts `e` among the root's children after the last one that comes before it in the schema's order. */
function insertOrdered(root: Element, e: Element): void {
  const order: readonly string[] = WORKSHEET_ORDER;
  const rank = order.indexOf(e.localName ?? "");
  let after: Element | null = null;
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const r = order.indexOf((n as Element).localName ?? "");
    if (r >= 0 && r <= rank) after = n as Element;
  }
  root.insertBefore(e, after ? after.nextSibling : null);
}

function ensure(doc: Document, name: string): Element {
  const root = doc.documentElement as Element;
  const found = child(root, name);
  if (found) return found;
  const e = doc.createElementNS(NS.main, name);
  insertOrdered(root, e);
  return e;
}

function rowsOf(doc: Document): Map<number, Element> {
  const sheetData = child(doc.documentElement as Element, "sheetData");
  const out = new Map<number, Element>();
  for (const row of sheetData ? children(sheetData, "row") : []) out.set(Number(row.getAttribute("r")), row);
  return out;
}

function rowElement(doc: Document, rows: Map<number, Element>, r: number): Element {
  const found = rows.get(r);
  if (found) return found;
  const sheetData = ensure(doc, "sheetData");
  const row = doc.createElementNS(NS.main, "row");
  row.setAttribute("r", String(r));
  const after = [...rows.keys()].filter((k) => k > r).sort((a, b) => a - b)[0];
  sheetData.insertBefore(row, after === undefined ? null : (rows.get(after) ?? null));
  rows.set(r, row);
  return row;
}

function cellElement(doc: Document, row: Element, ref: string): Element {
  const [, col] = splitAddress(ref);
  let before: Element | null = null;
  for (const c of children(row, "c")) {
    const [, at] = splitAddress(c.getAttribute("r") ?? "");
    if (at === col) return c;
    if (at > col) {
      before = c;
      break;
    }
  }
  const c = doc.createElementNS(NS.main, "c");
  c.setAttribute("r", ref);
  row.insertBefore(c, before);
  row.removeAttribute("spans");
  return c;
}

async function addBlock(zip: JSZip, part: string, sheet: SheetPatch, block: BlockAdded, stats: ApplyStats) {
  const spec: WorkbookSpec = { editionId: "", generatedAt: "", sheets: [scratchSheet(sheet, block)], names: [] };
  const book = new ExcelJS.Workbook();
  applySpec(book, spec);
  const raw = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  const scratch = await JSZip.loadAsync(await postProcess(raw, spec));
  const scratchPart = (await relationships(scratch, "xl/workbook.xml")).find((r) => r.type === REL_TYPE.worksheet)
    ?.target as string;
  const from = (await readXml(scratch, scratchPart)) as Document;
  const doc = (await readXml(zip, part)) as Document;
  const root = doc.documentElement as Element;
  const t = new Transplant(zip, scratch, stats);
  await t.open();
  const [top, bottom] = block.rows;

  // Cell formats and row heights of the block's rows.
  const rows = rowsOf(doc);
  for (const [r, src] of rowsOf(from)) {
    if (r < top || r > bottom) continue;
    const row = rowElement(doc, rows, r);
    for (const a of ["ht", "customHeight"]) {
      const v = src.getAttribute(a);
      if (v !== null) row.setAttribute(a, v);
    }
    for (const c of children(src, "c")) {
      const s = c.getAttribute("s");
      if (s === null) continue;
      cellElement(doc, row, c.getAttribute("r") ?? "").setAttribute("s", String(t.xf(Number(s))));
    }
  }

  // Merges, conditional formats (their styles re-indexed, priorities after the sheet's own), page breaks.
  const merges = child(from.documentElement as Element, "mergeCells");
  if (merges && children(merges, "mergeCell").length > 0) {
    const target = ensure(doc, "mergeCells");
    for (const m of children(merges, "mergeCell")) target.appendChild(doc.importNode(m, true));
    target.setAttribute("count", String(children(target, "mergeCell").length));
  }
  let priority = Math.max(
    0,
    ...Array.from(doc.getElementsByTagNameNS(NS.main, "cfRule")).map((r) => Number(r.getAttribute("priority") ?? 0)),
  );
  for (const cf of children(from.documentElement as Element, "conditionalFormatting")) {
    const copy = doc.importNode(cf, true) as Element;
    for (const rule of children(copy, "cfRule")) {
      const d = rule.getAttribute("dxfId");
      if (d !== null) rule.setAttribute("dxfId", String(t.dxf(Number(d))));
      rule.setAttribute("priority", String(++priority));
    }
    insertOrdered(root, copy);
  }
  if (block.rowBreaks.length > 0) {
    const breaks = ensure(doc, "rowBreaks");
    const have = new Set(children(breaks, "brk").map((b) => b.getAttribute("id")));
    for (const row of block.rowBreaks) {
      // A break "before row r" is stored after row r − 1 (0-based id r − 1).
      if (have.has(String(row - 1))) continue;
      const brk = doc.createElementNS(NS.main, "brk");
      brk.setAttribute("id", String(row - 1));
      brk.setAttribute("max", "16383");
      brk.setAttribute("man", "1");
      breaks.appendChild(brk);
    }
    const all = children(breaks, "brk").sort((a, b) => Number(a.getAttribute("id")) - Number(b.getAttribute("id")));
    for (const b of all) breaks.appendChild(b);
    breaks.setAttribute("count", String(all.length));
    breaks.setAttribute("manualBreakCount", String(all.filter((b) => b.getAttribute("man") === "1").length));
  }

  if (block.charts.length > 0) await addCharts(zip, scratch, scratchPart, part, doc, t);
  writeXml(zip, part, doc);
  stats.partsChanged.push(part);
  t.saveStylesAndTypes();
}

/** The block's charts: copied, and anchored in the sheet's drawing (appended to it, or a new one). */
async function addCharts(zip: JSZip, scratch: JSZip, scratchPart: string, part: string, doc: Document, t: Transplant) {
  const scratchDrawing = (await relationships(scratch, scratchPart)).find((r) => r.type === REL_TYPE.drawing);
  if (!scratchDrawing) return;
  const existing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
  if (!existing) {
    const drawing = await t.related(scratchDrawing);
    const rels = (await readXml(zip, relsPath(part))) ?? emptyRels();
    const rid = t.relId(rels);
    const r = rels.createElementNS(NS.pkgRel, "Relationship");
    r.setAttribute("Id", rid);
    r.setAttribute("Type", REL_TYPE.drawing);
    r.setAttribute("Target", relative(part, drawing));
    (rels.documentElement as Element).appendChild(r);
    writeXml(zip, relsPath(part), rels);
    const e = doc.createElementNS(NS.main, "drawing");
    e.setAttributeNS(NS.rel, "r:id", rid);
    insertOrdered(doc.documentElement as Element, e);
    return;
  }
  const drawing = (await readXml(zip, existing.target)) as Document;
  const src = (await readXml(scratch, scratchDrawing.target)) as Document;
  const rels = (await readXml(zip, relsPath(existing.target))) ?? emptyRels();
  const srcRels = await relationships(scratch, scratchDrawing.target);
  const drawingRoot = drawing.documentElement as Element;
  let id = Math.max(
    1,
    ...Array.from(drawing.getElementsByTagNameNS(NS_XDR, "cNvPr")).map((e) => Number(e.getAttribute("id") ?? 0)),
  );
  for (const anchor of Array.from((src.documentElement as Element).childNodes)) {
    if (anchor.nodeType !== 1) continue;
    const copy = drawing.importNode(anchor, true) as Element;
    for (const pr of Array.from(copy.getElementsByTagNameNS(NS_XDR, "cNvPr"))) pr.setAttribute("id", String(++id));
    for (const ref of Array.from(copy.getElementsByTagNameNS(NS_CHART, "chart"))) {
      const old = ref.getAttributeNS(NS.rel, "id");
      const rel = srcRels.find((r) => r.id === old);
      if (!rel) continue;
      const chart = await t.related(rel);
      const rid = t.relId(rels);
      const r = rels.createElementNS(NS.pkgRel, "Relationship");
      r.setAttribute("Id", rid);
      r.setAttribute("Type", REL_TYPE.chart);
      r.setAttribute("Target", relative(existing.target, chart));
      (rels.documentElement as Element).appendChild(r);
      ref.setAttributeNS(NS.rel, "r:id", rid);
    }
    drawingRoot.appendChild(copy);
  }
  writeXml(zip, existing.target, drawing);
  writeXml(zip, relsPath(existing.target), rels);
}

function emptyRels(): Document {
  return parseXml(`<Relationships xmlns="${NS.pkgRel}"></Relationships>`, "rels");
}
