import {
  decodeText,
  escapeAttribute,
  escapeText,
  scanTags,
  tagAttributes,
  XmlElement,
  XmlSyntaxError,
  type XmlNode,
} from "./xmlTree";

/**
 * An element parsed so that it can be written back keeping bytes: it and each of its descendants remember the text
 * they were written as, and {@link writeKept} emits that text for whatever still serializes as it did. An element
 * that changed keeps the bytes of its start and end tags (when they did not change) and of its unchanged children,
 * and so on down: a cell whose cached `<v>` changed keeps its `<f>…</f>`, a conditional format whose range grew
 * keeps its rules.
 */
export interface KeptElement {
  readonly element: XmlElement;
  /** How the element and each descendant element were written, by element. */
  readonly written: ReadonlyMap<XmlElement, Written>;
}

/** An element as written in the part, and as it serialized when parsed. */
interface Written {
  /** The element's whole text. */
  readonly raw: string;
  /** The whole element as serialized when parsed. */
  readonly serialized: string;
  /** Its start tag as written ("" for an empty element `<x/>`: its tags are rebuilt when it gains children). */
  readonly open: string;
  /** Its start tag as serialized when parsed. */
  readonly openSerialized: string;
  /** Its end tag as written. */
  readonly close: string;
}

/** The start tag of an element as serialized (`<row r="1">`). */
function startTag(e: XmlElement): string {
  let open = `<${e.name}`;
  for (const [k, v] of e.attributes) open += ` ${k}="${escapeAttribute(v)}"`;
  return `${open}>`;
}

/** An element being parsed: where it starts and its serialization so far. */
interface Open {
  readonly e: XmlElement;
  readonly start: number;
  readonly openEnd: number;
  readonly openSerialized: string;
  serialized: string;
}

/**
 * Parses the one element of `text[from, to)`, keeping the bytes of it and of every descendant element. Between the
 * element's own children, text that is only white space or holds markup (comments) is kept as written; deeper
 * down, text is decoded and comments, CDATA and processing instructions kept raw, as {@link parseNodes} reads them.
 */
export function parseKept(text: string, from = 0, to = text.length): KeptElement {
  const written = new Map<XmlElement, Written>();
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let at = from;
  const put = (node: XmlNode, serialized: string) => {
    const parent = stack[stack.length - 1] as Open;
    parent.e.children.push(node);
    parent.serialized += serialized;
  };
  /** Text up to `end`: a gap between the root's children as one piece, deeper text decoded. */
  const textUpTo = (end: number) => {
    if (end <= at || stack.length === 0) return;
    const gap = text.slice(at, end);
    if (stack.length === 1 && (gap.includes("<") || gap.trim() === "")) put({ raw: gap }, gap);
    else {
      const decoded = decodeText(gap, at);
      put(decoded, escapeText(decoded));
    }
  };
  scanTags(
    text,
    (tag) => {
      textUpTo(tag.start);
      at = tag.end;
      if (tag.kind === "close") {
        const open = stack.pop();
        if (!open || open.e.name !== tag.name) throw new XmlSyntaxError(`a stray </${tag.name}>`, tag.start);
        const serialized =
          open.e.children.length === 0 ? `${open.openSerialized.slice(0, -1)}/>` : `${open.serialized}</${tag.name}>`;
        written.set(open.e, {
          raw: text.slice(open.start, tag.end),
          serialized,
          open: text.slice(open.start, open.openEnd),
          openSerialized: open.openSerialized,
          close: text.slice(tag.start, tag.end),
        });
        if (stack.length === 0) return false;
        put(open.e, serialized);
        return;
      }
      const e = new XmlElement(tag.name, tagAttributes(text, tag));
      const openSerialized = startTag(e);
      if (stack.length === 0) root = e;
      if (tag.kind === "open") {
        stack.push({ e, start: tag.start, openEnd: tag.end, openSerialized, serialized: openSerialized });
        return;
      }
      const serialized = `${openSerialized.slice(0, -1)}/>`;
      written.set(e, { raw: text.slice(tag.start, tag.end), serialized, open: "", openSerialized, close: "" });
      if (stack.length === 0) return false;
      put(e, serialized);
    },
    from,
    to,
    (start, end) => {
      // Comments, CDATA, processing instructions: between the root's children they join the gap around them.
      if (stack.length < 2) return;
      textUpTo(start);
      at = end;
      const raw = text.slice(start, end);
      put({ raw }, raw);
    },
  );
  if (!root) throw new XmlSyntaxError("no element", from);
  if (stack.length > 0) throw new XmlSyntaxError(`an unclosed <${root.name}>`, from);
  return { element: root, written };
}

