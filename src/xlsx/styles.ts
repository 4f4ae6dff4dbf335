import type JSZip from "jszip";
import { readPart, writePart, type XmlPart } from "./parts";
import { insertInOrder } from "./sheetOrder";
import { serialize, XmlElement } from "./xmlTree";

/** Built-in number formats (ECMA-376 §18.8.30) the product uses, by format code. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** Child order of `<styleSheet>` (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * The workbook's styles part, changed only when a patch needs a number format no cell format has yet: a new
 * `<xf>` is appended (existing indices, and so every other cell's look, stay as they are). Untouched otherwise,
 * so a refresh that sets no new format leaves styles.xml byte for byte.
 */
export class StylesPart {
  private doc: XmlPart | undefined;
  private changed = false;
  private readonly cache = new Map<string, number>();

  private constructor(
    private readonly zip: JSZip,
    private readonly part: string,
  ) {}

  static async open(zip: JSZip, part = "xl/styles.xml"): Promise<StylesPart> {
    const s = new StylesPart(zip, part);
    s.doc = await readPart(zip, part);
    return s;
  }

  private xfs(): XmlElement[] {
    return this.doc?.root.first("cellXfs")?.all("xf") ?? [];
  }

  /** The number format code of a cell format index. */
  formatOf(styleIndex: number): string {
    const xf = this.xfs()[styleIndex];
    const id = Number(xf?.get("numFmtId") ?? 0);
    const builtIn = Object.entries(BUILT_IN).find(([, n]) => n === id)?.[0];
    if (builtIn !== undefined) return builtIn;
    const fmt = this.doc?.root
      .first("numFmts")
      ?.all("numFmt")
      .find((f) => Number(f.get("numFmtId")) === id);
    return fmt?.get("formatCode") ?? "General";
  }

  /** A cell format index like `styleIndex` but with number format `code`: an existing one, or one appended. */
  withFormat(styleIndex: number, code: string): number {
    if (!this.doc || this.formatOf(styleIndex) === code) return styleIndex;
    const key = `${styleIndex}|${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = this.formatId(this.doc.root, code);
    const xfs = this.xfs();
    const base = xfs[styleIndex] ?? xfs[0];
    let found = -1;
    if (base) {
      const probe = XmlElement.copy(base);
      probe.set("numFmtId", String(id));
      probe.set("applyNumberFormat", "1");
      const text = serialize(probe);
      found = xfs.findIndex((x) => serialize(x) === text);
      if (found < 0) {
        const cellXfs = this.doc.root.first("cellXfs") as XmlElement;
        cellXfs.children.push(probe);
        cellXfs.set("count", String(xfs.length + 1));
        found = xfs.length;
        this.changed = true;
      }
    }
    const out = found < 0 ? styleIndex : found;
    this.cache.set(key, out);
    return out;
  }

  private formatId(root: XmlElement, code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let fmts = root.first("numFmts");
    const existing = fmts?.all("numFmt") ?? [];
    const hit = existing.find((f) => f.get("formatCode") === code);
    if (hit) return Number(hit.get("numFmtId"));
    const id = Math.max(163, ...existing.map((f) => Number(f.get("numFmtId")))) + 1;
    if (!fmts) {
      fmts = new XmlElement(prefixed(root, "numFmts"));
      insertInOrder(root, fmts, STYLESHEET_ORDER);
    }
    fmts.add("numFmt", [
      ["numFmtId", String(id)],
      ["formatCode", code],
    ]);
    fmts.set("count", String(existing.length + 1));
    this.changed = true;
    return id;
  }

  save(): boolean {
    if (this.changed && this.doc) writePart(this.zip, this.part, this.doc);
    return this.changed;
  }
}

/** A name with the prefix `parent` is written with (`x:numFmts` under `x:styleSheet`). */
function prefixed(parent: XmlElement, local: string): string {
  const i = parent.name.indexOf(":");
  return i < 0 ? local : `${parent.name.slice(0, i + 1)}${local}`;
}
