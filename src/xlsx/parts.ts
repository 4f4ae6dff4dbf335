import JSZip from "jszip";
import { openWithinLimits, WORKBOOK_LIMITS, type PackageLimits } from "./packageLimits";
import { BadPartError } from "./xml";
import { parseNodes, serialize, XmlElement, XmlSyntaxError, type XmlNode } from "./xmlTree";
import { relsPath, resolvePart } from "./partPaths";

/**
 * The package and its XML parts, read and written through one tokenizer and serializer (`xmlTree`): a part is
 * parsed when a writer reads it and serialized only when it writes it back, so every part nobody changes keeps its
 * compressed bytes in the zip.
 */

/**
 * Opens an .xlsx package: the one place the file route turns bytes into a package, so limits on what a package
 * may hold are enforced for every command here (./packageLimits.ts: sizes before inflating, rows and cells).
 */
export async function openPackage(bytes: Uint8Array, limits: PackageLimits = WORKBOOK_LIMITS): Promise<JSZip> {
  return openWithinLimits(bytes, limits);
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
  const file = zip.file(part);
  return file ? parsePart(await file.async("string"), part) : undefined;
}

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** The text of a part: its declaration (Office's when it had none), then its root. */
export function partText(part: XmlPart): string {
  const nodes = part.nodes[0] instanceof XmlElement ? [{ raw: DECLARATION }, ...part.nodes] : part.nodes;
  return nodes.map((n) => serialize(n)).join("\n");
}

export function writePart(zip: JSZip, path: string, part: XmlPart): void {
  zip.file(path, partText(part));
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
