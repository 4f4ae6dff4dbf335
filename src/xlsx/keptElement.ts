import {
  decodeText,
  escapeAttribute,
  parseNodes,
  scanTags,
  serialize,
  tagAttributes,
  XmlElement,
  XmlSyntaxError,
  type Tag,
} from "./xmlTree";

/**
 * An element parsed so that it can be written back keeping bytes: its start tag and each direct child remember the
 * text they were written as, and {@link writeKept} emits that text for whatever still serializes as it did.
 */
export interface KeptElement {
  readonly element: XmlElement;
  /** The start tag as written, and as it serialized when parsed ("" for an empty element: it is rebuilt). */
  readonly open: { raw: string; serialized: string };
  readonly children: Map<XmlElement, { raw: string; serialized: string }>;
}

/** The start tag of an element as serialized (`<row r="1">`). */
function startTag(e: XmlElement): string {
  let open = `<${e.name}`;
  for (const [k, v] of e.attributes) open += ` ${k}="${escapeAttribute(v)}"`;
  return `${open}>`;
}

/** Parses the one element of `text[from, to)`, keeping the bytes of its start tag and of each child. */
export function parseKept(text: string, from = 0, to = text.length): KeptElement {
  let depth = 0;
  let open: Tag | undefined;
  let close: Tag | undefined;
  const spans: [number, number][] = [];
  let childStart = -1;
  scanTags(
    text,
    (tag) => {
      if (tag.kind === "close") {
        depth--;
        if (depth === 1) spans.push([childStart, tag.end]);
        if (depth === 0) {
          close = tag;
          return false;
        }
        return;
      }
      if (depth === 0) {
        open = tag;
        if (tag.kind === "empty") return false;
      } else if (depth === 1) {
        if (tag.kind === "empty") spans.push([tag.start, tag.end]);
        else childStart = tag.start;
      }
      if (tag.kind === "open") depth++;
    },
    from,
    to,
  );
  if (!open) throw new XmlSyntaxError("no element", from);
  const element = new XmlElement(open.name, tagAttributes(text, open));
  const children = new Map<XmlElement, { raw: string; serialized: string }>();
  if (open.kind === "empty") return { element, open: { raw: "", serialized: "" }, children };
  if (!close) throw new XmlSyntaxError(`an unclosed <${open.name}>`, open.start);
  let at = open.end;
  for (const [start, end] of [...spans, [close.start, close.start] as [number, number]]) {
    if (start > at) {
      const gap = text.slice(at, start);
      // Text between children: kept as written when it is markup (comments) or only white space.
      if (gap.includes("<") || gap.trim() === "") element.children.push({ raw: gap });
      else element.children.push(decodeText(gap, at));
    }
    at = end;
    if (end === start) continue;
    const raw = text.slice(start, end);
    const child = parseNodes(raw).find((n): n is XmlElement => n instanceof XmlElement);
    if (!child) continue;
    element.children.push(child);
    children.set(child, { raw, serialized: serialize(child) });
  }
  const raw = text.slice(open.start, open.end);
  return { element, open: { raw, serialized: startTag(element) }, children };
}

/**
 * Writes a kept element: each part that still serializes as it did when parsed as the bytes it was written as,
 * the rest serialized. `inner`, when given, writes a child itself (a placeholder for content kept elsewhere).
 * Returns the text and how many of its bytes were written anew.
 */
export function writeKept(
  kept: KeptElement,
  inner?: (child: XmlElement) => string | undefined,
): { text: string; rewritten: number } {
  const e = kept.element;
  if (e.children.length === 0 && kept.open.raw === "") {
    const text = serialize(e);
    return { text, rewritten: text.length };
  }
  const open = startTag(e);
  let rewritten = 0;
  let text: string;
  if (kept.open.raw !== "" && open === kept.open.serialized) text = kept.open.raw;
  else {
    text = open;
    rewritten += open.length;
  }
  for (const child of e.children) {
    const own = child instanceof XmlElement ? inner?.(child) : undefined;
    if (own !== undefined) {
      text += own;
      continue;
    }
    const was = child instanceof XmlElement ? kept.children.get(child) : undefined;
    if (was && serialize(child) === was.serialized) text += was.raw;
    else {
      const s = serialize(child);
      text += s;
      if (typeof child === "string" || child instanceof XmlElement) rewritten += s.length;
    }
  }
  const end = `</${e.name}>`;
  return { text: text + end, rewritten: rewritten + (rewritten > 0 ? end.length : 0) };
}
