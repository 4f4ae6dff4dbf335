/**
 * 导入新版本 in the built pane in headless Chromium (office.js replaced by the recording stub Excel): the importer,
 * OpenCC and the validator load as lazy chunks under the pane's CSP, the review sheet is written, a reviewer's edit
 * in the sheet is read back, and 确认导入 validates. Saves screenshots into artifacts/screenshots/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cspViolations, describeE2e, openPane, screenshot, builtPaneForThisFile } from "./harness";

// The full 乐清 2025 text, pasted as a user would.
const policy = readFileSync(path.join(__dirname, "../../seeds/yueqing-2025-policy.txt"), "utf8");

const e2e = builtPaneForThisFile();

describeE2e("导入新版本 in Chromium", () => {
  it("paste → 导入审核 sheet → edit a row → 确认导入 validates and shows the diff", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    await page.getByRole("tab", { name: "导入" }).click();
    await page.getByRole("textbox", { name: "政策原文" }).fill(policy);
    await page.getByRole("button", { name: "生成审核表" }).click();
    const drafted = page.getByTestId("import-drafted");
    await drafted.or(page.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    expect(await drafted.textContent()).toContain("113 个目标");
    const names = await page.evaluate(() => window.__zc.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["导入审核", "导入原文"]));
    await screenshot(page, "6-import-drafted");

    // The reviewer rejects one drafted target (its 采纳 cell, column B): the edition keeps the other 112.
    const cells = (await page.evaluate(() => window.__zc.cells("导入审核"))) ?? {};
    const idCell = Object.entries(cells).find(([, c]) => c.value === "area1-rd-intensity")?.[0] ?? "";
    expect(idCell).toMatch(/^C\d+$/);
    await page.evaluate((address) => window.__zc.type("导入审核", address, "否"), idCell.replace("C", "B"));

    await page.getByRole("button", { name: "确认导入" }).click();
    const valid = page.getByTestId("import-valid");
    await valid.or(page.getByTestId("import-invalid")).first().waitFor({ timeout: 60_000 });
    const text = (await valid.textContent()) ?? "";
    expect(text).toContain("版本 yueqing-2025 校验通过,共 112 个目标");
    await screenshot(page, "7-import-confirmed");
    expect(await cspViolations(page)).toEqual([]);
    expect(pane.problems).toEqual([]);
    expect(pane.blocked).toEqual([]);
    await page.close();
  });

  it("a changed figure: 确认导入 shows it in the diff, 应用到工作簿 stores the edition in the workbook and the sheets show it", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    // The 2026 text raises one figure; the reviewer keeps every row.
    const edited = policy.replace("新增高新技术企业75家以上", "新增高新技术企业80家以上");
    expect(edited).not.toBe(policy);
    await page.getByRole("tab", { name: "导入" }).click();
    await page.getByRole("textbox", { name: "政策原文" }).fill(edited);
    await page.getByRole("button", { name: "生成审核表" }).click();
    const drafted = page.getByTestId("import-drafted");
    await drafted.or(page.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    const cells = (await page.evaluate(() => window.__zc.cells("导入审核"))) ?? {};
    const idCell = Object.entries(cells).find(([, c]) => c.value === "art14-containers-projects")?.[0] ?? "";
    await page.evaluate((address) => window.__zc.type("导入审核", address, "否"), idCell.replace("C", "B"));

    await page.getByRole("button", { name: "确认导入" }).click();
    const valid = page.getByTestId("import-valid");
    await valid.or(page.getByTestId("import-invalid")).first().waitFor({ timeout: 60_000 });
    const diff = (await page.getByTestId("import-diff").textContent()) ?? "";
    expect(diff).toContain("art01-hitech-firms");
    expect(diff).toMatch(/75[^\n]*80/);
    expect(await page.evaluate(() => window.__zc.xmlParts())).toEqual([]);

    await page.getByRole("button", { name: "应用到工作簿" }).click();
    await page.getByText("已应用版本 yueqing-2025").waitFor({ timeout: 120_000 });
    const parts = await page.evaluate(() => window.__zc.xmlParts());
    expect(parts).toHaveLength(1);
    expect(parts[0]?.xml).toContain("新增高新技术企业80家以上");
    expect(parts[0]?.xml).not.toContain("新增高新技术企业75家以上");

    // 目标任务 now holds the new figure on the target's row (目标值 is the column after 指标).
    const targets = (await page.evaluate(() => window.__zc.cells("目标任务"))) ?? {};
    const idAddress = Object.entries(targets).find(([, c]) => c.value === "art01-hitech-firms")?.[0] ?? "";
    const row = Number(/\d+$/.exec(idAddress)?.[0]);
    expect(row).toBeGreaterThan(4);
    const rowValues = Object.entries(targets)
      .filter(([address]) => Number(/\d+$/.exec(address)?.[0]) === row)
      .map(([, c]) => c.value);
    expect(rowValues).toContain(80);
    expect(rowValues).not.toContain(75);
    await screenshot(page, "8-import-applied");
    expect(pane.problems).toEqual([]);
    await page.close();
  });
});
