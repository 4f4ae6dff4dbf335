import { cellAddress, parseRange, rangeAddress } from "../workbook/a1";
import type { RawCell } from "../workbook/cells";
import { parseKept, utf8Length, writeKept, type KeptElement } from "./keptElement";
import { readCells } from "./sheetCells";
import { insertInOrder, splitAddress, WORKSHEET_ORDER } from "./sheetOrder";
import { localName, scanTags, serialize, tagAttribute, TagCursor, XmlElement, XmlSyntaxError } from "./xmlTree";

/**
 * A worksheet part as the file writer patches it: the rows of `<sheetData>` as the byte spans they were written
 * in, parsed only when a cell of theirs is written; everything around `<sheetData>` (the skeleton: dimension,
 * columns, merges, conditional formats, validations, page setup…) parsed only when something there changes. A
 * patch rewrites the rows it touches and leaves every other byte of the part as it was.
 */

interface RowSlot {
  readonly r: number;
  /** The row as written (absent for a new row). */
  readonly raw?: string;
  /** The row parsed, once a cell of it is read or written. */
  element?: XmlElement;
  /** The bytes its cells were written as, for writing back the cells nobody changed as they were. */
  kept?: KeptElement;
  /** True once a cell of it is written: the row is then serialized anew, else kept as written. */
  dirty: boolean;
}

/** The span of `<sheetData>` in a worksheet part's text. */
interface SheetDataSpan {
  /** Start of the `<sheetData` tag. */
  readonly start: number;
  /** Start of the rows (after the open tag), or -1 for `<sheetData/>`. */
  readonly contentStart: number;
  /** End of the rows (start of `</sheetData>`), or -1. */
  readonly contentEnd: number;
  /** After `</sheetData>` (or `<sheetData/>`). */
  readonly end: number;
  /** The element name as written (`sheetData`, or `x:sheetData` with a prefix). */
  readonly name: string;
}

/** Finds `<sheetData>` among the root's children and the spans of its rows. */
function split(text: string): { data: SheetDataSpan | undefined; rows: RowSlot[] } {
  let depth = 0;
  let data: SheetDataSpan | undefined;
  let dataStart = -1;
  let dataName = "";
  let contentStart = -1;
  const rows: RowSlot[] = [];
  let rowStart = -1;
  let rowNo = 0;
  let rowR: string | undefined;
  // Every tag of every row passes by: a cursor, so nothing is built for the tags that are only passed over.
  const tags = new TagCursor(text);
  while (tags.next()) {
    if (tags.kind === "close") {
      depth--;
      if (depth === 2 && rowStart >= 0 && tags.is("row")) {
        rows.push({ r: rowNo, raw: text.slice(rowStart, tags.end), dirty: false });
        rowStart = -1;
      } else if (depth === 1 && dataStart >= 0 && data === undefined) {
        data = { start: dataStart, contentStart, contentEnd: tags.start, end: tags.end, name: dataName };
        break;
      }
      continue;
    }
    if (depth === 1 && tags.is("sheetData")) {
      dataStart = tags.start;
      dataName = tags.name;
      if (tags.kind === "empty") {
        data = { start: tags.start, contentStart: -1, contentEnd: -1, end: tags.end, name: tags.name };
        break;
      }
      contentStart = tags.end;
    } else if (depth === 2 && dataStart >= 0 && tags.is("row")) {
      rowR = tags.attribute("r");
      rowNo = rowR === undefined ? rowNo + 1 : Number(rowR);
      if (!Number.isInteger(rowNo) || rowNo < 1) throw new XmlSyntaxError(`a row numbered "${rowR}"`, tags.start);
      if (tags.kind === "empty") rows.push({ r: rowNo, raw: text.slice(tags.start, tags.end), dirty: false });
      else rowStart = tags.start;
    }
    if (tags.kind === "open") depth++;
  }
  return { data, rows };
}

