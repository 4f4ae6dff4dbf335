/**
 * 进展情况报告 in the built pane in headless Chromium (office.js replaced by the recording stub Excel): the pane
 * generates the workbook, a user types 6月's figures, and the 状态 tab drafts the report from the workbook's
 * figures — the .docx (built by the lazily loaded docx chunk, under the pane's CSP) arrives as a download, and
 * the sheet route writes 进展报告 (text cells, merged wrapped rows, A4 portrait), replaced on the next write.
 * Saves screenshots into artifacts/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { draftReport, reportText, type TargetFigures, type WorkbookFigures } from "../../src/report";
import { areaLabel } from "../../src/sheets/context";
import { HEADER_ROW } from "../../src/sheets/layout";
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

const data = getEdition("yueqing-2025")!;

const e2e = builtPaneForThisFile();

/** The column of a header on the header row, matched on the text before any "(unit)". */
const headerColumn = (cells: Cells, header: string) => {
  const found = Object.entries(cells).find(
    ([a, c]) => rowOf(a) === String(HEADER_ROW) && String(c.value).replace(/\(.*\)$/, "") === header,
  );
  if (!found) throw new Error(`no header ${header}`);
  return columnOf(found[0]);
};

async function docxText(file: string): Promise<string> {
  const xml = (await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describeE2e("进展情况报告 in Chromium", () => {
  it("drafts 6月 from the workbook, downloads the .docx, and writes (then replaces) the 进展报告 sheet", async () => {
    const pane = await openPane(e2e);
    const { page } = pane;
    const stub = stubExcel(page);
    await page.getByRole("textbox", { name: /报告日期/ }).fill("2025-06-30");
    await page.getByRole("button", { name: "生成 / 刷新工作簿" }).click();
    await generateSummary(page);

    // 6月's figures, typed as a user would: one target ahead, one behind, one area's spending (万元).
    const targets = (await stub.cells("目标任务")) as Cells;
    const actual = headerColumn(targets, "实际值");
    const typed: [string, number][] = [
      ["art01-hitech-firms", 30], // 75家: 40% against 50%, 10个百分点 behind
      ["art02-keystone-projects", 2], // 2个: 已完成
    ];
    for (const [id, v] of typed) await stub.type("目标任务", `${actual}${rowOf(addressOf(targets, id) ?? "")}`, v);
    const execution = (await stub.cells("预算执行")) as Cells;
    const spent = headerColumn(execution, "支出数");
    const six = data.areas.find((a) => a.no === 6)!;
    await stub.type("预算执行", `${spent}${rowOf(addressOf(execution, areaLabel(six)) ?? "")}`, 168000);

    await page.getByRole("tab", { name: "状态" }).click();
    const preview = page.getByTestId("report-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await page.getByRole("combobox", { name: "报告月份" }).inputValue()).toBe("6");
    // The same figures through the node drafter: the pane says what it says.
    const figures: WorkbookFigures = {
      data,
      targets: new Map<string, TargetFigures>(
        typed.map(([id, v]) => [
          id,
          { months: Array.from({ length: 12 }, (_, i) => (i === 5 ? v : null)), previous: null },
        ]),
      ),
      areas: new Map([[6, { months: Array.from({ length: 12 }, (_, i) => (i === 5 ? 16.8 : null)) }]]),
    };
    const expected = reportText(draftReport(figures, 6));
    const overview = expected.sections[0]?.paragraphs ?? [];
    expect(overview[0]).toContain("已完成1项、达进度0项、欠进度1项");
    for (const p of overview) expect(await preview.textContent()).toContain(p);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, "10-report");

    // .docx: a real download of the lazily built document.
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载 .docx" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("进展报告-2025-06.docx");
    const dir = mkdtempSync(path.join(os.tmpdir(), "zc-e2e-report-"));
    try {
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const words = await docxText(file);
      for (const p of overview) expect(words).toContain(p);
      expect(words).toContain("新增高新技术企业(推进教育科技人才一体发展):目标75家,1–6月累计30家,完成率40.0%");
      expect(words).toContain("附表:本报告所用数据");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.getByText(/已下载“进展报告-2025-06.docx”/).waitFor();

    // The sheet route.
    await page.getByRole("button", { name: "写入“进展报告”工作表" }).click();
    await page.getByText("已写入工作表“进展报告”。").waitFor();
    const sheet = (await stub.cells("进展报告")) as Cells;
    expect(String(sheet.A1?.value)).toBe("【政策目标】进展报告 · 2025年1–6月");
    expect(sheet.A3?.value).toBe(expected.title);
    const values = Object.values(sheet).map((c) => String(c.value).trim());
    for (const p of overview) expect(values).toContain(p);
    expect(values).toContain("低于序时进度10.0个百分点");
    expect(await stub.numberFormat("进展报告", "A5")).toBe("@");
    expect(await stub.merges("进展报告")).toEqual(expect.arrayContaining(["A1:C1", "A3:C3"]));
    expect(await stub.sets("worksheet(进展报告).pageLayout.")).toEqual(
      expect.arrayContaining([
        ["orientation", "Portrait"],
        ["paperSize", "A4"],
      ]),
    );
    await screenshot(page, "11-report-sheet");

    // A corrected figure, read again and written again: the sheet holds only the new report.
    const hitech = `${actual}${rowOf(addressOf(targets, "art01-hitech-firms") ?? "")}`;
    await stub.type("目标任务", hitech, 40);
    typed[0] = ["art01-hitech-firms", 40];
    await page.getByRole("button", { name: /重新读取数据/ }).click();
    await page
      .getByText(/已完成1项、达进度1项、欠进度0项/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "写入“进展报告”工作表" }).click();
    await page.getByText("已替换工作表“进展报告”中的上一份报告。").waitFor();
    const again = (await stub.cells("进展报告")) as Cells;
    expect(String(again.A1?.value)).toBe("【政策目标】进展报告 · 2025年1–6月");
    const text = Object.values(again).map((c) => String(c.value));
    expect(text.some((v) => v.includes("1–6月累计30家"))).toBe(false);
    expect(text.some((v) => v.includes("截至2025年6月底,没有欠进度的目标。"))).toBe(true);
    expect(Object.keys(again).length).toBeLessThan(Object.keys(sheet).length);
    expect(await stub.cells("目标任务")).toEqual({
      ...targets,
      ...Object.fromEntries(typed.map(([id, v]) => [`${actual}${rowOf(addressOf(targets, id) ?? "")}`, { value: v }])),
    });

    await expectHealthy(pane);
    await page.close();
  }, 180_000);
});
