/**
 * 导入新版本 in the built pane in headless Chromium (office.js replaced by the recording stub Excel): the importer,
 * OpenCC and the validator load as lazy chunks under the pane's CSP, the review sheet is written, a reviewer's edit
 * in the sheet is read back, and 确认导入 validates. Saves screenshots into artifacts/screenshots/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ensureBuilt } from "../support/ensureBuilt";
import { requireChromium } from "../support/realEngines";
import { CHROMIUM, cspViolations, launch, openPane, screenshot, serve, type Browser, type Server } from "./harness";

let server: Server;
let browser: Browser;
const chromiumHere = requireChromium(CHROMIUM);
const describeE2e = chromiumHere ? describe : describe.skip;

// The full 乐清 2025 text, pasted as a user would.
const policy = readFileSync(path.join(__dirname, "../../seeds/yueqing-2025-policy.txt"), "utf8");

beforeAll(async () => {
  if (!chromiumHere) return;
  server = await serve(process.env.ZC_E2E_DIST || ensureBuilt());
  browser = await launch();
}, 600_000); // a cold build of dist/ takes minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describeE2e("导入新版本 in Chromium", () => {
  it("paste → 导入审核 sheet → edit a row → 确认导入 validates and shows the diff", async () => {
    const pane = await openPane(browser, server.origin);
    const { page } = pane;
    await page.getByRole("tab", { name: "导入" }).click();
    await page.getByRole("textbox", { name: "政策原文" }).fill(policy);
    await page.getByRole("button", { name: "生成审核表" }).click();
    const drafted = page.getByTestId("import-drafted");
    await drafted.or(page.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    expect(await drafted.textContent()).toContain("114 个目标");
    const names = await page.evaluate(() => window.__zc.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["导入审核", "导入原文"]));
    await screenshot(page, "6-import-drafted");

    // The reviewer rejects the row of the one figure the bundled edition does not have (its 采纳 cell, column B).
    const cells = (await page.evaluate(() => window.__zc.cells("导入审核"))) ?? {};
    const idCell = Object.entries(cells).find(([, c]) => c.value === "art14-containers-projects")?.[0] ?? "";
    expect(idCell).toMatch(/^C\d+$/);
    await page.evaluate((address) => window.__zc.type("导入审核", address, "否"), idCell.replace("C", "B"));

    await page.getByRole("button", { name: "确认导入" }).click();
    const valid = page.getByTestId("import-valid");
    await valid.or(page.getByTestId("import-invalid")).first().waitFor({ timeout: 60_000 });
    const text = (await valid.textContent()) ?? "";
    expect(text).toContain("版本 yueqing-2025 校验通过,共 113 个目标");
    await screenshot(page, "7-import-confirmed");
    expect(await cspViolations(page)).toEqual([]);
    expect(pane.problems).toEqual([]);
    expect(pane.blocked).toEqual([]);
    await page.close();
  });
});
