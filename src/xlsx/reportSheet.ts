import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openPackage } from "./parts";
import {
  reportSheetContent,
  reportSheetTarget,
  ReportSheetTakenError,
  REPORT_SHEET,
  REPORT_SHEET_ALTERNATE,
  type ReportSheetLayout,
} from "../sheets/report";
import { dropCalcChain, type ApplyStats } from "./applyPatch";
import { Transplant } from "./createSheets";
import { postProcess } from "./package";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "./snapshot";
import { writeSheet } from "./write";

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
 * written by the ExcelJS writer into a scratch package from the same host-neutral layout the pane writes
 * (`reportSheetContent`), then transplanted — after the last sheet when new; over the part of an earlier report of
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

  const scratchBook = new ExcelJS.Workbook();
  writeSheet(scratchBook, reportSheetContent(layout, target.name));
  const raw = new Uint8Array((await scratchBook.xlsx.writeBuffer()) as ArrayBuffer);
  const scratch = await JSZip.loadAsync(
    await postProcess(raw, { editionId: "", generatedAt: "", sheets: [], names: [] }),
  );
  const scratchPart = (await readFileSnapshot(scratch)).sheets[0]?.part ?? "xl/worksheets/sheet1.xml";
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const transplant = new Transplant(zip, scratch, stats);
  await transplant.open();
  const shared = await readSharedStrings(scratch);
  const existing = target.replace ? candidates.find((c) => c.name === target.name) : undefined;
  if (existing && existing.part !== "") await transplant.replace(existing.part, scratchPart, shared);
  else await transplant.sheet(target.name, scratchPart, shared, []);
  await transplant.save();
  // Formulas typed into the old sheet may be in the calculation chain; Excel rebuilds it.
  if (existing) await dropCalcChain(zip, stats);
  const buffer = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return { buffer, sheet: target.name, replaced: existing !== undefined, stats };
}
