/**
 * 绩效监控 (the 绩效运行监控表): its layout from the edition (areas and targets counted, never assumed), the
 * 完成目标可能性 drop-down once per range, and refreshes on both routes — the Office.js writer (fake Excel) and the
 * file route (LibreOffice: recalculated with a synthetic year, and edited through UNO) — keeping every input by
 * 编号 wherever the rows were sorted, appending new targets and creating the sheet in workbooks that lack it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { executionRate, fromYi, pace, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { generateWorkbook, SHEET_KEYS as PANE_KEYS } from "../../src/excel";
import { parseRange } from "../../src/workbook/a1";
import { ORPHAN_TARGET } from "../../src/sheets/layout";
import type { SheetKey } from "../../src/sheets/marker";
import { annualTargetText, MONITOR_BUDGET_HEADER_ROW, monitorHeaderRow } from "../../src/sheets/monitor";
import { LIKELIHOODS } from "../../src/returns/types";
import { evaluateTarget } from "../../src/sheets/evaluate";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readPackage } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { syntheticYear } from "../report/syntheticYear";
import { validatePackage } from "../support/ooxml";
import { requireLibreOffice, requireLibreOfficeUno } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf } from "./support/grid";
import { correctedEdition } from "./support/editions";
import { listValidations, overlappingValidations } from "./support/validations";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const M = "绩效监控";
const MONTHLY: SheetKey[] = ["月度填报", "月度支出", "月度状态"];
const INPUTS = ["全年预计完成情况", "偏差原因分析", "完成目标可能性", "纠偏措施"] as const;

/** Inputs typed on a few rows, by 编号 (a text, a number, a choice of the list, a long sentence). */
function typedInputs(edition: EditionData): Map<string, Record<(typeof INPUTS)[number], string | number>> {
  const out = new Map<string, Record<(typeof INPUTS)[number], string | number>>();
  edition.targets.slice(0, 40).forEach((t, i) => {
    if (i % 4 !== 1) return;
    out.set(t.id, {
      全年预计完成情况: i % 8 === 1 ? `预计全年完成${i}` : i * 10,
      偏差原因分析: "经费保障:项目资金下达滞后",
      完成目标可能性: LIKELIHOODS[i % 3] ?? "有可能",
      纠偏措施: `督促责任单位加快进度(第${i}项)`,
    });
  });
  return out;
}

describe("绩效监控 in a fresh file", () => {
  it("has the 预算执行 block by area and one row per target, laid out from the edition, the list once", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(M)!;
    expect(String(ws.getCell("A1").value)).toContain("绩效运行监控表");
    expect(ws.getCell(MONITOR_BUDGET_HEADER_ROW, 1).value).toBe("领域");
    data.areas.forEach((a, i) =>
      expect(ws.getCell(MONITOR_BUDGET_HEADER_ROW + 1 + i, 1).value).toBe(`${a.numeral}、${a.title}`),
    );
    expect(ws.getCell(MONITOR_BUDGET_HEADER_ROW + 1 + data.areas.length, 1).value).toBe("合计");
    const h = monitorHeaderRow(data.areas.length);
    const headers = (ws.getRow(h).values as unknown[]).slice(1);
    expect(headers).toEqual([
      "编号",
      "领域",
      "条款",
      "指标",
      "年度指标值",
      "1–N月执行情况",
      "完成率",
      "状态",
      ...INPUTS,
      "核对",
    ]);
    data.targets.forEach((t, i) => {
      expect(ws.getCell(h + 1 + i, 1).value).toBe(t.id);
      expect(ws.getCell(h + 1 + i, 5).value).toBe(annualTargetText(t));
    });
    const k = headers.indexOf("完成目标可能性") + 1;
    const list = ws.getCell(h + 1, k).dataValidation;
    expect(list?.type).toBe("list");
    expect(list?.formulae).toEqual([`"${LIKELIHOODS.join(",")}"`]);
    // Printed with the table's header repeated; one validation element for the whole column, no other on it.
    const zip = await JSZip.loadAsync(buffer);
    const sheets = await zip.file("xl/workbook.xml")!.async("string");
    expect(sheets).toMatch(new RegExp(`(&apos;|')${M}(&apos;|')!\\$${h}:\\$${h}<`));
    const part = await monitorPart(zip);
    const sqrefs = [...part.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const column = String.fromCharCode(64 + k);
    expect(sqrefs).toEqual([`${column}${h + 1}:${column}${h + data.targets.length}`]);
  });

  it("writes 年度指标值 as the form does", () => {
    const base = { unit: "亿元", kind: "amount" as const, value: 106.5 };
    expect(annualTargetText({ ...base, comparator: ">=" })).toBe("≥106.5亿元");
    expect(annualTargetText({ ...base, comparator: "~", unit: "%", kind: "ratio", value: 3.12 })).toBe("3.12%左右");
    expect(annualTargetText({ ...base, comparator: "rank<=", unit: "名", kind: "rank", value: 3 })).toBe("前3名");
    expect(annualTargetText({ ...base, comparator: "decrease", value: null })).toBe("较上年下降");
    expect(annualTargetText({ ...base, comparator: ">=", value: null })).toBe("定性目标");
  });
});

