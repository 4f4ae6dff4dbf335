/**
 * The fake action layer the panel tests run against: every call is recorded, results are scripted, and a call
 * can be held open (`hold`) to look at the pane while it works.
 */
import type { EditionData } from "../../src/policy/types";
import type {
  Actions,
  GenerateOptions,
  GenerateSummary,
  InsertResult,
  PatchSummary,
  RefreshPreview,
  SheetKey,
  SheetStatus,
} from "../../src/taskpane/actions";
import { patchSummary } from "../../src/workbook/patch";

export const SHEETS: readonly SheetKey[] = ["说明", "预算安排", "目标任务", "预算执行", "责任分工", "汇总"];

/** A preview with nothing in it; tests fill in what they need. */
export function previewOf(patch: Partial<PatchSummary> = {}): PatchSummary {
  return patchSummary(patch);
}

export function summaryOf(patch: Partial<GenerateSummary> = {}): GenerateSummary {
  return {
    cellsWritten: 1200,
    preview: previewOf({ cellsWritten: 1200, sheetsCreated: [...SHEETS] }),
    sheetsWritten: [...SHEETS],
    rowsWritten: 160,
    valuesKept: 12,
    orphanRows: 0,
    skipped: [],
    skippedFeatures: [],
    syncs: 2,
    payloadBytes: 48_000,
    writeRequests: [48_000],
    ...patch,
  };
}

export function statusOf(key: SheetKey, patch: Partial<SheetStatus> = {}): SheetStatus {
  return {
    key,
    exists: true,
    ours: true,
    editionId: "yueqing-2025",
    generatedAt: "2025-07-08T06:30:00.000Z",
    stale: false,
    ...patch,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeActions implements Actions {
  readonly calls: {
    generate: GenerateOptions[];
    preview: GenerateOptions[];
    readStatus: (string | undefined)[];
    insertFormula: string[];
  } = {
    generate: [],
    preview: [],
    readStatus: [],
    insertFormula: [],
  };

  /** Scripted answers; a function is called with the call's argument; an Error is thrown. */
  generateResult: GenerateSummary | Error | ((options: GenerateOptions) => GenerateSummary) = summaryOf();
  statusResult: SheetStatus[] | Error = SHEETS.map((key) => statusOf(key));
  insertResult: InsertResult | Error = { address: "目标任务!F5" };
  selection = "Sheet1!B2";

  private held: Deferred<void> | null = null;

  /** The next generate() waits until `release()`; returns the release function. */
  hold(): () => void {
    const gate = deferred<void>();
    this.held = gate;
    return () => gate.resolve();
  }

  async generate(options: GenerateOptions): Promise<GenerateSummary> {
    this.calls.generate.push(options);
    if (this.held) {
      const gate = this.held;
      this.held = null;
      await gate.promise;
    }
    const result = this.generateResult;
    if (result instanceof Error) throw result;
    return typeof result === "function" ? result(options) : result;
  }

  /** Scripted preview; the default is a fresh workbook (every sheet created), which the pane applies at once. */
  previewResult: RefreshPreview | Error | ((options: GenerateOptions) => RefreshPreview) = {
    ...previewOf({ cellsWritten: 1200, sheetsCreated: [...SHEETS] }),
    empty: false,
    sheetsRefreshed: [],
    syncs: 1,
  };

  async preview(options: GenerateOptions): Promise<RefreshPreview> {
    this.calls.preview.push(options);
    const result = this.previewResult;
    if (result instanceof Error) throw result;
    return typeof result === "function" ? result(options) : result;
  }

  /** Records the id of the edition the status was asked against. */
  async readStatus(edition?: EditionData): Promise<SheetStatus[]> {
    this.calls.readStatus.push(edition?.document.id);
    if (this.statusResult instanceof Error) throw this.statusResult;
    return this.statusResult.map((s) => ({ ...s }));
  }

  async insertFormula(formula: string): Promise<InsertResult> {
    this.calls.insertFormula.push(formula);
    if (this.insertResult instanceof Error) throw this.insertResult;
    return this.insertResult;
  }

  async getSelectionAddress(): Promise<string> {
    return this.selection;
  }
}

/** An error shaped like OfficeExtension.Error. */
export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}
