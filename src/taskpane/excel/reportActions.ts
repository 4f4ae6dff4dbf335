/**
 * The report card's Excel calls: one `Excel.run` each — reading the figures (2 syncs), writing the 进展报告 sheet
 * (at most 3 syncs).
 */
import { reportMonth } from "../../engine";
import { readReportFigures, writeReportSheet } from "../../excel/report";
import { reportSheetLayout } from "../../sheets/report";
import { shortDateTime } from "../dates";
import type { ReportActions } from "../reportActions";
import { hostCapabilities } from "./actions";

export function createReportActions(now: () => Date = () => new Date()): ReportActions {
  return {
    read: (edition) =>
      Excel.run(async (context) => {
        const read = await readReportFigures(context, edition);
        const year = edition.document.year;
        const month = read.reportDate
          ? reportMonth(read.filled, read.reportDate, year)
          : read.filled.lastIndexOf(true) + 1;
        return { figures: read.figures, reportMonth: month, filled: read.filled, layout: read.layout };
      }),

    writeSheet: (text) =>
      Excel.run(async (context) => {
        const layout = reportSheetLayout(text, shortDateTime(now().toISOString()));
        const written = await writeReportSheet(context, layout, hostCapabilities());
        return { sheet: written.sheet, replaced: written.replaced };
      }),
  };
}
