/**
 * Edition validation: the one library the tests, the CLI (`check`), the pane (版本), the workbook reader and the
 * importer use. Pure (no Node, no Office), so it runs everywhere.
 *
 * API (stable; other modules build on it):
 *
 *   validateEdition(json: unknown, options?: { text?: string }): EditionValidation
 *     json    — a parsed edition file (the shape of `cli dataset`, schema/edition.schema.json).
 *     text    — the policy text to check every quote against; defaults to the file's own `text`, if any.
 *     returns — { edition?: EditionData; errors: Issue[]; warnings: Issue[] }: `edition` is set exactly when
 *               there are no errors; warnings never block.
 *
 *   parseEdition(source: string, options?): EditionValidation
 *     the same from the file's characters: refuses more than MAX_EDITION_CHARS and malformed JSON with an
 *     issue (never a throw).
 *
 *   Issue = { path: string; message: string } — path like `targets[12].value` ("" for the whole file), message
 *   in Chinese (`应为数字`); formatIssue(issue) gives `targets[12].value 应为数字`.
 *
 * @example
 * validateEdition(toEditionFile(getEdition("yueqing-2025")!)).errors // []
 * validateEdition({ ...file, targets: [{ ...t, value: "75" }] }).errors[0] // { path: "targets[0].value", message: "应为数字或null" }
 */
import type { EditionData } from "../types";
import { fromEditionFile, type EditionFile } from "../editionFile";
import { checkEdition } from "./checks";
import { validateSchema } from "./compileSchema";
import type { Issue } from "./issues";
import { schemaIssues } from "./schemaIssues";

export { formatIssue, type Issue } from "./issues";
export { comparatorOfWords, KNOWN_UNITS } from "./checks";

export interface EditionValidation {
  /** The edition, when there is no error. */
  readonly edition?: EditionData;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export interface ValidateOptions {
  /** The policy text the quotes must be exact substrings of (overrides the file's own `text`). */
  readonly text?: string;
}

/** 4 M characters: a 2,000-target edition with its text is under 2 M; anything far larger is not an edition. */
export const MAX_EDITION_CHARS = 4_000_000;

export function validateEdition(json: unknown, options: ValidateOptions = {}): EditionValidation {
  if (!validateSchema(json)) return { errors: schemaIssues(validateSchema.errors), warnings: [] };
  const file = json as EditionFile;
  const warnings: Issue[] = [];
  let text = file.text;
  if (options.text !== undefined) {
    if (file.text !== undefined && file.text !== options.text)
      warnings.push({ path: "text", message: "与所给原文不同,按所给原文核对" });
    text = options.text;
  }
  const checked = checkEdition(file, text);
  warnings.push(...checked.warnings);
  if (checked.errors.length > 0) return { errors: checked.errors, warnings };
  return { edition: fromEditionFile(file), errors: [], warnings };
}

/** Where a JSON.parse error points, as 第 N 行第 M 列, when the engine says (V8 gives "position N"). */
function jsonPlace(source: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return "";
  const before = source.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `(第 ${line} 行第 ${column} 列附近)`;
}

export function parseEdition(source: string, options: ValidateOptions = {}): EditionValidation {
  if (source.length > MAX_EDITION_CHARS) {
    const mb = (source.length / 1_000_000).toFixed(1);
    return { errors: [{ path: "", message: `文件过大(${mb} M 字符,上限 4 M),不是版本文件` }], warnings: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { errors: [{ path: "", message: `不是有效的 JSON${jsonPlace(source, message)}` }], warnings: [] };
  }
  return validateEdition(json, options);
}
