/**
 * Validates every XML part of an .xlsx against the ECMA-376 transitional schemas (../shared/schemas/ooxml-transitional) with libxml2's xmllint, after
 * markup-compatibility processing as a consumer such as Excel does it: elements and attributes of namespaces the
 * part lists in mc:Ignorable are removed, mc:AlternateContent is replaced by its mc:Fallback, and the xml:space
 * Excel writes on <t> is tolerated.
 */
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { sharedPath } from "./shared";

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** The schemas as Ecma distributes them (see SOURCE.txt there), read from the shared folder. */
export const SCHEMA_DIR = sharedPath("schemas", "ooxml-transitional");

/** Root element (namespace + local name) → schema file. */
const SCHEMAS: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
};

function processMarkupCompatibility(root: Element): void {
  const ignorable = new Set<string>();
  const walk = (e: Element) => {
    const prefixes = e.getAttributeNS(MC, "Ignorable");
    for (const p of (prefixes ?? "").split(/\s+/).filter(Boolean)) {
      const ns = e.lookupNamespaceURI(p);
      if (ns) ignorable.add(ns);
    }
    for (let i = e.attributes.length - 1; i >= 0; i--) {
      const a = e.attributes.item(i);
      if (!a) continue;
      const ns = a.namespaceURI;
      const isSpace = a.name === "xml:space" && e.localName === "t";
      if (ns === MC || (ns !== null && ignorable.has(ns)) || isSpace) e.removeAttributeNode(a);
    }
    let n: Node | null = e.firstChild;
    while (n) {
      const next: Node | null = n.nextSibling;
      if (n.nodeType === 1) {
        const c = n as Element;
        if (c.namespaceURI === MC && c.localName === "AlternateContent") {
          const fallback = Array.from(c.childNodes).find(
            (x) => x.nodeType === 1 && (x as Element).localName === "Fallback",
          );
          for (const f of fallback ? Array.from(fallback.childNodes) : []) e.insertBefore(f, c);
          e.removeChild(c);
          // Walk what the fallback put in place (inserted before `next`, so reached below).
          n = next ?? null;
          continue;
        }
        if (c.namespaceURI !== null && ignorable.has(c.namespaceURI)) e.removeChild(c);
        else walk(c);
      }
      n = next;
    }
  };
  walk(root);
}

export interface SchemaResult {
  /** Parts validated, by schema. */
  readonly parts: readonly string[];
  /** xmllint's complaints, one per line, with the part's zip path. */
  readonly errors: readonly string[];
}

/** Validates every XML part of the package; parts of unknown vocabularies are errors too. */
export async function validatePackage(bytes: Uint8Array): Promise<SchemaResult> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = mkdtempSync(path.join(tmpdir(), "zc-xsd-"));
  const bySchema = new Map<string, { file: string; part: string }[]>();
  const errors: string[] = [];
  const parts: string[] = [];
  try {
    let i = 0;
    for (const entry of Object.values(zip.files)) {
      if (entry.dir || !/\.(xml|rels)$/.test(entry.name)) continue;
      // A Custom XML data part holds any vocabulary (ECMA-376 Part 1, §22.5): ours, the embedded edition, is
      // checked by its own reader; its properties part (itemProps) is validated below.
      if (/^customXml\/item\d+\.xml$/.test(entry.name)) continue;
      const doc = new DOMParser().parseFromString(await entry.async("string"), "text/xml");
      const root = doc.documentElement as Element | null;
      if (!root) {
        errors.push(`${entry.name}: not well-formed`);
        continue;
      }
      const schema = SCHEMAS[root.namespaceURI ?? ""];
      if (!schema) {
        errors.push(`${entry.name}: no schema for {${root.namespaceURI}}${root.localName}`);
        continue;
      }
      processMarkupCompatibility(root);
      const file = path.join(dir, `${i++}.xml`);
      writeFileSync(file, new XMLSerializer().serializeToString(doc));
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, part: entry.name }]);
      parts.push(entry.name);
    }
    for (const [schema, files] of bySchema) {
      const r = spawnSync(
        "xmllint",
        ["--noout", "--schema", path.join(SCHEMA_DIR, schema), ...files.map((f) => f.file)],
        {
          encoding: "utf8",
        },
      );
      if (r.error) throw r.error;
      for (const line of r.stderr.split("\n")) {
        if (line.trim() === "" || / validates$/.test(line)) continue;
        const f = files.find((x) => line.startsWith(x.file));
        errors.push(f ? line.replace(f.file, f.part) : line);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { parts, errors };
}

/** True when xmllint and the schemas are present; throws with install advice otherwise. */
export function requireXmllint(): boolean {
  if (!existsSync(SCHEMA_DIR)) throw new Error(`the OOXML schemas are missing: ${SCHEMA_DIR}`);
  if (spawnSync("xmllint", ["--version"]).status === 0) return true;
  if (process.env.ZC_SKIP_REAL_ENGINES === "1" && !process.env.CI) return false;
  throw new Error("xmllint is needed: install it with `sudo bash scripts/install-system-deps.sh` (libxml2-utils).");
}
