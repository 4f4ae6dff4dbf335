/**
 * How the task pane hands the functions the workbook's edition. The pane and the functions are separate bundles
 * in one shared runtime (webpack.config.js), so they meet on a global, not a module: the functions bundle
 * installs the bridge, the pane (which read and validated the workbook's Custom XML part) calls it, then asks
 * Excel to recalculate so no ZC formula keeps a value of the previous edition.
 */
import type { EditionData } from "../policy/types";

export const FUNCTIONS_BRIDGE_KEY = "__zhengceMubiaoFunctions";

export interface FunctionsBridge {
  /** The workbook's edition (validated by the caller), or undefined to fall back to the default bundled one. */
  setWorkbookEdition(data: EditionData | undefined): void;
  /** The id ZC formulas compute with now. */
  activeEditionId(): string;
}

/** The bridge the functions bundle installed in this runtime, if it is loaded. */
export function functionsBridge(): FunctionsBridge | undefined {
  return (globalThis as Record<string, unknown>)[FUNCTIONS_BRIDGE_KEY] as FunctionsBridge | undefined;
}
