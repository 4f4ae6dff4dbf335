/**
 * The 进展情况 report in Excel: reading the figures it is drafted from, and writing the 进展报告 sheet. The pane's
 * report actions call these inside their `Excel.run`; the drafting itself is pure (src/report/).
 */
import { constantInput } from "./textInput";
import type { EditionData } from "../policy/types";
import { readFigures, type ReadFigures } from "../sheets/reportFigures";
import {
  ReportSheetTakenError,
  reportSheetTarget,
  REPORT_SHEET,
  REPORT_SHEET_ALTERNATE,
  type ReportSheetLayout,
} from "../sheets/report";

export { ReportSheetTakenError } from "../sheets/report";
import { cellAddress } from "../workbook/a1";
import { identifySheets } from "../sheets/identity";

import type { SheetKey } from "../sheets/marker";
import { FULL_CAPABILITIES, hasFeature, type Capabilities } from "./capabilities";
import { queueSheetContents, readWorkbookShape } from "./snapshot";
import { applyStyle, byteLength, heightRuns } from "./write";

/**
 * The sheets the report reads: 上年值 and the earlier layout's single figures, the months, 绩效监控's 偏差原因, and
 * 绩效自评's settings, classes and 满意度 (the 12月 report's 自评 section scores with them).
 */
const REPORT_SOURCES: readonly SheetKey[] = ["目标任务", "预算执行", "月度填报", "月度支出", "绩效监控", "绩效自评"];

export interface ReadReport extends ReadFigures {
  readonly syncs: number;
}

/**
 * The workbook's figures for the report, in 2 syncs: (1) sheet names, workbook names and tables, to find our
 * sheets even when renamed; (2) the used range (values and formulas) of 目标任务, 预算执行, 月度填报, 月度支出,
 * 绩效监控 and 绩效自评.
 * Values are what Excel shows (calculated), so the report says what the sheets say.
 */
export async function readReportFigures(context: Excel.RequestContext, data: EditionData): Promise<ReadReport> {
  const identities = identifySheets(await readWorkbookShape(context));
  const worksheets = context.workbook.worksheets;
  const wanted: string[] = [];
  for (const key of REPORT_SOURCES) {
    const sheet = identities.get(key)?.sheet;
    if (sheet !== undefined && !wanted.includes(sheet)) wanted.push(sheet);
  }
  const reads = wanted.map((name) => queueSheetContents(worksheets, name));
  if (reads.length > 0) await context.sync();
  const sheets = reads.map((contents) => contents());
  return { ...readFigures(data, sheets), syncs: reads.length > 0 ? 2 : 1 };
}

export interface ReportSheetResult {
  /** The sheet written. */
  readonly sheet: string;
  /** True when an earlier report on that sheet was replaced. */
  readonly replaced: boolean;
  readonly cells: number;
  readonly syncs: number;
  readonly payloadBytes: number;
}

/**
 * Writes the report sheet in 3 syncs: (1) the sheet names; (2) A1 of a 进展报告 (and 进展报告(政策目标)) that exists,
 * to tell ours from a user's; (3) the sheet. Ours is cleared and rewritten in place — only that sheet, and a
 * reference to it from elsewhere keeps working; a user's sheet of that name is left alone and the report goes to
 * 进展报告(政策目标). Text goes in as text (number format "@"), so "52.3%" stays what the report says.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  layout: ReportSheetLayout,
  capabilities: Capabilities = FULL_CAPABILITIES,
): Promise<ReportSheetResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const find = (name: string) => worksheets.items.find((w) => w.name.toLowerCase() === name.toLowerCase())?.name;
  const candidates = [REPORT_SHEET, REPORT_SHEET_ALTERNATE].flatMap((n) => {
    const existing = find(n);
    return existing ? [{ name: existing, a1: worksheets.getItem(existing).getRange("A1").load("values") }] : [];
  });
  if (candidates.length > 0) await context.sync();
  const decided = reportSheetTarget(candidates.map((c) => ({ name: c.name, a1: c.a1.values[0]?.[0] })));
  if (decided === undefined) throw new ReportSheetTakenError(candidates.map((c) => c.name));
  const target = decided.name;
  const ours = decided.replace ? decided : undefined;

  let bytes = 0;
  const count = (x: unknown) => {
    bytes += byteLength(JSON.stringify(x) ?? "") + 40;
  };
  let ws: Excel.Worksheet;
  if (ours) {
    ws = worksheets.getItem(ours.name);
    const all = ws.getRange();
    all.unmerge();
    all.clear("All");
    if (hasFeature(capabilities, "standardHeight")) all.format.useStandardHeight = true;
    if (hasFeature(capabilities, "pageLayout")) ws.horizontalPageBreaks.removePageBreaks();
  } else ws = worksheets.add(target);
  const all = ws.getRange();
  all.format.font.name = layout.font.name;
  all.format.font.size = layout.font.size;

  const rows = layout.cells.length;
  const range = ws.getRange(`A1:${cellAddress(rows, 3)}`);
  range.numberFormat = layout.cells.map((r) => r.map(() => "@"));
  range.values = layout.cells.map((r) => r.map(constantInput));
  count(layout.cells);
  layout.columnWidths.forEach((w, i) => {
    const letter = cellAddress(1, i + 1).replace(/\d+$/, "");
    ws.getRange(`${letter}:${letter}`).format.columnWidth = (w * 7 + 5) * 0.75;
  });
  for (const [first, last, height] of heightRuns(new Map(layout.rowHeights.map((h, i) => [i + 1, h])))) {
    ws.getRange(`${first}:${last}`).format.rowHeight = height;
    count([first, last, height]);
  }
  for (const run of layout.styles) {
    applyStyle(ws.getRange(run.ref), run.ref, run.style, false);
    count(run);
  }
  for (const ref of layout.merges) ws.getRange(ref).merge(false);
  count(layout.merges);
  if (hasFeature(capabilities, "pageLayout")) {
    ws.pageLayout.orientation = "Portrait";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: layout.print.fitToWidth, verticalFitToPages: 0 };
    ws.pageLayout.leftMargin = layout.print.margins.left * 72;
    ws.pageLayout.rightMargin = layout.print.margins.right * 72;
    ws.pageLayout.topMargin = layout.print.margins.top * 72;
    ws.pageLayout.bottomMargin = layout.print.margins.bottom * 72;
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = layout.print.footer.replace(/^&C/, "");
    for (const row of layout.rowBreaks) ws.horizontalPageBreaks.add(`A${row}`);
  }
  ws.activate();
  await context.sync();
  return {
    sheet: target,
    replaced: ours !== undefined,
    cells: rows * 3,
    syncs: candidates.length > 0 ? 3 : 2,
    payloadBytes: bytes,
  };
}
