/**
 * How CLI commands take an edition: a bundled id (`yueqing-2025`) or an edition file (`x.json`), validated by the
 * one validation library, so every command refuses a broken file with the same report.
 */
import { readFile } from "node:fs/promises";
import { editionIds, getEdition, type EditionData } from "../policy";
import { formatIssue, parseEdition, type EditionValidation } from "../policy/validation";

/** An argument names a file when it looks like one; anything else is a bundled id. */
export function isEditionFileArg(arg: string): boolean {
  return /\.json$/i.test(arg) || arg.includes("/") || arg.includes("\\");
}

export type LoadedEdition =
  | { readonly ok: true; readonly data: EditionData; readonly validation?: EditionValidation }
  | { readonly ok: false; readonly usage: boolean; readonly english: string; readonly chinese: string };

/** Reads a text file, or an English/Chinese reason it could not. */
export async function readText(file: string): Promise<{ text: string } | { english: string; chinese: string }> {
  try {
    return { text: await readFile(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { english: `${file} does not exist.`, chinese: `文件 ${file} 不存在。` };
    return {
      english: `cannot read ${file} (${code ?? String(error)}).`,
      chinese: `无法读取 ${file}(${code ?? "?"})。`,
    };
  }
}

/** The edition an `--edition` value names; a file's errors come back as one message line plus the issues. */
export async function loadEdition(arg: string, options: { text?: string } = {}): Promise<LoadedEdition> {
  if (!isEditionFileArg(arg)) {
    const data = getEdition(arg);
    if (data !== undefined) return { ok: true, data };
    const known = editionIds().join(", ");
    return {
      ok: false,
      usage: true,
      english: `unknown edition "${arg}" (known: ${known}; or give an edition file x.json).`,
      chinese: `未知版本 "${arg}"(可选:${known};或给出版本文件 x.json)。`,
    };
  }
  const read = await readText(arg);
  if (!("text" in read)) return { ok: false, usage: false, ...read };
  const validation = parseEdition(read.text, options);
  if (validation.edition === undefined) {
    const issues = validation.errors.map((i) => `\n  ${formatIssue(i)}`).join("");
    return {
      ok: false,
      usage: false,
      english: `${arg} is not a valid edition file (${validation.errors.length} error(s)).`,
      chinese: `${arg} 不是有效的版本文件(${validation.errors.length} 处错误):${issues}`,
    };
  }
  return { ok: true, data: validation.edition, validation };
}

/** Writes a failed load the CLI way: one line Chinese, then English, naming the file; exit 1. */
export function reportLoadFailure(failure: { chinese: string; english: string }): number {
  process.stderr.write(`错误:${failure.chinese}\nError: ${failure.english}\n`);
  return 1;
}
