import type JSZip from "jszip";

/**
 * A zip entry's bytes and text, inflated by Node's zlib where there is one: JSZip inflates in JavaScript, several
 * times slower, and a refresh inflates every part once for its limits and again for what it reads. In a browser
 * (the pane's .docx import) there is no zlib and JSZip inflates as before.
 */

type Zlib = typeof import("node:zlib");

let zlib: Zlib | undefined | null = null;

/** Node's zlib, found at run time (never imported: this code is also bundled for the pane's browser). */
export function nodeZlib(): Zlib | undefined {
  if (zlib === null) {
    const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    zlib = node?.getBuiltinModule?.("node:zlib") as Zlib | undefined;
  }
  return zlib;
}

/** What JSZip holds for an entry read from a file or deflated by putPart (lib/compressedObject.js). */
interface CompressedEntry {
  readonly uncompressedSize: number;
  readonly compression: { readonly magic: string };
  readonly compressedContent: unknown;
}

const STORED = "\x00\x00";
/** Beyond this an entry is not held whole by this module (1 GiB; Buffer's own limit is larger). */
const MAX_AT_ONCE = 2 ** 30;
const DEFLATED = "\x08\x00";

function compressedEntry(file: JSZip.JSZipObject): CompressedEntry | undefined {
  const data = (file as unknown as { _data?: Partial<CompressedEntry> })._data;
  const magic = data?.compression?.magic;
  if ((magic !== STORED && magic !== DEFLATED) || !(data?.compressedContent instanceof Uint8Array)) return undefined;
  return data as CompressedEntry;
}

/**
 * The entry's bytes inflated at once by Node's zlib, when it inflates to exactly the size its header declares and
 * that is at most `maxBytes` (never more than that many bytes are held). Undefined otherwise: no zlib, an entry
 * JSZip holds as text, a larger one, or one whose data is damaged or whose size lies — the caller then takes
 * JSZip's way, which refuses or reads it as it always did.
 */
export function inflateEntry(file: JSZip.JSZipObject, maxBytes = MAX_AT_ONCE): Buffer | undefined {
  const z = nodeZlib();
  const entry = compressedEntry(file);
  if (!z || !entry) return undefined;
  const size = entry.uncompressedSize;
  if (!(size <= Math.min(maxBytes, MAX_AT_ONCE))) return undefined;
  const content = entry.compressedContent as Uint8Array;
  if (entry.compression.magic === STORED)
    return content.length === size ? Buffer.from(content.buffer, content.byteOffset, content.length) : undefined;
  let bytes: Buffer;
  try {
    bytes = z.inflateRawSync(content, { maxOutputLength: size + 1 });
  } catch {
    return undefined;
  }
  return bytes.length === size ? bytes : undefined;
}

type Streamable = { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> };

/**
 * Inflates an entry by JSZip as a stream, chunk by chunk, none of them kept: `visit` sees each (what it throws
 * stops the stream and rejects the promise); a damaged stream rejects with `damaged()`.
 */
export function streamEntry(
  file: JSZip.JSZipObject,
  visit: (chunk: Uint8Array) => void,
  damaged: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const stream = (file as unknown as Streamable).internalStream("uint8array");
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.pause();
      reject(error);
    };
    stream
      .on("data", (chunk) => {
        if (failed) return;
        try {
          visit(chunk);
        } catch (error) {
          fail(error);
        }
      })
      .on("error", () => fail(damaged()))
      .on("end", () => {
        if (!failed) resolve();
      })
      .resume();
  });
}

/**
 * Texts already decoded, by entry (a part written anew is a new entry, so nothing stale is ever found), up to a
 * budget per package: the product's parts of any real workbook fit many times over (乐清's are ≈2 MB), and a
 * package of large sheets read one by one (`report`) is not held whole on their account.
 */
const decoded = new WeakMap<JSZip, { readonly texts: WeakMap<JSZip.JSZipObject, string>; size: number }>();
const DECODED_BUDGET = 16 * 2 ** 20;

/** Keeps an entry's text (decoded while its limits were checked, or read) for the readers that read it again. */
export function rememberText(zip: JSZip, file: JSZip.JSZipObject, text: string): void {
  let kept = decoded.get(zip);
  if (!kept) decoded.set(zip, (kept = { texts: new WeakMap(), size: 0 }));
  if (kept.size + text.length > DECODED_BUDGET || kept.texts.has(file)) return;
  kept.texts.set(file, text);
  kept.size += text.length;
}

/** The text of a part (UTF-8, as JSZip decodes it), or undefined when the package has no such part. */
export async function entryText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  const known = decoded.get(zip)?.texts.get(file);
  if (known !== undefined) return known;
  const bytes = inflateEntry(file);
  // JSZip decodes with Buffer's UTF-8 decoder in Node too; a damaged entry fails there as it always did.
  const text = bytes ? bytes.toString("utf8") : await file.async("string");
  rememberText(zip, file, text);
  return text;
}
