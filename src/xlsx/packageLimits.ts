/**
 * Limits on an Office Open XML package (.xlsx, .docx) from someone else, checked before anything is inflated or
 * parsed: a few hundred KB that inflate to gigabytes, or a row numbered 2,000,000,000, must be refused with one
 * line, not end in an out-of-memory abort. Two steps, both bounded in memory:
 *
 * 1. the zip's central directory (plain bytes, nothing inflated): the number of parts and each part's declared
 *    size, per part and in total;
 * 2. each part inflated and counted: a small one (≤ 32 MB) that inflates to exactly its declared size within its
 *    limit at once by Node's zlib (./zipEntry.ts: never more than that held), any other as a stream, chunk by chunk
 *    (a part may lie about its size), stopped as soon as it passes its limit. The parts the product parses have
 *    tight limits. Of the worksheets, only those the caller will parse (a workbook's product sheets, named by the
 *    caller once the structure has passed) are scanned on the way for rows and cells beyond Excel's grid or beyond
 *    what a sheet of ours may have; a colleague's own sheets are only counted, so a large one passes through —
 *    never parsed, its compressed bytes copied as they are.
 *
 * The package-opening place (openPackage in ./parts.ts) calls {@link openWithinLimits}; the pane's .docx import
 * calls it too (src/taskpane/importFile.ts).
 */
import JSZip from "jszip";
import { EXCEL_MAX_ROW, forEachRowOrCell, withinGrid } from "./sheetTags";
import { inflateEntry, rememberText, streamEntry } from "./zipEntry";

export interface PartLimit {
  /** Which parts (by path in the package). */
  readonly pattern: RegExp;
  readonly maxBytes: number;
}

export interface PackageLimits {
  readonly maxParts: number;
  /** Uncompressed, all parts together. */
  readonly maxTotalBytes: number;
  /** Uncompressed, any one part (a colleague's large sheet passes within it). */
  readonly maxPartBytes: number;
  /** Tighter limits for the parts the product parses; the first pattern that matches applies. */
  readonly parts: readonly PartLimit[];
  /**
   * The worksheet parts the reader parses: their size, rows and cells (the reader holds a parsed sheet in memory).
   * `every`: every worksheet part (a reader that parses them all, such as ExcelJS or a returned file's reader);
   * `product`: only those the caller names (see {@link openWithinLimits}), the others pass within maxPartBytes.
   */
  readonly sheet?: {
    readonly maxBytes: number;
    readonly maxRows: number;
    readonly maxCells: number;
    readonly scope: "every" | "product";
  };
}

