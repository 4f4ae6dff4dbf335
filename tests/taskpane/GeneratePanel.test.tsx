/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getEdition } from "../../src/policy";
import { GeneratePanel } from "../../src/taskpane/panels/GeneratePanel";
import { FakeActions, officeError, previewOf, SHEETS, statusOf, summaryOf } from "./fakeActions";
import { renderInPane } from "./render";
import { generateWorkbook, previewWorkbook } from "../../src/excel";
import { SHEET_KEYS as ALL_SHEET_KEYS } from "../../src/sheets";
import { FakeExcel } from "../workbook/support/fakeExcel";

const yueqing = getEdition("yueqing-2025")!;

const now = () => new Date(2025, 6, 8, 10, 0, 0); // 2025-07-08 local

function setup(fake = new FakeActions(), onGenerated = jest.fn(), clock = now) {
  renderInPane(
    <GeneratePanel actions={fake} edition={yueqing} sheetKeys={SHEETS} onGenerated={onGenerated} now={clock} />,
  );
  return { fake, onGenerated, user: userEvent.setup() };
}

const button = () => screen.getByRole("button", { name: "生成 / 刷新工作簿" });

describe("GeneratePanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("offers every sheet, 万元 and today's date by default, in Chinese", () => {
    setup();
    for (const key of SHEETS) expect(screen.getByRole("checkbox", { name: key })).toBeChecked();
    expect(screen.getByRole("radio", { name: "万元" })).toBeChecked();
    expect(screen.getByLabelText("报告日期")).toHaveValue("2025-07-08");
    expect(button()).toBeEnabled();
  });

  it("generates with the chosen options and shows the summary", async () => {
    const { fake, user, onGenerated } = setup();
    fake.generateResult = summaryOf({ sheetsWritten: ["目标任务", "预算执行"], rowsWritten: 130, valuesKept: 7 });
    await user.click(screen.getByRole("checkbox", { name: "说明" }));
    await user.click(screen.getByRole("radio", { name: "亿元" }));
    const date = screen.getByLabelText("报告日期");
    await user.clear(date);
    await user.type(date, "2025-06-30");
    await user.click(button());

    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]).toEqual({
      editionId: "yueqing-2025",
      edition: yueqing,
      sheets: SHEETS.filter((s) => s !== "说明"),
      amountUnit: "亿元",
      reportDate: "2025-06-30",
      onForeignSheet: "skip",
    });
    const summary = await screen.findByTestId("generate-summary");
    expect(summary).toHaveTextContent("目标任务、预算执行");
    expect(summary).toHaveTextContent("130 行");
    expect(summary).toHaveTextContent("7 个");
    expect(onGenerated).toHaveBeenCalledTimes(1);
  });

  it("shows progress and disables the controls while writing", async () => {
    const { fake, user } = setup();
    const release = fake.hold();
    await user.click(button());
    expect(await screen.findByText(/正在写入工作簿/)).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(button()).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: "汇总" })).toBeDisabled();
    expect(screen.getByRole("radio", { name: "亿元" })).toBeDisabled();
    await act(async () => release());
    await screen.findByTestId("generate-summary");
    expect(button()).toBeEnabled();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("the 全部 box selects and clears every sheet", async () => {
    const { user } = setup();
    const all = screen.getByRole("checkbox", { name: "全部" });
    await user.click(all);
    for (const key of SHEETS) expect(screen.getByRole("checkbox", { name: key })).not.toBeChecked();
    await user.click(button());
    expect(await screen.findByRole("alert")).toHaveTextContent("请至少选择一个工作表");
    await user.click(all);
    for (const key of SHEETS) expect(screen.getByRole("checkbox", { name: key })).toBeChecked();
  });

  it("lists skipped sheets with their reason and offers to write a foreign sheet under another name", async () => {
    const { fake, user } = setup();
    fake.generateResult = (options) =>
      options.onForeignSheet === "rename"
        ? summaryOf({ sheetsWritten: ["预算安排(政策目标)"], rowsWritten: 9, valuesKept: 0 })
        : summaryOf({
            sheetsWritten: SHEETS.filter((s) => s !== "预算安排"),
            skipped: [{ sheet: "预算安排", reason: "同名工作表不是本插件生成的" }],
          });
    fake.statusResult = SHEETS.map((key) =>
      key === "预算安排" ? statusOf(key, { ours: false, editionId: undefined }) : statusOf(key),
    );

    await user.click(button());
    const summary = await screen.findByTestId("generate-summary");
    expect(summary).toHaveTextContent("预算安排:同名工作表不是本插件生成的");
    const offer = await screen.findByText(/为免覆盖其内容已跳过/);
    const bar = offer.closest(".fui-MessageBar") as HTMLElement;
    await user.click(within(bar).getByRole("button", { name: "改用新名称写入" }));

    await waitFor(() => expect(fake.calls.generate).toHaveLength(2));
    expect(fake.calls.generate[1]).toMatchObject({ sheets: ["预算安排"], onForeignSheet: "rename" });
    expect(await screen.findByTestId("generate-summary")).toHaveTextContent("预算安排(政策目标)");
    expect(screen.queryByText(/为免覆盖其内容已跳过/)).not.toBeInTheDocument();
  });

  it("does not offer a rename for a sheet skipped for another reason", async () => {
    const { fake, user } = setup();
    fake.generateResult = summaryOf({ skipped: [{ sheet: "汇总", reason: "工作表受保护" }] });
    await user.click(button());
    expect(await screen.findByTestId("generate-summary")).toHaveTextContent("汇总:工作表受保护");
    expect(screen.queryByRole("button", { name: "改用新名称写入" })).not.toBeInTheDocument();
  });

  it("reports a failure in a Chinese MessageBar and can be dismissed", async () => {
    const { fake, user } = setup();
    fake.generateResult = officeError("InvalidOperationInCellEditMode");
    await user.click(button());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel 正在编辑单元格");
    expect(button()).toBeEnabled();
    await user.click(within(alert).getByRole("button", { name: "关闭" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("speaks English when asked", () => {
    renderInPane(<GeneratePanel actions={new FakeActions()} edition={yueqing} sheetKeys={SHEETS} now={now} />, "en");
    expect(screen.getByRole("button", { name: "Build / refresh workbook" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "预算执行 (Execution)" })).toBeChecked();
  });

  it("outside the edition's year says the whole year counts, and one click picks a month-end of that year", async () => {
    const { fake, user } = setup(new FakeActions(), jest.fn(), () => new Date(2026, 11, 1, 9, 0, 0));
    const date = screen.getByLabelText("报告日期");
    expect(date).toHaveValue("2026-12-01"); // zh-CN order, never 12/01/2026
    expect(screen.getByText("报告日期在政策年度之后,按全年口径(序时进度 100%)。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "报告日期设为 2025-06-30" }));
    expect(date).toHaveValue("2025-06-30");
    expect(screen.queryByText(/按全年口径/)).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "报告日期设为 2025-02-28" }));
    await user.click(button());
    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]?.reportDate).toBe("2025-02-28");
  });

  it("reads a date typed the Chinese way and refuses text that is not a date", async () => {
    const { fake, user } = setup();
    const date = screen.getByLabelText("报告日期");
    await user.clear(date);
    await user.type(date, "2025年6月30日");
    await user.click(button());
    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]?.reportDate).toBe("2025-06-30");
    await user.clear(date);
    await user.type(date, "6/30");
    expect(screen.getAllByText(/报告日期无法识别/).length).toBeGreaterThan(0);
    await user.click(button());
    expect(fake.calls.generate).toHaveLength(1);
  });

  it("lists the features an older Excel lacks, with the set each needs", async () => {
    const { fake, user } = setup();
    fake.generateResult = summaryOf({
      skippedFeatures: [
        { feature: "dataValidation", excelApi: "1.8", sheets: ["目标任务"] },
        { feature: "pageLayout", excelApi: "1.9", sheets: ["目标任务", "汇总"] },
      ],
    });
    await user.click(button());
    const lines = await screen.findByTestId("skipped-features");
    expect(lines).toHaveTextContent("数据验证(填报提示)(需要 ExcelApi 1.8),已跳过");
    expect(lines).toHaveTextContent("打印设置(A4 横向、页脚、标题行)(需要 ExcelApi 1.9)");
  });

  it("previews a refresh of existing sheets before writing, and applies it on request", async () => {
    const { fake, user, onGenerated } = setup();
    fake.previewResult = {
      ...previewOf({
        cellsWritten: 9,
        inputsKept: 40,
        officialUpdates: [
          { sheet: "目标任务", address: "E9", rowKey: "art01-hitech-firms", column: "目标值", before: 50, after: 55 },
        ],
        rowsAppended: [{ sheet: "目标任务", rowKey: "art01-new-target", row: 118 }],
      }),
      empty: false,
      sheetsRefreshed: [...SHEETS],
      syncs: 2,
    };
    await user.click(button());
    const preview = await screen.findByTestId("refresh-preview");
    expect(preview).toHaveTextContent("将写入 9 个单元格;您填写的 40 个值不会改动。");
    expect(preview).toHaveTextContent("目标任务!E9 art01-hitech-firms 目标值:50 → 55");
    expect(preview).toHaveTextContent("目标任务:art01-new-target");
    expect(fake.calls.generate).toHaveLength(0);
    expect(within(preview).queryByRole("button", { name: "恢复公式" })).toBeNull();
    await user.click(within(preview).getByRole("button", { name: "应用刷新" }));
    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]).toEqual(fake.calls.preview[0]);
    expect(await screen.findByTestId("generate-summary")).toBeInTheDocument();
    expect(onGenerated).toHaveBeenCalledTimes(1);
  });

  it("says a workbook is up to date and writes nothing; cancel writes nothing either", async () => {
    const { fake, user } = setup();
    fake.previewResult = { ...previewOf(), empty: true, sheetsRefreshed: [...SHEETS], syncs: 2 };
    await user.click(button());
    const preview = await screen.findByTestId("refresh-preview");
    expect(preview).toHaveTextContent("工作簿已是最新");
    expect(within(preview).queryByRole("button", { name: "应用刷新" })).toBeNull();
    await user.click(within(preview).getByRole("button", { name: "关闭" }));
    expect(screen.queryByTestId("refresh-preview")).toBeNull();
    expect(fake.calls.generate).toHaveLength(0);
  });

  it("offers restore formulas as a separate action when values were typed over formulas", async () => {
    const { fake, user } = setup();
    fake.previewResult = {
      ...previewOf({
        cellsWritten: 1,
        overridesKept: [
          {
            sheet: "目标任务",
            address: "K9",
            rowKey: "art01-hitech-firms",
            column: "完成率",
            value: 0.9,
            formula: "IF(…)",
          },
        ],
      }),
      empty: false,
      sheetsRefreshed: [...SHEETS],
      syncs: 2,
    };
    await user.click(button());
    const preview = await screen.findByTestId("refresh-preview");
    expect(preview).toHaveTextContent("目标任务!K9 art01-hitech-firms 完成率:0.9");
    await user.click(within(preview).getByRole("button", { name: "恢复公式" }));
    await waitFor(() => expect(fake.calls.generate).toHaveLength(1));
    expect(fake.calls.generate[0]).toMatchObject({ restoreFormulas: true });
  });

  it("lists the trend blocks a refresh adds to 汇总, in Chinese and in English", async () => {
    // A workbook written without the monthly sheets (no trends), previewed with them: 汇总 gains the trend blocks.
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: now(), reportDate: "2025-06-30" });
    const real = await previewWorkbook(excel.context, { now: now(), sheets: ALL_SHEET_KEYS });
    expect(real.blocksAdded).toEqual([{ sheet: "汇总", title: "各月目标状态(项)", charts: 2 }]);
    for (const [lang, label, line] of [
      ["zh", "新增版块(置于表中已有内容下方,原有内容不移动)", "汇总:自“各月目标状态(项)”起的趋势表,图表 2 张"],
      [
        "en",
        "Blocks added (below what the sheet holds; nothing there moves)",
        "汇总: the trend tables from “各月目标状态(项)”, 2 chart(s)",
      ],
    ] as const) {
      const fake = new FakeActions();
      fake.previewResult = real;
      const { unmount } = renderInPane(
        <GeneratePanel actions={fake} edition={yueqing} sheetKeys={SHEETS} now={now} />,
        lang,
      );
      await userEvent
        .setup()
        .click(screen.getByRole("button", { name: /生成 \/ 刷新工作簿|Build \/ refresh workbook/ }));
      const preview = await screen.findByTestId("refresh-preview");
      const term = within(preview).getByText(label);
      expect(term.tagName).toBe("DT");
      expect(term.nextElementSibling).toHaveTextContent(line);
      expect(fake.calls.generate).toHaveLength(0);
      unmount();
    }
  });
});
