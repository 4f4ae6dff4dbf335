/**
 * The 填报 card's Excel calls, one `Excel.run` each: reading the return cells (2 syncs), the merge's preview
 * (2 syncs, nothing written) and the merge (2 read syncs, then its cells and the 填报记录 rows in one batch).
 */
import { mergeReturnsInExcel, planReturnsInExcel, readReturnsInExcel } from "../../excel/returns";
import { shortDateTime } from "../dates";
import { hostCapabilities, type ExcelRun } from "../excel/actions";
import { choiceKey, rowKey, type ReturnsActions } from "./actions";

const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** `run` replaces `Excel.run` (tests: a fake Excel's context). */
export function createReturnsActions(run: ExcelRun = excelRun, now: () => Date = () => new Date()): ReturnsActions {
  const time = () => shortDateTime(now().toISOString());
  return {
    read: (edition) =>
      run(async (context) => {
        const { cells, hasMonthly, reportDate } = await readReturnsInExcel(context, edition);
        return { cells, hasMonthly, ...(reportDate ? { reportDate } : {}) };
      }),
    preview: (edition, files) =>
      run(async (context) => (await planReturnsInExcel(context, edition, files, { time: time() })).plan),
    apply: (edition, files, { take, accept }) =>
      run(async (context) => {
        const chosen = new Set(take.map(choiceKey));
        const accepted = new Set(accept.map(rowKey));
        const merged = await mergeReturnsInExcel(context, edition, files, {
          time: time(),
          takeReturned: (cell) => chosen.has(choiceKey(cell)),
          acceptNotLead: (row) => accepted.has(rowKey(row)),
          capabilities: hostCapabilities(),
        });
        return { plan: merged.plan, log: merged.log, cellsWritten: merged.cellsWritten };
      }),
  };
}
