/**
 * 分发 on the file route and in the pane alike: the month's return files as .xlsx bytes, one per unit that leads
 * targets. `returns make` writes them into a folder, the pane zips them into one download; both call this, so a
 * unit's file is the same whichever route made it.
 */
import type { EditionData } from "../policy/types";
import { returnsForMonth, type ReturnMonth, type WorkbookCells } from "../returns";
import { returnWorkbook, type ReturnSheetOptions } from "../sheets/returnSheet";
import { writeReturnFile } from "./returnFile";

export interface MadeReturn {
  /** `2025-07_市科技局.xlsx`. */
  readonly fileName: string;
  readonly unit: string;
  /** How many targets the unit reports in it. */
  readonly targets: number;
  readonly bytes: Uint8Array;
}

export interface MadeReturns {
  readonly files: readonly MadeReturn[];
  /** Units the edition names that lead no target: they get no file. */
  readonly withoutReturn: readonly string[];
}

/**
 * Every return file of `month`, made from the figures the workbook holds now (earlier months read-only, the
 * month's own figure pre-filled). `onFile` sees each file as soon as it is written (the CLI prints its path).
 */
export async function makeReturnFiles(
  edition: EditionData,
  workbook: WorkbookCells,
  month: ReturnMonth,
  options: ReturnSheetOptions = {},
  onFile?: (file: MadeReturn) => Promise<void> | void,
): Promise<MadeReturns> {
  const { returns, withoutReturn } = returnsForMonth(edition, workbook, month);
  const files: MadeReturn[] = [];
  for (const content of returns) {
    const bytes = await writeReturnFile(returnWorkbook(content, options));
    const file = { fileName: content.fileName, unit: content.unit, targets: content.rows.length, bytes };
    files.push(file);
    await onFile?.(file);
  }
  return { files, withoutReturn };
}
