import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import type JSZip from "jszip";
import { openPackage } from "../xlsx/parts";
import { PackageLimitError, WORKBOOK_LIMITS, type PackageLimits } from "../xlsx/packageLimits";
import { forget, removeOnInterrupt } from "./interrupt";

/**
 * The CLI's files: reading a workbook the user names, and replacing one atomically. Every failure is a
 * {@link FileError}: the user's file and the reason, Chinese and English, printed by {@link errorLine} in the one
 * shape every command uses — never a library's text or a temporary file's name.
 */
export class FileError extends Error {
  constructor(
    /** The user's file, as they named it. */
    readonly file: string,
    /** Why, in Chinese, without the file's name (the line names it). */
    readonly chinese: string,
    readonly english: string,
  ) {
    super(errorLine(file, chinese, english));
    this.name = "FileError";
  }
}

/**
 * The one shape of a CLI error: `错误:<file>:<reason> / Error: <file>: <reason>`, on one line.
 *
 * @example
 * errorLine("台账.xlsx", "文件不存在。", "no such file.") // "错误:台账.xlsx:文件不存在。 / Error: 台账.xlsx: no such file."
 */
export function errorLine(file: string, chinese: string, english: string): string {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");
  return `错误:${file}:${oneLine(chinese)} / Error: ${file}: ${oneLine(english)}`;
}

/** Prints a FileError (its one line) on stderr; the exit code of a file problem, 1. */
export function printFileError(error: FileError): number {
  process.stderr.write(`${error.message}\n`);
  return 1;
}

const SYSTEM_REASONS: Record<string, readonly [string, string]> = {
  ENOENT: ["文件或文件夹不存在", "no such file or folder"],
  ENOTDIR: ["路径中有一段不是文件夹", "a part of the path is not a folder"],
  EISDIR: ["这是一个文件夹,不是文件", "it is a folder, not a file"],
  EACCES: ["没有权限", "permission denied"],
  EPERM: ["没有权限", "permission denied"],
  EROFS: ["所在磁盘是只读的", "the disk is read-only"],
  ENOSPC: ["磁盘空间不足", "the disk is full"],
  EDQUOT: ["磁盘配额已满", "the disk quota is exceeded"],
  EBUSY: [
    "文件正被其他程序占用(可能已在 Excel 或 WPS 中打开)",
    "the file is in use by another program (open in Excel or WPS?)",
  ],
  EMFILE: ["同时打开的文件过多", "too many open files"],
  EIO: ["磁盘读写出错", "an I/O error occurred"],
};

/** The reason of a system error as a person reads it; unknown codes give their code only, not the library's text. */
function reason(error: unknown): readonly [string, string] {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  return SYSTEM_REASONS[code] ?? [`系统错误 ${code || "未知"}`, `system error ${code || "unknown"}`];
}

export function cannot(verb: "read" | "write", file: string, why: readonly [string, string]): FileError {
  return verb === "read"
    ? new FileError(file, `无法读取:${why[0]}。`, `cannot read it: ${why[1]}.`)
    : new FileError(file, `无法写入:${why[0]}。`, `cannot write it: ${why[1]}.`);
}

/** A system error (ENOENT, EACCES …) as a FileError about `file`. */
export function systemError(verb: "read" | "write", file: string, error: unknown): FileError {
  return cannot(verb, file, reason(error));
}

