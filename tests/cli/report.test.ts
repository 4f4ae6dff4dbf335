/**
 * `report FILE.xlsx --month 2025-06`: a workbook filled with a month of synthetic figures and recalculated by
 * LibreOffice, then drafted by the CLI. The report's counts equal 汇总's, its budget figures equal 汇总's, and
 * every target's figure in the appendix equals the workbook's cell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fromYi, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import { draftReport, items, percent, reportText, STATUSES, targetFigure, yi } from "../../src/report";
import { readFigures } from "../../src/sheets/reportFigures";
import { reportSheetLayout } from "../../src/sheets/report";
import { writeTemplate } from "../../src/xlsx";
import { readWorksheet } from "../support/readWorksheet";
import { readPackage } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { syntheticYear } from "../report/syntheticYear";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";

const root = path.join(__dirname, "..", "..");
const data = getEdition("yueqing-2025")!;

function cli(...args: string[]) {
  const r = spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const header = (ws: ExcelJS.Worksheet, text: string, row = 4): number => {
  let found = 0;
  ws.getRow(row).eachCell((c, col) => {
    if (typeof c.value === "string" && c.value.replace(/\(.*\)$/, "") === text) found = col;
  });
  if (found === 0) throw new Error(`no column ${text}`);
  return found;
};

const plain = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;

async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join(""),
  );
}

describe("cli report", () => {
  it("refuses usage errors with exit 2, file errors with exit 1 naming the file", () => {
    expect(cli("report").status).toBe(2);
    expect(cli("report", "x.xlsx", "--month", "2025-13").status).toBe(2);
    expect(cli("report", "x.xlsx", "--out", "x.pdf").status).toBe(2);
    const missing = cli("report", "/nonexistent/台账.xlsx");
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^错误:\/nonexistent\/台账\.xlsx:.* \/ Error: \/nonexistent\/台账\.xlsx: /);
    const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-report-"));
    try {
      const notZip = path.join(dir, "坏文件.xlsx");
      writeFileSync(notZip, "not a workbook");
      const bad = cli("report", notZip);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(
        /^错误:.*坏文件\.xlsx:不是 \.xlsx 工作簿.* \/ Error: .*坏文件\.xlsx: not an \.xlsx workbook/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (requireLibreOffice() ? it : it.skip)(
    "drafts 6月 from a workbook LibreOffice recalculated: counts and money equal 汇总's, figures equal the cells",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-report-"));
      try {
        const figures = syntheticYear(data);
        const { buffer } = await writeTemplate(data, {
          reportDate: "2025-06-30",
          now: new Date("2025-07-01T02:00:00Z"),
        });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
        const targets = wb.getWorksheet("目标任务")!;
        const idCol = header(targets, "编号");
        const actualCol = header(targets, "实际值");
        const previousCol = header(targets, "上年值");
        targets.eachRow((row, r) => {
          if (r <= 4) return;
          const t = data.targets.find((x) => x.id === row.getCell(idCol).value);
          const f = t ? figures.targets.get(t.id) : undefined;
          if (!t || !f) return;
          const v = f.months[5];
          if (typeof v === "number") row.getCell(actualCol).value = toExcelValue(t, v);
          if (typeof f.previous === "number") row.getCell(previousCol).value = toExcelValue(t, f.previous);
        });
        const execution = wb.getWorksheet("预算执行")!;
        const spentCol = header(execution, "支出数");
        data.areas.forEach((a, i) => {
          const v = figures.areas.get(a.no)?.months[5];
          if (typeof v === "number") execution.getCell(5 + i, spentCol).value = fromYi(v, "万元");
        });
        const filled = path.join(dir, "台账.xlsx");
        await wb.xlsx.writeFile(filled);
        const outDir = path.join(dir, "recalc");
        const recalculated = sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", outDir);

        const out = path.join(dir, "进展报告.docx");
        const run = cli("report", recalculated, "--month", "2025-06", "--out", out);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(run.stdout.trim()).toBe(path.resolve(out));
        const text = (await docxParagraphs(out)).join("\n");

        const back = new ExcelJS.Workbook();
        await back.xlsx.readFile(recalculated);
        const summary = back.getWorksheet("汇总")!;
        // The status block's 合计: the first one (the block by unit below has its own).
        let totalRow = 0;
        summary.eachRow((row, r) => {
          if (row.getCell(1).text === "合计" && totalRow === 0) totalRow = r;
        });
        const counts = STATUSES.map((_, i) => Number(plain(summary.getCell(totalRow, 2 + i).value)));
        const phrase = STATUSES.map((s, i) => `${s}${items(counts[i] ?? -1)}`).join("、");
        expect(counts.reduce((s, n) => s + n, 0)).toBe(data.targets.length);
        expect(text).toContain(`${data.targets.length}项目标任务中,${phrase}。`);

        let moneyRow = 0;
        summary.eachRow((row, r) => {
          if (row.getCell(1).text === "合计(总体执行)") moneyRow = r;
        });
        const budget = Number(plain(summary.getCell(moneyRow, 2).value)) / 10000;
        const spent = Number(plain(summary.getCell(moneyRow, 3).value)) / 10000;
        const rate = Number(plain(summary.getCell(moneyRow, 4).value));
        expect(text).toContain(`预算安排${yi(budget)}`);
        expect(text).toContain(`已支出${yi(spent)},执行率${percent(rate)}`);

        // Appendix: each target's figure as the cell holds it.
        const rows = (await docxParagraphs(out)).join("\n");
        const t2 = back.getWorksheet("目标任务")!;
        t2.eachRow((row, r) => {
          if (r <= 4) return;
          const t = data.targets.find((x) => x.id === row.getCell(idCol).value);
          const v = plain(row.getCell(actualCol).value);
          if (!t || typeof v !== "number") return;
          const own = t.unit === "%" ? v * 100 : v;
          expect(rows).toContain(`${t.indicator}(${t.id})\n${targetFigure(t, own)}\n`);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

/** Every part of a package, by name. */
async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** The worksheet part and the workbook.xml `<sheet>` element of a sheet. */
async function sheetEntry(bytes: Uint8Array, name: string): Promise<{ part: string; element: string; index: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const index = file.sheets.findIndex((s) => s.name === name);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const element = [...xml.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0])[index] ?? "";
  return { part: file.sheets[index]?.part ?? "", element, index };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The row of 月度填报 whose 编号 is `id`. */
