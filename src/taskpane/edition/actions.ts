/** What the 版本 panel asks of Excel; the panel receives these as props (tests pass fakes). */
import type { EditionData } from "../../policy/types";
import type { WorkbookEdition } from "../../policy/editionPart";

export interface EditionActions {
  /** The edition the open workbook carries (validated), or { found: false }. */
  readWorkbookEdition(): Promise<WorkbookEdition>;
  /** Stores the edition in the workbook, hands it to the ZC functions and recalculates their formulas. */
  applyEdition(data: EditionData): Promise<void>;
}

export function unavailableEditionActions(): EditionActions {
  const fail = () => Promise.reject(new Error("请在 Excel 中打开任务窗格。 / Open the pane in Excel."));
  return { readWorkbookEdition: () => Promise.resolve({ found: false }), applyEdition: fail };
}
