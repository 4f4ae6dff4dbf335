/**
 * The return files in the pane: 分发's .zip of one .xlsx per unit, and 回收's picked files read into returns. The
 * writer and reader are the file route's own (the part writer, the package limits), large next to the rest of the pane,
 * so they are a chunk of their own (return-files.js) loaded on the first use.
 */
import type { EditionData } from "../../policy/types";
import type { ReturnedFile, ReturnMonth, WorkbookCells } from "../../returns";
import type { ReturnSheetOptions } from "../../sheets/returnSheet";
import type { PickedFile, ReturnsZip } from "./fileTypes";

export type { PickedFile, ReturnsZip } from "./fileTypes";

export interface ReturnFiles {
  make(
    edition: EditionData,
    cells: WorkbookCells,
    month: ReturnMonth,
    options: ReturnSheetOptions,
  ): Promise<ReturnsZip>;
  /** Each picked file as a return; a file that is no return (or no .xlsx at all) comes back without identity. */
  read(files: readonly PickedFile[], edition: EditionData): Promise<ReturnedFile[]>;
}

const chunk = () => import(/* webpackChunkName: "return-files" */ "./filesChunk");

export const returnFiles: ReturnFiles = {
  make: async (edition, cells, month, options) => (await chunk()).makeReturnsZip(edition, cells, month, options),
  read: async (files, edition) => (await chunk()).readReturnedFiles(files, edition),
};

export const ZIP_MIME = "application/zip";