/** A row as it is written now: as it was, or its cells written back (those unchanged as they were). */
function rowText(s: RowSlot): { text: string; rewritten: number } {
  if (!s.dirty || !s.element) return { text: s.raw ?? "", rewritten: 0 };
  if (s.kept) return writeKept(s.kept);
  const text = serialize(s.element);
  return { text, rewritten: utf8Length(text) };
}

/** The worksheet without its rows, its root's children keeping the bytes they were written as. */
interface Skeleton {
  /** The text before the root (the declaration). */
  readonly before: string;
  readonly root: KeptElement;
  /** The text after the root. */
  readonly after: string;
}

function parseSkeleton(text: string, data: SheetDataSpan | undefined): Skeleton {
  const skeleton = data === undefined ? text : `${text.slice(0, data.start)}<${data.name}/>${text.slice(data.end)}`;
  let start = -1;
  let end = -1;
  let depth = 0;
  scanTags(skeleton, (tag) => {
    if (tag.kind === "close") {
      depth--;
      if (depth === 0) {
        end = tag.end;
        return false;
      }
      return;
    }
    if (depth === 0) start = tag.start;
    if (tag.kind === "open") depth++;
    else if (depth === 0) {
      end = tag.end;
      return false;
    }
  });
  if (start < 0 || end < 0) throw new XmlSyntaxError("no worksheet element", 0);
  return { before: skeleton.slice(0, start), root: parseKept(skeleton, start, end), after: skeleton.slice(end) };
}

export class SheetPart {
  private readonly rows: RowSlot[];
  private readonly byNumber = new Map<number, RowSlot>();
  private skeleton: Skeleton | undefined;
  private readonly data: SheetDataSpan | undefined;
  /** Cells written, as a box, for the dimension. */
  private touched: { top: number; left: number; bottom: number; right: number } | undefined;
  private rewritten = 0;

  private constructor(private readonly text: string) {
    const { data, rows } = split(text);
    this.data = data;
    this.rows = rows;
    for (const row of rows) this.byNumber.set(row.r, row);
  }

  /** Splits a worksheet part (throws {@link XmlSyntaxError} when it is not well-formed where it is read). */
  static parse(text: string): SheetPart {
    return new SheetPart(text);
  }

  /** The row `r` parsed (created in order when absent and `create`). */
  row(r: number, create: boolean): XmlElement | undefined {
    let slot = this.byNumber.get(r);
    if (!slot) {
      if (!create) return undefined;
      slot = { r, element: new XmlElement(`${this.prefix()}row`, [["r", String(r)]]), dirty: true };
      const at = this.rows.findIndex((s) => s.r > r);
      this.rows.splice(at < 0 ? this.rows.length : at, 0, slot);
      this.byNumber.set(r, slot);
      return slot.element;
    }
    if (!slot.element) {
      slot.kept = parseKept(slot.raw ?? "");
      slot.element = slot.kept.element;
    }
    return slot.element;
  }

  /** Marks row `r` as written: it is serialized anew from its parsed element. */
  written(r: number): void {
    const slot = this.byNumber.get(r);
    if (slot?.element) slot.dirty = true;
  }

