import { planCarryOver, type CarryOverPlan } from "../carryover";
import type { EditionData } from "../policy/types";
import { carryOverPatch, finalFiguresOf, typedPreviousOf } from "../sheets/carryOver";
import { findSheet, readFigures } from "../sheets/reportFigures";
import { patchSummary, type WorkbookPatch } from "../workbook/patch";
import { applyPatchParts } from "./applyPatch";
import { readEditionPart } from "./editionPart";
import { openPackage, savePackage } from "./parts";
import { readFileSnapshot } from "./snapshot";

/** Last year's workbook cannot be carried from: no edition stored in it, or none of our figures. */
export class PreviousWorkbookError extends Error {
  constructor(chinese: string, english: string) {
    super(`${chinese} / ${english}`);
    this.name = "PreviousWorkbookError";
  }
}

export interface CarryOverResult {
  /** The workbook with the carried 上年值 written; the input itself when nothing was carried. */
  readonly buffer: Uint8Array;
  readonly plan: CarryOverPlan;
  /** 上年值 cells written. */
  readonly written: number;
}

/**
 * The year's turn on the file route: reads last year's workbook (its stored edition and its 12月 figures), plans
 * each target's 上年值 ({@link planCarryOver}) against what the new workbook's 目标任务 already holds, and writes the
 * carried values into the empty 上年值 cells by patching the package — nothing else is touched. A host refreshes
 * afterwards so that cached results (状态 of 上升/下降 targets) follow.
 */
export async function carryOverFile(
  workbook: Uint8Array,
  data: EditionData,
  previous: { readonly bytes: Uint8Array; readonly file: string },
): Promise<CarryOverResult> {
  // Last year's file comes from someone else: it is opened where every package is (limits on hostile packages).
  const last = await openPackage(previous.bytes);
  const stored = await readEditionPart(last).catch(() => ({ found: false }) as const);
  if (!stored.found || stored.edition === undefined) {
    throw new PreviousWorkbookError(
      "上年工作簿中没有可用的内嵌政策版本(不是本工具生成的工作簿,或版本已损坏),无法结转",
      "last year's workbook stores no usable edition (not one of ours, or the part is damaged): nothing to carry over",
    );
  }
  const before = await readFileSnapshot(last);
  const read = readFigures(stored.edition, [...(before.snapshot.sheets?.values() ?? [])]);
  if (read.sheets.length === 0) {
    throw new PreviousWorkbookError(
      "上年工作簿中没有目标任务或月度填报工作表,无法结转",
      "last year's workbook holds neither 目标任务 nor 月度填报: nothing to carry over",
    );
  }
  const zip = await openPackage(workbook);
  const file = await readFileSnapshot(zip);
  const targets = findSheet([...(file.snapshot.sheets?.values() ?? [])], "目标任务");
  const typed = targets ? typedPreviousOf(targets, data) : new Map<string, number>();
  const plan = planCarryOver(
    { file: previous.file, edition: stored.edition, finals: finalFiguresOf(read) },
    data,
    typed,
  );
  const sheet = targets ? carryOverPatch(plan, targets, data) : undefined;
  if (sheet === undefined || sheet.changes.length === 0) return { buffer: workbook, plan, written: 0 };
  const patch: WorkbookPatch = {
    editionId: data.document.id,
    generatedAt: new Date().toISOString(),
    sheets: [sheet],
    skipped: [],
    names: [],
    summary: patchSummary({ cellsWritten: sheet.changes.length }),
  };
  const stats = await applyPatchParts(zip, file, patch);
  const buffer = await savePackage(zip);
  return { buffer, plan, written: stats.cellsWritten };
}
