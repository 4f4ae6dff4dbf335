// JSZip's compressed entry and its compression methods (lib/, not in its typings): a part deflated natively is
// stored as one, and the package is saved with its bytes as they are (see putPart.ts).
declare module "jszip/lib/compressedObject" {
  class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array,
    );
  }
  export = CompressedObject;
}
declare module "jszip/lib/compressions" {
  export const DEFLATE: unknown;
}
