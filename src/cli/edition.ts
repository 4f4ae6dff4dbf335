/**
 * How CLI commands take an edition: a bundled id (`yueqing-2025`) or an edition file (`x.json`), validated by the
 * one validation library, so every command refuses a broken file with the same report.
 */
import { readFile } from "node:fs/promises";
import { editionIds, getEdition, type EditionData } from "../policy";
import { formatIssue, parseEdition, type EditionValidation } from "../policy/validation";
import type { WorkbookEdition } from "../xlsx/editionPart";
import { differenceFromOfficial } from "../policy/officialEdition";
import { errorLine, FileError, systemError } from "./files";

/** An argument names a file when it looks like one; anything else is a bundled id. */
export function isEditionFileArg(arg: string): boolean {
  return /\.json$/i.test(arg) || arg.includes("/") || arg.includes("\\");
}

export type LoadedEdition =
  | { readonly ok: true; readonly data: EditionData; readonly validation?: EditionValidation }
  | {
      readonly ok: false;
      readonly usage: boolean;
      /** The file the failure is about (absent for an unknown bundled id, a usage error). */
      readonly file?: string;
      readonly english: string;
      readonly chinese: string;
      /** The validation issues, one per line, printed under the error line. */
      readonly issues?: string;
    };

/** Reads a text file, or an English/Chinese reason it could not. */
export async function readText(
  file: string,
): Promise<{ text: string } | { file: string; english: string; chinese: string }> {
  try {
    return { text: await readFile(file, "utf8") };
  } catch (error) {
    const { chinese, english } = systemError("read", file, error);
    return { file, chinese, english };
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
      file: arg,
      english: `not a valid edition file (${validation.errors.length} error(s)).`,
      chinese: `不是有效的版本文件(${validation.errors.length} 处错误)。`,
      issues,
    };
  }
  return { ok: true, data: validation.edition, validation };
}

/** Writes a failed load the CLI way: the one error line naming the file (then any issues, one a line); exit 1. */
export function reportLoadFailure(failure: {
  file?: string;
  chinese: string;
  english: string;
  issues?: string;
}): number {
  process.stderr.write(`${errorLine(failure.file ?? "", failure.chinese, failure.english)}${failure.issues ?? ""}\n`);
  return 1;
}

/**
 * The edition the workbook carries, or a refusal: a part that cannot be read for any reason (a bad character
 * reference, a damaged stream, a part too large) or does not validate is never replaced by the bundled edition.
 */
export async function carriedEdition(
  read: () => Promise<WorkbookEdition>,
  file: string,
  override: boolean,
): Promise<WorkbookEdition> {
  let carried: WorkbookEdition;
  try {
    carried = await read();
  } catch (error) {
    if (override) return { found: false };
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new FileError(
      file,
      `内嵌的版本(customXml 部件)无法读取(${why}),文件未作改动;可用 --edition 指定版本重写。`,
      `the edition it carries (its customXml part) cannot be read (${why}); it was left unchanged (give --edition to replace it).`,
    );
  }
  if (carried.found && carried.edition === undefined && !override) {
    const first = carried.errors[0];
    throw new FileError(
      file,
      `内嵌的版本无效(${carried.errors.length} 处错误${first ? `,如:${formatIssue(first)}` : ""}),文件未作改动;可用 --edition 指定版本重写。`,
      `the edition it carries is invalid (${carried.errors.length} error(s)); it was left unchanged (give --edition to replace it).`,
    );
  }
  return carried;
}

/**
 * Says, on stderr, when an edition bears a bundled edition's id but differs from it (a forged or edited copy of an
 * official edition), with the differences and the one command that adopts the official edition instead.
 */
export function warnIfNotOfficial(file: string, data: EditionData, adopt?: string): void {
  const difference = differenceFromOfficial(data);
  if (difference === undefined) return;
  const id = data.document.id;
  const n = difference.lines.length;
  const fix = adopt === undefined ? "" : `;改用内置版本:${adopt}`;
  const fixEn = adopt === undefined ? "" : `; to adopt the official one: ${adopt}`;
  const shown = difference.lines.slice(0, 10).map((l) => `\n  ${l}`);
  if (n > 10) shown.push(`\n  …另有 ${n - 10} 处 / ${n - 10} more`);
  process.stderr.write(
    `警告:${file}:版本自称“${id}”(内置的官方版本),但与内置版本有 ${n} 处不同${fix}` +
      ` / Warning: ${file}: the edition claims the official id "${id}" but differs from the bundled one in ${n} place(s)${fixEn}` +
      `${shown.join("")}\n`,
  );
}