async function monitorPart(zip: JSZip): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${M}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  const alt = new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] ?? "";
  const file = (target || alt).replace(/^\/?(xl\/)?/, "xl/");
  return zip.file(file)!.async("string");
}

describe("绩效监控 through the Office.js writer (fake Excel)", () => {
  const grid = (excel: FakeExcel) => excel.grid(M);
  const h = monitorHeaderRow(data.areas.length);

  /** Each input column of every row, by 编号, wherever the row is. */
  function inputsById(excel: FakeExcel): Map<string, Record<string, unknown>> {
    const g = grid(excel);
    const id = columnOf(g, "编号", h);
    const cols = INPUTS.map((k) => [k, columnOf(g, k, h)] as const);
    const out = new Map<string, Record<string, unknown>>();
    g.forEach((row, r) => {
      if (r < h || row[id] === null) return;
      out.set(String(row[id]), Object.fromEntries(cols.map(([k, c]) => [k, row[c] ?? null])));
    });
    return out;
  }

  it("a workbook with the monthly sheets gains it; typed inputs survive a sort and an edition change", async () => {
    const excel = new FakeExcel();
    // An older workbook: the pane's sheets and the monthly ones, no 绩效监控.
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: [...PANE_KEYS, ...MONTHLY] });
    expect(excel.sheet(M)).toBeUndefined();
    expect(PANE_KEYS).not.toContain(M);
    const created = await generateWorkbook(excel.context, { now: NOW, sheets: [...PANE_KEYS, ...MONTHLY, M] });
    expect(created.preview.sheetsCreated).toEqual([M]);
    const sheet = excel.sheet(M)!;
    expect(sheet.tables.map((t) => t.name)).toEqual(["ZC_Monitor"]);
    const lists = () => sheet.validations.filter((v) => JSON.stringify(v.rule).includes("确定能"));
    expect(lists()).toEqual([
      {
        ref: `K${h + 1}:K${h + data.targets.length}`,
        rule: { list: { inCellDropDown: true, source: LIKELIHOODS.join(",") } },
      },
    ]);

    // People type the form's answers, then sort the table (here: reversed).
    const typed = typedInputs(data);
    const g = grid(excel);
    const id = columnOf(g, "编号", h);
    for (const [target, values] of typed) {
      const r = g.findIndex((row) => row[id] === target) + 1;
      for (const k of INPUTS) excel.set(M, `${String.fromCharCode(65 + columnOf(g, k, h))}${r}`, values[k]);
    }
    const rows = Array.from({ length: data.targets.length }, (_, i) => h + data.targets.length - i);
    excel.reorderRows(M, h + 1, rows);
    const before = inputsById(excel);
    expect(grid(excel)[h]?.[id]).toBe(data.targets[data.targets.length - 1]?.id);

    const next = correctedEdition(data);
    const refreshed = await generateWorkbook(excel.context, {
      edition: next,
      now: NOW,
      sheets: [...PANE_KEYS, ...MONTHLY, M],
    });
    expect(refreshed.preview.rowsAppended.filter((r) => r.sheet === M)).toEqual([
      { sheet: M, rowKey: "art01-new-rd-centers", row: h + data.targets.length + 1 },
    ]);
    const after = inputsById(excel);
    for (const [target, values] of before) expect([target, after.get(target)]).toEqual([target, values]);
    for (const [target, values] of typed) expect(after.get(target)).toEqual(values);
    // The corrected figure, in the row where the sort put it; the new target at the bottom, its inputs blank.
    const g2 = grid(excel);
    const art01 = g2.findIndex((row) => row[id] === "art01-hitech-firms");
    expect(g2[art01]?.[columnOf(g2, "年度指标值", h)]).toBe("≥80家");
    expect(g2[h + data.targets.length]?.[id]).toBe("art01-new-rd-centers");
    expect(after.get("art01-new-rd-centers")).toEqual(Object.fromEntries(INPUTS.map((k) => [k, null])));
    // The table grew by the row; the drop-down covers it, still one rule.
    expect(sheet.tables[0]?.ref).toBe(`A${h}:M${h + data.targets.length + 1}`);
    expect(lists().map((v) => v.ref)).toEqual([`K${h + 1}:K${h + data.targets.length + 1}`]);
    expect(
      grid(excel)
        .slice(h)
        .filter((row) => row[columnOf(g2, "核对", h)] === ORPHAN_TARGET),
    ).toEqual([]);

    // Nothing left to do on 绩效监控: a second refresh writes nothing there.
    const again = await generateWorkbook(excel.context, {
      edition: next,
      now: NOW,
      sheets: [...PANE_KEYS, ...MONTHLY, M],
    });
    expect(again.sheetsWritten).not.toContain(M);
    // Back to the edition without the new target: its row stays with what was typed, flagged.
    const back = await generateWorkbook(excel.context, { now: NOW, sheets: [...PANE_KEYS, ...MONTHLY, M] });
    expect(back.preview.rowsFlagged.filter((f) => f.sheet === M).map((f) => [f.rowKey, f.flag])).toEqual([
      ["art01-new-rd-centers", ORPHAN_TARGET],
    ]);
    for (const [target, values] of typed) expect(inputsById(excel).get(target)).toEqual(values);
    expect(parseRange(sheet.tables[0]?.ref ?? "A1").bottom).toBe(h + data.targets.length + 1);
  });
});

