/** The 版本 panel's Excel calls: the workbook's Custom XML part, the functions bridge, a full recalculation. */
import { functionsBridge } from "../../functions/bridge";
import type { EditionData } from "../../policy/types";
import { readWorkbookEdition, storeWorkbookEdition } from "../../excel/editionPart";
import type { ExcelRun } from "../excel/actions";
import type { EditionActions } from "./actions";

/** ZC formulas are not volatile: after the edition changes, only a full recalculation refreshes them all. */
async function recalculate(context: Excel.RequestContext): Promise<void> {
  // The string of Excel.CalculationType.full: the enum object exists only where office.js is loaded.
  context.workbook.application.calculate("Full");
  await context.sync();
}

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** `run` replaces `Excel.run` (tests: a fake Excel's context). */
export function createEditionActions(run: ExcelRun = excelRun): EditionActions {
  return {
    readWorkbookEdition: () => run((context) => readWorkbookEdition(context)),
    applyEdition: (data: EditionData) =>
      run(async (context) => {
        await storeWorkbookEdition(context, data);
        functionsBridge()?.setWorkbookEdition(data);
        await recalculate(context);
      }),
  };
}

/**
 * At start: the workbook's edition, if valid, becomes the functions' edition, and formulas computed meanwhile
 * with the default edition are recalculated. A refused part leaves the default edition in use (the 版本 panel
 * says why).
 */
export async function adoptWorkbookEdition(run: ExcelRun = excelRun): Promise<EditionData | undefined> {
  return run(async (context) => {
    const carried = await readWorkbookEdition(context);
    const data = carried.found ? carried.edition : undefined;
    const bridge = functionsBridge();
    if (data !== undefined && bridge !== undefined) {
      const before = bridge.activeEditionId();
      bridge.setWorkbookEdition(data);
      if (before !== data.document.id) await recalculate(context);
    }
    return data;
  });
}
