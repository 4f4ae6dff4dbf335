/**
 * What the pane can ask of Excel. Components receive an {@link Actions} as a prop and never touch `Excel` or
 * `Office` themselves, so every panel renders and is tested without Excel (tests pass a fake). The one real
 * implementation is `excel/actions.ts`.
 */
import type { EditionData } from "../policy/types";
import type { GenerateOptions, GenerateSummary, PatchSummary, RefreshPreview, SheetKey, SheetStatus } from "../excel";

export type { GenerateOptions, GenerateSummary, PatchSummary, RefreshPreview, SheetKey, SheetStatus };

export interface InsertResult {
  /** The cell written, e.g. `目标任务!F5`. */
  address: string;
}

export interface Actions {
  /**
   * Builds or refreshes the workbook's sheets (one `Excel.run`). A refresh writes only what changes;
   * `restoreFormulas: true` is the separate "restore formulas" action.
   */
  generate(options: GenerateOptions): Promise<GenerateSummary>;
  /** What `generate` would change, without writing anything: the pane shows it before applying. */
  preview(options: GenerateOptions): Promise<RefreshPreview>;
  /**
   * Which of the add-in's sheets exist, from which edition, and whether their official figures are stale against
   * `edition` (the pane's: bundled, loaded from a file or carried by the workbook; default the bundled default).
   */
  readStatus(edition?: EditionData): Promise<SheetStatus[]>;
  /** Writes `formula` (English syntax, e.g. `=ZC.COMPLETION("art01-hitech-firms", )`) into the active cell. */
  insertFormula(formula: string): Promise<InsertResult>;
  /** The address of the active cell, for the "write into …" label; "" when unknown. */
  getSelectionAddress(): Promise<string>;
}

/** Raised by actions that need Excel when the pane runs outside Excel (e.g. opened in a plain browser). */
export class NotInExcelError extends Error {
  readonly code = "NotInExcel";
  constructor() {
    super("Excel is not available");
    this.name = "NotInExcelError";
  }
}

/** The actions of a pane opened outside Excel: browsing works, anything touching the workbook explains why not. */
export function unavailableActions(): Actions {
  const fail = (): Promise<never> => Promise.reject(new NotInExcelError());
  return {
    generate: fail,
    preview: fail,
    readStatus: fail,
    insertFormula: fail,
    getSelectionAddress: () => Promise.resolve(""),
  };
}