/** A cell's value, or a formula's cached result ("" where the file has none: ExcelJS leaves out "" and 0's type). */
const plain = (v: ExcelJS.CellValue): unknown => {
  const x = v !== null && typeof v === "object" && "formula" in v ? (v as { result?: unknown }).result : v;
  // LibreOffice writes a text whose characters fell back to another font as rich text runs.
  if (x !== null && typeof x === "object" && "richText" in x)
    return (x as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  return x === null || x === undefined ? "" : x;
};

/** A value as recalculated against the one expected: numbers to 1e-9 (a 0 may come back blank, as above). */
function matches(actual: unknown, want: unknown): boolean {
  if (typeof want === "number") {
    if (actual === "" && Math.abs(want) < 1e-12) return true;
    return typeof actual === "number" && Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want));
  }
  return actual === want;
}

/** A recalculated number: a 0 result may come back without its value (ExcelJS drops a formula's 0). */
function expectNumber(actual: unknown, want: number, digits: number): void {
  if (actual === "" && Math.abs(want) < 10 ** -digits) return;
  expect(actual).toBeCloseTo(want, digits);
}

const isFormula = (v: ExcelJS.CellValue): boolean => v !== null && typeof v === "object" && "formula" in v;

/** Types a value into an input cell, unless the cell holds a formula (then the product fills it). */
function typeActual(ws: ExcelJS.Worksheet, row: number, column: number, value: number | null): void {
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell, c) => {
    if (c === column && !isFormula(cell.value)) cell.value = value;
  });
}

/** Header → 1-based column on a row of a sheet, the text before any "(unit)". */
function headerColumns(ws: ExcelJS.Worksheet, row: number): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(row).eachCell((c, col) => {
    if (c.text !== "") out.set(c.text.replace(/\(.*\)$/, ""), col);
  });
  return out;
}

/** The row (1-based) of each 编号 on a sheet whose table header is `header`. */
function rowsById(ws: ExcelJS.Worksheet, header: number): Map<string, number> {
  const id = headerColumns(ws, header).get("编号") ?? 1;
  const out = new Map<string, number>();
  ws.eachRow((row, r) => {
    if (r > header && typeof row.getCell(id).value === "string") out.set(String(row.getCell(id).value), r);
  });
  return out;
}

