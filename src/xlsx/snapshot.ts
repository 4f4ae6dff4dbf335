import type JSZip from "jszip";
import type { RawCell } from "../workbook/cells";
import { sheetsToRead } from "../sheets/plan";
import type { ExistingSheet, WorkbookSnapshot } from "../workbook/snapshot";
import {
  readPart,
  readWorkbookIndex,
  relationships,
  stringItemText,
  type PackageSheetPart,
  type PackageTable,
} from "./parts";
import { SheetPart } from "./sheetPart";
import { entryText } from "./zipEntry";
import { BadPartError, REL_TYPE } from "./xml";
import { localName, parseNodes, scanTags, XmlElement, XmlSyntaxError } from "./xmlTree";

/**
 * Reads an .xlsx package into what the refresh planner takes (sheet names, workbook-scoped names, tables, and our
 * sheets' cells with values and formulas), plus where each of those lives in the package for the patcher.
 * Reads only; nothing is loaded into a spreadsheet model, so nothing the model does not know is lost.
 */

export { relationshipId, type PackageSheetPart, type PackageTable } from "./parts";

export interface FileSnapshot {
  readonly snapshot: WorkbookSnapshot;
  readonly sheets: readonly PackageSheetPart[];
  readonly tables: readonly PackageTable[];
  readonly sharedStrings: readonly string[];
  /** The worksheet parts read for the planner, split into rows, for the patcher to write into. */
  readonly sheetParts: Map<string, SheetPart>;
}

/**
 * The shared strings, as text only: each `<si>` is parsed alone and dropped, so a colleague's sheet of 200,000
 * unique strings costs the strings, not a tree of elements for them (throws BadPartError when the part is damaged).
 */
export async function readSharedStrings(zip: JSZip): Promise<string[]> {
  const rels = await relationships(zip, "xl/workbook.xml");
  const part = rels.find((r) => r.type === REL_TYPE.sharedStrings)?.target ?? "xl/sharedStrings.xml";
  const text = await entryText(zip, part);
  if (text === undefined) return [];
  const strings: string[] = [];
  let open = -1;
  try {
    scanTags(text, (tag) => {
      if (localName(tag.name) !== "si") return;
      if (tag.kind === "empty") strings.push("");
      else if (tag.kind === "open") open = tag.start;
      else if (open >= 0) {
        const si = parseNodes(text, open, tag.end)[0];
        strings.push(si instanceof XmlElement ? stringItemText(si) : "");
        open = -1;
      }
    });
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new BadPartError(part);
    throw error;
  }
  return strings;
}

/** `read()`, with XML that is not well-formed refused as the damaged part it is (BadPartError naming it). */
function inPart<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new BadPartError(part);
    throw error;
  }
}

/** A worksheet part split into rows (throws BadPartError naming the part when it is damaged). */
export async function readSheetPart(zip: JSZip, part: string): Promise<SheetPart | undefined> {
  const text = await entryText(zip, part);
  return text === undefined ? undefined : inPart(part, () => SheetPart.parse(text));
}

/**
 * The cells of a worksheet part read (throws BadPartError naming the part when its cells' text is damaged: a
 * reference to no character, an unknown entity, a tag left open inside a row).
 */
function sheetCells(sheet: SheetPart, part: string, shared: readonly string[]): RawCell[][] {
  return inPart(part, () => sheet.cells(shared));
}

/** Every cell of a worksheet part from A1, with its value and, for formulas, its formula with a leading "=". */
export async function readSheetCells(zip: JSZip, part: string, shared: readonly string[]): Promise<RawCell[][]> {
  const sheet = await readSheetPart(zip, part);
  return sheet ? sheetCells(sheet, part, shared) : [];
}

/** Names of the charts a sheet's drawing anchors (the graphic frames' names). */
async function chartNames(zip: JSZip, part: string): Promise<string[]> {
  const drawing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
  const doc = drawing ? await readPart(zip, drawing.target) : undefined;
  if (!doc) return [];
  const names: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (!(c instanceof XmlElement)) continue;
      if (c.localName === "graphicFrame") {
        const pr = c.first("nvGraphicFramePr")?.first("cNvPr");
        if (pr) names.push(pr.get("name") ?? "");
      } else walk(c);
    }
  };
  walk(doc.root);
  return names;
}

/** Sheets, names and tables of the package, and the cells of the sheets the planner asks for. */
export async function readFileSnapshot(zip: JSZip): Promise<FileSnapshot> {
  const { sheets, tables, base } = await readWorkbookIndex(zip);
  const sharedStrings = await readSharedStrings(zip);
  const read = new Map<string, ExistingSheet>();
  const sheetParts = new Map<string, SheetPart>();
  const charts: { name: string; sheet: string }[] = [];
  for (const name of sheetsToRead(base)) {
    const part = sheets.find((s) => s.name === name)?.part;
    const sheet = part ? await readSheetPart(zip, part) : undefined;
    if (part && sheet) {
      sheetParts.set(part, sheet);
      read.set(name, { name, cells: sheetCells(sheet, part, sharedStrings) });
    }
    if (part) for (const chart of await chartNames(zip, part)) charts.push({ name: chart, sheet: name });
  }
  return { snapshot: { ...base, charts, sheets: read }, sheets, tables, sharedStrings, sheetParts };
}
