/**
 * Last year's workbook as staff choose it in the pane: the file's bytes read in the browser through the same
 * package limits and reader as the CLI's `--previous` (src/xlsx/previousYear.ts). The reader (JSZip and the part
 * tokenizer) is a chunk of its own, loaded on the first file chosen.
 */
import type { PreviousYear } from "../../carryover";

/** Why a chosen file cannot be carried from; the card words it (t.newYear.errors). */
export type PreviousFileProblem =
  | { readonly kind: "notXlsx" | "notWorkbook" | "noEdition" | "noFigures"; readonly file: string }
  | { readonly kind: "limits"; readonly file: string; readonly chinese: string; readonly english: string }
  /** The file is of this workbook's year or later: not last year's. */
  | { readonly kind: "sameYear"; readonly file: string; readonly year: number; readonly current: number };

export class PreviousFileError extends Error {
  readonly code = "PreviousFile";
  constructor(readonly problem: PreviousFileProblem) {
    super(`${problem.kind}: ${problem.file}`);
    this.name = "PreviousFileError";
  }
}

export async function readPreviousFile(file: File): Promise<PreviousYear> {
  const name = file.name;
  if (!/\.xlsx$/i.test(name)) throw new PreviousFileError({ kind: "notXlsx", file: name });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { readPreviousYear, PreviousWorkbookError, PackageLimitError } = await import(
    /* webpackChunkName: "previous-year" */ "../../xlsx/previousYear"
  );
  try {
    return await readPreviousYear(bytes, name);
  } catch (caught) {
    if (caught instanceof PreviousWorkbookError) throw new PreviousFileError({ kind: caught.reason, file: name });
    if (caught instanceof PackageLimitError)
      throw new PreviousFileError({ kind: "limits", file: name, chinese: caught.chinese, english: caught.english });
    // Not a zip, a zip that is no workbook, a part that does not parse: not a workbook we can read.
    throw new PreviousFileError({ kind: "notWorkbook", file: name });
  }
}