describe("绩效监控 when the edition's areas change", () => {
  it("leaves the 预算执行 block as it is and says so; the table is still refreshed by 编号", async () => {
    const excel = new FakeExcel();
    const sheets: SheetKey[] = [...PANE_KEYS, ...MONTHLY, M];
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets });
    const h = monitorHeaderRow(data.areas.length);
    const g = excel.grid(M);
    const id = columnOf(g, "编号", h);
    const first = data.targets[0]!;
    const k = columnOf(g, "纠偏措施", h);
    excel.set(M, `${String.fromCharCode(65 + k)}${h + 1}`, "加快项目审批");
    const top = g.slice(0, h - 1);
    // An edition with a ninth area and a target in it: its block would need one row more.
    const last = data.areas[data.areas.length - 1]!;
    const extra = { ...last, no: last.no + 1, numeral: "九", title: "测试新增领域", budgetYi: 1 };
    const wider: EditionData = {
      ...data,
      areas: [...data.areas, extra],
      targets: [...data.targets, { ...first, id: "area9-test", area: extra.no, indicator: "测试指标" }],
    };
    const r = await generateWorkbook(excel.context, { edition: wider, now: NOW, sheets });
    const skipped = r.preview.sheetsSkipped.filter((s) => s.sheet === M);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toContain(
      `预算执行部分有${data.areas.length}个领域行,本版政策有${data.areas.length + 1}个领域`,
    );
    const after = excel.grid(M);
    expect(after.slice(0, h - 1)).toEqual(top);
    expect(after[h]?.[k]).toBe("加快项目审批");
    expect(after[h]?.[id]).toBe(first.id);
    expect(after[h + data.targets.length]?.[id]).toBe("area9-test");
  });
});

