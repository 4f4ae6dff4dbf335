import type JSZip from "jszip";
import { parseRange } from "../workbook/a1";
import type { BlockAdded, SheetPatch, WorkbookPatch } from "../workbook/patch";
import type { CellStyle } from "../workbook/model";
import type { ApplyStats } from "./applyPatch";
import { SheetParts } from "./sheetParts";
import type { SheetPart } from "./sheetPart";
import { readSheetPart, type FileSnapshot } from "./snapshot";
import { insertInOrder, WORKSHEET_ORDER } from "./sheetOrder";
import { NS } from "./xml";
import { XmlElement } from "./xmlTree";
import { putPart } from "./putPart";

/**
 * The blocks of a layout upgrade on the file route (汇总's trends on a workbook made before them): their cells
 * were written by the patch; here they get their formats, row heights, merges, conditional formats, page breaks
 * and charts, written into the sheet's part by the same writer as a new sheet's (cell formats found or added in
 * the workbook's styles, chart parts under free names, anchored in the sheet's drawing — the one it has, so the
 * charts already there stay, or a new one). Rows outside the blocks keep their bytes.
 */
export async function addBlocks(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch, stats: ApplyStats) {
  const upgraded = patch.sheets.filter((s): s is SheetPatch => s.kind === "patch" && (s.blocks?.length ?? 0) > 0);
  if (upgraded.length === 0) return;
  const parts = await SheetParts.open(zip, stats);
  for (const sheet of upgraded) {
    const part = file.sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) throw new Error(`sheet ${sheet.name} is not in the package`);
    const written = file.sheetParts.get(part) ?? (await readSheetPart(zip, part));
    if (!written) throw new Error(`part ${part} is missing`);
    for (const block of sheet.blocks ?? []) await addBlock(parts, written, part, sheet, block);
    putPart(zip, part, written.toString());
    if (!stats.partsChanged.includes(part)) stats.partsChanged.push(part);
  }
  parts.save();
}

/** A child of the worksheet named with the root's prefix, found or inserted at its place in the schema's order. */
function ensure(root: XmlElement, local: string): XmlElement {
  const found = root.first(local);
  if (found) return found;
  const e = new XmlElement(prefixed(root, local));
  insertInOrder(root, e, WORKSHEET_ORDER);
  return e;
}

function prefixed(parent: XmlElement, local: string): string {
  const i = parent.name.indexOf(":");
  return i < 0 ? local : `${parent.name.slice(0, i + 1)}${local}`;
}

async function addBlock(parts: SheetParts, sheet: SheetPart, part: string, patch: SheetPatch, block: BlockAdded) {
  const [top, bottom] = block.rows;
  const root = sheet.root();

  // Cell formats: the block's style runs merged per cell (later runs win), with the number format of its cell.
  const styles = new Map<string, CellStyle>();
  for (const run of block.styles) {
    const box = parseRange(run.ref);
    for (let r = Math.max(box.top, top); r <= Math.min(box.bottom, bottom); r++)
      for (let c = box.left; c <= box.right; c++) styles.set(`${r}:${c}`, { ...styles.get(`${r}:${c}`), ...run.style });
  }
  const numFmts = new Map<string, string | undefined>();
  for (const c of patch.changes) {
    if (c.reason === "layout" && c.row >= top && c.row <= bottom) numFmts.set(`${c.row}:${c.column}`, c.cell.numFmt);
  }
  for (const key of new Set([...styles.keys(), ...numFmts.keys()])) {
    const [r, c] = key.split(":").map(Number) as [number, number];
    const s = parts.styles.cellFormat(styles.get(key), numFmts.get(key));
    if (s === 0) continue;
    sheet.cell(r, c, true)?.set("s", s);
    sheet.written(r);
  }
  for (const [r, height] of block.rowHeights) {
    sheet.row(r, true)?.set("ht", height).set("customHeight", 1);
    sheet.written(r);
  }

  if (block.merges.length > 0) {
    const merges = ensure(root, "mergeCells");
    for (const ref of block.merges) merges.add("mergeCell", [["ref", ref]]);
    merges.set("count", merges.all("mergeCell").length);
  }
  // Conditional formats: their priorities after the sheet's own.
  let priority = Math.max(
    0,
    ...root.all("conditionalFormatting").flatMap((cf) => cf.all("cfRule").map((r) => Number(r.get("priority") ?? 0))),
  );
  for (const cf of block.conditionalFormats) {
    const e = new XmlElement(prefixed(root, "conditionalFormatting"), [["sqref", cf.ref]]);
    e.add("cfRule", [
      ["type", "expression"],
      ["dxfId", String(parts.styles.differentialFormat(cf.style))],
      ["priority", String(++priority)],
    ]).add("formula", [], cf.formula);
    insertInOrder(root, e, WORKSHEET_ORDER);
  }
  if (block.rowBreaks.length > 0) {
    const breaks = ensure(root, "rowBreaks");
    const have = new Set(breaks.all("brk").map((b) => b.get("id")));
    // A break "before row r" is stored after row r − 1 (0-based id r − 1).
    for (const row of block.rowBreaks) {
      if (!have.has(String(row - 1)))
        breaks.add("brk", [
          ["id", String(row - 1)],
          ["max", "16383"],
          ["man", "1"],
        ]);
    }
    const all = breaks.all("brk").sort((a, b) => Number(a.get("id")) - Number(b.get("id")));
    breaks.children.splice(0, breaks.children.length, ...all);
    breaks.set("count", all.length).set("manualBreakCount", all.filter((b) => b.get("man") === "1").length);
  }

  const drawing = await parts.addCharts(part, patch.name, block.charts);
  if (drawing) {
    let prefix = root.attributes.find(([k, v]) => k.startsWith("xmlns:") && v === NS.rel)?.[0].slice(6);
    if (!prefix) root.set("xmlns:r", NS.rel);
    prefix ??= "r";
    insertInOrder(root, new XmlElement(prefixed(root, "drawing"), [[`${prefix}:id`, drawing]]), WORKSHEET_ORDER);
  }
}
