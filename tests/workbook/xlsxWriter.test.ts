import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templateCommand } from "../../src/cli/commands/template";
import { getEdition } from "../../src/policy";
import { SHEET_KEYS, decodeMarker, ORPHAN_TARGET, DUPLICATE_TARGET } from "../../src/sheets";
import {
  LossyWorkbookError,
  NotOurWorkbookError,
  readPackage,
  readWorksheet,
  updateTemplate,
  writeTemplate,
} from "../../src/xlsx";
import { nameValue, restoreNames } from "../../src/xlsx/package";
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
  let fresh: Buffer;
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

  it("refresh keeps every input by 编号 and area, after the user sorted the rows, and leaves other sheets alone", async () => {
    const wb = await load(fresh);
    const ws = wb.getWorksheet("目标任务")!;
    let t = values(wb, "目标任务");
    const put = (id: string, header: string, value: ExcelJS.CellValue) =>
      (ws.getCell(rowOf(t, "编号", id) + 1, columnOf(t, header) + 1).value = value);
    put("art01-hitech-firms", "实际值", 60);
    put("art01-hitech-firms", "备注", "含预认定");
    put("area7-income-ratio", "实际值", 1.71);
    put("area7-income-ratio", "上年值", 1.74);
    put("area1-rd-intensity", "实际值", { formula: "3.05%", result: 0.0305 } as ExcelJS.CellFormulaValue);
    // The user sorts the table descending by 编号: move every data row.
    const first = 5;
    const last = t.length;
    const rows = [];
    for (let r = first; r <= last; r++) rows.push(ws.getRow(r).values as ExcelJS.CellValue[]);
    const idCol = columnOf(t, "编号") + 1;
    rows.sort((a, b) => String(b[idCol]).localeCompare(String(a[idCol])));
    rows.forEach((vals, i) => {
      const row = ws.getRow(first + i);
      for (let c = 1; c < vals.length; c++) row.getCell(c).value = vals[c] ?? null;
    });
    const ex = wb.getWorksheet("预算执行")!;
    const e = values(wb, "预算执行");
    ex.getCell(rowOf(e, "领域", "二、加快先进制造业发展") + 1, columnOf(e, "支出数") + 1).value = 8600;
    ex.getCell("B2").value = 45900;
    const other = wb.addWorksheet("我的台账");
    other.getCell("A1").value = "自填";
    other.getCell("B2").value = { formula: "'目标任务'!J5*2", result: 0 } as ExcelJS.CellFormulaValue;
    other.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
    const edited = await save(wb, fresh);

    const { buffer, plan } = await updateTemplate(edited, data, { now: NOW });
    // 7 typed cells + the two 报告日期, and the two 实际值 the monthly sheet 月度填报 carries into the report month;
    // those two and 支出数 8600 now live in their month (实际值 / 支出数 show them by formula), counted there once.
    expect(plan.valuesKept).toBe(8);
    expect(plan.orphanRows).toBe(0);
    const out = await load(buffer);
    expect(out.worksheets.map((w) => w.name)).toEqual([...SHEET_KEYS, "我的台账"]);
    t = values(out, "目标任务");
    const get = (id: string, header: string) => t[rowOf(t, "编号", id)]?.[columnOf(t, header)];
    expect(get("art01-hitech-firms", "实际值")).toBe(60);
    expect(get("art01-hitech-firms", "备注")).toBe("含预认定");
    expect(get("art01-hitech-firms", "完成率")).toBeCloseTo(0.8, 12);
    expect(get("area7-income-ratio", "实际值")).toBe(1.71);
    expect(get("area7-income-ratio", "上年值")).toBe(1.74);
    expect(get("area7-income-ratio", "状态")).toBe("已完成");
    const ws2 = out.getWorksheet("目标任务")!;
    const rd = rowOf(t, "编号", "area1-rd-intensity");
    expect(ws2.getCell(rd + 1, columnOf(t, "实际值") + 1).formula).toBe("3.05%");
    expect(get("area1-rd-intensity", "状态")).toBe("已完成");
    const e2 = values(out, "预算执行");
    expect(e2[rowOf(e2, "领域", "二、加快先进制造业发展")]?.[columnOf(e2, "支出数")]).toBe(8600);
    expect(e2[rowOf(e2, "领域", "二、加快先进制造业发展")]?.[columnOf(e2, "执行率")]).toBeCloseTo(0.5, 12);
    const dateCell = out.getWorksheet("预算执行")!.getCell("B2").value;
    expect(dateCell instanceof Date ? dateCell.toISOString().slice(0, 10) : dateCell).toBe("2025-08-31");
    const mine = out.getWorksheet("我的台账")!;
    expect(mine.getCell("A1").value).toBe("自填");
    expect(mine.getCell("A1").font?.color?.argb).toBe("FFFF0000");
    expect(mine.getCell("B2").formula).toBe("'目标任务'!J5*2");
    const zip = await JSZip.loadAsync(buffer);
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).toHaveLength(4);
    expect((await markers(buffer)).map((x) => x.key)).toEqual([...SHEET_KEYS]);
  });

  it("keeps and flags rows the edition no longer has, and duplicated 编号", async () => {
    const wb = await load(fresh);
    const ws = wb.getWorksheet("目标任务")!;
    const t = values(wb, "目标任务");
    const id = columnOf(t, "编号") + 1;
    const actual = columnOf(t, "实际值") + 1;
    const r1 = rowOf(t, "编号", "art02-tech-projects") + 1;
    ws.getCell(r1, id).value = "art02-old-target";
    ws.getCell(r1, actual).value = 7;
    const r2 = rowOf(t, "编号", "art01-hitech-firms") + 1;
    const r3 = rowOf(t, "编号", "art02-keystone-projects") + 1;
    ws.getCell(r2, actual).value = 10;
    ws.getCell(r3, id).value = "ART01-HITECH-FIRMS";
    ws.getCell(r3, actual).value = 11;
    const { buffer, plan } = await updateTemplate(await save(wb, fresh), data, { now: NOW });
    expect(plan.orphanRows).toBe(2);
    const out = values(await load(buffer), "目标任务");
    const check = columnOf(out, "核对");
    const old = rowOf(out, "编号", "art02-old-target");
    expect(out[old]?.[columnOf(out, "实际值")]).toBe(7);
    expect(out[old]?.[check]).toBe(ORPHAN_TARGET);
    const dup = rowOf(out, "编号", "ART01-HITECH-FIRMS");
    expect(out[dup]?.[columnOf(out, "实际值")]).toBe(11);
    expect(out[dup]?.[check]).toBe(DUPLICATE_TARGET);
    expect(out[rowOf(out, "编号", "art01-hitech-firms")]?.[columnOf(out, "实际值")]).toBe(10);
    expect(out[rowOf(out, "编号", "art02-tech-projects")]?.[columnOf(out, "实际值")]).toBeNull();
  });

  it("leaves a foreign same-named sheet alone (skip) or writes beside it (rename)", async () => {
    const none = new ExcelJS.Workbook();
    none.addWorksheet("预算执行").getCell("A1").value = "财政局自用";
    await expect(updateTemplate(await save(none), data, { now: NOW })).rejects.toBeInstanceOf(NotOurWorkbookError);
    const ours = (await writeTemplate(data, { now: NOW, sheets: ["说明"] })).buffer;
    const wb = await load(ours);
    const foreign = wb.addWorksheet("预算执行");
    foreign.getCell("A1").value = "财政局自用";
    foreign.getCell("C7").value = 123;
    const input = await save(wb, ours);
    const skipped = await updateTemplate(input, data, { now: NOW });
    // 汇总, the monthly sheets and 绩效监控 read 预算执行: with it someone else's, they are skipped too.
    expect(skipped.plan.skipped.map((s) => s.sheet)).toEqual([
      "预算执行",
      "汇总",
      "月度填报",
      "月度支出",
      "月度状态",
      "绩效监控",
    ]);
    const out = await load(skipped.buffer);
    expect(out.getWorksheet("预算执行")!.getCell("A1").value).toBe("财政局自用");
    expect(out.getWorksheet("预算执行")!.getCell("C7").value).toBe(123);
    for (const dependent of ["汇总", "月度填报", "月度支出", "月度状态", "绩效监控"])
      expect(out.getWorksheet(dependent)).toBeUndefined();

    const renamed = await updateTemplate(input, data, { now: NOW, onForeignSheet: "rename" });
    const out2 = await load(renamed.buffer);
    expect(out2.getWorksheet("预算执行")!.getCell("C7").value).toBe(123);
    expect(out2.getWorksheet("预算执行(政策目标)")).toBeDefined();
    const m = await markers(renamed.buffer);
    expect(m.find((x) => x.key === "预算执行")?.sheetName).toBe("预算执行(政策目标)");
  });

  it("refuses to rewrite a file whose other sheets hold what ExcelJS would drop, unless forced", async () => {
    const zip = await JSZip.loadAsync(fresh);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    // Without its marker, 汇总 (which holds charts) is a foreign sheet: a refresh would lose its charts.
    zip.file("xl/workbook.xml", xml.replace(/<definedName [^>]*name="_ZCMB\.summary"[^>]*>[^<]*<\/definedName>/, ""));
    const input = await zip.generateAsync({ type: "uint8array" });
    await expect(updateTemplate(input, data, { now: NOW, sheets: ["说明"] })).rejects.toBeInstanceOf(
      LossyWorkbookError,
    );
    const forced = await updateTemplate(input, data, { now: NOW, sheets: ["说明"], force: true });
    expect(forced.plan.spec.sheets.map((s) => s.name)).toEqual(["说明"]);
  });

  it("CLI: writes a new workbook and refreshes one, printing only the path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-"));
    const file = path.join(dir, "乐清2025政策目标.xlsx");
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(await templateCommand.run(["--out", file, "--report-date", "2025-06-30"])).toBe(0);
      expect(out.join("")).toBe(`${file}\n`);
      const wb = await load(readFileSync(file));
      const t = values(wb, "目标任务");
      wb
        .getWorksheet("目标任务")!
        .getCell(rowOf(t, "编号", "art01-hitech-firms") + 1, columnOf(t, "实际值") + 1).value = 30;
      writeFileSync(file, await save(wb, readFileSync(file)));
      out.length = 0;
      const file2 = path.join(dir, "刷新.xlsx");
      expect(await templateCommand.run(["--update", file, "--out", file2])).toBe(0);
      expect(out.join("")).toBe(`${file2}\n`);
      const t2 = values(await load(readFileSync(file2)), "目标任务");
      expect(t2[rowOf(t2, "编号", "art01-hitech-firms")]?.[columnOf(t2, "实际值")]).toBe(30);
    } finally {
      spy.mockRestore();
    }
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await templateCommand.run(["--unit", "元", "--out", "x.xlsx"])).toBe(2);
      expect(await templateCommand.run([])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