(requireLibreOffice() ? describe : describe.skip)(
  "绩效监控 with a year of figures, recalculated by LibreOffice",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zc-monitor-"));
    const figures = syntheticYear(data);
    const typed = typedInputs(data);
    const h = monitorHeaderRow(data.areas.length);
    const PROGRESS = 0.5; // 6月底
    let cached: ExcelJS.Workbook;
    let recalculated: ExcelJS.Workbook;
    /** 目标任务's 实际值 as the test left it, by 编号 (typed as the 6月 figure unless the cell holds a formula). */
    const actuals = new Map<string, unknown>();

    beforeAll(async () => {
      const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      const monthly = wb.getWorksheet("月度填报")!;
      const mc = headerColumns(monthly, 4);
      for (const [id, r] of rowsById(monthly, 4)) {
        const t = data.targets.find((x) => x.id === id);
        figures.targets.get(id)?.months.forEach((v, i) => {
          if (t && typeof v === "number") monthly.getCell(r, mc.get(`${i + 1}月`)!).value = toExcelValue(t, v);
        });
      }
      const targets = wb.getWorksheet("目标任务")!;
      const tc = headerColumns(targets, 4);
      for (const [id, r] of rowsById(targets, 4)) {
        const t = data.targets.find((x) => x.id === id);
        const f = figures.targets.get(id);
        if (!t || !f) continue;
        if (typeof f.previous === "number") targets.getCell(r, tc.get("上年值")!).value = toExcelValue(t, f.previous);
        const six = f.months[5];
        // 实际值 is typed where it is an input; where it follows 月度填报 by a formula it is left alone.
        typeActual(targets, r, tc.get("实际值")!, typeof six === "number" ? toExcelValue(t, six) : null);
      }
      const spending = wb.getWorksheet("月度支出")!;
      const sc = headerColumns(spending, 4);
      data.areas.forEach((a, i) => {
        figures.areas.get(a.no)?.months.forEach((v, k) => {
          if (typeof v === "number") spending.getCell(5 + i, sc.get(`${k + 1}月`)!).value = fromYi(v, "万元");
        });
      });
      const monitor = wb.getWorksheet(M)!;
      const cols = headerColumns(monitor, h);
      const rows = rowsById(monitor, h);
      for (const [id, values] of typed)
        for (const k of INPUTS) monitor.getCell(rows.get(id)!, cols.get(k)!).value = values[k];
      const filled = path.join(dir, "台账.xlsx");
      const original = await readPackage(await JSZip.loadAsync(buffer));
      const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      writeFileSync(filled, await restoreNames(saved, original.names));
      // The CLI's --update: the package patched in place.
      const refreshed = await refreshWorkbook(new Uint8Array(readFileSync(filled)), data, { now: NOW });
      writeFileSync(filled, refreshed.buffer);
      cached = new ExcelJS.Workbook();
      await cached.xlsx.load(refreshed.buffer as unknown as ExcelJS.Buffer);
      recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(
        sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "recalc")),
      );
      const t = recalculated.getWorksheet("目标任务")!;
      const tcols = headerColumns(t, 4);
      for (const [id, r] of rowsById(t, 4)) actuals.set(id, plain(t.getCell(r, tcols.get("实际值")!).value));
    }, 300_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("each target's 1–N月执行情况, 完成率 and 状态 equal the engine's for 6月; the inputs are kept", () => {
      const ws = recalculated.getWorksheet(M)!;
      const cols = headerColumns(ws, h);
      const rows = rowsById(ws, h);
      expect(plain(ws.getCell("A2").value)).toBe("报告月份:6月(1–6月累计)");
      expect(rows.size).toBe(data.targets.length);
      const wrong: unknown[] = [];
      const check = (id: string, what: string, actual: unknown, want: unknown) => {
        if (!matches(actual, want)) wrong.push([id, what, actual, want]);
      };
      for (const t of data.targets) {
        const r = rows.get(t.id)!;
        const f = figures.targets.get(t.id);
        const six = f?.months[5];
        const cell = (k: string) => plain(ws.getCell(r, cols.get(k)!).value);
        check(t.id, "1–N月", cell("1–N月执行情况"), typeof six === "number" ? toExcelValue(t, six) : "");
        const previous = typeof f?.previous === "number" ? toExcelValue(t, f.previous) : null;
        const want = evaluateTarget(t, actuals.get(t.id), previous, PROGRESS);
        check(t.id, "状态", cell("状态"), want.status);
        check(t.id, "完成率", cell("完成率"), want.completion);
        for (const k of INPUTS) check(t.id, k, cell(k), typed.get(t.id)?.[k] ?? "");
      }
      expect(wrong).toEqual([]);
      // The figures compared are the year's: some targets are ahead, some behind, some blank in 6月.
      const statuses = new Set(data.targets.map((t) => plain(ws.getCell(rows.get(t.id)!, cols.get("状态")!).value)));
      expect(statuses.size).toBeGreaterThanOrEqual(4);
    });

    it("the 预算执行 block equals the engine's execution rate and pace against 6月底's 序时进度, by area and in total", () => {
      const ws = recalculated.getWorksheet(M)!;
      let budget = 0;
      let spent = 0;
      data.areas.forEach((a, i) => {
        const r = MONITOR_BUDGET_HEADER_ROW + 1 + i;
        const b = fromYi(a.budgetYi, "万元");
        const six = figures.areas.get(a.no)?.months[5];
        const s = typeof six === "number" ? fromYi(six, "万元") : null;
        budget += b;
        spent += s ?? 0;
        expect(ws.getCell(r, 1).value).toBe(`${a.numeral}、${a.title}`);
        expect(plain(ws.getCell(r, 2).value)).toBeCloseTo(b, 6);
        expect(plain(ws.getCell(r, 5).value)).toBeCloseTo(PROGRESS, 12);
        if (s === null) return expect(plain(ws.getCell(r, 3).value)).toBe("");
        const rate = executionRate(b, s) as number;
        expect(plain(ws.getCell(r, 3).value)).toBeCloseTo(s, 6);
        expect(plain(ws.getCell(r, 4).value)).toBeCloseTo(rate, 12);
        expectNumber(plain(ws.getCell(r, 6).value), pace(rate, PROGRESS), 9);
      });
      const total = MONITOR_BUDGET_HEADER_ROW + 1 + data.areas.length;
      expect(ws.getCell(total, 1).value).toBe("合计");
      expect(plain(ws.getCell(total, 2).value)).toBeCloseTo(budget, 6);
      expect(plain(ws.getCell(total, 3).value)).toBeCloseTo(spent, 6);
      expect(plain(ws.getCell(total, 4).value)).toBeCloseTo(executionRate(budget, spent) as number, 12);
      expect(plain(ws.getCell(total, 6).value)).toBeCloseTo(pace(executionRate(budget, spent) as number, PROGRESS), 9);
    });

    it("every formula's cached result in the refreshed file equals what LibreOffice computes (WPS shows the cache)", () => {
      const a = cached.getWorksheet(M)!;
      const b = recalculated.getWorksheet(M)!;
      let formulas = 0;
      const wrong: unknown[] = [];
      a.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (cell.formula === undefined) return;
          formulas++;
          const want = plain(b.getCell(r, c).value);
          if (!matches(plain(cell.value), want)) wrong.push([r, c, plain(cell.value), want]);
        }),
      );
      expect(wrong).toEqual([]);
      // 1–N月, 完成率 and 状态 per target; 预算数 … 偏差 per area and 合计; 报告月份.
      expect(formulas).toBe(3 * data.targets.length + 5 * (data.areas.length + 1) + 1);
    });
  },
);

