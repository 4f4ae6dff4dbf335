import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { getEdition } from "../../src/policy";
import { SHEET_KEYS, decodeMarker } from "../../src/sheets";
import { NotOurWorkbookError, readPackage, refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readWorksheet } from "../support/readWorksheet";
import { nameValue } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { columnOf, rowOf } from "./support/grid";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/**
 * Saves a workbook a test edited with ExcelJS, keeping the original's defined names: Excel, WPS and LibreOffice
 * keep our markers when a user edits and saves, but ExcelJS drops string-constant names.
 */
async function save(wb: ExcelJS.Workbook, original?: Uint8Array): Promise<Uint8Array> {
  const raw = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (!original) return raw;
  const pkg = await readPackage(await JSZip.loadAsync(original));
  return new Uint8Array(await restoreNames(raw, pkg.names));
}

/** Cell values of a sheet (formula cells give their cached result). */
function values(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return readWorksheet(sheet).cells.map((row) => row.map((c) => (c.value instanceof Date ? c.value : c.value)));
}

/** A cell of an ExcelJS sheet (a plain read: not an Office.js proxy, whatever the add-in lint rules think). */
function cellOf(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getCell(row, col);
}

async function markers(buffer: Uint8Array) {
  const pkg = await readPackage(await JSZip.loadAsync(buffer));
  return pkg.names.map((n) => decodeMarker(n.name, nameValue(n.formula))).filter((m) => m !== undefined);
}

describe("file writer (ExcelJS)", () => {
  let fresh: Uint8Array;
  beforeAll(async () => {
    fresh = (await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" })).buffer;
  });

  it("writes the six sheets with official figures, formats, tables, validation, print setup and markers", async () => {
    const wb = await load(fresh);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_KEYS]);
    const budget = values(wb, "预算安排");
    const find = (label: string) => budget.find((row) => row.includes(label));
    expect(find("各领域合计")?.[2]).toBeCloseTo(69.49, 10);
    expect(find("文件总额(扣除交叉重叠)")?.[2]).toBe(49.25);
    expect(find("交叉重叠")?.[2]).toBeCloseTo(20.24, 10);

    const ws = wb.getWorksheet("目标任务")!;
    const t = values(wb, "目标任务");
    const r = rowOf(t, "编号", "area1-rd-intensity");
    const cell = cellOf(ws, r + 1, columnOf(t, "目标值") + 1);
    expect(cell.value).toBe(0.0312);
    expect(cell.numFmt).toBe("0.00%");
    const status = cellOf(ws, r + 1, columnOf(t, "状态") + 1);
    expect(status.formula).toMatch(/^IF\(/);
    expect(status.result).toBe("未填报");
    // 实际值 follows 月度填报 (its 本期数, by 编号): a formula, no input validation; 上年值 is still typed.
    const actual = cellOf(ws, r + 1, columnOf(t, "实际值") + 1);
    expect(actual.formula).toMatch(/INDEX\('月度填报'!\$U:\$U,MATCH\(\$A\d+,'月度填报'!\$A:\$A,0\)\)/);
    expect(actual.dataValidation?.type).toBeUndefined();
    expect(cellOf(ws, r + 1, columnOf(t, "上年值") + 1).dataValidation).toMatchObject({ type: "decimal" });
    const qualitative = rowOf(t, "编号", "area6-fai-stable");
    expect(t[qualitative]?.[columnOf(t, "目标值")]).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual(["ZC_Targets"]);

    const ex = values(wb, "预算执行");
    expect(ex[3]).toEqual(
      expect.arrayContaining(["预算数(万元)", "支出数(万元)", "执行率", "序时进度", "进度差(百分点)", "差额(万元)"]),
    );
    expect(ex[rowOf(ex, "领域", "六、全力扩大有效投资")]?.[1]).toBe(336000);
    expect(ex[1]?.[0]).toBe("报告日期");

    const m = await markers(fresh);
    expect(m.map((x) => x.key)).toEqual([...SHEET_KEYS]);
    expect(m.every((x) => x.editionId === "yueqing-2025" && x.generatedAt === NOW.toISOString())).toBe(true);
    const zip = await JSZip.loadAsync(fresh);
    // 汇总's two bar charts and, with the monthly sheets, its two trend charts.
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).toHaveLength(4);
    const chart = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain("'汇总'!$A$5:$A$12");
  });

  it("leaves a foreign same-named sheet alone (skip) or writes beside it (rename)", async () => {
    const none = new ExcelJS.Workbook();
    none.addWorksheet("预算执行").getCell("A1").value = "财政局自用";
    await expect(refreshWorkbook(await save(none), data, { now: NOW })).rejects.toBeInstanceOf(NotOurWorkbookError);
    const ours = (await writeTemplate(data, { now: NOW, sheets: ["说明"] })).buffer;
    const wb = await load(ours);
    const foreign = wb.addWorksheet("预算执行");
    foreign.getCell("A1").value = "财政局自用";
    foreign.getCell("C7").value = 123;
    const input = await save(wb, ours);
    const skipped = await refreshWorkbook(input, data, { now: NOW });
    // 汇总, the monthly sheets, 绩效监控 and 绩效自评 read 预算执行: with it someone else's, they are skipped too.
    expect(skipped.patch.skipped.map((s) => s.name)).toEqual([
      "预算执行",
      "汇总",
      "月度填报",
      "月度支出",
      "月度状态",
      "绩效监控",
      "绩效自评",
    ]);
    const out = await load(skipped.buffer);
    expect(out.getWorksheet("预算执行")!.getCell("A1").value).toBe("财政局自用");
    expect(out.getWorksheet("预算执行")!.getCell("C7").value).toBe(123);
    for (const dependent of ["汇总", "月度填报", "月度支出", "月度状态", "绩效监控", "绩效自评"])
      expect(out.getWorksheet(dependent)).toBeUndefined();

    const renamed = await refreshWorkbook(input, data, { now: NOW, onForeignSheet: "rename" });
    const out2 = await load(renamed.buffer);
    expect(out2.getWorksheet("预算执行")!.getCell("C7").value).toBe(123);
    expect(out2.getWorksheet("预算执行(政策目标)")).toBeDefined();
    const m = await markers(renamed.buffer);
    expect(m.find((x) => x.key === "预算执行")?.sheetName).toBe("预算执行(政策目标)");
  });

  it("CLI: writes a new workbook and refreshes one, printing only the path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-"));
    const file = path.join(dir, "乐清2025政策目标.xlsx");
    const run = (...args: string[]) => runInProcess(templateCommand, args);
    expect(await run("--out", file, "--report-date", "2025-06-30")).toMatchObject({ code: 0, stdout: `${file}\n` });
    const wb = await load(readFileSync(file));
    const t = values(wb, "目标任务");
    wb.getWorksheet("目标任务")!.getCell(rowOf(t, "编号", "art01-hitech-firms") + 1, columnOf(t, "实际值") + 1).value =
      30;
    writeFileSync(file, await save(wb, readFileSync(file)));
    const file2 = path.join(dir, "刷新.xlsx");
    expect(await run("--update", file, "--out", file2)).toMatchObject({ code: 0, stdout: `${file2}\n` });
    const t2 = values(await load(readFileSync(file2)), "目标任务");
    expect(t2[rowOf(t2, "编号", "art01-hitech-firms")]?.[columnOf(t2, "实际值")]).toBe(30);
    expect((await run("--unit", "元", "--out", "x.xlsx")).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});
