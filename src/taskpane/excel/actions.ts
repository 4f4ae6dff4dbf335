/**
 * The pane's only module that calls Excel. Each action is one `Excel.run` with as few `context.sync()` calls as
 * it can manage; everything else in src/taskpane works on the {@link Actions} interface.
 */
import {
  capabilitiesFrom,
  generateWorkbook,
  previewWorkbook,
  readWorkbookStatus,
  ALL_SHEET_KEYS,
  SHEET_KEYS,
  type Capabilities,
} from "../../excel";
import { readWorkbookEdition } from "../../excel/editionPart";
import type { Actions, InsertResult } from "../actions";

/** The workbook's edition part exists but cannot be read or is invalid: nothing is written. */
export class UnreadableEditionError extends Error {
  readonly code = "UnreadableWorkbookEdition";
  constructor(readonly reasons: readonly string[]) {
    super(reasons.join("; "));
    this.name = "UnreadableEditionError";
  }
}

async function refuseUnreadableEdition(context: Excel.RequestContext): Promise<void> {
  let carried;
  try {
    carried = await readWorkbookEdition(context);
  } catch (error) {
    throw new UnreadableEditionError([error instanceof Error ? error.message : String(error)]);
  }
  if (carried.found && carried.edition === undefined)
    throw new UnreadableEditionError(carried.errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)));
}

export { ALL_SHEET_KEYS, SHEET_KEYS };

/** Office's own requirement-set check; false for everything when Office or its context is missing. */
export function isSetSupported(name: string, version?: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.(name, version) === true;
}

/** What this Excel can do: the writer leaves out features above its ExcelApi level. */
export const hostCapabilities = () => capabilitiesFrom(isSetSupported);

/** `getActiveCell` needs ExcelApi 1.7; older hosts fall back to the top-left cell of the selection. */
function activeCell(context: Excel.RequestContext): Excel.Range {
  return isSetSupported("ExcelApi", "1.7")
    ? context.workbook.getActiveCell()
    : context.workbook.getSelectedRange().getCell(0, 0);
}

/** How an action gets its request context: `Excel.run` in the pane; tests hand in a fake Excel's context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** The pane's actions on Excel; `host` replaces `Excel.run` and the requirement-set check (tests: a fake Excel). */
export function createExcelActions(host: { run?: ExcelRun; capabilities?: () => Capabilities } = {}): Actions {
  const run = host.run ?? excelRun;
  const capabilities = host.capabilities ?? hostCapabilities;
  return {
    generate: (options) =>
      run(async (context) => {
        // An edition the user loaded replaces what the workbook carries, as --edition does in the CLI; otherwise
        // a carried edition that cannot be read refuses the refresh instead of being replaced by a bundled one.
        if (options.edition === undefined) await refuseUnreadableEdition(context);
        return generateWorkbook(context, { capabilities: capabilities(), ...options });
      }),

    preview: (options) => run((context) => previewWorkbook(context, options)),

    readStatus: (edition) => run((context) => readWorkbookStatus(context, edition)),

    insertFormula: (formula) =>
      run(async (context): Promise<InsertResult> => {
        const cell = activeCell(context);
        // `formulas` takes the English (invariant) syntax whatever Excel's language: comma separators, ZC. prefix.
        cell.formulas = [[formula]];
        cell.select();
        cell.load("address");
        await context.sync();
        return { address: cell.address };
      }),

    getSelectionAddress: () =>
      run(async (context) => {
        const cell = activeCell(context);
        cell.load("address");
        await context.sync();
        return cell.address;
      }),
  };
}
