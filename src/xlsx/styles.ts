import type { Document, Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { child, children, NS, readXml, writeXml } from "./xml";

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

/**
 * The workbook's styles part, changed only when a patch needs a number format no cell format has yet: a new
 * `<xf>` is appended (existing indices, and so every other cell's look, stay as they are). Untouched otherwise,
 * so a refresh that sets no new format leaves styles.xml byte for byte.
 */
export class StylesPart {
  private doc: Document | undefined;
  private changed = false;
  private readonly cache = new Map<string, number>();

  private constructor(
    private readonly zip: JSZip,
    private readonly part: string,
  ) {}

  static async open(zip: JSZip, part = "xl/styles.xml"): Promise<StylesPart> {
    const s = new StylesPart(zip, part);
    s.doc = await readXml(zip, part);
    return s;
  }

  private xfs(): Element[] {
    const root = this.doc?.documentElement as Element | undefined;
    const cellXfs = root ? child(root, "cellXfs") : undefined;
    return cellXfs ? children(cellXfs, "xf") : [];
  }

  /** The number format code of a cell format index. */
  formatOf(styleIndex: number): string {
    const xf = this.xfs()[styleIndex];
    const id = Number(xf?.getAttribute("numFmtId") ?? 0);
    const builtIn = Object.entries(BUILT_IN).find(([, n]) => n === id)?.[0];
    if (builtIn !== undefined) return builtIn;
    const root = this.doc?.documentElement as Element | undefined;
    const fmts = root ? child(root, "numFmts") : undefined;
    const fmt = fmts ? children(fmts, "numFmt").find((f) => Number(f.getAttribute("numFmtId")) === id) : undefined;
    return fmt?.getAttribute("formatCode") ?? "General";
  }

  /** A cell format index like `styleIndex` but with number format `code`: an existing one, or one appended. */
  withFormat(styleIndex: number, code: string): number {
    if (!this.doc || this.formatOf(styleIndex) === code) return styleIndex;
    const key = `${styleIndex}|${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const root = this.doc.documentElement as Element;
    const id = this.formatId(root, code);
    const xfs = this.xfs();
    const base = xfs[styleIndex] ?? xfs[0];
    let found = -1;
    if (base) {
      const probe = base.cloneNode(true) as Element;
      probe.setAttribute("numFmtId", String(id));
      probe.setAttribute("applyNumberFormat", "1");
      found = xfs.findIndex((x) => x.toString() === probe.toString());
      if (found < 0) {
        const cellXfs = child(root, "cellXfs") as Element;
        cellXfs.appendChild(probe);
        cellXfs.setAttribute("count", String(xfs.length + 1));
        found = xfs.length;
        this.changed = true;
      }
    }
    const out = found < 0 ? styleIndex : found;
    this.cache.set(key, out);
    return out;
  }

  private formatId(root: Element, code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let fmts = child(root, "numFmts");
    const existing = fmts ? children(fmts, "numFmt") : [];
    const hit = existing.find((f) => f.getAttribute("formatCode") === code);
    if (hit) return Number(hit.getAttribute("numFmtId"));
    const id = Math.max(163, ...existing.map((f) => Number(f.getAttribute("numFmtId")))) + 1;
    if (!fmts) {
      fmts = (this.doc as Document).createElementNS(NS.main, "numFmts");
      root.insertBefore(fmts, root.firstChild);
    }
    const fmt = (this.doc as Document).createElementNS(NS.main, "numFmt");
    fmt.setAttribute("numFmtId", String(id));
    fmt.setAttribute("formatCode", code);
    fmts.appendChild(fmt);
    fmts.setAttribute("count", String(existing.length + 1));
    this.changed = true;
    return id;
  }

  save(): boolean {
    if (this.changed && this.doc) writeXml(this.zip, this.part, this.doc);
    return this.changed;
  }
}