/** Lock files Excel (~$name) and LibreOffice (.~lock.name#) leave beside a workbook they have open. */
async function openBy(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const locks: [string, string][] = [
    [`~$${base}`, "Excel"],
    [`.~lock.${base}#`, "LibreOffice"],
  ];
  for (const [name, app] of locks) {
    if (await exists(path.join(dir, name))) return app;
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A package the user named, opened within `limits` (see src/xlsx/packageLimits.ts): beyond a limit, a FileError
 * naming the file and the part; undefined when the bytes are no zip at all (the caller says what was expected).
 */
export async function openUserPackage(
  file: string,
  bytes: Uint8Array,
  limits: PackageLimits,
): Promise<JSZip | undefined> {
  try {
    return await openPackage(bytes, limits);
  } catch (error) {
    if (error instanceof PackageLimitError) throw new FileError(file, error.chinese, error.english);
    return undefined;
  }
}

/**
 * The bytes of the workbook the user named, or a FileError: missing, a folder, empty, unreadable, not a workbook.
 * `limits`: EVERY_SHEET_LIMITS for a reader that parses every sheet (ExcelJS), else the product's sheets only.
 */
export async function readWorkbookFile(file: string, limits: PackageLimits = WORKBOOK_LIMITS): Promise<Uint8Array> {
  return (await openWorkbookFile(file, limits)).bytes;
}

/**
 * The workbook the user named, read and opened as a package (once: a command passes the package on), or a
 * FileError: missing, a folder, empty, unreadable, not a workbook.
 */
export async function openWorkbookFile(
  file: string,
  limits: PackageLimits = WORKBOOK_LIMITS,
): Promise<{ bytes: Uint8Array; zip: JSZip }> {
  let bytes: Buffer;
  try {
    const info = await fsp.stat(file);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    bytes = await fsp.readFile(file);
  } catch (error) {
    throw cannot("read", file, reason(error));
  }
  if (bytes.length === 0)
    throw new FileError(file, "是空文件,不是 .xlsx 工作簿。", "it is empty, not an .xlsx workbook.");
  const zip = await openUserPackage(file, bytes, limits);
  if (zip === undefined)
    throw new FileError(
      file,
      "不是 .xlsx 工作簿(不是 zip 压缩包;旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx)。",
      "not an .xlsx workbook (not a zip package; save an old .xls as .xlsx first).",
    );
  if (zip.file("xl/workbook.xml") === null) {
    throw new FileError(
      file,
      "不是 Excel 工作簿(压缩包中没有 xl/workbook.xml;Word 或 PowerPoint 文件不能刷新)。",
      "not an Excel workbook (the package has no xl/workbook.xml).",
    );
  }
  return { bytes: new Uint8Array(bytes), zip };
}

export interface TargetCheck {
  /** Replace an existing file (`--force`, or `--update` writing the file it read). */
  readonly replace: boolean;
  /** Suggested in the refusal when the file exists: how to refresh it instead. */
  readonly existsHint?: "update";
}

/**
 * Refuses, before any work, a target the CLI must not write: a folder, a missing folder, a read-only file, a file
 * open in Excel or LibreOffice, or an existing file it was not told to replace.
 */
export async function checkTarget(file: string, check: TargetCheck): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    const d = await fsp.stat(dir);
    if (!d.isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new FileError(
        file,
        `无法写入:文件夹“${dir}”不存在。`,
        `cannot write it: the folder "${dir}" does not exist.`,
      );
    throw cannot("write", file, reason(error));
  }
  let info;
  try {
    info = await fsp.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw cannot("write", file, reason(error));
  }
  if (info.isDirectory()) throw cannot("write", file, reason({ code: "EISDIR" }));
  // The read-only attribute, not access(): root may write anything, but a file marked read-only is the user's word.
  if ((info.mode & 0o222) === 0)
    throw new FileError(file, "是只读文件,未作改动。", "it is read-only; it was left unchanged.");
  const app = await openBy(file);
  if (app !== undefined)
    throw new FileError(
      file,
      `正在 ${app} 中打开,请先关闭再写入(否则保存时会覆盖本次结果)。`,
      `it is open in ${app}; close it first (saving there would overwrite this result).`,
    );
  if (!check.replace)
    throw new FileError(
      file,
      check.existsHint === "update"
        ? `已存在,未作改动:刷新请用 --update "${file}",替换请加 --force。`
        : "已存在,未作改动:替换请加 --force。",
      check.existsHint === "update"
        ? `it exists and was left unchanged: refresh it with --update "${file}", or pass --force to replace it.`
        : "it exists and was left unchanged: pass --force to replace it.",
    );
}

/** The file operations an atomic write needs; tests inject failures (disk full) through it. */
export interface WriteFs {
  writeFile(file: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
}

const nodeFs: WriteFs = {
  async writeFile(file, data) {
    const handle = await fsp.open(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  chmod: (file, mode) => fsp.chmod(file, mode),
};

/**
 * Writes `data` to `file` through a temporary file in the same folder, renamed over the target when complete:
 * a failure at any point (disk full, permission, a folder in the way, Ctrl-C) leaves the user's file as it was and
 * no temporary file behind. An existing file keeps its permissions; a symbolic link stays a link and the file it
 * points to is the one replaced.
 */
export async function writeAtomic(file: string, data: Uint8Array, fs: WriteFs = nodeFs): Promise<void> {
  const target = await realTarget(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fsp.stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  removeOnInterrupt(temp);
  try {
    await fs.writeFile(temp, data);
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw cannot("write", file, reason(error));
  } finally {
    forget(temp);
  }
}

/** The file a path names once symbolic links are followed; the path itself when it does not exist yet. */
export async function realTarget(file: string): Promise<string> {
  try {
    return await fsp.realpath(file);
  } catch {
    return file;
  }
}
