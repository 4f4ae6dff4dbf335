/**
 * 新年度 in the built pane in headless Chromium (office.js replaced by the recording stub Excel): staff load the
 * 2026 edition (版本), build the workbook, type one 上年值 themselves, then choose last year's 2025 workbook in the
 * 新年度 card — read in the browser through the package limits — see the preview, write it, and find each carried
 * 上年值 and its 核对 trace in the workbook. A broken file and a workbook without an edition give an error bar.
 */
import { serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import { writeTemplate } from "../../src/xlsx";
import {
  builtPaneForThisFile,
  cspViolations,
  describeE2e,
  expectHealthy,
  generateSummary,
  openPane,
  screenshot,
  stubExcel,
  type Cells,
} from "./harness";
import {
  COUNTED,
  DROPPED,
  edition2026,
  figure2025,
  NEW_ID,
  NOW,
  RENAMED,
  workbook2025,
  y2025,
} from "../carryover/support/years";

const e2e = builtPaneForThisFile();
const y2026 = edition2026();
const FILE = "2025台账.xlsx";
const TRACE = `上年值取自 ${FILE} 月度填报 12月`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A target's cell under a header of the stub's 目标任务, by 编号. */
function cellOf(cells: Cells, id: string, header: string): string {
  const at = (a: string) => /^([A-Z]+)(\d+)$/.exec(a) ?? ["", "", "0"];
  const head = Object.entries(cells).find(([, c]) => c.value === header)?.[0];
  const key = Object.entries(cells).find(([, c]) => c.value === id)?.[0];
  if (!head || !key) throw new Error(`no ${header} for ${id}`);
  const column = at(head)[1];
  return `${column}${at(key)[2]}`;
}

describeE2e("新年度 in Chromium", () => {
  let last: Buffer;
  beforeAll(async () => {
    last = Buffer.from(await workbook2025());
  }, 120_000);

  it("chooses last year's workbook, previews, writes the 上年值 and their 核对 traces", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    const stub = stubExcel(page);

    // The 2026 edition, loaded from its file and stored in the workbook.
    await page.getByRole("tab", { name: "版本" }).click();
    await page.getByLabel("载入版本文件(.json)").setInputFiles({
      name: "yueqing-2026.json",
      mimeType: "application/json",
      buffer: Buffer.from(serializeEditionFile(toEditionFile(y2026))),
    });
    await page.getByRole("button", { name: "应用到工作簿" }).click();
    await page.getByTestId("edition-status").waitFor();

    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    await generateSummary(page);
    const blank = (await stub.cells("目标任务")) as Cells;
    const typed = "art02-tech-projects";
    await stub.type("目标任务", cellOf(blank, typed, "上年值"), 999);

    const card = page.getByTestId("new-year-panel");
    await card.getByLabel("选择上年工作簿(.xlsx)").setInputFiles({ name: FILE, mimeType: XLSX, buffer: last });
    const preview = page.getByTestId("new-year-preview");
    await preview.or(card.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    expect(await card.getByRole("alert").count()).toBe(0);
    const text = (await preview.textContent()) ?? "";
    // Not carried: the new target, the share now counted (refused), the never reported one, the typed one.
    expect(text).toContain(`将写入上年值 ${y2026.targets.length - 4} 项`);
    expect(text).toContain(`已填但与上年数不同 1 项`);
    expect(text).toContain(`${typed}:已填 999,上年 ${figure2025(typed)}`);
    expect(text).toContain(`${COUNTED}:单位不一致:“%”不能换算为“个”`);
    expect(text).toContain(`${RENAMED.to}:亿元 → 万元`);
    expect(text).toContain(`本年新增目标(上年无对应)1 项:${NEW_ID}`);
    expect(text).toContain(`上年目标本年已无 1 项:${DROPPED}`);
    expect(await card.textContent()).toContain(`上年工作簿:${FILE}`);
    // Nothing written by the preview.
    expect(await stub.cells("目标任务")).toEqual({ ...blank, [cellOf(blank, typed, "上年值")]: { value: 999 } });
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, "12-new-year-preview");

    await card.getByRole("button", { name: "写入本工作簿" }).click();
    const summary = page.getByTestId("new-year-summary");
    await summary.or(card.getByRole("alert")).first().waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toContain(`已写入上年值 ${y2026.targets.length - 4} 项`);

    const after = (await stub.cells("目标任务")) as Cells;
    const value = (id: string, header: string) => after[cellOf(after, id, header)]?.value;
    for (const t of y2026.targets) {
      if ([NEW_ID, COUNTED, typed, "art36-county-visit-rate"].includes(t.id)) continue;
      const from = t.id === RENAMED.to ? RENAMED.from : t.id;
      const expected = t.id === RENAMED.to ? figure2025(from) * 10000 : figure2025(from);
      const held = Number(value(t.id, "上年值"));
      expect([t.id, t.unit === "%" ? held * 100 : held]).toEqual([t.id, expect.closeTo(expected, 9)]);
      if (t.id !== RENAMED.to) expect([t.id, value(t.id, "核对")]).toEqual([t.id, TRACE]);
    }
    expect(value(RENAMED.to, "核对")).toContain(`${TRACE}(上年编号 ${RENAMED.from}`);
    expect(value(typed, "上年值")).toBe(999);
    expect(value(typed, "核对")).toBe(
      `上年值与上年数不同,保留所填:上年 ${FILE} 月度填报 12月 为 ${figure2025(typed)}项`,
    );
    expect(String(value(COUNTED, "核对"))).toMatch(/^上年值未结转/);
    expect(value(NEW_ID, "核对") ?? null).toBeNull();
    // Other sheets untouched by the carry-over: only 目标任务's 上年值 and 核对 cells changed.
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(blank[a]));
    const columns = new Set(changed.map((a) => a.replace(/\d+$/, "")));
    expect([...columns].sort()).toEqual(
      [cellOf(blank, typed, "上年值"), cellOf(blank, typed, "核对")].map((a) => a.replace(/\d+$/, "")).sort(),
    );
    await summary.scrollIntoViewIfNeeded();
    await screenshot(page, "13-new-year-done");

    await expectHealthy(pane);
    await page.close();
  }, 240_000);

  it("a broken file, a workbook without an edition and this year's own workbook each give a clear bar", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    const card = page.getByTestId("new-year-panel");
    const input = card.getByLabel("选择上年工作簿(.xlsx)");
    const bar = card.getByRole("alert");

    await input.setInputFiles({ name: "坏文件.xlsx", mimeType: XLSX, buffer: Buffer.from("这不是工作簿".repeat(50)) });
    await bar.waitFor({ timeout: 60_000 });
    expect(await bar.textContent()).toContain("无法读取“坏文件.xlsx”:它不是有效的 Excel 工作簿(.xlsx),或文件已损坏。");
    await screenshot(page, "14-new-year-error");

    const foreign = Buffer.from((await writeTemplate(y2025, { now: NOW })).buffer);
    await input.setInputFiles({ name: "别人的.xlsx", mimeType: XLSX, buffer: foreign });
    await card.getByText(/“别人的.xlsx”中没有内嵌的政策版本/).waitFor({ timeout: 60_000 });

    // The pane's edition is 2025 here: a 2025 workbook is no earlier year.
    await input.setInputFiles({ name: FILE, mimeType: XLSX, buffer: last });
    await card.getByText(/是 2025 年度的台账,不早于本工作簿的 2025 年度/).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("new-year-preview").count()).toBe(0);

    expect(await cspViolations(page)).toEqual([]);
    // The failures are logged for whoever debugs; nothing is thrown at the page.
    expect(pane.problems.filter((p) => p.startsWith("pageerror"))).toEqual([]);
    expect(pane.blocked).toEqual([]);
    await page.close();
  }, 180_000);
});
