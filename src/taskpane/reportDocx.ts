/**
 * The report's .docx, built in the pane. The `docx` package is large next to the rest of the pane, and only
 * this action needs it, so it is a chunk of its own (report-docx.js) loaded on the first download.
 */
import type { ReportText } from "../report";

export type BuildDocx = (text: ReportText) => Promise<Uint8Array>;

export const buildReportDocx: BuildDocx = async (text) => {
  const { reportDocx } = await import(/* webpackChunkName: "report-docx" */ "../docx/write");
  return reportDocx(text);
};
