/**
 * Returns merged through Office.js: the same pure plan as the file route (src/returns) and the same patch
 * vocabulary, written by the refresh's patch writer. `planReturnsInExcel` reads (2 syncs) and plans without
 * writing — the pane's preview; `mergeReturnsInExcel` reads again right before it writes, so a co-author's typing
 * since the preview is seen (a cell typed since becomes a conflict, never overwritten), then writes exactly the
 * plan's cells and the 填报记录 rows in one batch.
 */
import type { CivilDate } from "../engine";
import type { EditionData } from "../policy/types";
import {
  LOG_COLUMNS,
  logRecords,
  planMerge,
  type LogRecord,
  type MergeInput,
  type MergePlan,
  type Outcome,
  type ReturnedFile,
  type WorkbookCells,
} from "../returns";
import { LOG_SHEET } from "../sheets/returnsLog";
import { returnPlaces, returnsPatch, workbookCells } from "../sheets/returnsMerge";
import { readFigures } from "../sheets/reportFigures";
import { rangeAddress } from "../workbook/a1";
import { BATCH_BYTES, WriteBatches } from "./batches";
import { FULL_CAPABILITIES, type Capabilities } from "./capabilities";
import { writePatch } from "./patch";
import { readWorkbookSnapshot, type ExtraRead, type ReadWorkbook } from "./snapshot";
import { constantInput } from "./textInput";

export interface ExcelMergeOptions extends Pick<MergeInput, "takeReturned" | "acceptNotLead"> {
  readonly time: string;
  readonly capabilities?: Capabilities;
}

interface LogRead {
  readonly log: readonly LogRecord[];
  /** Rows 填报记录 uses now (0: the sheet is empty; -1: it does not exist). */
  readonly logRows: number;
}

type Read = ReadWorkbook & LogRead;

const OUTCOMES: readonly string[] = ["写入", "相同", "冲突", "拒绝", "已采纳"];

/** 填报记录's records and extent, read in the snapshot's second sync. */
const readLog: ExtraRead<LogRead> = (workbook, base) => {
  const hasLog = base.sheetNames.includes(LOG_SHEET);
  const logUsed = hasLog
    ? workbook.worksheets.getItem(LOG_SHEET).getUsedRangeOrNullObject(true).load("values,rowIndex")
    : undefined;
  return () => {
    const logValues = logUsed && !logUsed.isNullObject ? logUsed.values : [];
    const header = (logValues[0] ?? []).map((v) => String(v));
    const log = logValues.slice(1).flatMap((row): LogRecord[] => {
      const get = (k: string) => {
        const i = header.indexOf(k);
        return i < 0 ? "" : String(row[i] ?? "");
      };
      if (!OUTCOMES.includes(get("结果"))) return [];
      return [
        {
          ...(Object.fromEntries(LOG_COLUMNS.map((k) => [k, get(k)])) as Record<string, string>),
          结果: get("结果") as Outcome,
        } as LogRecord,
      ];
    });
    const logRows = logUsed && !logUsed.isNullObject ? logUsed.rowIndex + logValues.length : hasLog ? 0 : -1;
    return { log, logRows };
  };
};

/** The snapshot the planners take and 填报记录, in 2 syncs. */
async function read(context: Excel.RequestContext): Promise<Read> {
  const { extra, ...workbook } = await readWorkbookSnapshot(context, { extra: readLog });
  return { ...workbook, ...extra };
}

function plan(r: Read, edition: EditionData, files: readonly ReturnedFile[], options: ExcelMergeOptions) {
  const places = returnPlaces(r.snapshot);
  const planned = planMerge({
    edition,
    workbook: workbookCells(places),
    files,
    log: r.log,
    takeReturned: options.takeReturned,
    acceptNotLead: options.acceptNotLead,
  });
  return { places, planned };
}

/** What 分发 and 催报 need of the workbook: the cells a return carries and 目标任务's 报告日期. */
export interface ReturnsSource {
  readonly cells: WorkbookCells;
  /** False when the workbook has no 月度填报 (not generated yet, or an earlier layout): nothing to make or merge. */
  readonly hasMonthly: boolean;
  readonly reportDate?: CivilDate;
  readonly syncs: number;
}

