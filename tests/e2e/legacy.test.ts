/**
 * The page's boot and the legacy build in headless Chromium (a modern engine must run the legacy build too), with
 * the stub Excel: `?build=legacy` loads legacy.js as Internet Explorer 11 gets it; at ExcelApi 1.7 it builds the
 * chosen sheets and shows the summary, at 1.1 it says to use the command line; a script that fails to load or
 * cannot start replaces "正在加载…" with what to do, within seconds.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  addressOf,
  cspViolations,
  describeE2e,
  builtPaneForThisFile,
  OFFICE_JS,
  openPane,
  screenshot,
  stubExcel,
} from "./harness";

const e2e = builtPaneForThisFile();
const stub = readFileSync(path.join(__dirname, "stub/office-stub.js"), "utf8");

describeE2e("the legacy pane and the page's boot (Chromium, stub Excel)", () => {
  it("at ExcelApi 1.7: chosen sheets and 报告日期 → 生成, the summary, the sheets in Excel", async () => {
    const pane = await openPane(e2e, { query: "?build=legacy", excelApi: "1.7" });
    const { page } = pane;
    await page.locator("#zc-generate").waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.querySelectorAll("script[src='taskpane.js']").length)).toBe(0);
    // Only 目标任务 and 预算执行.
    for (const box of await page.locator("input[type=checkbox]").all()) {
      const value = await box.getAttribute("value");
      if (value !== "目标任务" && value !== "预算执行") await box.uncheck();
    }
    await page.locator("#zc-report-date").fill("2025-06-30");
    await page.locator("#zc-generate").click();
    const summary = page.getByTestId("legacy-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("已完成:写入 2 个工作表");
    // ExcelApi 1.7 lacks data validation (1.8) and page layout (1.9): said, not failed.
    expect(await summary.textContent()).toContain("数据验证");
    await screenshot(page, "legacy-generated");
    const excel = stubExcel(page);
    expect((await excel.sheetNames()).filter((n) => n === "目标任务" || n === "预算执行")).toEqual([
      "目标任务",
      "预算执行",
    ]);
    const cells = await excel.cells("目标任务");
    expect(cells && addressOf(cells, "art01-hitech-firms")).toBeTruthy();
    expect(pane.problems).toEqual([]);
    expect(pane.blocked).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it("at ExcelApi 1.1: the command line instead, in Chinese", async () => {
    const pane = await openPane(e2e, { query: "?build=legacy", excelApi: "1.1" });
    const message = pane.page.getByTestId("legacy-too-old");
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toContain("请用命令行生成同样的工作簿");
    expect(await pane.page.locator("#zc-generate").count()).toBe(0);
    await screenshot(pane.page, "legacy-excelapi-1.1");
    expect(pane.problems).toEqual([]);
    await pane.page.close();
  }, 60_000);

  for (const [what, fail] of [
    ["fails to load", "abort"],
    ["cannot be parsed by the engine", "syntax"],
  ] as const) {
    it(`a script that ${what}: the loading text gives way to what to do, within seconds`, async () => {
      const page = await e2e.browser.context.newPage();
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.endsWith("/taskpane.js")) {
          return fail === "abort"
            ? route.abort()
            : route.fulfill({ status: 200, contentType: "text/javascript", body: "const x = a?.b ?? ;" });
        }
        if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
        if (url.startsWith(e2e.server.origin)) return route.continue();
        return route.abort();
      });
      const started = Date.now();
      await page.goto(`${e2e.server.origin}/taskpane.html`);
      const alert = page.locator("[data-zc-boot=failed]");
      await alert.waitFor({ timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain("taskpane.js");
      expect(text).toContain("请关闭此任务窗格后重新打开");
      expect(await page.getByText("正在加载政策目标").count()).toBe(0);
      await screenshot(page, `boot-failed-${fail}`);
      await page.close();
    }, 60_000);
  }
});
