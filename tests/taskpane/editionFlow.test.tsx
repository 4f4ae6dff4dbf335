/** @jest-environment jsdom */
/**
 * The pane with a loaded edition that is not bundled, end to end on the fake Excel: the real action layer
 * (createExcelActions, createEditionActions) over the fake's request context, so what the pane passes is what the
 * writer gets. Load a file → apply → generate → the workbook shows that edition's figures; applying to a workbook
 * that carries another edition shows the diff first; status and refresh follow the loaded edition.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEdition } from "../../src/policy";
import { fromEditionFile, type EditionFile } from "../../src/policy/editionFile";
import { adoptWorkbookEdition } from "../../src/taskpane/edition/excelActions";
import type { ExcelRun } from "../../src/taskpane/excel/actions";
import { generateWorkbook } from "../../src/excel";
import { editionPartXml } from "../../src/policy/editionPart";
import { readWorkbookEdition, storeWorkbookEdition } from "../../src/excel/editionPart";
import { HEADER_ROW } from "../../src/sheets/layout";
import { FakeExcel } from "../workbook/support/fakeExcel";
import { columnOf, rowOf } from "../workbook/support/grid";
import { renderPaneOnFakeExcel } from "./render";

const fixtureText = readFileSync(path.join(__dirname, "../fixtures/editions/shifan-2026.json"), "utf8");
const shifan = fromEditionFile(JSON.parse(fixtureText) as EditionFile);
const yueqing = getEdition("yueqing-2025")!;

// jsdom's Blob has no text(); the browser's File API, which the pane uses, has.
if (typeof File.prototype.text !== "function") {
  File.prototype.text = function (this: File) {
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

async function loadFile(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("tab", { name: "版本" }));
  const file = new File([fixtureText], "shifan-2026.json", { type: "application/json" });
  await user.upload(screen.getByLabelText("载入版本文件(.json)"), file);
  return screen.findByTestId("edition-summary");
}

/** 目标任务's 编号 → 目标值 as the fake workbook holds them. */
function targetValues(excel: FakeExcel): Map<string, unknown> {
  const grid = excel.grid("目标任务");
  const id = columnOf(grid, "编号");
  const value = columnOf(grid, "目标值");
  const rows = grid.slice(HEADER_ROW).filter((row) => typeof row[id] === "string" && row[id] !== "");
  return new Map(rows.map((row) => [row[id] as string, row[value]]));
}