/** The workbook's month figures and texts by 编号, and its 报告日期, read in 2 syncs. */
export async function readReturnsInExcel(context: Excel.RequestContext, edition: EditionData): Promise<ReturnsSource> {
  const r = await read(context);
  const places = returnPlaces(r.snapshot);
  const { reportDate } = readFigures(edition, [...(r.snapshot.sheets?.values() ?? [])]);
  return {
    cells: workbookCells(places),
    hasMonthly: places.monthly !== undefined,
    ...(reportDate ? { reportDate } : {}),
    syncs: r.syncs,
  };
}

/** The preview: what a merge would write, refuse and log, read in 2 syncs; nothing is written. */
export async function planReturnsInExcel(
  context: Excel.RequestContext,
  edition: EditionData,
  files: readonly ReturnedFile[],
  options: ExcelMergeOptions,
): Promise<{ readonly plan: MergePlan; readonly log: readonly LogRecord[]; readonly syncs: number }> {
  const r = await read(context);
  const { planned } = plan(r, edition, files, options);
  return { plan: planned, log: logRecords(planned, options.time), syncs: r.syncs };
}

export interface ExcelMergeResult {
  readonly plan: MergePlan;
  readonly log: readonly LogRecord[];
  readonly cellsWritten: number;
  readonly syncs: number;
  /** Estimated bytes of each write request. */
  readonly writeRequests: readonly number[];
}

/**
 * Re-reads the workbook, plans the merge again (a co-author's typing since the preview counts) and writes its
 * cells and the 填报记录 rows in one batch: 2 read syncs and 1 write sync for a merge that fits one request.
 */
export async function mergeReturnsInExcel(
  context: Excel.RequestContext,
  edition: EditionData,
  files: readonly ReturnedFile[],
  options: ExcelMergeOptions,
): Promise<ExcelMergeResult> {
  const r = await read(context);
  const { places, planned } = plan(r, edition, files, options);
  const { patch, unplaced } = returnsPatch(planned.writes, places, {
    editionId: edition.document.id,
    generatedAt: options.time,
  });
  const skip = new Set(unplaced.map((w) => `${w.id}|${w.month}|${w.field}`));
  const final: MergePlan = {
    ...planned,
    cells: planned.cells.map((c) =>
      skip.has(`${c.id}|${c.month}|${c.field}`) && (c.outcome === "写入" || c.outcome === "已采纳")
        ? { ...c, outcome: "拒绝" }
        : c,
    ),
    writes: planned.writes.filter((w) => !skip.has(`${w.id}|${w.month}|${w.field}`)),
  };
  const log = logRecords(final, options.time);
  const batches = new WriteBatches(context, BATCH_BYTES);
  const queued = await writePatch(
    context.workbook,
    patch,
    r.existingNames,
    options.capabilities ?? FULL_CAPABILITIES,
    batches,
  );
  if (log.length > 0) {
    // 填报记录 is append-only: rows go below what it holds; the sheet is added on the first merge.
    const sheet =
      r.logRows < 0 ? context.workbook.worksheets.add(LOG_SHEET) : context.workbook.worksheets.getItem(LOG_SHEET);
    const rows = log.map((rec) => LOG_COLUMNS.map((k) => rec[k]));
    const values = r.logRows <= 0 ? [[...LOG_COLUMNS], ...rows] : rows;
    const top = Math.max(r.logRows, 0);
    await batches.roomFor(values, 2);
    const range = sheet.getRange(rangeAddress(top + 1, 1, top + values.length, LOG_COLUMNS.length));
    range.numberFormat = values.map((row) => row.map(() => "@"));
    // A return's texts (file names, 情况说明) are someone else's: text stays text whatever it starts with.
    range.values = values.map((row) => row.map(constantInput));
  }
  await batches.send();
  return {
    plan: final,
    log,
    cellsWritten: queued.cells,
    syncs: r.syncs + batches.requests.length,
    writeRequests: [...batches.requests],
  };
}
