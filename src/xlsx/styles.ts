import type JSZip from "jszip";
import { WORKBOOK_FONT } from "../workbook/fonts";
import type { CellStyle, ConditionalFormatSpec } from "../workbook/model";
import { parsePart, readPart, writePart, type XmlPart } from "./parts";
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

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The workbook font as a `<font>`'s children (bold, italic, colour and size before it, as Excel writes them). */
function fontElement(style: Pick<CellStyle, "bold" | "italic" | "color" | "size">): XmlElement {
  const f = new XmlElement("font");
  if (style.bold) f.add("b");
  if (style.italic) f.add("i");
  if (style.color) f.add("color", [["rgb", argb(style.color)]]);
  f.add("sz", [["val", String(style.size ?? WORKBOOK_FONT.size)]]);
  f.add("name", [["val", WORKBOOK_FONT.name]]);
  f.add("family", [["val", String(WORKBOOK_FONT.family)]]);
  f.add("charset", [["val", String(WORKBOOK_FONT.charset)]]);
  return f;
}

/** "#1F4E78" → "FF1F4E78" (opaque ARGB, as SpreadsheetML writes colours). */
export const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * The styles part of a new package: the workbook font as the default (so every cell, bold or not, is set in it),
 * the two fills the schema reserves, no border, and the one plain cell format.
 */
export function emptyStylesXml(): string {
  const font = serialize(fontElement({}));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    `<fonts count="1">${font}</fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
    `</styleSheet>`
  );
}

/**
 * The workbook's styles part. A patch that needs a number format no cell format has yet appends a new `<xf>`
 * (existing indices, and so every other cell's look, stay as they are); a sheet written whole asks for the cell
 * format and the differential format (conditional formats) of each of its styles, found or appended the same way.
 * Untouched otherwise, so a refresh that sets no new format leaves styles.xml byte for byte.
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

  /** Whether the package has a styles part (a package without one gets {@link emptyStylesXml}). */
  get present(): boolean {
    return this.doc !== undefined;
  }

  /** Starts the part afresh from {@link emptyStylesXml} (for a package that had none). */
  create(): void {
    this.doc = parsePart(emptyStylesXml(), this.part);
    this.changed = true;
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

  /**
   * The cell format of a written cell: its style (font, fill, border, alignment), number format and protection,
   * an existing `<xf>` when one is equal, else appended with the font, fill and border it needs.
   */
  cellFormat(style: CellStyle | undefined, numFmt: string | undefined, unlocked = false): number {
    if (!this.doc) this.create();
    const key = `${JSON.stringify(style ?? {})}|${numFmt ?? ""}|${unlocked ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const root = (this.doc as XmlPart).root;
    const s = style ?? {};
    const xf = new XmlElement("xf");
    const numFmtId = numFmt === undefined ? 0 : this.formatId(root, numFmt);
    const hasFont = s.bold !== undefined || s.italic !== undefined || s.color !== undefined || s.size !== undefined;
    const fontId = hasFont ? this.unique(root, "fonts", fontElement(s)) : 0;
    const fillId = s.fill ? this.unique(root, "fills", solidFill(s.fill, "fgColor")) : 0;
    const borderId = s.border ? this.unique(root, "borders", thinBorder()) : 0;
    xf.set("numFmtId", numFmtId).set("fontId", fontId).set("fillId", fillId).set("borderId", borderId);
    xf.set("xfId", 0);
    if (numFmtId !== 0) xf.set("applyNumberFormat", 1);
    if (fontId !== 0) xf.set("applyFont", 1);
    if (fillId !== 0) xf.set("applyFill", 1);
    if (borderId !== 0) xf.set("applyBorder", 1);
    const alignment = alignmentElement(s);
    if (alignment) xf.set("applyAlignment", 1).children.push(alignment);
    if (unlocked) xf.set("applyProtection", 1).children.push(new XmlElement("protection", [["locked", "0"]]));
    const out = this.unique(root, "cellXfs", xf);
    this.cache.set(key, out);
    return out;
  }

  /** The differential format (`<dxf>`) of a conditional format's style. */
  differentialFormat(style: ConditionalFormatSpec["style"]): number {
    if (!this.doc) this.create();
    const key = `dxf|${JSON.stringify(style)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const dxf = new XmlElement("dxf");
    if (style.bold || style.italic || style.color) {
      const font = dxf.add("font");
      if (style.bold) font.add("b");
      if (style.italic) font.add("i");
      if (style.color) font.add("color", [["rgb", argb(style.color)]]);
    }
    if (style.fill) dxf.children.push(solidFill(style.fill, "bgColor"));
    const out = this.unique((this.doc as XmlPart).root, "dxfs", dxf);
    this.cache.set(key, out);
    return out;
  }

  /** The index of an element equal to `item` in a section of the stylesheet, appended (and counted) when absent. */
  private unique(root: XmlElement, section: string, item: XmlElement): number {
    let list = root.first(section);
    if (!list) {
      list = new XmlElement(prefixed(root, section));
      insertInOrder(root, list, STYLESHEET_ORDER);
    }
    const named = withPrefix(item, prefixed(root, ""));
    const items = list.all(item.localName);
    const text = serialize(named);
    const found = items.findIndex((x) => serialize(x) === text);
    if (found >= 0) return found;
    list.children.push(named);
    list.set("count", String(items.length + 1));
    this.changed = true;
    return items.length;
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

/** An element and its descendants named with a prefix (`x:`), for a stylesheet written with one. */
function withPrefix(e: XmlElement, prefix: string): XmlElement {
  if (prefix === "") return e;
  return new XmlElement(
    prefix + e.localName,
    e.attributes,
    e.children.map((c) => (c instanceof XmlElement ? withPrefix(c, prefix) : c)),
  );
}

function solidFill(hex: string, colour: "fgColor" | "bgColor"): XmlElement {
  const fill = new XmlElement("fill");
  fill.add("patternFill", [["patternType", "solid"]]).add(colour, [["rgb", argb(hex)]]);
  return fill;
}

/** Thin grey lines on the four edges. */
function thinBorder(): XmlElement {
  const border = new XmlElement("border");
  for (const edge of ["left", "right", "top", "bottom"]) {
    border.add(edge, [["style", "thin"]]).add("color", [["rgb", "FFBFBFBF"]]);
  }
  border.add("diagonal");
  return border;
}

function alignmentElement(s: CellStyle): XmlElement | undefined {
  if (!s.hAlign && !s.vAlign && !s.wrap && !s.vertical) return undefined;
  const a = new XmlElement("alignment");
  if (s.hAlign) a.set("horizontal", s.hAlign);
  if (s.vAlign) a.set("vertical", s.vAlign);
  // Stacked text: the rotation 255 of ECMA-376 §18.8.1.
  if (s.vertical) a.set("textRotation", 255);
  if (s.wrap) a.set("wrapText", 1);
  return a;
}