(requireLibreOfficeUno() ? describe : describe.skip)(
  "绩效监控 edited in LibreOffice, then refreshed (--update)",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zc-monitor-uno-"));
    const file = (name: string) => path.join(dir, name);
    const h = monitorHeaderRow(data.areas.length);
    const next = correctedEdition(data);
    const typed = typedInputs(data);
    /** 6月 figures typed into 月度填报 for the targets whose inputs are typed. */
    const june = new Map([...typed.keys()].map((id, i) => [id, 10 + i]));
    let refreshed: Uint8Array;
    let edited: { cells: Record<string, unknown[][]> };
    let after: { cells: Record<string, unknown[][]> };

    const uno = (jobs: unknown[]) => {
      const job = file(`job-${Date.now()}.json`);
      writeFileSync(job, JSON.stringify({ profile: file(`profile-${Date.now()}`), jobs }));
      execFileSync("/usr/bin/python3", [path.join(__dirname, "..", "support", "lo_uno.py"), job], {
        stdio: "pipe",
        timeout: 300_000,
      });
    };

    beforeAll(async () => {
      writeFileSync(file("base.xlsx"), (await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" })).buffer);
      const ops: Record<string, unknown>[] = [];
      for (const [id, v] of june) ops.push({ op: "set", sheet: "月度填报", id, col: "6月", value: v });
      for (const [id, values] of typed)
        for (const k of INPUTS) ops.push({ op: "set", sheet: M, id, col: k, value: values[k] });
      ops.push({ op: "sort", sheet: M, header: "指标", descending: true });
      uno([{ in: file("base.xlsx"), out: file("edited.xlsx"), ops }]);
      const r = await refreshWorkbook(new Uint8Array(readFileSync(file("edited.xlsx"))), next, { now: NOW });
      refreshed = r.buffer;
      writeFileSync(file("refreshed.xlsx"), refreshed);
      uno([
        { in: file("edited.xlsx"), recalc: true, dump: file("edited.json") },
        { in: file("refreshed.xlsx"), recalc: true, dump: file("refreshed.json") },
      ]);
      edited = JSON.parse(readFileSync(file("edited.json"), "utf8")) as typeof edited;
      after = JSON.parse(readFileSync(file("refreshed.json"), "utf8")) as typeof after;
    }, 600_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const table = (dump: { cells: Record<string, unknown[][]> }) => {
      const cells = dump.cells[M] ?? [];
      const header = cells[h - 1] ?? [];
      const col = (k: string) => header.indexOf(k);
      return { rows: cells.slice(h).filter((row) => row[0] !== ""), col };
    };

    it("keeps every input by 编号 where the sort put it, the rows in the user's order, the new target appended", () => {
      const before = table(edited);
      const now = table(after);
      expect(before.rows.map((r) => r[0])).not.toEqual(data.targets.map((t) => t.id)); // the sort moved them
      expect(now.rows.map((r) => r[0])).toEqual([...before.rows.map((r) => r[0]), "art01-new-rd-centers"]);
      for (const row of now.rows) {
        const id = String(row[0]);
        for (const k of INPUTS) expect([id, k, row[now.col(k)]]).toEqual([id, k, typed.get(id)?.[k] ?? ""]);
        // The formulas follow the row: each shows its own target's 6月 figure.
        expect([id, row[now.col("1–N月执行情况")]]).toEqual([id, june.get(id) ?? ""]);
      }
      const art01 = now.rows.find((r) => r[0] === "art01-hitech-firms") ?? [];
      expect(art01[now.col("年度指标值")]).toBe("≥80家");
    });

    it("the refreshed parts validate against ECMA-376 and the 完成目标可能性 list is there once, grown by the new row", async () => {
      expect((await validatePackage(refreshed)).errors).toEqual([]);
      expect(await overlappingValidations(refreshed)).toEqual([]);
      const lists = await listValidations(refreshed, M);
      expect(lists).toEqual([{ sqref: `K${h + 1}:K${h + next.targets.length}`, items: `"${LIKELIHOODS.join(",")}"` }]);
    });
  },
);
