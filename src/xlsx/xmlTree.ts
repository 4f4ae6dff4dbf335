/**
 * The file route's XML: a tokenizer (./xmlTags.ts, its names re-exported here), a light element tree and its
 * serializer. A part is read as tags and text; what a writer changes is parsed into elements, changed, and
 * serialized; what it does not change is kept as the bytes it was (a {@link Raw} node), so a patch rewrites only the
 * elements it touches.
 *
 * Namespaces are taken as SpreadsheetML writes them: elements are matched by local name (`x:row` is a `row`), and
 * prefixes and `xmlns` declarations are kept as written.
 */

export {
  decodeText,
  localName,
  scanTags,
  tagAttribute,
  tagAttributes,
  TagCursor,
  XmlSyntaxError,
  type Tag,
  type TagKind,
} from "./xmlTags";
import { decodeText, localName, scanTags, tagAttributes, XmlSyntaxError } from "./xmlTags";

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
};

/** Text as element content (a carriage return as a reference, which a reader would otherwise fold into \n). */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Text as an attribute value in double quotes (line breaks and tabs as references, so they survive reading). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** Bytes kept as they were written (a subtree nobody changed, a comment, a processing instruction). */
export interface Raw {
  readonly raw: string;
}

export type XmlNode = XmlElement | Raw | string;

/** The character data a raw node holds: a CDATA section's text as written; a comment or instruction holds none. */
export function rawText(node: Raw): string {
  return node.raw.startsWith("<![CDATA[") ? node.raw.slice(9, -3) : "";
}

/** An element: its qualified name, its attributes in order, its children. */
export class XmlElement {
  readonly attributes: [string, string][];
  readonly children: XmlNode[];

  constructor(
    readonly name: string,
    attributes: [string, string][] = [],
    children: XmlNode[] = [],
  ) {
    this.attributes = attributes;
    this.children = children;
  }

  /** A deep copy (raw nodes and text shared: they are immutable). */
  static copy(e: XmlElement): XmlElement {
    return new XmlElement(
      e.name,
      e.attributes.map(([k, v]) => [k, v]),
      e.children.map((c) => (c instanceof XmlElement ? XmlElement.copy(c) : c)),
    );
  }

  get localName(): string {
    return localName(this.name);
  }

  get(name: string): string | undefined {
    for (const [k, v] of this.attributes) if (k === name) return v;
    return undefined;
  }

  /** Sets an attribute (kept in place when present, appended when new); `undefined` removes it. */
  set(name: string, value: string | number | undefined): this {
    const i = this.attributes.findIndex(([k]) => k === name);
    if (value === undefined) {
      if (i >= 0) this.attributes.splice(i, 1);
    } else if (i >= 0) (this.attributes[i] as [string, string])[1] = String(value);
    else this.attributes.push([name, String(value)]);
    return this;
  }

  /** Child elements with a local name. */
  all(local: string): XmlElement[] {
    return this.children.filter((c): c is XmlElement => c instanceof XmlElement && c.localName === local);
  }

  first(local: string): XmlElement | undefined {
    for (const c of this.children) if (c instanceof XmlElement && c.localName === local) return c;
    return undefined;
  }

  /** The concatenated text of the element's character data (descendants and CDATA sections included). */
  text(): string {
    let out = "";
    for (const c of this.children) out += typeof c === "string" ? c : c instanceof XmlElement ? c.text() : rawText(c);
    return out;
  }

  /** A child element named like the parent's prefix (`x:v` under `x:c`), appended. */
  add(local: string, attributes: [string, string][] = [], text?: string): XmlElement {
    const prefix = this.name.includes(":") ? `${this.name.slice(0, this.name.indexOf(":"))}:` : "";
    const e = new XmlElement(prefix + local, attributes, text === undefined ? [] : [text]);
    this.children.push(e);
    return e;
  }
}

/**
 * The nodes of `text[from, to)`: elements parsed, text decoded, comments, CDATA and processing instructions kept
 * raw. Throws {@link XmlSyntaxError} on mismatched tags.
 */
export function parseNodes(text: string, from = 0, to = text.length): XmlNode[] {
  const top: XmlNode[] = [];
  const stack: XmlElement[] = [];
  let at = from;
  const put = (node: XmlNode) => (stack.length > 0 ? (stack[stack.length - 1] as XmlElement).children : top).push(node);
  const textUpTo = (end: number) => {
    if (end > at) {
      const chunk = text.slice(at, end);
      if (stack.length > 0 || chunk.trim() !== "") put(decodeText(chunk, at));
    }
  };
  scanTags(
    text,
    (tag) => {
      textUpTo(tag.start);
      at = tag.end;
      if (tag.kind === "close") {
        const open = stack.pop();
        if (!open || open.name !== tag.name) throw new XmlSyntaxError(`a stray </${tag.name}>`, tag.start);
        return;
      }
      const e = new XmlElement(tag.name, tagAttributes(text, tag));
      put(e);
      if (tag.kind === "open") stack.push(e);
    },
    from,
    to,
    (start, end) => {
      textUpTo(start);
      at = end;
      put({ raw: text.slice(start, end) });
    },
  );
  textUpTo(to);
  if (stack.length > 0) throw new XmlSyntaxError(`an unclosed <${(stack[stack.length - 1] as XmlElement).name}>`, to);
  return top;
}

/** Serializes nodes: elements with their attributes in order, empty ones self-closed; raw nodes as written. */
export function serialize(nodes: XmlNode | readonly XmlNode[]): string {
  const out: string[] = [];
  const write = (node: XmlNode) => {
    if (typeof node === "string") out.push(escapeText(node));
    else if (node instanceof XmlElement) {
      let open = `<${node.name}`;
      for (const [k, v] of node.attributes) open += ` ${k}="${escapeAttribute(v)}"`;
      if (node.children.length === 0) out.push(`${open}/>`);
      else {
        out.push(`${open}>`);
        for (const c of node.children) write(c);
        out.push(`</${node.name}>`);
      }
    } else out.push(node.raw);
  };
  if (Array.isArray(nodes)) for (const n of nodes as readonly XmlNode[]) write(n);
  else write(nodes as XmlNode);
  return out.join("");
}
