/**
 * The file route's XML tokenizer: the tags of a text, their attributes and character data, read in place. Comments,
 * CDATA, processing instructions and attribute values that hold `>` are skipped as the grammar says, never guessed
 * at with regular expressions. The element tree built on it is ./xmlTree.ts.
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
  const tags = new TagCursor(text, from, to, onOther);
  while (tags.next())
    if (visit({ kind: tags.kind, name: tags.name, start: tags.start, end: tags.end }) === false) return;
}

/**
 * {@link scanTags} as a cursor that allocates nothing per tag, for readers that pass over many tags and keep none
 * (a sheet's cells): after each {@link next}, the fields describe the tag it stopped on.
 */
export class TagCursor {
  kind: TagKind = "open";
  /** Where the tag starts (`<`) and ends (after `>`). */
  start = 0;
  end = 0;
  /** Where its qualified name and its local name (after the prefix) start, and where they end. */
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  private at: number;

  constructor(
    readonly text: string,
    from = 0,
    private readonly to = text.length,
    private readonly onOther?: (start: number, end: number) => void,
  ) {
    this.at = from;
  }

  /** Moves to the next tag; false when there is none before `to`. */
  next(): boolean {
    const { text, to } = this;
    while (this.at < to) {
      const lt = text.indexOf("<", this.at);
      if (lt < 0 || lt >= to) return false;
      const next = text.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        const end = text.startsWith("<!--", lt)
          ? closeOf(text, "-->", lt + 4)
          : text.startsWith("<![CDATA[", lt)
            ? closeOf(text, "]]>", lt + 9)
            : declarationEnd(text, lt);
        this.onOther?.(lt, end);
        this.at = end;
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = closeOf(text, "?>", lt + 2);
        this.onOther?.(lt, end);
        this.at = end;
        continue;
      }
      const closing = next === 0x2f; /* / */
      let j = closing ? lt + 2 : lt + 1;
      const nameStart = j;
      let localStart = j;
      for (; j < to; j++) {
        const c = text.charCodeAt(j);
        if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
        if (c === 0x3a /* : */ && localStart === nameStart) localStart = j + 1;
      }
      if (j === nameStart) throw new XmlSyntaxError("a tag without a name", lt);
      const nameEnd = j;
      // Attributes: a quoted value may hold '>' and '/'.
      let quote = 0;
      for (; j < to; j++) {
        const c = text.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) break;
      }
      if (j >= to) throw new XmlSyntaxError(`an unterminated <${text.slice(nameStart, nameEnd)}> tag`, lt);
      this.kind = closing ? "close" : text.charCodeAt(j - 1) === 0x2f ? "empty" : "open";
      this.start = lt;
      this.end = j + 1;
      this.nameStart = nameStart;
      this.localStart = localStart;
      this.nameEnd = nameEnd;
      this.at = j + 1;
      return true;
    }
    return false;
  }

  /** The tag's name as written (`x:row`). */
  get name(): string {
    return this.text.slice(this.nameStart, this.nameEnd);
  }

  /** Whether the tag's local name is `local` (`x:row` is a `row`), compared in place. */
  is(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.text.startsWith(local, this.localStart);
  }

  /** One attribute of the tag, decoded (undefined when absent), as {@link tagAttribute} reads it. */
  attribute(name: string): string | undefined {
    return attributeOf(this.text, this.nameEnd, this.kind === "empty" ? this.end - 2 : this.end - 1, name);
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

/** Where one attribute lies in a text: its name, and its value between the quotes. */
interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The first attribute written in `text[i, end)` (white space before it passed over) into `at`, or false when there
 * is none left: the one walk of a tag's attributes (a quoted value may hold `>`, `/` and the other quote).
 */
function nextAttribute(text: string, i: number, end: number, at: AttributeSpan): boolean {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i >= end) return false;
  const eq = text.indexOf("=", i);
  if (eq < 0 || eq >= end) throw new XmlSyntaxError("an attribute without a value", i);
  let nameEnd = eq;
  while (nameEnd > i && text.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
  let q = eq + 1;
  while (q < end && text.charCodeAt(q) !== 0x22 && text.charCodeAt(q) !== 0x27) q++;
  const quote = text[q];
  const close = quote === undefined ? -1 : text.indexOf(quote, q + 1);
  if (close < 0 || close > end) throw new XmlSyntaxError(`an unquoted value of ${text.slice(i, nameEnd)}`, i);
  at.nameStart = i;
  at.nameEnd = nameEnd;
  at.valueStart = q + 1;
  at.valueEnd = close;
  return true;
}

/** Where a tag's attributes are written: after its name, before `>` (or `/>`). */
const attributesEnd = (tag: Tag) => (tag.kind === "empty" ? tag.end - 2 : tag.end - 1);

/** The attributes of a tag, in the order written, values decoded. */
export function tagAttributes(text: string, tag: Tag): [string, string][] {
  const out: [string, string][] = [];
  const at: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
  const end = attributesEnd(tag);
  for (let i = tag.start + 1 + tag.name.length; nextAttribute(text, i, end, at); i = at.valueEnd + 1)
    out.push([text.slice(at.nameStart, at.nameEnd), decodeText(text.slice(at.valueStart, at.valueEnd), at.valueStart)]);
  return out;
}

/**
 * One attribute of a tag, decoded (undefined when absent): the tag's attributes are walked as
 * {@link tagAttributes} walks them, without decoding the others (readers ask for two or three per cell).
 */
export function tagAttribute(text: string, tag: Tag, name: string): string | undefined {
  return attributeOf(text, tag.start + 1 + tag.name.length, attributesEnd(tag), name);
}

/** One span reused by every lookup (a lookup calls nothing that looks up another). */
const found: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/** The attribute `name` among the attributes written in `text[from, end)`. */
function attributeOf(text: string, from: number, end: number, name: string): string | undefined {
  for (let i = from; nextAttribute(text, i, end, found); i = found.valueEnd + 1) {
    const { nameStart, nameEnd, valueStart, valueEnd } = found;
    if (nameEnd - nameStart === name.length && text.startsWith(name, nameStart))
      return decodeText(text.slice(valueStart, valueEnd), valueStart);
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

/** XML 1.0's Char: tab, line feed, carriage return, and U+0020 on, less surrogates and U+FFFE/U+FFFF. */
function isXmlChar(point: number): boolean {
  if (point >= 0x20)
    return point <= 0xd7ff || (point >= 0xe000 && point <= 0xfffd) || (point >= 0x10000 && point <= 0x10ffff);
  return point === 0x9 || point === 0xa || point === 0xd;
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
      if (!ref.startsWith("#")) throw new XmlSyntaxError(`an unknown entity &${ref};`, at + amp);
      const hex = ref.startsWith("#x") || ref.startsWith("#X");
      const point = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      // A reference to no character XML allows (NUL and most controls, a lone surrogate, beyond U+10FFFF, no
      // number) is XML that is not well-formed (XML 1.0 §2.2, "Char").
      if (!isXmlChar(point)) throw new XmlSyntaxError(`a reference &${ref}; to no character`, at + amp);
      out += String.fromCodePoint(point);
    }
    i = semi + 1;
  }
  return out + raw.slice(i);
}
