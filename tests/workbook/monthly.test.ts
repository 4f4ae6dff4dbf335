/**
 * The monthly sheets through the file route: a year of synthetic figures (ahead, behind, blank months, one falling
 * behind in 7月, a revision of an earlier month) typed into 月度填报 and 月度支出, refreshed with `--update` (every
 * month kept), recalculated by LibreOffice: each target's status in each month, the report month and 本期数, and
 * 月度状态's counts by month all equal the engine's; the report drafted for 6月 and 12月 counts what 月度状态 counts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fromYi, isCalcError, monthlyStatus, reportMonthValue, STATUSES, toExcelValue } from "../../src/engine";
import { evaluateExecution, evaluateTarget } from "../../src/sheets/evaluate";
import { getEdition } from "../../src/policy";
import type { TargetFigures } from "../../src/report";
import { items } from "../../src/report";
import { MONTH_HEADERS } from "../../src/sheets/monthlyLayout";

import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readPackage } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { syntheticYear } from "../report/syntheticYear";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";
import { errorText } from "../../src/sheets/texts";

const root = path.join(__dirname, "..", "..");
const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const REVISED = { id: "art01-hitech-firms", month: 3, value: 21 };

/** A cell's value, or a formula's cached result (null when the file has none: ExcelJS leaves out 0 and ""). */
const plain = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "formula" in v ? ((v as { result?: unknown }).result ?? null) : v;

function columns(ws: ExcelJS.Worksheet, row = 4): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(row).eachCell((c, col) => {
    if (c.text !== "") out.set(c.text.replace(/\(.*\)$/, ""), col);
  });
  return out;
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join("");
}

describe("monthly sheets in a fresh workbook", () => {
  it("has 月度填报, 月度支出 and 月度状态, with month columns 1月…12月 and validation on them", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const monthly = wb.getWorksheet("月度填报")!;
    const cols = columns(monthly);
    for (const m of MONTH_HEADERS) expect(cols.has(m)).toBe(true);
    expect(monthly.getCell(5, cols.get("6月")!).dataValidation?.type).toBe("decimal");
    expect(plain(monthly.getCell("B2").value) ?? 0).toBe(0); // nothing filled yet
    expect(columns(wb.getWorksheet("月度支出")!).has("12月")).toBe(true);
    expect(wb.getWorksheet("月度状态")).toBeDefined();
  });
});

