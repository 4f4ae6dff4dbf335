/**
 * The file route's XML: a tokenizer, a light element tree and its serializer. A part is read as tags and text
 * (comments, CDATA, processing instructions and attribute values that hold `>` are skipped as the grammar says,
 * never guessed at with regular expressions); what a writer changes is parsed into elements, changed, and
 * serialized; what it does not change is kept as the bytes it was (a {@link Raw} node), so a patch rewrites only the
 * elements it touches.
 *
 * Namespaces are taken as SpreadsheetML writes them: elements are matched by local name (`x:row` is a `row`), and
 * prefixes and `xmlns` declarations are kept as written.
 */

/** A part, or a span of one, that is not well-formed XML. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(`${message} at offset ${at}`);
    this.name = "XmlSyntaxError";
  }
}

export type TagKind = "open" | "close" | "empty";

/** One markup tag of a text: where it starts (`<`) and ends (after `>`), its kind and its name as written. */
export interface Tag {
  readonly kind: TagKind;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The local part of a qualified name: `x:row` → `row`. */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * The tags of `text` between `from` and `to`, in order; comments, CDATA sections, processing instructions and a
 * DOCTYPE are passed over (`onOther` sees them). Text between tags is whatever lies between two tags' offsets.
 */
export function scanTags(
  text: string,
  visit: (tag: Tag) => boolean | void,
  from = 0,
  to = text.length,
  onOther?: (start: number, end: number) => void,
): void {
  let i = from;
  while (i < to) {
    const lt = text.indexOf("<", i);
    if (lt < 0 || lt >= to) return;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      const end = text.startsWith("<!--", lt)
        ? closeOf(text, "-->", lt + 4)
        : text.startsWith("<![CDATA[", lt)
          ? closeOf(text, "]]>", lt + 9)
          : declarationEnd(text, lt);
      onOther?.(lt, end);
      i = end;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = closeOf(text, "?>", lt + 2);
      onOther?.(lt, end);
      i = end;
      continue;
    }
    const closing = next === 0x2f; /* / */
    let j = closing ? lt + 2 : lt + 1;
    const nameStart = j;
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
    }
    if (j === nameStart) throw new XmlSyntaxError("a tag without a name", lt);
    const name = text.slice(nameStart, j);
    // Attributes: a quoted value may hold '>' and '/'.
    let quote = 0;
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (j >= to) throw new XmlSyntaxError(`an unterminated <${name}> tag`, lt);
    const kind: TagKind = closing ? "close" : text.charCodeAt(j - 1) === 0x2f ? "empty" : "open";
    if (visit({ kind, name, start: lt, end: j + 1 }) === false) return;
    i = j + 1;
  }
}

function closeOf(text: string, close: string, from: number): number {
  const i = text.indexOf(close, from);
  if (i < 0) throw new XmlSyntaxError(`no ${close}`, from);
  return i + close.length;
}

/** The end of `<!DOCTYPE …>` (with an internal subset in brackets) or another `<!…>` declaration. */
function declarationEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < text.length; i++) {
    const c = text[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === ">" && depth <= 0) return i + 1;
  }
  throw new XmlSyntaxError("an unterminated declaration", from);
}

/** The attributes of a tag, in the order written, values decoded. */
export function tagAttributes(text: string, tag: Tag): [string, string][] {
  const out: [string, string][] = [];
  let i = tag.start + 1 + tag.name.length;
  const end = tag.kind === "empty" ? tag.end - 2 : tag.end - 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    const eq = text.indexOf("=", i);
    if (eq < 0 || eq >= end) throw new XmlSyntaxError("an attribute without a value", i);
    const name = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < end && text.charCodeAt(q) !== 0x22 && text.charCodeAt(q) !== 0x27) q++;
    const quote = text[q];
    const close = quote === undefined ? -1 : text.indexOf(quote, q + 1);
    if (close < 0 || close > end) throw new XmlSyntaxError(`an unquoted value of ${name}`, i);
    out.push([name, decodeText(text.slice(q + 1, close), i)]);
    i = close + 1;
  }
  return out;
}

/**
 * One attribute of a tag, decoded (undefined when absent): the tag's attributes are walked as
 * {@link tagAttributes} walks them, without decoding the others (readers ask for two or three per cell).
 */
export function tagAttribute(text: string, tag: Tag, name: string): string | undefined {
  let i = tag.start + 1 + tag.name.length;
  const end = tag.kind === "empty" ? tag.end - 2 : tag.end - 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    const eq = text.indexOf("=", i);
    if (eq < 0 || eq >= end) throw new XmlSyntaxError("an attribute without a value", i);
    let q = eq + 1;
    while (q < end && text.charCodeAt(q) !== 0x22 && text.charCodeAt(q) !== 0x27) q++;
    const quote = text[q];
    const close = quote === undefined ? -1 : text.indexOf(quote, q + 1);
    if (close < 0 || close > end) throw new XmlSyntaxError("an unquoted attribute value", i);
    let nameEnd = eq;
    while (nameEnd > i && text.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
    if (nameEnd - i === name.length && text.startsWith(name, i)) return decodeText(text.slice(q + 1, close), q + 1);
    i = close + 1;
  }
  return undefined;
}

/** The predefined entity `&name;` whose name is `text[from, to)`, or undefined for any other name. */
function predefinedEntity(text: string, from: number, to: number): string | undefined {
  const c = text.charCodeAt(from);
  switch (to - from) {
    case 2:
      if (text.charCodeAt(from + 1) !== 0x74 /* t */) return undefined;
      return c === 0x6c /* l */ ? "<" : c === 0x67 /* g */ ? ">" : undefined;
    case 3:
      return text.startsWith("amp", from) ? "&" : undefined;
    case 4:
      return text.startsWith("quot", from) ? '"' : text.startsWith("apos", from) ? "'" : undefined;
    default:
      return undefined;
  }
}

/** Character data with its references resolved (the five predefined entities and numeric references). */
export function decodeText(raw: string, at = 0): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let i = 0;
  // Formulas hold thousands of &quot; &lt; &gt;: named ones are matched in place, without a slice each.
  for (; amp >= 0; amp = raw.indexOf("&", i)) {
    const semi = raw.indexOf(";", amp);
    if (semi < 0) throw new XmlSyntaxError("an unterminated character reference", at + amp);
    out += raw.slice(i, amp);
    const named = predefinedEntity(raw, amp + 1, semi);
    if (named !== undefined) out += named;
    else {
      const ref = raw.slice(amp + 1, semi);
      if (ref.startsWith("#x") || ref.startsWith("#X")) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
      else if (ref.startsWith("#")) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
      else throw new XmlSyntaxError(`an unknown entity &${ref};`, at + amp);
    }
    i = semi + 1;
  }
  return out + raw.slice(i);
}

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

  /** The concatenated text of the element's character data (descendants included). */
  text(): string {
    let out = "";
    for (const c of this.children) out += typeof c === "string" ? c : c instanceof XmlElement ? c.text() : "";
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
