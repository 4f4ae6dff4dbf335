/**
 * The workbook checked by a real spreadsheet engine: LibreOffice recalculates a filled copy, and every computed
 * cell must equal what the engine says (completionRate, gap, status, executionRate, timeProgress, pace,
 * budgetVariance). Also: our markers survive LibreOffice, and the printed workbook fits A4 landscape
 * (PDF and PNG pages are left in artifacts/workbook/ for a person to look at).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  budgetVariance,
  completionRate,
  executionRate,
  fromExcelValue,
  gap,
  indexEdition,
  isCalcError,
  pace,
  readDate,
  status,
  timeProgress,
  toExcelValue,
  toYi,
  type CalcError,
} from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { Target } from "../../src/policy/types";
import {
  columnLetter,
  completionFormula,
  ERROR_TEXT,
  gapFormula,
  NOT_A_DATE,
  NOT_A_NUMBER,
  progressFormula,
  shownAsPercent,
  statusFormula,
} from "../../src/sheets";
import { postProcess } from "../support/excelRoundTrip";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readWorksheet } from "../support/readWorksheet";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "../../src/xlsx/snapshot";
import { columnOf, rowOf } from "./support/grid";
import { requireLibreOffice } from "../support/realEngines";
import { CSV_FILTER, csvValue, parseCsv, sofficeConvert } from "../support/soffice";

const describeLo = requireLibreOffice() ? describe : describe.skip;

const data = getEdition("yueqing-2025")!;
const index = indexEdition(data);
const NOW = new Date("2025-07-01T02:00:00Z");
const REPORT_SERIAL = 45838; // 2025-06-30: 序时进度 0.5
const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts", "workbook");

type Input = number | string | boolean | null;
interface Case {
  readonly actual: Input;
  readonly previous?: Input;
}

/** Inputs that exercise each comparator: blanks, bad text, exact figure, above, below, on and behind 序时进度. */
function casesFor(t: Target): Case[] {
  const x = (v: number) => toExcelValue(t, v);
  switch (t.comparator) {
    case "rank<=":
      return [{ actual: 1 }, { actual: 3 }, { actual: 5 }, { actual: 0.5 }, { actual: "第三" }, { actual: null }];
    case "increase":
    case "decrease":
      return [
        { actual: 1.71, previous: 1.74 },
        { actual: 1.78, previous: 1.74 },
        { actual: 1.74, previous: 1.74 },
        { actual: 1.71, previous: null },
        { actual: 1.71, previous: "去年" },
        { actual: null, previous: 1.74 },
      ];
    default: {
      const v = t.value ?? 0;
      return [
        { actual: null },
        { actual: "待统计" },
        { actual: x(v) },
        { actual: x(v * 1.25) },
        { actual: x(v * 0.4) },
        { actual: x(v * 0.55) },
        { actual: x(v * 0.3) },
        { actual: x(v * 0.96) },
        { actual: x(v * 1.06) },
        { actual: "  " },
        // A TRUE: a number to LibreOffice (1), not to Excel; the sheet says 应填数字 in both. (In a cell formatted
        // as a percentage LibreOffice keeps no trace of the boolean when it reads a file: it is 100% there.)
        ...(t.unit === "%" ? [] : [{ actual: true }]),
      ];
    }
  }
}

const errText = (e: CalcError) => ERROR_TEXT[e.key] ?? `#${e.code}`;
const kind = (v: Input): "blank" | "number" | "text" =>
  v === null || (typeof v === "string" && v.trim() === "") ? "blank" : typeof v === "number" ? "number" : "text";

/** 差距 as the sheet shows it: a unitless ratio shown as a percentage (三分之二) in 百分点 too. */
function sheetGap(t: Target, actual: number): number | CalcError {
  const g = gap(t, actual);
  return !isCalcError(g) && t.unit === "" && shownAsPercent(t) ? g * 100 : g;
}

/** What the engine says a row's 完成率 / 差距 / 状态 are (the sheet shows error texts where the engine errs). */
function expected(t: Target, c: Case, progress: number) {
  if (kind(c.actual) === "blank") return { completion: "", gap: "", status: "未填报" };
  if (kind(c.actual) === "text") return { completion: NOT_A_NUMBER, gap: NOT_A_NUMBER, status: NOT_A_NUMBER };
  const actual = fromExcelValue(t, c.actual as number);
  const g = sheetGap(t, actual);
  const gapOut = isCalcError(g) ? errText(g) : g;
  const direction = t.comparator === "increase" || t.comparator === "decrease";
  const prevKind = kind(c.previous ?? null);
  if (direction && prevKind === "text") return { completion: NOT_A_NUMBER, gap: gapOut, status: NOT_A_NUMBER };
  const previous = direction && prevKind === "number" ? fromExcelValue(t, c.previous as number) : null;
  const rate = completionRate(t, actual, previous);
  const s = status(t, actual, { previous, timeProgress: progress });
  return {
    completion: isCalcError(rate) ? errText(rate) : rate,
    gap: gapOut,
    status: isCalcError(s) ? errText(s) : s,
  };
}

