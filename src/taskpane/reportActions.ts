/**
 * What the 进展情况报告 card asks of Excel: the workbook's figures (read through the Office.js reader), and writing
 * the drafted report as the 进展报告 sheet. Drafting is pure (src/report/) and runs in the pane; the card receives
 * these as a prop, and the one real implementation is `excel/reportActions.ts`.
 */
import type { EditionData } from "../policy/types";
import type { ReportText, WorkbookFigures } from "../report";
import { NotInExcelError } from "./actions";

export interface ReportSource {
  readonly figures: WorkbookFigures;
  /** The workbook's report month (the latest filled month up to 报告日期), 0 when no month holds a figure. */
  readonly reportMonth: number;
  /** Months that hold any figure, 1月 first. */
  readonly filled: readonly boolean[];
  /** "current": a workbook without the monthly sheets, whose single figures are those of 报告日期's month. */
  readonly layout: "monthly" | "current";
}

export interface ReportSheetWritten {
  readonly sheet: string;
  /** True when an earlier report on the sheet was replaced. */
  readonly replaced: boolean;
}

export interface ReportActions {
  /** The workbook's figures for the report, as its sheets show them. */
  read(edition: EditionData): Promise<ReportSource>;
  /** Writes (or replaces) the 进展报告 sheet with the drafted report and activates it. */
  writeSheet(text: ReportText): Promise<ReportSheetWritten>;
}

/** Outside Excel: nothing to read or write; the card explains why. */
export function unavailableReportActions(): ReportActions {
  const fail = (): Promise<never> => Promise.reject(new NotInExcelError());
  return { read: fail, writeSheet: fail };
}