  /**
   * The `<c>` of a cell (created in column order when absent and `create`: the row's spans hint is dropped). A
   * caller that changes a cell it did not create marks its row {@link written}.
   */
  cell(r: number, c: number, create: boolean): XmlElement | undefined {
    const row = this.row(r, create);
    if (!row) return undefined;
    let col = 0;
    let at = row.children.length;
    for (let i = 0; i < row.children.length; i++) {
      const e = row.children[i];
      if (!(e instanceof XmlElement) || e.localName !== "c") continue;
      const ref = e.get("r");
      col = ref ? splitAddress(ref)[1] : col + 1;
      if (col === c) return e;
      if (col > c) {
        at = i;
        break;
      }
    }
    if (!create) return undefined;
    const cell = new XmlElement(`${this.prefix()}c`, [["r", cellAddress(r, c)]]);
    row.children.splice(at, 0, cell);
    // A row's cell extents are a hint readers may trust; a cell outside them must not be missed.
    row.set("spans", undefined);
    this.written(r);
    const t = this.touched;
    this.touched = t
      ? {
          top: Math.min(t.top, r),
          left: Math.min(t.left, c),
          bottom: Math.max(t.bottom, r),
          right: Math.max(t.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
    return cell;
  }

  /**
   * The `<worksheet>` element without its rows (its `sheetData` child has none), parsed on first use. Its children
   * are written back as they were unless they changed: only a changed child (the validations, the columns…) is
   * serialized anew.
   */
  root(): XmlElement {
    this.skeleton ??= parseSkeleton(this.text, this.data);
    return this.skeleton.root.element;
  }

  private prefix(): string {
    const name = this.data?.name ?? "sheetData";
    return name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
  }

  /** Each row's text as the part holds it now, by row number. */
  rowTexts(): Map<number, string> {
    return new Map(this.rows.map((s) => [s.r, rowText(s).text]));
  }

  /**
   * Bytes of the part written anew by the last {@link toString}: the rows written, and the skeleton when it was
   * changed (and so serialized); the rows kept as they were are not counted.
   */
  bytesRewritten(): number {
    return this.rewritten;
  }

  /** Grows `<dimension>` to cover the cells created (only a dimension that exists, only when it grows). */
  private growDimension(): void {
    const t = this.touched;
    if (!t) return;
    // The dimension is read from the tags first, so one that already covers the cells costs no parse.
    let ref: string | undefined;
    scanTags(
      this.text,
      (tag) => {
        if (localName(tag.name) !== "dimension") return;
        ref = tagAttribute(this.text, tag, "ref");
        return false;
      },
      0,
      this.data?.start ?? 0,
    );
    const old = ref ? parseRange(ref) : undefined;
    if (!old) return;
    const box = {
      top: Math.min(old.top, t.top),
      left: Math.min(old.left, t.left),
      bottom: Math.max(old.bottom, t.bottom),
      right: Math.max(old.right, t.right),
    };
    if (box.top === old.top && box.left === old.left && box.bottom === old.bottom && box.right === old.right) return;
    this.root()
      .first("dimension")
      ?.set("ref", rangeAddress(box.top, box.left, box.bottom, box.right));
  }

  /** The part's text: untouched rows and, unless it was changed, the skeleton as they were written. */
  toString(): string {
    this.growDimension();
    let rows = "";
    let rewritten = 0;
    for (const s of this.rows) {
      const row = rowText(s);
      rows += row.text;
      rewritten += row.rewritten;
    }
    const d = this.data;
    if (!this.skeleton && d && d.contentStart >= 0) {
      this.rewritten = rewritten;
      return this.text.slice(0, d.contentStart) + rows + this.text.slice(d.contentEnd);
    }
    const k = (this.skeleton ??= parseSkeleton(this.text, this.data));
    const root = k.root.element;
    let data = root.first("sheetData");
    if (!data) {
      data = new XmlElement(`${this.prefix()}sheetData`);
      insertInOrder(root, data, WORKSHEET_ORDER);
    }
    const sheetData = data;
    const out = writeKept(k.root, (child) => {
      if (child !== sheetData) return undefined;
      const open = serialize(new XmlElement(child.name, child.attributes)).slice(0, -2);
      return rows === "" ? `${open}/>` : `${open}>${rows}</${child.name}>`;
    });
    this.rewritten = rewritten + out.rewritten;
    return k.before + out.text + k.after;
  }

  /**
   * Every cell from A1 with its value and, for formulas, its formula with a leading "=", read from the text
   * without building elements. Shared formulas (Excel writes them when a user fills down) are expanded.
   */
  cells(shared: readonly string[]): RawCell[][] {
    const d = this.data;
    if (!d || d.contentStart < 0) return [];
    return readCells(this.text, d.contentStart, d.contentEnd, shared);
  }
}