function same(actual: unknown, wanted: unknown): boolean {
  if (typeof wanted === "number")
    return typeof actual === "number" && Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
  return (actual ?? "") === wanted;
}

describeLo("LibreOffice recalculates the workbook exactly as the engine computes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-lo-"));
  const rows: { target: Target; c: Case; row: number }[] = [];
  const spends: { area: number; spent: Input; row: number }[] = [];
  const dates: { value: Input; row: number }[] = [];
  let recalculatedFile: string;
  const csv = new Map<string, string[][]>();
  let original: Uint8Array;
  let refreshed: Uint8Array;
  const refreshedCsv = new Map<string, string[][]>();

  beforeAll(async () => {
    const generated = await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" });
    original = generated.buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(original as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("目标任务")!;
    // The same inputs inside the tables only (no rows of the test's below them): the refresh's input.
    const tidy = new ExcelJS.Workbook();
    await tidy.xlsx.load(original as unknown as ExcelJS.Buffer);
    const grid = readWorksheet(ws).cells.map((r) => r.map((c) => c.value));
    const col = (h: string) => columnOf(grid, h) + 1;
    let next = grid.length + 1;
    for (const target of data.targets) {
      const cases = casesFor(target);
      const first = rowOf(grid, "编号", target.id) + 1;
      // The table row gets one case; comparators with few targets get the rest on extra rows below the table.
      const extra = ["rank<=", "increase", "decrease", ">", "~"].includes(target.comparator);
      const chosen = extra ? cases : [cases[data.targets.indexOf(target) % cases.length] as Case];
      chosen.forEach((c, i) => {
        const row = i === 0 ? first : next++;
        if (i > 0) {
          for (const h of ["编号", "领域", "条款", "指标", "目标值", "单位", "比较", "口径"]) {
            ws.getCell(row, col(h)).value = ws.getCell(first, col(h)).value;
          }
          ws.getCell(row, col("完成率")).value = {
            formula: completionFormula(row),
            result: "",
          } as ExcelJS.CellFormulaValue;
          ws.getCell(row, col("差距")).value = { formula: gapFormula(row), result: "" } as ExcelJS.CellFormulaValue;
          ws.getCell(row, col("状态")).value = { formula: statusFormula(row), result: "" } as ExcelJS.CellFormulaValue;
        }
        ws.getCell(row, col("实际值")).value = c.actual;
        if (c.previous !== undefined) ws.getCell(row, col("上年值")).value = c.previous;
        if (i === 0) {
          const t = tidy.getWorksheet("目标任务")!;
          t.getCell(row, col("实际值")).value = c.actual;
          if (c.previous !== undefined) t.getCell(row, col("上年值")).value = c.previous;
        }
        rows.push({ target, c, row });
      });
    }
    ws.getCell("B2").value = REPORT_SERIAL;
    tidy.getWorksheet("目标任务")!.getCell("B2").value = REPORT_SERIAL;

    const ex = wb.getWorksheet("预算执行")!;
    const eg = readWorksheet(ex).cells.map((r) => r.map((c) => c.value));
    const spentCol = columnOf(eg, "支出数") + 1;
    const spentCases: Input[] = [null, "未报", 0, 0.2, 0.5, 0.75, 1.1, 0.31];
    data.areas.forEach((area, i) => {
      const row = rowOf(eg, "领域", `${area.numeral}、${area.title}`) + 1;
      const f = spentCases[i % spentCases.length] ?? null;
      const spent = typeof f === "number" ? Math.round(area.budgetYi * 10_000 * f * 100) / 100 : f;
      ex.getCell(row, spentCol).value = spent;
      tidy.getWorksheet("预算执行")!.getCell(row, spentCol).value = spent;
      spends.push({ area: area.no, spent, row });
    });
    ex.getCell("B2").value = REPORT_SERIAL;
    tidy.getWorksheet("预算执行")!.getCell("B2").value = REPORT_SERIAL;

    // 序时进度 over several dates (the same formula, pointed at each date).
    // Hidden: a check of the formula, not part of the printed workbook.
    const check = wb.addWorksheet("检验日期", { state: "hidden" });
    const dateCases: Input[] = [45838, 45688, 45716, 45657, 46023, 45351, 45869, null, "六月底", 46022, 45838.75];
    dateCases.forEach((value, i) => {
      const row = i + 1;
      check.getCell(row, 1).value = value;
      check.getCell(row, 2).value = {
        formula: progressFormula(index.year).replace(/B2/g, `A${row}`),
      } as ExcelJS.CellFormulaValue;
      dates.push({ value, row });
    });

    // ExcelJS (the test's way of typing inputs) drops charts and our names; put them back as the writer does.
    const filled = path.join(dir, "filled.xlsx");
    writeFileSync(
      filled,
      await postProcess(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), generated.plan.spec),
    );
    const outDir = path.join(dir, "lo");
    mkdirSync(outDir);
    recalculatedFile = sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", outDir);
    const csvDir = path.join(dir, "csv");
    mkdirSync(csvDir);
    sofficeConvert(dir, filled, CSV_FILTER, csvDir);
    for (const f of readdirSync(csvDir)) {
      const sheet = /^filled-(.*)\.csv$/.exec(f)?.[1];
      if (sheet) csv.set(sheet, parseCsv(readFileSync(path.join(csvDir, f), "utf8")));
    }
    // The same inputs refreshed by the CLI's route: its cached results, and what LibreOffice computes from them.
    const tidyBytes = await postProcess(
      new Uint8Array((await tidy.xlsx.writeBuffer()) as ArrayBuffer),
      generated.plan.spec,
    );
    refreshed = (await refreshWorkbook(new Uint8Array(tidyBytes), data, { now: NOW })).buffer;
    const refreshedFile = path.join(dir, "refreshed.xlsx");
    writeFileSync(refreshedFile, refreshed);
    const csvDir2 = path.join(dir, "csv2");
    mkdirSync(csvDir2);
    sofficeConvert(dir, refreshedFile, CSV_FILTER, csvDir2);
    for (const f of readdirSync(csvDir2)) {
      const sheet = /^refreshed-(.*)\.csv$/.exec(f)?.[1];
      if (sheet) refreshedCsv.set(sheet, parseCsv(readFileSync(path.join(csvDir2, f), "utf8")));
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A recalculated cell, as LibreOffice's CSV export gives it. */
  const cell = (sheet: string, row: number, col: number): unknown => csvValue(csv.get(sheet)?.[row - 1]?.[col - 1]);
  const grid = (sheet: string): unknown[][] => (csv.get(sheet) ?? []).map((r) => r.map(csvValue));

  it("目标任务: 完成率, 差距 and 状态 of every row equal the engine's, for every comparator", () => {
    const t = grid("目标任务");
    const col = (h: string) => columnOf(t, h) + 1;
    expect(cell("目标任务", 2, 4)).toBeCloseTo(0.5, 12);
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const { target, c, row } of rows) {
      const want = expected(target, c, 0.5);
      const got = {
        completion: cell("目标任务", row, col("完成率")),
        gap: cell("目标任务", row, col("差距")),
        status: cell("目标任务", row, col("状态")),
      };
      for (const k of ["completion", "gap", "status"] as const) {
        if (!same(got[k], want[k]))
          failures.push(
            `${target.id} ${JSON.stringify(c)} ${k}: got ${JSON.stringify(got[k])}, want ${JSON.stringify(want[k])}`,
          );
      }
      seen.add(`${target.comparator}:${String(want.status)}`);
    }
    expect(failures).toEqual([]);
    for (const comparator of [">=", ">", "~", "rank<=", "increase", "decrease"]) {
      expect([...seen].some((s) => s.startsWith(`${comparator}:已完成`))).toBe(true);
    }
    for (const s of ["已完成", "达进度", "欠进度", "未完成", "未填报", NOT_A_NUMBER, ERROR_TEXT.badRank]) {
      expect([...seen].some((x) => x.endsWith(`:${s}`))).toBe(true);
    }
  });

  it("预算执行: 执行率, 序时进度, 进度差 and 差额 equal the engine's", () => {
    const e = grid("预算执行");
    const col = (h: string) => columnOf(e, h) + 1;
    for (const { area, spent, row } of spends) {
      const budget = (index.area(area)?.budgetYi ?? 0) * 10_000;
      expect(cell("预算执行", row, col("预算数"))).toBeCloseTo(budget, 6);
      expect(cell("预算执行", row, col("序时进度"))).toBeCloseTo(0.5, 12);
      if (kind(spent) === "blank") {
        expect(cell("预算执行", row, col("执行率"))).toBe("");
        continue;
      }
      if (kind(spent) === "text") {
        expect(cell("预算执行", row, col("执行率"))).toBe(NOT_A_NUMBER);
        continue;
      }
      const rate = executionRate(budget, spent as number) as number;
      expect(cell("预算执行", row, col("执行率"))).toBeCloseTo(rate, 12);
      expect(cell("预算执行", row, col("进度差"))).toBeCloseTo(pace(rate, 0.5), 9);
      expect(cell("预算执行", row, col("差额"))).toBeCloseTo(budgetVariance(budget, spent as number), 6);
      expect(toYi(budget, "万元")).toBeCloseTo(index.area(area)?.budgetYi ?? 0, 12);
    }
  });

  it("序时进度 equals the engine's timeProgress for dates in, before and after the year, blanks and text", () => {
    for (const { value, row } of dates) {
      const got = cell("检验日期", row, 2);
      if (kind(value) === "blank") expect(got).toBe("");
      else if (kind(value) === "text") expect(got).toBe(NOT_A_DATE);
      else {
        const date = readDate(value);
        if (date === null || isCalcError(date)) throw new Error("bad date case");
        expect(got).toBeCloseTo(timeProgress(date, index.year), 12);
      }
    }
  });

  it("汇总 counts the statuses LibreOffice computed, and the totals of 预算安排 hold", () => {
    const t = grid("目标任务");
    const areaCol = columnOf(t, "领域");
    const statusCol = columnOf(t, "状态");
    const s = grid("汇总");
    for (const area of data.areas) {
      const label = `${area.numeral}、${area.title}`;
      const r = s.findIndex((row) => row[0] === label);
      for (const [i, st] of ["已完成", "达进度", "欠进度", "未完成", "未填报"].entries()) {
        const count = t.filter((row, k) => k >= 4 && row[areaCol] === label && row[statusCol] === st).length;
        expect(s[r]?.[i + 1]).toBe(count);
      }
    }
    const total = s.find((row) => row[0] === "合计(总体执行)");
    const spentSum = spends.reduce((sum, x) => sum + (typeof x.spent === "number" ? x.spent : 0), 0);
    expect(total?.[3]).toBeCloseTo(executionRate(index.sumOfAreaBudgetsYi * 10_000, spentSum) as number, 12);
    const b = grid("预算安排");
    expect(b.find((row) => row[1] === "各领域合计")?.[2]).toBeCloseTo(69.49, 9);
    expect(b.find((row) => row[1] === "交叉重叠")?.[2]).toBeCloseTo(20.24, 9);
  });

  it("our markers survive LibreOffice: a refresh of its file patches our sheets and keeps the inputs", async () => {
    const saved = new Uint8Array(readFileSync(recalculatedFile));
    const { patch, buffer } = await refreshWorkbook(saved, data, { now: NOW });
    expect(patch.skipped).toEqual([]);
    expect(patch.sheets.every((s) => s.kind === "patch")).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const t = readWorksheet(wb.getWorksheet("目标任务")!).cells.map((r) => r.map((c) => c.value));
    const first = rows.find((r) => kind(r.c.actual) === "number" && r.target.comparator === ">=");
    expect(first).toBeDefined();
    const r = rowOf(t, "编号", first?.target.id);
    expect(t[r]?.[columnOf(t, "实际值")]).toBeCloseTo(first?.c.actual as number, 12);
    expect(wb.getWorksheet("检验日期")).toBeDefined();
  });

  it("cached results of a refreshed workbook equal what LibreOffice computes from its inputs", async () => {
    const zip = await JSZip.loadAsync(refreshed);
    const file = await readFileSnapshot(zip);
    const shared = await readSharedStrings(zip);
    const mismatches: string[] = [];
    let compared = 0;
    for (const name of ["目标任务", "预算执行", "汇总"]) {
      const part = file.sheets.find((s) => s.name === name)?.part ?? "";
      const cells = await readSheetCells(zip, part, shared);
      const computed = refreshedCsv.get(name) ?? [];
      cells.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c.formula === undefined) return;
          compared++;
          const got = csvValue(computed[r]?.[col]);
          if (!same(c.value ?? "", got))
            mismatches.push(
              `${name}!${columnLetter(col + 1)}${r + 1}: cached ${JSON.stringify(c.value)}, computed ${JSON.stringify(got)}`,
            );
        }),
      );
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(400);
  });

  it("prints on A4 landscape pages, rendered to PDF and PNG in artifacts/workbook/", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of readdirSync(ARTIFACTS)) rmSync(path.join(ARTIFACTS, f), { force: true });
    const filled = path.join(dir, "乐清2025政策目标-示例.xlsx");
    copyFileSync(recalculatedFile, filled);
    const pdf = sofficeConvert(dir, filled, "pdf", ARTIFACTS);
    copyFileSync(filled, path.join(ARTIFACTS, path.basename(filled)));
    writeFileSync(path.join(ARTIFACTS, "乐清2025政策目标.xlsx"), original);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    expect(pages).toBeGreaterThan(5);
    expect(sizes).toHaveLength(pages);
    for (const m of sizes) {
      expect(Math.abs(Number(m[1]) - 841.89)).toBeLessThan(1); // A4 landscape: 297 × 210 mm
      expect(Math.abs(Number(m[2]) - 595.28)).toBeLessThan(1);
    }
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(ARTIFACTS, "page")], { timeout: 120_000 });
    expect(readdirSync(ARTIFACTS).filter((f) => f.endsWith(".png"))).toHaveLength(pages);
  });
});
