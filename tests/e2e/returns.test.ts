/**
 * 填报 in the built pane in headless Chromium (office.js replaced by the recording stub Excel): the pane generates
 * the workbook; 分发 downloads the .zip of every leading unit's return (made in the browser by the file route's
 * writer, under the pane's CSP); two units fill theirs (a stub types into the input cells: a full-width figure, a
 * conflict with a figure already in the workbook, an unreadable 约12家); 回收 picks the files, previews, takes the
 * unit's value for the conflict and applies; the month cells and the 填报记录 rows land in the stub workbook, and
 * 催报 lists who is still missing with the reminder on the clipboard. Saves screenshots into artifacts/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { LOG_COLUMNS, returnFileName, unitDuties } from "../../src/returns";
import { fillReturn } from "../support/fillReturn";
import {
  addressOf,
  builtPaneForThisFile,
  columnOf,
  describeE2e,
  expectHealthy,
  generateSummary,
  openPane,
  rowOf,
  screenshot,
  stubExcel,
  type Cells,
} from "./harness";

const edition = getEdition("yueqing-2025")!;
const JULY = { year: 2025, month: 7 };
const duties = unitDuties(edition);
const leaders = duties.filter((d) => d.leads.length > 0);
const keji = duties.find((d) => d.unit === "市科技局")!;
const [a, b, c] = keji.leads.filter((t) => t.kind === "count");
const jingxin = duties.find((d) => d.unit === "市经信局")!;
const j = jingxin.leads.find((t) => t.kind === "count")!;

const e2e = builtPaneForThisFile();

describeE2e("填报 in Chromium", () => {
  it("分发 downloads the .zip, 回收 previews and merges filled returns with their log, 催报 lists who is missing", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    const stub = stubExcel(page);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("textbox", { name: /报告日期/ }).fill("2025-07-31");
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    await generateSummary(page);

    // A colleague already typed b's 7月 figure into 月度填报: the unit's different figure will be a conflict.
    const monthly = (await stub.cells("月度填报")) as Cells;
    const july = columnOf(addressOf(monthly, "7月") ?? "");
    const cell = (id: string) => `${july}${rowOf(addressOf(monthly, id) ?? "")}`;
    expect(july).not.toBe("");
    await stub.type("月度填报", cell(b!.id), 5);

    await page.getByRole("tab", { name: "填报" }).click();
    const month = page.getByRole("combobox", { name: "填报月份" });
    await month.waitFor({ timeout: 30_000 });
    expect(await month.inputValue()).toBe("7");
    await page.getByRole("textbox", { name: /报送截止/ }).fill("8月5日");
    await screenshot(page, "12-returns");

    // 分发: one .zip download holding one return per leading unit.
    const dir = mkdtempSync(path.join(os.tmpdir(), "zc-e2e-returns-"));
    try {
      const downloading = page.waitForEvent("download", { timeout: 120_000 });
      await page.getByRole("button", { name: "生成各单位填报表" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe("2025-07_各单位填报表.zip");
      const zipFile = path.join(dir, download.suggestedFilename());
      await download.saveAs(zipFile);
      const zip = await JSZip.loadAsync(readFileSync(zipFile));
      expect(Object.keys(zip.files).sort()).toEqual(leaders.map((d) => returnFileName(d.unit, JULY)).sort());
      const made = page.getByTestId("returns-made");
      await made.waitFor();
      expect(await made.textContent()).toContain(`已下载“2025-07_各单位填报表.zip”:${leaders.length} 个单位的填报表。`);
      const without = duties.filter((d) => d.leads.length === 0).map((d) => d.unit);
      if (without.length > 0) expect(await made.textContent()).toContain(without.join("、"));
      await made.scrollIntoViewIfNeeded();
      await screenshot(page, "13-returns-made");

      // Two units fill their returns (the stub types into the input cells) and send them back.
      const sent = (name: string) => zip.file(name)!.async("uint8array");
      const kejiName = returnFileName("市科技局", JULY);
      const jingxinName = returnFileName("市经信局", JULY);
      const kejiFilled = await fillReturn(await sent(kejiName), {
        [a!.id]: { figure: "１２家", 情况说明: "按计划推进" },
        [b!.id]: { figure: 6 },
        [c!.id]: { figure: "约12家" },
      });
      const jingxinFilled = await fillReturn(await sent(jingxinName), { [j.id]: { figure: 3 } });
      writeFileSync(path.join(dir, kejiName), kejiFilled);
      writeFileSync(path.join(dir, jingxinName), jingxinFilled);
      writeFileSync(path.join(dir, "会议纪要.xlsx"), "not a workbook");

      // 回收: the picker takes the three files at once; the preview comes before anything is written.
      await page
        .getByTestId("returns-files")
        .setInputFiles([kejiName, jingxinName, "会议纪要.xlsx"].map((n) => path.join(dir, n)));
      const preview = page.getByTestId("returns-preview");
      await preview.waitFor({ timeout: 120_000 });
      expect(await stub.cells("月度填报")).toEqual({ ...monthly, [cell(b!.id)]: { value: 5 } });
      expect(await preview.textContent()).toContain("“会议纪要.xlsx”未合并:不是政策目标的填报表");
      const kejiPreview = page.getByTestId(`returns-file-${kejiName}`);
      expect(await kejiPreview.textContent()).toContain("写入 2 · 相同 0 · 冲突 1 · 拒绝 1");
      expect(await kejiPreview.textContent()).toContain(`${c!.id} 累计值:“约12家”不是可读的数字,未写入`);
      expect(await page.getByTestId(`returns-file-${jingxinName}`).textContent()).toContain("写入 1 · 相同 0");
      await preview.scrollIntoViewIfNeeded();
      await screenshot(page, "14-returns-preview");

      await page.getByRole("checkbox", { name: `采用市科技局的填报值:${b!.id} 累计值 5 → 6` }).check();
      await page.getByRole("button", { name: "写入台账(4 个单元格)并记入填报记录" }).click();
      const applied = page.getByTestId("returns-applied");
      await applied.waitFor({ timeout: 60_000 });
      expect(await applied.textContent()).toContain("已写入 4 个单元格");
      await screenshot(page, "15-returns-applied");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // The month cells and the log in the stub workbook.
    const after = (await stub.cells("月度填报")) as Cells;
    expect(after[cell(a!.id)]?.value).toBe(12);
    expect(after[cell(b!.id)]?.value).toBe(6);
    expect(after[cell(c!.id)]?.value ?? null).toBeNull();
    expect(after[cell(j.id)]?.value).toBe(3);
    const notes = columnOf(addressOf(after, "情况说明") ?? "");
    expect(after[`${notes}${rowOf(addressOf(monthly, a!.id) ?? "")}`]?.value).toBe("按计划推进");
    const log = (await stub.cells("填报记录")) as Cells;
    const rows = new Map<string, Record<string, unknown>>();
    for (const [address, v] of Object.entries(log)) {
      const row = rowOf(address);
      rows.set(row, { ...rows.get(row), [columnOf(address)]: v.value });
    }
    const table = [...rows.entries()]
      .sort(([x], [y]) => Number(x) - Number(y))
      .map(([, r]) => LOG_COLUMNS.map((_, i) => String(r[String.fromCharCode(65 + i)] ?? "")));
    expect(table[0]).toEqual([...LOG_COLUMNS]);
    const outcome = (id: string, field = "累计值") =>
      table.find((r) => r[3] === id && r[5] === field && r[4] === "2025-07")?.[8];
    expect(outcome(a!.id)).toBe("写入");
    expect(outcome(a!.id, "情况说明")).toBe("写入");
    expect(outcome(b!.id)).toBe("已采纳");
    expect(outcome(c!.id)).toBe("拒绝");
    expect(outcome(j.id)).toBe("写入");
    expect(table.some((r) => (r[2] ?? "").startsWith("会议纪要.xlsx (") && r[8] === "拒绝")).toBe(true);

    // 催报: re-read after the merge; 市科技局 is incomplete, the reminder goes to the clipboard.
    const remind = page.getByTestId("returns-remind");
    const kejiLine = page.getByTestId("remind-市科技局");
    await kejiLine.waitFor();
    expect(await kejiLine.textContent()).toContain(
      `市科技局:未报全(缺 ${keji.leads.length - 2}/${keji.leads.length} 项)`,
    );
    const text = await remind.getByRole("textbox").inputValue();
    expect(text).toMatch(/^【催报】请以下单位于8月5日前报送2025年1—7月/);
    await remind.getByRole("button", { name: "复制催报通知" }).click();
    await remind.getByText("已复制到剪贴板。").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await remind.scrollIntoViewIfNeeded();
    await screenshot(page, "16-returns-remind");

    await expectHealthy(pane);
    await page.close();
  }, 400_000);
});