function rowWithId(ws: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === id) found = r;
  });
  return found;
}

describe("cli report --sheet / --into: the 进展报告 sheet in the user's workbook", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-report-sheet-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const NOW = new Date("2025-07-01T02:00:00Z");

  it("--into writes a copy with the sheet, the cells the pane writes; FILE.xlsx and every other part untouched", async () => {
    const file = path.join(dir, "台账.xlsx");
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    writeFileSync(file, buffer);
    const out = path.join(dir, "台账-报告.xlsx");
    const run = cli("report", file, "--month", "2025-06", "--into", out);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(`${path.resolve(out)}\n`);
    expect(readFileSync(file).equals(buffer)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".docx"))).toEqual([]);

    const written = new Uint8Array(readFileSync(out));
    const before = await partsOf(buffer);
    const after = await partsOf(written);
    const { part, index } = await sheetEntry(written, "进展报告");
    expect(index).toBe((await readFileSnapshot(await JSZip.loadAsync(buffer))).sheets.length); // after the last
    const changed = [...after.keys()].filter((k) => !before.get(k)?.equals(after.get(k) as Buffer)).sort();
    expect(changed).toEqual(
      ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", part].sort(),
    );
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);

    // The layout the pane writes, drafted from the same figures: text rows in A (B, C empty), the appendix in A:C.
    const sheets = (await load(buffer)).worksheets.map((ws) => readWorksheet(ws));
    const layout = reportSheetLayout(reportText(draftReport(readFigures(data, sheets).figures, 6)));
    const ws = (await load(written)).getWorksheet("进展报告")!;
    // Text rows: the paragraph in A, merged over A:C; appendix rows: 项目, 数值, 来源 in A, B, C.
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    layout.cells.forEach((row, r) => {
      if (r === 1) return; // the note row says when it was written
      const merged = layout.merges.includes(`A${r + 1}:C${r + 1}`);
      const got = merged ? [ws.getCell(r + 1, 1).text, "", ""] : row.map((_, c) => ws.getCell(r + 1, c + 1).text);
      expect([r + 1, got]).toEqual([r + 1, row]);
    });
    expect([...merges].sort()).toEqual([...layout.merges].sort());
    expect(ws.getCell(2, 1).text).toMatch(
      /^本表是“政策目标”加载项根据本工作簿的数据生成的文档\(\d{4}-\d\d-\d\d \d\d:\d\d生成\)/,
    );
    expect(ws.getCell(6, 1).numFmt).toBe("@");
    expect(layout.rowHeights.map((_, i) => ws.getRow(i + 1).height)).toEqual(layout.rowHeights);
    expect(ws.pageSetup).toMatchObject({ orientation: "portrait", paperSize: 9, fitToWidth: 1 });
    // The appendix starts a page: a manual break after the row above it (0-based id = that row).
    expect(after.get(part)?.toString()).toMatch(
      new RegExp(`<rowBreaks[^>]*><brk id="${(layout.rowBreaks[0] ?? 0) - 1}" max="\\d+" man="1"/></rowBreaks>`),
    );
  });

  it("--sheet replaces its own earlier report in place: same part, same sheet entry, a user's formula still reads it", async () => {
    // The copy above, with a sheet of the user's that points at the report (written by ExcelJS, as any tool would).
    const wb = await load(new Uint8Array(readFileSync(path.join(dir, "台账-报告.xlsx"))));
    // 7月 reported for one target: the month the report is drafted for.
    const monthly = wb.getWorksheet("月度填报")!;
    monthly.getCell(rowWithId(monthly, "art01-hitech-firms"), header(monthly, "7月")).value = 58;
    const mine = wb.addWorksheet("我的汇报");
    mine.getCell("A1").value = { formula: "'进展报告'!A1", result: "【政策目标】进展报告 · 2025年1–6月" };
    const file = path.join(dir, "台账2.xlsx");
    // ExcelJS drops the workbook's marker names; they are put back, as Excel would have kept them.
    const names = (await readPackage(await JSZip.loadAsync(readFileSync(path.join(dir, "台账-报告.xlsx"))))).names;
    writeFileSync(file, await restoreNames(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), names));
    const before = new Uint8Array(readFileSync(file));
    const run = cli("report", file, "--month", "2025-07", "--sheet");
    expect([run.status, run.stderr, run.stdout]).toEqual([0, "", `${path.resolve(file)}\n`]);
    const after = new Uint8Array(readFileSync(file));
    expect(await sheetEntry(after, "进展报告")).toEqual(await sheetEntry(before, "进展报告"));
    const mineBefore = await sheetEntry(before, "我的汇报");
    expect(
      (await partsOf(after)).get(mineBefore.part)?.equals((await partsOf(before)).get(mineBefore.part) as Buffer),
    ).toBe(true);
    const ws = (await load(after)).getWorksheet("进展报告")!;
    expect(ws.getCell("A1").text).toBe("【政策目标】进展报告 · 2025年1–7月");
    expect((await load(after)).worksheets.map((w) => w.name).filter((n) => n.startsWith("进展报告"))).toEqual([
      "进展报告",
    ]);
    if (requireLibreOffice()) {
      // Recalculated, the user's formula reads the new report: the reference was never re-pointed.
      const recalculated = sofficeConvert(dir, file, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "recalc"));
      const back = await load(new Uint8Array(readFileSync(recalculated)));
      expect(plain(back.getWorksheet("我的汇报")!.getCell("A1").value)).toBe("【政策目标】进展报告 · 2025年1–7月");
    }
  }, 120_000);

  it("leaves a user's own 进展报告 alone (the report goes beside it); refuses when both names are the user's", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    const wb = await load(buffer);
    wb.addWorksheet("进展报告").getCell("A1").value = "我们自己的进展台账";
    const file = path.join(dir, "自有表.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "自有表-报告.xlsx");
    expect(cli("report", file, "--month", "2025-06", "--into", out).status).toBe(0);
    const back = await load(new Uint8Array(readFileSync(out)));
    expect(back.getWorksheet("进展报告")?.getCell("A1").text).toBe("我们自己的进展台账");
    expect(back.getWorksheet("进展报告(政策目标)")?.getCell("A1").text).toBe("【政策目标】进展报告 · 2025年1–6月");

    wb.addWorksheet("进展报告(政策目标)").getCell("A1").value = "也是我们的";
    const both = path.join(dir, "两张自有表.xlsx");
    await wb.xlsx.writeFile(both);
    const bytes = readFileSync(both);
    const refused = cli("report", both, "--month", "2025-06", "--sheet");
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(
      /^错误:.*两张自有表\.xlsx:工作簿中的工作表“进展报告”“进展报告\(政策目标\)”不是本工具生成的.* \/ Error: /,
    );
    expect(readFileSync(both).equals(bytes)).toBe(true);
  });

  it("refuses --sheet with --into, an --into that is not .xlsx, and an --into file that exists (exit 2, 1)", () => {
    const file = path.join(dir, "台账.xlsx");
    expect(cli("report", file, "--sheet", "--into", path.join(dir, "x.xlsx")).status).toBe(2);
    expect(cli("report", file, "--into", path.join(dir, "x.docx")).status).toBe(2);
    const taken = path.join(dir, "台账-报告.xlsx");
    const bytes = readFileSync(taken);
    const r = cli("report", file, "--month", "2025-06", "--into", taken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^错误:.*台账-报告\.xlsx:已存在,未作改动/);
    expect(readFileSync(taken).equals(bytes)).toBe(true);
  });
});
