import type JSZip from "jszip";
import { rememberText } from "./zipEntry";

/** What putPart needs of Node: zlib, and JSZip's own compressed entry (lib/, not in its typings). */
interface NativeDeflate {
  readonly zlib: typeof import("node:zlib");
  readonly CompressedObject: new (
    compressedSize: number,
    uncompressedSize: number,
    crc32: number,
    compression: unknown,
    data: Uint8Array,
  ) => object;
  readonly DEFLATE: unknown;
}

/**
 * Node's zlib and JSZip's internals, found at run time (never imported: the return files are also written in the
 * pane's browser bundle, where there is no zlib and parts are stored as bytes for JSZip to deflate).
 */
function nativeDeflate(): NativeDeflate | undefined {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = node?.getBuiltinModule?.("node:zlib") as NativeDeflate["zlib"] | undefined;
  const nodeModule = node?.getBuiltinModule?.("node:module") as typeof import("node:module") | undefined;
  if (!zlib?.crc32 || !nodeModule || typeof __filename !== "string") return undefined;
  try {
    // The jszip the package was loaded with (same module instances, so JSZip recognizes its own entry).
    const load = nodeModule.createRequire(__filename);
    const CompressedObject = load("jszip/lib/compressedObject") as NativeDeflate["CompressedObject"];
    const { DEFLATE } = load("jszip/lib/compressions") as { DEFLATE: unknown };
    return { zlib, CompressedObject, DEFLATE };
  } catch {
    return undefined;
  }
}

let native: NativeDeflate | undefined | null = null;
// Made on first use, not on load: a host (or a test) that polyfills TextEncoder does so after its imports.
let utf8: TextEncoder | undefined;

/**
 * Stores a part's text in the package. In Node it is deflated now by zlib (native) at the level `savePackage`
 * uses, with its CRC, as JSZip's own compressed entry: saving then copies its bytes as it copies those of every part
 * nobody changed, instead of encoding and deflating it in JavaScript (a third of a refresh's time went there).
 */
export function putPart(zip: JSZip, path: string, text: string): void {
  if (native === null) native = nativeDeflate();
  if (utf8 === undefined) utf8 = new TextEncoder();
  const bytes = utf8.encode(text);
  if (!native) zip.file(path, bytes);
  else {
    const deflated = native.zlib.deflateRawSync(bytes, { level: 6 });
    const crc = native.zlib.crc32(bytes);
    const entry = new native.CompressedObject(deflated.length, bytes.length, crc, native.DEFLATE, deflated);
    zip.file(path, entry as unknown as Uint8Array, { binary: true });
  }
  // A reader that reads it back (the chart caches read the sheet just written) takes the text as written.
  const file = zip.file(path);
  if (file) rememberText(zip, file, text);
}
