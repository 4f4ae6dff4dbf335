/**
 * The 新年度 card's Excel calls: one `Excel.run` each — the preview (2 read syncs) and the carry-over (2 read syncs
 * and 1 write).
 */
import { carryOverInExcel, planCarryOverInExcel } from "../../excel/carryOver";
import type { NewYearActions } from "../newYear/actions";
import { readPreviousFile } from "../newYear/readPreviousFile";
import { hostCapabilities } from "./actions";

export function createNewYearActions(): NewYearActions {
  return {
    readFile: readPreviousFile,
    preview: (edition, previous) =>
      Excel.run(async (context) => (await planCarryOverInExcel(context, edition, previous)).plan),
    apply: (edition, previous) =>
      Excel.run(async (context) => {
        const done = await carryOverInExcel(context, edition, previous, { capabilities: hostCapabilities() });
        return { plan: done.plan, written: done.written, notes: done.notes };
      }),
  };
}
