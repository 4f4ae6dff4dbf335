import { planCarryOver, type CarryOverPlan } from "../carryover";
import type { EditionData } from "../policy/types";
import { carryOverPatch, carryOverWorkbookPatch, typedPreviousOf } from "../sheets/carryOver";
import { findSheet } from "../sheets/read";
import { applyPatchParts } from "./applyPatch";
import { openPackage, savePackage } from "./parts";
import { PreviousWorkbookError, readPreviousYear } from "./previousYear";
import { readFileSnapshot } from "./snapshot";

export { PreviousWorkbookError };

export interface CarryOverResult {
  /** The workbook with the carried 上年值 written; the input itself when nothing was carried. */
  readonly buffer: Uint8Array;
  readonly plan: CarryOverPlan;
  /** 上年值 cells written (their 核对 notes not counted). */
  readonly written: number;
}

/**
 * The year's turn on the file route: reads last year's workbook (its stored edition and its 12月 figures), plans
 * each target's 上年值 ({@link planCarryOver}) against what the new workbook's 目标任务 already holds, and writes the
 * carried values into the empty 上年值 cells and each row's trace into 核对 by patching the package — nothing else
 * is touched. A host refreshes afterwards so that cached results (状态 of 上升/下降 targets) follow.
 */
export async function carryOverFile(
  workbook: Uint8Array,
  data: EditionData,
  previous: { readonly bytes: Uint8Array; readonly file: string },
): Promise<CarryOverResult> {
  const last = await readPreviousYear(previous.bytes, previous.file);
  const zip = await openPackage(workbook);
  const file = await readFileSnapshot(zip);
  const targets = findSheet([...(file.snapshot.sheets?.values() ?? [])], "目标任务");
  const typed = targets ? typedPreviousOf(targets, data) : new Map<string, number>();
  const plan = planCarryOver(last, data, typed);
  const sheet = targets ? carryOverPatch(plan, targets, data) : undefined;
  if (sheet === undefined || sheet.changes.length === 0) return { buffer: workbook, plan, written: 0 };
  const patch = carryOverWorkbookPatch(sheet, data.document.id, new Date().toISOString());

  await applyPatchParts(zip, file, patch);
  const buffer = await savePackage(zip);
  return { buffer, plan, written: sheet.changes.filter((c) => c.columnKey === "上年值").length };
}
