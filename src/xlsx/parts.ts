import JSZip from "jszip";
import { sheetsToRead } from "../sheets/plan";
import type { TableRef, WorkbookSnapshot } from "../workbook/snapshot";
import { openWithinLimits, WORKBOOK_LIMITS, type PackageLimits } from "./packageLimits";
import { BadPartError, REL_TYPE } from "./xml";
import { parseNodes, serialize, XmlElement, XmlSyntaxError, type XmlNode } from "./xmlTree";
import { relsPath, resolvePart } from "./partPaths";
import { putPart } from "./putPart";
import { entryText } from "./zipEntry";

/**
 * The package and its XML parts, read and written through one tokenizer and serializer (`xmlTree`): a part is
 * parsed when a writer reads it and serialized only when it writes it back, so every part nobody changes keeps its
 * compressed bytes in the zip.
 */

/**
 * Opens an .xlsx package: the one place the file route turns bytes into a package, so limits on what a package
 * may hold are enforced for every command here (./packageLimits.ts: sizes before inflating, rows and cells). Rows
 * and cells are limited on the product's sheets only (by default): a colleague's own sheets are never parsed.
 */
export async function openPackage(bytes: Uint8Array, limits: PackageLimits = WORKBOOK_LIMITS): Promise<JSZip> {
  return openWithinLimits(bytes, limits, productSheetParts);
}

export interface PackageSheetPart {
  readonly name: string;
  /** Zip path, e.g. xl/worksheets/sheet3.xml; "" for a chartsheet or dialog sheet. */
  readonly part: string;
  readonly sheetId: string;
  readonly state: string;
}

export interface PackageTable extends TableRef {
  readonly ref: string;
  readonly part: string;
}

/** What the workbook part, its relationships and the tables say: sheets, workbook-scoped names and tables. */
export interface WorkbookIndex {
  readonly sheets: readonly PackageSheetPart[];
  readonly tables: readonly PackageTable[];
  /** Sheet names, names and tables, as the planner takes them (no cells yet). */
  readonly base: WorkbookSnapshot;
}

/** The relationship id of an element (`r:id`, whatever the prefix). */
export function relationshipId(e: XmlElement): string {
  for (const [k, v] of e.attributes) if (k.endsWith(":id")) return v;
  return "";
}

/** Reads the workbook's index: no worksheet part is read. */
export async function readWorkbookIndex(zip: JSZip): Promise<WorkbookIndex> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  if (!workbook) throw new Error("no xl/workbook.xml");
  const root = workbook.root;
  const rels = await relationships(zip, "xl/workbook.xml");
  const sheets: PackageSheetPart[] = [];
  for (const s of root.first("sheets")?.all("sheet") ?? []) {
    const rel = rels.find((r) => r.id === relationshipId(s));
    // Chartsheets and dialog sheets have no cells of ours: listed by name (a name is taken), never read.
    sheets.push({
      name: s.get("name") ?? "",
      part: rel?.type === REL_TYPE.worksheet ? rel.target : "",
      sheetId: s.get("sheetId") ?? "",
      state: s.get("state") ?? "visible",
    });
  }
  const definedNames = (root.first("definedNames")?.all("definedName") ?? [])
    .filter((n) => n.get("localSheetId") === undefined)
    .map((n) => ({ name: n.get("name") ?? "", value: n.text() }));
  const tables: PackageTable[] = [];
  for (const sheet of sheets) {
    if (sheet.part === "") continue;
    for (const rel of await relationships(zip, sheet.part)) {
      if (rel.type !== REL_TYPE.table) continue;
      const t = (await readPart(zip, rel.target))?.root;
      if (!t) continue;
      tables.push({
        name: t.get("displayName") ?? t.get("name") ?? "",
        sheet: sheet.name,
        ref: t.get("ref") ?? "",
        part: rel.target,
      });
    }
  }
  const base: WorkbookSnapshot = {
    sheetNames: sheets.map((s) => s.name),
    definedNames,
    tables: tables.map(({ name, sheet, ref }) => ({ name, sheet, ref })),
  };
  return { sheets, tables, base };
}

/** The worksheet parts of the product's sheets (by names, markers and tables: sheets/identity.ts). */
export async function productSheetParts(zip: JSZip): Promise<Set<string>> {
  const { sheets, base } = await readWorkbookIndex(zip);
  const parts = new Set<string>();
  for (const name of sheetsToRead(base)) {
    const part = sheets.find((s) => s.name === name)?.part;
    if (part) parts.add(part);
  }
  return parts;
}

/** The package's bytes: parts never written keep their compressed data; written ones are deflated. */
export async function savePackage(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A part's nodes (declaration, root) and its root element. */
export interface XmlPart {
  readonly nodes: XmlNode[];
  readonly root: XmlElement;
}

/** Parses a part's text (throws {@link BadPartError} naming the part when it is not well-formed). */
export function parsePart(text: string, part: string): XmlPart {
  try {
    const nodes = parseNodes(text);
    const root = nodes.find((n): n is XmlElement => n instanceof XmlElement);
    if (!root) throw new XmlSyntaxError("no root element", 0);
    return { nodes, root };
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new BadPartError(part);
    throw error;
  }
}

export async function readPart(zip: JSZip, part: string): Promise<XmlPart | undefined> {
  const text = await entryText(zip, part);
  return text === undefined ? undefined : parsePart(text, part);
}

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** The text of a part: its declaration (Office's when it had none), then its root. */
export function partText(part: XmlPart): string {
  const nodes = part.nodes[0] instanceof XmlElement ? [{ raw: DECLARATION }, ...part.nodes] : part.nodes;
  return nodes.map((n) => serialize(n)).join("\n");
}

export function writePart(zip: JSZip, path: string, part: XmlPart): void {
  putPart(zip, path, partText(part));
}

/** A new part with a root element (and its default namespace). */
export function newPart(root: string, namespace: string): XmlPart {
  const e = new XmlElement(root, [["xmlns", namespace]]);
  return { nodes: [{ raw: DECLARATION }, e], root: e };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved to a zip path (external targets as written). */
  readonly target: string;
  readonly external: boolean;
}

export async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const rels = await readPart(zip, relsPath(part));
  if (!rels) return [];
  return rels.root.all("Relationship").map((r) => {
    const external = r.get("TargetMode") === "External";
    const target = r.get("Target") ?? "";
    return {
      id: r.get("Id") ?? "",
      type: r.get("Type") ?? "",
      target: external ? target : resolvePart(part, target),
      external,
    };
  });
}

/** The concatenated text of `<t>` descendants, skipping phonetic runs (`<rPh>`), as Excel shows a string item. */
export function stringItemText(si: XmlElement): string {
  let out = "";
  for (const c of si.children) {
    if (!(c instanceof XmlElement) || c.localName === "rPh" || c.localName === "phoneticPr") continue;
    out += c.localName === "t" ? c.text() : stringItemText(c);
  }
  return out;
}