describe("the pane with a loaded edition (fake Excel)", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("load file → apply → generate: the workbook shows that edition's figures and carries it", async () => {
    const excel = new FakeExcel();
    const user = renderPaneOnFakeExcel(excel);
    expect(await loadFile(user)).toHaveTextContent("1 个领域、2 条、3 个目标");
    await user.click(screen.getByRole("button", { name: "应用到工作簿" }));
    await waitFor(() => expect(excel.customXmlParts).toHaveLength(1));
    expect(await screen.findByTestId("edition-status")).toHaveTextContent("已应用");
    expect(excel.recalculations).toEqual(["Full"]);
    const carried = await readWorkbookEdition(excel.context);
    expect(carried.found && carried.edition).toEqual(shifan);

    // The header now names the loaded edition; generating writes it, not the bundled default.
    expect(screen.getByRole("combobox", { name: "政策版本" })).toHaveDisplayValue(/示政发〔2026〕1号/);
    await user.click(screen.getByRole("tab", { name: "生成" }));
    const date = screen.getByLabelText("报告日期");
    await user.clear(date);
    await user.type(date, "2026-06-30");
    await user.click(screen.getByRole("button", { name: "生成 / 刷新工作簿" }));
    expect(await screen.findByTestId("generate-summary")).toBeInTheDocument();
    expect(screen.queryByText(/未知的政策版本/)).toBeNull();

    const values = targetValues(excel);
    expect([...values.keys()]).toEqual(shifan.targets.map((t) => t.id));
    expect(values.get("art01-digital-retrofits")).toBe(30);
    const budget = excel.grid("预算安排");
    expect(budget[rowOf(budget, "领域", "一、加快数字经济发展", 4)]?.[2]).toBe(0.35);
    const execution = excel.grid("预算执行");
    expect(execution.flat()).toContain("一、加快数字经济发展");
    expect(execution.flat()).not.toContain("八、全力打造活力民营经济");

    // 状态 compares the sheets with the loaded edition: ours, up to date, from shifan-2026.
    await user.click(screen.getByRole("tab", { name: "状态" }));
    const item = await screen.findByTestId("status-目标任务");
    expect(item).toHaveTextContent("shifan-2026");
    expect(within(item).getByText("已生成")).toBeInTheDocument();
    expect(screen.queryByText(/未知的政策版本/)).toBeNull();
  });

  it("a tampered part is refused with its message: the default edition is used and the workbook is left as it was", async () => {
    const excel = new FakeExcel();
    // A quote that is not in the carried text (the figure changed to match it).
    const file = JSON.parse(fixtureText) as { targets: { quote: string; value: number }[] } & EditionFile;
    file.targets[1]!.quote = "力争完成数字化改造企业300家以上";
    file.targets[1]!.value = 300;
    excel.customXmlParts.push({ id: "{T}", xml: editionPartXml(fromEditionFile(file)) });
    const before = JSON.stringify(excel.customXmlParts);
    const run: ExcelRun = (batch) => batch(excel.context);
    expect(await adoptWorkbookEdition(run)).toBeUndefined();
    expect(excel.recalculations).toEqual([]);

    const user = renderPaneOnFakeExcel(excel);
    await user.click(screen.getByRole("tab", { name: "版本" }));
    expect(await screen.findByTestId("edition-refused")).toHaveTextContent(
      "targets[1].quote 不是原文中的一段(须逐字摘录)",
    );
    expect(screen.getByTestId("edition-current")).toHaveTextContent("yueqing-2025");
    expect(JSON.stringify(excel.customXmlParts)).toBe(before);
    expect(excel.cellsWritten).toBe(0);
    expect(excel.sheets).toEqual([]);
  });

  it("applying to a workbook that carries another edition shows the diff first, then refreshes to it", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { reportDate: "2025-06-30" });
    await storeWorkbookEdition(excel.context, yueqing);
    const user = renderPaneOnFakeExcel(excel, yueqing);

    await loadFile(user);
    const diff = screen.getByTestId("edition-diff");
    expect(diff).toHaveTextContent(
      "《乐清市推动经济高质量发展若干政策(2025年版)》→《示范县促进数字经济发展若干政策(2026年版)》",
    );
    expect(diff).toHaveTextContent("二、新增的目标(2 项)");
    expect(diff).toHaveTextContent("三、取消的目标(112 项)");
    // Nothing is applied before the user says so.
    const before = await readWorkbookEdition(excel.context);
    expect(before.found && before.edition?.document.id).toBe("yueqing-2025");
    await user.click(screen.getByRole("button", { name: "应用到工作簿" }));
    await screen.findByTestId("edition-status");

    // 状态 says the sheets are stale against the loaded edition; its refresh previews, then writes shifan's rows.
    await user.click(screen.getByRole("tab", { name: "状态" }));
    await waitFor(() => expect(screen.getByTestId("status-目标任务")).toHaveTextContent("来自版本 yueqing-2025"));
    await user.click(await screen.findByRole("button", { name: "一键刷新" }));
    await user.click(await screen.findByRole("button", { name: "应用刷新" }));
    await waitFor(() => expect(targetValues(excel).get("art01-digital-retrofits")).toBe(30));
    const values = targetValues(excel);
    for (const t of shifan.targets) expect(values.has(t.id)).toBe(true);
    // The 2025 rows stay where they were, flagged, with whatever was typed (a refresh never deletes a row).
    expect(values.get("art01-hitech-firms")).toBe(75);
    expect(screen.queryByText(/未知的政策版本/)).toBeNull();
  });
});
