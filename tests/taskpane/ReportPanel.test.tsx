/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { getEdition } from "../../src/policy";
import { draftReport, monthReportText, reportText, type ReportText } from "../../src/report";
import { ReportPanel } from "../../src/taskpane/panels/ReportPanel";
import { buildReportDocx } from "../../src/taskpane/reportDocx";
import type { ReportActions, ReportSource } from "../../src/taskpane/reportActions";
import { syntheticYear } from "../report/syntheticYear";
import { renderInPane } from "./render";

const data = getEdition("yueqing-2025")!;

// jsdom leaves out TextEncoder, which every browser the pane runs in has (docx encodes its parts with it).
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

class FakeReportActions implements ReportActions {
  reads = 0;
  sheets: ReportText[] = [];
  source: ReportSource = {
    figures: syntheticYear(data),
    reportMonth: 6,
    filled: Array.from({ length: 12 }, () => true),
    layout: "monthly",
  };
  read() {
    this.reads++;
    return Promise.resolve(this.source);
  }
  writeSheet(text: ReportText) {
    this.sheets.push(text);
    return Promise.resolve({ sheet: "进展报告", replaced: this.sheets.length > 1 });
  }
}

async function docxWords(bytes: Uint8Array): Promise<string> {
  const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("ReportPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("drafts the workbook's report month, downloads the .docx, and drafts another month on choice", async () => {
    const fake = new FakeReportActions();
    const download = jest.fn((_bytes: Uint8Array, _name: string, _mime: string) => true);
    renderInPane(<ReportPanel actions={fake} edition={data} download={download} buildDocx={buildReportDocx} />);
    const user = userEvent.setup();

    const six = reportText(draftReport(fake.source.figures, 6));
    const preview = await screen.findByTestId("report-preview");
    expect(preview).toHaveTextContent(six.title);
    expect(preview).toHaveTextContent(six.sections[0]?.paragraphs[0] ?? "?");
    expect(screen.getByRole("combobox", { name: "报告月份" })).toHaveValue("6");

    await user.click(screen.getByRole("button", { name: "下载 .docx" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [bytes, name, mime] = download.mock.calls[0]!;
    expect(name).toBe("进展报告-2025-06.docx");
    expect(mime).toMatch(/wordprocessingml/);
    expect(await docxWords(bytes)).toContain(six.sections[0]?.paragraphs[0]?.slice(0, 40));
    expect(await screen.findByText(/已下载“进展报告-2025-06.docx”/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: "报告月份" }), "12");
    // 12月 is the year's report: the sheet written ends with each area's 绩效自评.
    const twelve = monthReportText(fake.source.figures, 12);
    const evaluation = twelve.sections[twelve.sections.length - 1];
    expect(evaluation?.heading).toMatch(/、绩效自评$/);
    expect(screen.getByTestId("report-preview")).toHaveTextContent(twelve.sections[0]?.paragraphs[0] ?? "?");
    await user.click(screen.getByRole("button", { name: "写入“进展报告”工作表" }));
    expect(await screen.findByText("已写入工作表“进展报告”。")).toBeInTheDocument();
    expect(fake.sheets[0]).toEqual(twelve);
  });

  it("where the download is refused, says so and offers the sheet", async () => {
    const fake = new FakeReportActions();
    renderInPane(<ReportPanel actions={fake} edition={data} download={() => false} buildDocx={buildReportDocx} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "下载 .docx" }));
    const alert = await screen.findByText(/此环境不允许下载文件/);
    expect(alert).toBeInTheDocument();
    const buttons = screen.getAllByRole("button", { name: "写入“进展报告”工作表" });
    await user.click(buttons[buttons.length - 1]!);
    expect(await screen.findByText("已写入工作表“进展报告”。")).toBeInTheDocument();
    expect(fake.sheets).toHaveLength(1);
  });

  it("for a workbook without monthly sheets, offers only its report date's month", async () => {
    const fake = new FakeReportActions();
    fake.source = { ...fake.source, layout: "current", reportMonth: 3 };
    renderInPane(<ReportPanel actions={fake} edition={data} download={() => true} buildDocx={buildReportDocx} />, "en");
    expect(await screen.findByText(/only the figures of 3月/)).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "2025年3月" })).not.toBeDisabled();
    expect(screen.getByRole("option", { name: "2025年4月" })).toBeDisabled();
  });
});
