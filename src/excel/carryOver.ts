/**
 * The year's turn through Office.js: the same pure plan as the file route (src/carryover) against the open
 * workbook's 目标任务, written as one patch by the refresh's patch writer — the carried 上年值 and each row's 核对
 * note. `planCarryOverInExcel` reads (2 syncs) and plans without writing: the pane's preview; `carryOverInExcel`
 * reads again right before it writes, so a 上年值 a co-author typed since the preview is kept (and shown as a
 * difference), never overwritten.
 */
import { planCarryOver, type CarryOverPlan, type PreviousYear } from "../carryover";
import type { EditionData } from "../policy/types";
import { carryOverPatch, carryOverWorkbookPatch, typedPreviousOf } from "../sheets/carryOver";
import { findSheet } from "../sheets/read";
import type { ExistingSheet } from "../workbook/snapshot";
import { BATCH_BYTES, WriteBatches } from "./batches";
import { FULL_CAPABILITIES, type Capabilities } from "./capabilities";
import { writePatch } from "./patch";
import { readWorkbookSnapshot } from "./snapshot";

/** The open workbook has no 目标任务 of ours: there is nowhere to carry 上年值 into. */
export class NoTargetsSheetError extends Error {
  readonly code = "NoTargetsSheet";
  constructor() {
    super("工作簿中没有本插件的“目标任务”工作表 / The workbook has no 目标任务 sheet of ours");
    this.name = "NoTargetsSheetError";
  }
}

interface Planned {
  readonly plan: CarryOverPlan;
  readonly sheet: ExistingSheet;
  readonly existingNames: ReadonlySet<string>;
  readonly syncs: number;
}

async function readAndPlan(context: Excel.RequestContext, edition: EditionData, previous: PreviousYear) {
  const read = await readWorkbookSnapshot(context);
  const sheet = findSheet([...(read.snapshot.sheets?.values() ?? [])], "目标任务");
  if (!sheet) throw new NoTargetsSheetError();
  const plan = planCarryOver(previous, edition, typedPreviousOf(sheet, edition));
  return { plan, sheet, existingNames: read.existingNames, syncs: read.syncs } satisfies Planned;
}

export interface ExcelCarryOverPreview {
  readonly plan: CarryOverPlan;
  readonly syncs: number;
}

/** The preview: what the carry-over would write, read in at most 2 syncs; nothing is written. */
export async function planCarryOverInExcel(
  context: Excel.RequestContext,
  edition: EditionData,
  previous: PreviousYear,
): Promise<ExcelCarryOverPreview> {
  const { plan, syncs } = await readAndPlan(context, edition, previous);
  return { plan, syncs };
}

export interface ExcelCarryOverResult {
  readonly plan: CarryOverPlan;
  /** 上年值 cells written. */
  readonly written: number;
  /** 核对 cells written (notes added, changed or dropped). */
  readonly notes: number;
  readonly syncs: number;
  /** Estimated bytes of each write request. */
  readonly writeRequests: readonly number[];
}

/**
 * Re-reads the workbook, plans again and writes the carried 上年值 and the 核对 notes as one patch: 2 read syncs
 * and 1 write sync (none when everything is there already). Excel recalculates the 状态 that read 上年值 itself.
 */
export async function carryOverInExcel(
  context: Excel.RequestContext,
  edition: EditionData,
  previous: PreviousYear,
  options: { readonly capabilities?: Capabilities; readonly time?: string } = {},
): Promise<ExcelCarryOverResult> {
  const { plan, sheet, existingNames, syncs } = await readAndPlan(context, edition, previous);
  const patched = carryOverPatch(plan, sheet, edition);
  const written = patched.changes.filter((c) => c.columnKey === "上年值").length;
  const notes = patched.changes.length - written;
  if (patched.changes.length === 0) return { plan, written, notes, syncs, writeRequests: [] };
  const patch = carryOverWorkbookPatch(patched, edition.document.id, options.time ?? new Date().toISOString());

  const batches = new WriteBatches(context, BATCH_BYTES);
  await writePatch(context.workbook, patch, existingNames, options.capabilities ?? FULL_CAPABILITIES, batches);
  await batches.send();
  return { plan, written, notes, syncs: syncs + batches.requests.length, writeRequests: [...batches.requests] };
}
