/**
 * The built task pane in headless Chromium: dist/ served on 127.0.0.1, office.js replaced by a stub Excel that
 * records writes (tests/e2e/stub/office-stub.js), the real generateWorkbook, functions.js and CSP. Saves a
 * 350×700 screenshot of each panel into artifacts/screenshots/.
 */
import {
  addressOf,
  builtPaneForThisFile,
  describeE2e,
  expectHealthy,
  generateSummary,
  openPane,
  screenshot,
  stubExcel,
  type Cells,
} from "./harness";

const e2e = builtPaneForThisFile();

const SHEETS = [
  "说明",
  "预算安排",
  "目标任务",
  "预算执行",
  "责任分工",
  "汇总",
  "月度填报",
  "月度支出",
  "月度状态",
  "绩效监控",
  "绩效自评",
];

describeE2e("task pane in Chromium", () => {
  it("loads under its CSP with Office ready, in Chinese, and registers the ZC functions in the same runtime", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    await page.getByRole("heading", { name: "政策目标", level: 1 }).waitFor();
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).not.toContain("unsafe-eval");
    expect(await stubExcel(page).customFunctions()).toEqual(expect.arrayContaining(["COMPLETION", "TARGET", "STATUS"]));
    await screenshot(page, "1-generate");
    await expectHealthy(pane);
    await page.close();
  });

  it("生成: writes every sheet through generateWorkbook, shows the summary, and refreshes keeping the user's values", async () => {
    const pane = await openPane(e2e, { syncDelayMs: 150 });
    const { page } = pane;
    const build = page.getByRole("button", { name: "生成 / 刷新工作簿" });
    await build.click();
    // While it writes: progress, and the button is disabled.
    await page.getByRole("progressbar").waitFor();
    expect(await build.isDisabled()).toBe(true);
    await screenshot(page, "2-generate-progress");

    const summary = await generateSummary(page);
    const names = await stubExcel(page).sheetNames();
    for (const sheet of SHEETS) expect(names).toContain(sheet);
    expect(await summary.textContent()).toContain(SHEETS.join("、"));
    expect((await stubExcel(page).names()).length).toBeGreaterThanOrEqual(SHEETS.length); // ownership markers
    const targets = (await stubExcel(page).cells("目标任务")) as Cells;
    expect(addressOf(targets, "art01-hitech-firms")).toBeDefined();
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, "3-generate-summary");

    // A user reports 6月's figure on 月度填报 (目标任务's 实际值 follows it by formula), then refreshes: kept.
    const monthly = (await stubExcel(page).cells("月度填报")) as Cells;
    const monthlyId = addressOf(monthly, "art01-hitech-firms") as string;
    const june = addressOf(monthly, "6月") as string;
    expect(monthlyId).toBeDefined();
    expect(june).toBeDefined();
    const juneCell = `${june.replace(/\d+$/, "")}${monthlyId.replace(/^[A-Z]+/, "")}`;
    await stubExcel(page).type("月度填报", juneCell, 60);
    const cellsBefore = await stubExcel(page).cells("月度填报");
    const targetsBefore = await stubExcel(page).cells("目标任务");
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    // A refresh is previewed first; with only an input typed there is nothing to change, and nothing is written.
    const preview = page.getByTestId("refresh-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("工作簿已是最新");
    await screenshot(page, "3b-refresh-preview");
    const after = (await stubExcel(page).cells("月度填报")) as Cells;
    expect(after[juneCell]?.value).toBe(60);
    expect(after).toEqual(cellsBefore);
    expect(await stubExcel(page).cells("目标任务")).toEqual(targetsBefore);
    await expectHealthy(pane);
    await page.close();
  });

  it("生成 next to someone else's sheet: skips it, then writes it under another name on request", async () => {
    const pane = await openPane(e2e, { foreignSheets: ["预算安排"] });
    const { page } = pane;
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    await generateSummary(page);
    expect(await page.getByTestId("generate-summary").textContent()).toContain("已跳过");
    expect((await stubExcel(page).cells("预算安排")) as Cells).toEqual({ A1: { value: "别人的表" } });
    const rename = page.getByRole("button", { name: "改用新名称写入" });
    await rename.waitFor();
    await screenshot(page, "4-generate-foreign");
    await rename.click();
    // The offer goes as soon as the pane is busy; the sheet is written by the time the summary is back.
    await page.waitForFunction(() => !document.body.textContent?.includes("改用新名称写入"));
    await generateSummary(page);
    const names = await stubExcel(page).sheetNames();
    expect(names.filter((n) => n.startsWith("预算安排")).length).toBe(2);
    expect((await stubExcel(page).cells("预算安排")) as Cells).toEqual({ A1: { value: "别人的表" } });
    await expectHealthy(pane);
    await page.close();
  });

  it("状态: lists the sheets with their edition and time, warns when one is stale and refreshes it in one click", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    await generateSummary(page);
    await page.getByRole("tab", { name: "状态" }).click();
    const row = page.getByTestId("status-目标任务");
    await row.waitFor();
    expect(await row.textContent()).toContain("已生成");
    expect(await row.textContent()).toContain("yueqing-2025");
    await screenshot(page, "5-status");

    // Age the 预算安排 marker: its fingerprint no longer matches the edition's figures.
    const marker = (await stubExcel(page).names()).find((n) => n.value.endsWith("|预算安排"));
    expect(marker).toBeDefined();
    const parts = (marker?.value ?? "").split("|");
    parts[3] = "0000000";
    await stubExcel(page).setName(marker?.name ?? "", parts.join("|"));
    await page.getByRole("button", { name: "重新检查" }).click();
    const refresh = page.getByRole("button", { name: "一键刷新" });
    await refresh.waitFor();
    expect(await page.getByTestId("status-预算安排").textContent()).toContain("需刷新");
    await screenshot(page, "5-status-stale");
    await refresh.click();
    // The one-click refresh previews the change before it writes anything.
    await page.getByTestId("refresh-preview").waitFor();
    expect(await page.getByTestId("status-预算安排").textContent()).toContain("需刷新");
    await page.getByRole("button", { name: "应用刷新" }).click();
    await page.getByText("已刷新。").waitFor();
    expect(await page.getByTestId("status-预算安排").textContent()).toContain("已生成");
    expect(await refresh.count()).toBe(0);
    await expectHealthy(pane);
    await page.close();
  });

  it("目标: searches a target and inserts a ZC formula into the selected cell", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    await stubExcel(page).select("Sheet1", "C3");
    await page.getByRole("tab", { name: "目标" }).click();
    await page.getByTestId("target-area1-rd-intensity").waitFor();
    await screenshot(page, "6-targets-all");
    await page.getByRole("searchbox", { name: /搜索/ }).fill("高新技术企业");
    const card = page.getByTestId("target-art01-hitech-firms");
    await card.waitFor();
    expect(await page.getByTestId(/^target-/).count()).toBe(1);
    await screenshot(page, "6-targets");
    await card.getByRole("button", { name: "插入公式" }).click();
    const write = card.getByRole("button", { name: "写入选中单元格 Sheet1!C3" });
    await write.waitFor();
    await screenshot(page, "7-targets-builder");
    await write.click();
    await card.getByText("已在 Sheet1!C3 写入公式。").waitFor();
    expect(await stubExcel(page).cells("Sheet1")).toEqual({
      C3: { value: "", formula: '=ZC.COMPLETION("art01-hitech-firms", )' },
    });

    // Another function, with an argument.
    await card.getByRole("combobox", { name: "函数" }).selectOption("STATUS");
    await card.getByRole("textbox", { name: /实际值/ }).fill("D3");
    await card.getByRole("button", { name: /写入选中单元格/ }).click();
    await page.waitForFunction(() =>
      JSON.stringify(window.__zc.cells("Sheet1")).includes('ZC.STATUS(\\"art01-hitech-firms\\", D3)'),
    );
    await expectHealthy(pane);
    await page.close();
  });

  it("帮助: shows every ZC function with an example", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    await page.getByRole("tab", { name: "帮助" }).click();
    await page.getByTestId("help-COMPLETION").waitFor();
    expect(await page.getByTestId(/^help-/).count()).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId("help-COMPLETION").textContent()).toContain(
      '=ZC.COMPLETION("art01-hitech-firms",60)',
    );
    await screenshot(page, "8-help");
    await expectHealthy(pane);
    await page.close();
  });

  it("speaks English when Office's display language is English", async () => {
    const pane = await openPane(e2e, { displayLanguage: "en-US" });
    const { page } = pane;
    await page.getByRole("button", { name: "Build / refresh workbook" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "9-generate-en");
    await expectHealthy(pane);
    await page.close();
  });
});
