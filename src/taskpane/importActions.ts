/**
 * What the 导入新版本 panel asks of Excel: write the review sheet 导入审核 and read it back after staff edited it.
 * The panel receives these as a prop; the one real implementation is `excel/reviewSheet.ts`.
 */
import type { Cell, ReviewSheet } from "../importer/review";
import type { EditionFile } from "../policy/editionFile";
import type { GenerateSummary } from "./actions";
import { NotInExcelError } from "./actions";

export interface ReviewWriteResult {
  /** False when a 导入审核 sheet already exists and `replace` was not given: nothing was written. */
  written: boolean;
  sheet: string;
}

export interface ImportActions {
  /** Writes the review sheet (and its hidden text sheet) and activates it; refuses to replace one unless told. */
  writeReviewSheet(sheet: ReviewSheet, options: { replace: boolean }): Promise<ReviewWriteResult>;
  /** The review sheet's cells and the text, or undefined when the workbook has no 导入审核 sheet. */
  readReviewSheet(): Promise<{ rows: Cell[][]; text: string[] } | undefined>;
  /** Stores the (validated) edition in the workbook (its Custom XML part) and refreshes the sheets from it. */
  applyEdition(file: EditionFile): Promise<GenerateSummary>;
}

/** Outside Excel: the panel still drafts and checks a text, the sheet steps explain why not. */
export function unavailableImportActions(): ImportActions {
  const fail = (): Promise<never> => Promise.reject(new NotInExcelError());
  return { writeReviewSheet: fail, readReviewSheet: fail, applyEdition: fail };
}