(requireLibreOffice() ? describe : describe.skip)("a year of monthly figures, recalculated by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-monthly-"));
  const figures = syntheticYear(data);
  // The revision: 3月 of 新增高新技术企业 was corrected after 4月 was filled.
  const revised = figures.targets.get(REVISED.id) as TargetFigures;
  const months = [...revised.months];
  months[REVISED.month - 1] = REVISED.value;
  (figures.targets as Map<string, TargetFigures>).set(REVISED.id, { ...revised, months });
  let recalculated = "";

  beforeAll(async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const monthly = wb.getWorksheet("月度填报")!;
    const mc = columns(monthly);
    monthly.eachRow((row, r) => {
      if (r <= 4) return;
      const t = data.targets.find((x) => x.id === row.getCell(mc.get("编号")!).value);
      const f = t ? figures.targets.get(t.id) : undefined;
      if (!t || !f) return;
      f.months.forEach((v, i) => {
        if (typeof v === "number") row.getCell(mc.get(`${i + 1}月`)!).value = toExcelValue(t, v);
      });
    });
    const targets = wb.getWorksheet("目标任务")!;
    const tc = columns(targets);
    targets.eachRow((row, r) => {
      if (r <= 4) return;
      const t = data.targets.find((x) => x.id === row.getCell(tc.get("编号")!).value);
      const p = t ? figures.targets.get(t.id)?.previous : undefined;
      if (t && typeof p === "number") row.getCell(tc.get("上年值")!).value = toExcelValue(t, p);
    });
    const spending = wb.getWorksheet("月度支出")!;
    const sc = columns(spending);
    data.areas.forEach((a, i) => {
      figures.areas.get(a.no)?.months.forEach((v, k) => {
        if (typeof v === "number") spending.getCell(5 + i, sc.get(`${k + 1}月`)!).value = fromYi(v, "万元");
      });
    });
    const filled = path.join(dir, "台账.xlsx");
    // ExcelJS drops our marker names on the way: put them back as a person's Excel would have kept them.
    const original = await readPackage(await JSZip.loadAsync(buffer));
    const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    writeFileSync(filled, await restoreNames(saved, original.names));
    // A refresh keeps every month (history survives).
    const refreshed = await refreshWorkbook(new Uint8Array(readFileSync(filled)), data, { now: NOW });
    writeFileSync(filled, refreshed.buffer);
    recalculated = sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "recalc"));
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("each target's status in each month equals the engine's, and every typed month is still there", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const monthly = wb.getWorksheet("月度填报")!;
    const mc = columns(monthly);
    let checked = 0;
    monthly.eachRow((row, r) => {
      if (r <= 4) return;
      const t = data.targets.find((x) => x.id === row.getCell(mc.get("编号")!).value);
      const f = t ? figures.targets.get(t.id) : undefined;
      if (!t || !f) return;
      const nums = f.months.map((v) => (typeof v === "number" ? v : null));
      const expected = monthlyStatus(t, nums, 2025, typeof f.previous === "number" ? f.previous : null);
      for (let m = 1; m <= 12; m++) {
        const typed = plain(row.getCell(mc.get(`${m}月`)!).value);
        const v = f.months[m - 1];
        if (typeof v === "number") expect(typed).toBeCloseTo(toExcelValue(t, v), 9);
        else expect(typed ?? null).toBeNull();
        const want = expected[m - 1];
        expect([t.id, m, plain(row.getCell(mc.get(`${m}月状态`)!).value)]).toEqual([
          t.id,
          m,
          want === undefined ? null : isCalcError(want) ? errorText(want) : want,
        ]);
        checked++;
      }
      // 本期数 is the report month's (6月: 报告日期 2025-06-30) figure.
      const six = f.months[5];
      const current = plain(row.getCell(mc.get("本期数")!).value);
      if (typeof six === "number") expect(current).toBeCloseTo(toExcelValue(t, six), 9);
      else expect(current ?? "").toBe("");
    });
    expect(checked).toBe(data.targets.length * 12);
    expect(plain(monthly.getCell("B2").value)).toBe(6);
  });

  it("目标任务's 实际值, 完成率, 状态 and 预算执行's 支出数, 执行率 follow the report month (6月) as the engine computes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const targets = wb.getWorksheet("目标任务")!;
    const tc = columns(targets);
    const progress = plain(targets.getCell("D2").value);
    expect(progress).toBeCloseTo(0.5, 12);
    let checked = 0;
    targets.eachRow((row, r) => {
      if (r <= 4) return;
      const t = data.targets.find((x) => x.id === row.getCell(tc.get("编号")!).value);
      const f = t ? figures.targets.get(t.id) : undefined;
      if (!t) return;
      const sheetMonths = (f?.months ?? []).map((v) => (typeof v === "number" ? toExcelValue(t, v) : null));
      const want = reportMonthValue(sheetMonths, 6);
      const cellValue = row.getCell(tc.get("实际值")!).value;
      expect((cellValue as ExcelJS.CellFormulaValue).formula).toContain("月度填报");
      const got = plain(cellValue);
      if (want === null) expect([t.id, got ?? ""]).toEqual([t.id, ""]);
      else expect(got).toBeCloseTo(want, 9);
      const p = typeof f?.previous === "number" ? toExcelValue(t, f.previous) : null;
      const e = evaluateTarget(t, want, p, progress);
      expect([t.id, plain(row.getCell(tc.get("状态")!).value)]).toEqual([t.id, e.status]);
      const rate = plain(row.getCell(tc.get("完成率")!).value);
      if (typeof e.completion === "number") expect(rate).toBeCloseTo(e.completion, 9);
      else expect([t.id, rate ?? ""]).toEqual([t.id, e.completion]);
      checked++;
    });
    expect(checked).toBe(data.targets.length);
    const execution = wb.getWorksheet("预算执行")!;
    const ec = columns(execution);
    data.areas.forEach((a, i) => {
      const months = (figures.areas.get(a.no)?.months ?? []).map((v) => (typeof v === "number" ? v : null));
      const spentYi = reportMonthValue(months, 6);
      const spent = plain(execution.getCell(5 + i, ec.get("支出数")!).value);
      if (spentYi === null) expect([a.no, spent ?? ""]).toEqual([a.no, ""]);
      else expect(spent).toBeCloseTo(fromYi(spentYi, "万元"), 6);
      const e = evaluateExecution(fromYi(a.budgetYi, "万元"), spentYi === null ? null : fromYi(spentYi, "万元"), 0.5);
      const rate = plain(execution.getCell(5 + i, ec.get("执行率")!).value);
      if (typeof e.rate === "number") expect(rate).toBeCloseTo(e.rate, 9);
      else expect([a.no, rate ?? ""]).toEqual([a.no, e.rate]);
    });
  });

  it("月度状态 counts each status by month as the engine does; the reports for 6月 and 12月 say the same", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const status = wb.getWorksheet("月度状态")!;
    const counts = (m: number) => STATUSES.map((_, k) => Number(plain(status.getCell(5 + k, 1 + m).value)));
    for (let m = 1; m <= 12; m++) {
      const expected = STATUSES.map(
        (s) =>
          data.targets.filter((t) => {
            const f = figures.targets.get(t.id);
            const nums = (f?.months ?? []).map((v) => (typeof v === "number" ? v : null));
            return monthlyStatus(t, nums, 2025, typeof f?.previous === "number" ? f.previous : null)[m - 1] === s;
          }).length,
      );
      expect([m, counts(m)]).toEqual([m, expected]);
    }
    for (const month of [6, 12]) {
      const out = path.join(dir, `报告-${month}.docx`);
      const run = spawnSync(
        "npx",
        ["zcmb", "report", recalculated, "--month", `2025-${String(month).padStart(2, "0")}`, "--out", out],
        { cwd: root, encoding: "utf8" },
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const phrase = STATUSES.map((s, k) => `${s}${items(counts(month)[k] ?? -1)}`).join("、");
      expect(await docxText(out)).toContain(`${data.targets.length}项目标任务中,${phrase}`);
    }
  });
});