/**
 * Bytes of a text in UTF-8, as the package stores a part: what is rewritten is counted as the file holds it (a
 * Chinese character is three bytes, one UTF-16 unit).
 * @example utf8Length("<t>目标</t>") // 13
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair (four bytes) is two units of two.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/** A node written back: its text, its serialization now, and how many of its bytes were written anew. */
interface Out {
  text: string;
  serialized: string;
  rewritten: number;
}

/**
 * Writes an element: as written when it serializes as it did; else its tags as written when they did not change
 * (the end tag always, when it had one: only attributes change) and each child so, and so on down. A child that
 * `inner` writes is its text (not counted); the element holding it is never written as its old text, which holds
 * the placeholder.
 */
function writeElement(e: XmlElement, written: ReadonlyMap<XmlElement, Written>, inner?: Inner): Out {
  const was = written.get(e);
  const open = startTag(e);
  if (e.children.length === 0) {
    const serialized = `${open.slice(0, -1)}/>`;
    if (was && was.serialized === serialized) return { text: was.raw, serialized, rewritten: 0 };
    return { text: serialized, serialized, rewritten: utf8Length(serialized) };
  }
  const keepOpen = was !== undefined && was.open !== "" && was.openSerialized === open;
  let text = keepOpen ? was.open : open;
  let serialized = open;
  let rewritten = keepOpen ? 0 : utf8Length(open);
  for (const child of e.children) {
    const own = inner && child instanceof XmlElement ? inner(child) : undefined;
    const out = own !== undefined ? { text: own, serialized: own, rewritten: 0 } : writeNode(child, written);
    text += out.text;
    serialized += out.serialized;
    rewritten += out.rewritten;
  }
  const end = `</${e.name}>`;
  serialized += end;
  if (!inner && was && was.serialized === serialized) return { text: was.raw, serialized, rewritten: 0 };
  return was && was.close !== ""
    ? { text: text + was.close, serialized, rewritten }
    : { text: text + end, serialized, rewritten: rewritten + utf8Length(end) };
}

function writeNode(node: XmlNode, written: ReadonlyMap<XmlElement, Written>): Out {
  if (node instanceof XmlElement) return writeElement(node, written);
  if (typeof node === "string") {
    const s = escapeText(node);
    return { text: s, serialized: s, rewritten: utf8Length(s) };
  }
  return { text: node.raw, serialized: node.raw, rewritten: 0 };
}

/** Writes a child itself (the rows of `<sheetData>`, kept elsewhere), or leaves it to {@link writeKept}. */
type Inner = (child: XmlElement) => string | undefined;

/**
 * Writes a kept element: each part that still serializes as it did when parsed as the bytes it was written as,
 * the rest serialized, down to the changed attributes and leaves (a changed element's unchanged tags and children
 * are kept). `inner`, when given, writes a child of the element itself (a placeholder for content kept
 * elsewhere). Returns the text and how many of its bytes were written anew.
 */
export function writeKept(kept: KeptElement, inner?: Inner): { text: string; rewritten: number } {
  const { text, rewritten } = writeElement(kept.element, kept.written, inner);
  return { text, rewritten };
}
