import { openPackage, savePackage } from "./parts";
import {
  reportSheetContent,
  reportSheetTarget,
  ReportSheetTakenError,
  REPORT_SHEET,
  REPORT_SHEET_ALTERNATE,
  type ReportSheetLayout,
} from "../sheets/report";
import { dropCalcChain, type ApplyStats } from "./applyPatch";
import { SheetParts } from "./sheetParts";
import { readFileSnapshot, readSheetCells } from "./snapshot";

export interface ReportFileResult {
  /** The workbook with the report sheet. */
  readonly buffer: Uint8Array;
  /** The sheet written: 进展报告, or 进展报告(政策目标) beside a user's sheet of that name. */
  readonly sheet: string;
  /** True when an earlier report of ours on that sheet was replaced. */
  readonly replaced: boolean;
  readonly stats: ApplyStats;
}

/**
 * Writes the 进展报告 sheet into a workbook file by patching its package, as a refresh adds a sheet: the sheet is
 * written by the file route's sheet writer (`SheetParts`) from the same host-neutral layout the pane writes
 * (`reportSheetContent`) — after the last sheet when new; over the part of an earlier report of
 * ours when there is one, which keeps its place, name and sheetId, so references to it keep pointing at it. Every
 * other part passes through as it is (a user's 进展报告 included: the report then goes to 进展报告(政策目标)).
 * Throws {@link ReportSheetTakenError} when both names are the user's.
 */
export async function writeReportIntoWorkbook(input: Uint8Array, layout: ReportSheetLayout): Promise<ReportFileResult> {
  const zip = await openPackage(input);
  const file = await readFileSnapshot(zip);
  const candidates = [];
  for (const s of file.sheets) {
    const lower = s.name.toLowerCase();
    if (lower !== REPORT_SHEET.toLowerCase() && lower !== REPORT_SHEET_ALTERNATE.toLowerCase()) continue;
    const a1 = s.part === "" ? undefined : (await readSheetCells(zip, s.part, file.sharedStrings))[0]?.[0]?.value;
    candidates.push({ name: s.name, a1, part: s.part });
  }
  const target = reportSheetTarget(candidates);
  if (target === undefined) throw new ReportSheetTakenError(candidates.map((c) => c.name));

  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const parts = await SheetParts.open(zip, stats);
  const content = reportSheetContent(layout, target.name);
  const existing = target.replace ? candidates.find((c) => c.name === target.name) : undefined;
  if (existing && existing.part !== "") parts.replace(existing.part, content);
  else parts.add(content);
  parts.save();
  // Formulas typed into the old sheet may be in the calculation chain; Excel rebuilds it.
  if (existing) await dropCalcChain(zip, stats);
  const buffer = await savePackage(zip);
  return { buffer, sheet: target.name, replaced: existing !== undefined, stats };
}