const MiB = 1024 * 1024;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * A workbook: the parts the product parses are small in any real workbook (乐清's largest sheet part is ≈ 1 MB);
 * other parts (a colleague's sheets, images) pass through: 512 MB is a sheet of a million rows of ten columns.
 */
export const WORKBOOK_LIMITS: PackageLimits = {
  maxParts: 10_000,
  maxTotalBytes: 1024 * MiB,
  maxPartBytes: 512 * MiB,
  parts: [
    { pattern: /^customXml\/item\d+\.xml$/i, maxBytes: 4 * MiB },
    { pattern: /^xl\/sharedStrings\.xml$/i, maxBytes: 32 * MiB },
    // A colleague's sheets: only counted as they stream by (the product's own are under `sheet`).
    { pattern: WORKSHEET, maxBytes: 512 * MiB },
    { pattern: /\.(?:xml|rels)$/i, maxBytes: 16 * MiB },
  ],
  sheet: { maxBytes: 32 * MiB, maxRows: 50_000, maxCells: 500_000, scope: "product" },
};

/** A workbook whose every sheet is parsed: `report`, `import --from-review`, a returned file (each sheet is read). */
export const EVERY_SHEET_LIMITS: PackageLimits = {
  ...WORKBOOK_LIMITS,
  sheet: { maxBytes: 32 * MiB, maxRows: 50_000, maxCells: 500_000, scope: "every" },
};

/** A .docx policy text: the whole 乐清 document is ≈ 40 KB of document.xml. */
export const DOCX_LIMITS: PackageLimits = {
  maxParts: 2_000,
  maxTotalBytes: 128 * MiB,
  maxPartBytes: 64 * MiB,
  parts: [{ pattern: /\.(?:xml|rels)$/i, maxBytes: 16 * MiB }],
};

/** Policy files larger than this are refused before they are read (the longest text of the genre is ≈ 100 KB). */
export const MAX_POLICY_FILE_BYTES = 20 * MiB;

/** A package beyond a limit: which part (if one), and why, in Chinese and English. */
export class PackageLimitError extends Error {
  constructor(
    readonly part: string | undefined,
    readonly chinese: string,
    readonly english: string,
  ) {
    super(`${chinese} / ${english}`);
    this.name = "PackageLimitError";
  }
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

/** A policy file (.txt, .docx, .html) over {@link MAX_POLICY_FILE_BYTES}, refused before it is read (CLI and pane). */
export function policyFileTooLarge(size: number): PackageLimitError {
  const limit = MAX_POLICY_FILE_BYTES / MiB;
  return new PackageLimitError(
    undefined,
    `文件过大(${(size / MiB).toFixed(1)} MB,上限 ${limit} MB),不是政策原文。`,
    `too large (${(size / MiB).toFixed(1)} MB, limit ${limit} MB) for a policy text.`,
  );
}

/** A part's limit; `parsedSheet`: a worksheet the reader parses, under the sheet limit. */
function limitOf(part: string, limits: PackageLimits, parsedSheet = false): number {
  if (parsedSheet && limits.sheet !== undefined && WORKSHEET.test(part)) return limits.sheet.maxBytes;
  return Math.min(limits.parts.find((p) => p.pattern.test(part))?.maxBytes ?? limits.maxPartBytes, limits.maxPartBytes);
}

function tooLarge(part: string, size: number, limit: number, declared: boolean): PackageLimitError {
  const how = declared ? "" : "(实际解压)";
  const howEn = declared ? "" : " (when inflated)";
  return new PackageLimitError(
    part,
    `部件 ${part} 解压后${how}超过 ${mib(limit)}(${size > limit ? `至少 ${mib(size)}` : mib(size)}),超出上限,已拒绝。`,
    `the part ${part} inflates${howEn} to more than ${mib(limit)} (${mib(size)}), beyond the limit; refused.`,
  );
}

interface DirectoryEntry {
  readonly name: string;
  readonly compressed: number;
  readonly size: number;
}

/** The central directory's entries, or undefined when the bytes are no zip (the zip reader then says so). */
export function centralDirectory(bytes: Uint8Array): DirectoryEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new PackageLimitError(
      undefined,
      "是 ZIP64 大文件包,超出本工具读取的上限,已拒绝。",
      "it is a ZIP64 package, larger than anything this tool reads; refused.",
    );
  const decoder = new TextDecoder("utf-8");
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Step 1: the declared sizes, before anything is inflated; returns each part's declared size. */
export function checkDeclaredSizes(bytes: Uint8Array, limits: PackageLimits): Map<string, number> {
  const entries = centralDirectory(bytes);
  const sizes = new Map<string, number>();
  if (entries === undefined) return sizes;
  if (entries.length > limits.maxParts)
    throw new PackageLimitError(
      undefined,
      `含有 ${entries.length} 个部件,超过 ${limits.maxParts} 个的上限,已拒绝。`,
      `it holds ${entries.length} parts, more than the limit of ${limits.maxParts}; refused.`,
    );
  let total = 0;
  for (const entry of entries) {
    const limit = limitOf(entry.name, limits, limits.sheet?.scope === "every");
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff)
      throw tooLarge(entry.name, 0xffffffff, limit, true);
    if (entry.size > limit) throw tooLarge(entry.name, entry.size, limit, true);
    sizes.set(entry.name, entry.size);
    total += entry.size;
  }
  if (total > limits.maxTotalBytes)
    throw new PackageLimitError(
      undefined,
      `解压后共 ${mib(total)},超过 ${mib(limits.maxTotalBytes)} 的上限,已拒绝。`,
      `it inflates to ${mib(total)} in all, more than the limit of ${mib(limits.maxTotalBytes)}; refused.`,
    );
  return sizes;
}

/** What looks at a part's bytes as they stream by, throwing PackageLimitError to refuse the package. */
interface PartScan {
  push(chunk: Uint8Array): void;
  end(): void;
  /** The whole text at once, when the part was inflated at once (then neither push nor end is called). */
  whole?(text: string): void;
}

/**
 * The workbook part must be valid UTF-8: its sheet names are shown and written back (说明 lists them), and a
 * lenient decoder would turn damaged bytes into U+FFFD in a name the user never wrote.
 */
class Utf8Scan implements PartScan {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(private readonly part: string) {}

  push(chunk: Uint8Array): void {
    this.check(() => this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.check(() => this.decoder.decode());
  }

  private check(decode: () => string): void {
    try {
      decode();
    } catch {
      throw new PackageLimitError(
        this.part,
        `部件 ${this.part} 不是有效的 UTF-8 文本(文件已损坏),已拒绝。`,
        `the part ${this.part} is not valid UTF-8 text (the file is damaged); refused.`,
      );
    }
  }
}

/** Counts rows and cells of a worksheet part as its text streams by, refusing numbers beyond the grid. */
class SheetScan implements PartScan {
  private tail = "";
  private rows = 0;
  private cells = 0;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(
    private readonly part: string,
    private readonly limits: NonNullable<PackageLimits["sheet"]>,
  ) {}

  push(chunk: Uint8Array): void {
    // A tag split across two chunks is kept for the next one (tags are short; a long text run is not kept).
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const open = text.lastIndexOf("<");
    const keep = open >= 0 && text.length - open < 4096 ? open : text.length;
    this.tail = text.slice(keep);
    this.scan(text.slice(0, keep));
  }

  end(): void {
    this.scan(this.tail + this.decoder.decode());
    this.tail = "";
  }

  whole(text: string): void {
    this.scan(text);
  }

  /** Counts rows and cells (./sheetTags.ts); a limit is checked as the tag that passes it goes by. */
  private scan(text: string): void {
    const { maxRows, maxCells } = this.limits;
    forEachRowOrCell(text, (isRow, ref) => {
      if (isRow) this.rows++;
      else this.cells++;
      if (ref !== undefined && !withinGrid(ref, isRow)) this.beyondGrid(ref, isRow);
      if (this.rows > maxRows)
        throw new PackageLimitError(
          this.part,
          `工作表部件 ${this.part} 超过 ${maxRows.toLocaleString("en-US")} 行的上限,已拒绝。`,
          `the worksheet part ${this.part} has more than ${maxRows.toLocaleString("en-US")} rows, the limit; refused.`,
        );
      if (this.cells > maxCells)
        throw new PackageLimitError(
          this.part,
          `工作表部件 ${this.part} 超过 ${maxCells.toLocaleString("en-US")} 个单元格的上限,已拒绝。`,
          `the worksheet part ${this.part} has more than ${maxCells.toLocaleString("en-US")} cells, the limit; refused.`,
        );
    });
  }

  private beyondGrid(ref: string, isRow: boolean): never {
    throw new PackageLimitError(
      this.part,
      `工作表部件 ${this.part} 中有超出 Excel 表格范围的${isRow ? "行号" : "单元格"} ${ref.slice(0, 24)}(最多 ${EXCEL_MAX_ROW} 行、XFD 列),已拒绝。`,
      `the worksheet part ${this.part} has the ${isRow ? "row number" : "cell"} ${ref.slice(0, 24)}, beyond Excel's grid (${EXCEL_MAX_ROW} rows, columns to XFD); refused.`,
    );
  }
}

/** Parts up to this size are inflated at once (in Node): the tight limits of the parts the product parses. */
const AT_ONCE = 32 * MiB;

/**
 * Step 2 for one part. In Node a part that inflates to the size its header declares, within its limit and
 * {@link AT_ONCE}, is inflated at once by zlib (never more than that size held); a scan that reads the whole text
 * leaves it for the reader (`rememberText`: the product's sheets are parsed next). Any other part, or any part in
 * a browser, is streamed and stopped at the first chunk past its limit.
 */
async function checkInflated(
  zip: JSZip,
  file: JSZip.JSZipObject,
  limit: number,
  scan: PartScan | undefined,
): Promise<number> {
  const bytes = inflateEntry(file, Math.min(limit, AT_ONCE));
  if (bytes === undefined) {
    let size = 0;
    await streamEntry(
      file,
      (chunk) => {
        size += chunk.length;
        if (size > limit) throw tooLarge(file.name, size, limit, false);
        scan?.push(chunk);
      },
      () =>
        new PackageLimitError(
          file.name,
          `部件 ${file.name} 的压缩数据已损坏,无法解压。`,
          `the part ${file.name} is damaged (its compressed data cannot be inflated).`,
        ),
    );
    scan?.end();
    return size;
  }
  if (scan?.whole) {
    const text = bytes.toString("utf8");
    scan.whole(text);
    rememberText(zip, file, text);
  } else if (scan) {
    scan.push(bytes);
    scan.end();
  }
  return bytes.length;
}

/**
 * Opens a package from someone else within `limits`: declared sizes first, then every part inflated as a stream
 * and counted (never held), then the zip reader the rest of the code uses. Throws {@link PackageLimitError}; a
 * package that is no zip at all fails in the zip reader as before (the caller says "not an .xlsx").
 *
 * With `sheet.scope` "product", `parsedSheets` names the worksheet parts the caller will parse; it is asked once
 * every other part (the workbook, its relationships, the tables) has passed its limits. When it cannot tell (a
 * damaged workbook part: the reader says so later, naming the part), every worksheet is limited.
 */
export async function openWithinLimits(
  bytes: Uint8Array,
  limits: PackageLimits,
  parsedSheets?: (zip: JSZip) => Promise<ReadonlySet<string>>,
): Promise<JSZip> {
  const declared = checkDeclaredSizes(bytes, limits);
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  let total = 0;
  const count = async (file: JSZip.JSZipObject, limit: number, scan?: PartScan) => {
    total += await checkInflated(zip, file, Math.min(limit, limits.maxTotalBytes - total), scan);
  };
  // The structure first: what tells which worksheets are the product's.
  for (const file of files.filter((f) => !WORKSHEET.test(f.name)))
    await count(
      file,
      limitOf(file.name, limits),
      file.name === "xl/workbook.xml" ? new Utf8Scan(file.name) : undefined,
    );
  const sheet = limits.sheet;
  const parsed =
    sheet?.scope === "product" && parsedSheets !== undefined
      ? await parsedSheets(zip).catch(() => undefined)
      : undefined;
  for (const file of files.filter((f) => WORKSHEET.test(f.name))) {
    const isParsed = sheet !== undefined && (parsed === undefined || parsed.has(file.name));
    const limit = limitOf(file.name, limits, isParsed);
    const size = declared.get(file.name) ?? 0;
    if (size > limit) throw tooLarge(file.name, size, limit, true);
    await count(file, limit, isParsed && sheet ? new SheetScan(file.name, sheet) : undefined);
  }
  return zip;
}
