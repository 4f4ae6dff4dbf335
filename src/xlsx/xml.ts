import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { relsPath, resolvePart } from "./partPaths";

/**
 * The XML of package parts through a real parser (@xmldom/xmldom): parts are read as DOM documents, changed
 * through the DOM and serialized back — never spliced as text.
 */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  calcChain: `${NS.rel}/calcChain`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
} as const;

/** A part that is not well-formed XML: the package is damaged (the CLI names the user's file). */
export class BadPartError extends Error {
  constructor(readonly part: string) {
    super(
      `工作簿中的部件 ${part} 已损坏(不是有效的 XML)。 / The workbook part ${part} is damaged (not well-formed XML).`,
    );
    this.name = "BadPartError";
  }
}

export function parseXml(text: string, part: string): Document {
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") throw new Error(msg);
      },
    }).parseFromString(text, "text/xml");
    if (!doc.documentElement) throw new Error("empty");
    return doc;
  } catch {
    throw new BadPartError(part);
  }
}

export async function readXml(zip: JSZip, part: string): Promise<Document | undefined> {
  const file = zip.file(part);
  if (!file) return undefined;
  return parseXml(await file.async("string"), part);
}

/** Serializes a part, keeping the XML declaration Office writes. */
export function writeXml(zip: JSZip, part: string, doc: Document): void {
  const body = new XMLSerializer().serializeToString(doc).replace(/^<\?xml[^>]*\?>\s*/, "");
  zip.file(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
}

/** Child elements of `parent` with a local name, in document order. */
export function children(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

export function child(parent: Element, localName: string): Element | undefined {
  return children(parent, localName)[0];
}

/** The concatenated text of `<t>` descendants, skipping phonetic runs (`<rPh>`), as Excel shows a string item. */
export function stringItemText(si: Element): string {
  let out = "";
  const walk = (e: Element) => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.localName === "rPh" || el.localName === "phoneticPr") continue;
      if (el.localName === "t") out += el.textContent ?? "";
      else walk(el);
    }
  };
  walk(si);
  return out;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved to a zip path (external targets as written). */
  readonly target: string;
  readonly external: boolean;
}

export async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const doc = await readXml(zip, relsPath(part));
  if (!doc) return [];
  return children(doc.documentElement as Element, "Relationship").map((r) => {
    const external = r.getAttribute("TargetMode") === "External";
    const target = r.getAttribute("Target") ?? "";
    return {
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: external ? target : resolvePart(part, target),
      external,
    };
  });
}
