/**
 * The workbook adapts to any edition's shape: one area and three targets (示范县, budgets in 万元), twelve areas with
 * sixty articles and 400 targets, and budgets written in 万元 that are not whole hundredths of 亿元. Each goes
 * through the file route (the CLI's `template --edition FILE`, inputs typed, `--update`), is validated against the
 * OOXML schemas, recalculated by LibreOffice (every cached result equal to LibreOffice's) and printed; its charts
 * cover exactly the areas; and the Office.js writer on the fake Excel writes the same shape.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { toExcelValue } from "../../src/engine";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { fromEditionFile, type EditionFile } from "../../src/policy/editionFile";
import type { EditionData, Target } from "../../src/policy/types";
import { ALL_SHEET_KEYS, FULL_CAPABILITIES, generateWorkbook } from "../../src/excel";
import { columnLetter } from "../../src/sheets";
import { areaLabel } from "../../src/sheets/context";
import { writeTemplate } from "../../src/xlsx";
import { postProcess } from "../support/excelRoundTrip";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "../../src/xlsx/snapshot";
import { readWorksheet } from "../support/readWorksheet";
import { validatePackage, requireXmllint } from "../support/ooxml";
import { requireLibreOffice } from "../support/realEngines";
import { csvValue, sofficeConvert, sofficeCsv } from "../support/soffice";
import { syntheticEdition } from "../support/syntheticEdition";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf, rowOf } from "./support/grid";

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

const lo = requireLibreOffice();
const xsd = requireXmllint();
const describeLo = lo ? describe : describe.skip;

const shifanPath = path.join(__dirname, "../fixtures/editions/shifan-2026.json");

interface Shape {
  readonly name: string;
  readonly file: EditionFile;
}

const SHAPES: readonly Shape[] = [
  { name: "1 area, 3 targets (示范县, 万元)", file: JSON.parse(readFileSync(shifanPath, "utf8")) as EditionFile },
  {
    name: "12 areas, 60 articles, 400 targets",
    file: syntheticEdition({ areas: 12, targets: 400, articlesPerArea: 5, id: "shapes-12x400-2026" }),
  },
  {
    name: "budgets in 万元 (350万元, 1234.5万元, 86万元)",
    file: syntheticEdition({
      areas: 3,
      targets: 15,
      id: "shapes-wan-2026",
      budgetWan: (a) => [350, 1234.5, 86][a - 1] ?? 0,
    }),
  },
];

const NOW = new Date("2026-07-01T02:00:00Z");

const cli = (...args: string[]) => runInProcess(templateCommand, args);

/** A figure for each target that exercises its comparator: blanks, text, below, at and above the target. */
function typedActual(t: Target, i: number): number | string | null {
  if (t.value === null) return null;
  if (t.comparator === "rank<=") return [1, t.value, t.value + 2, null][i % 4] ?? null;
  const factor = [null, 0.6, 1, 1.3, 0.3, "待统计"][i % 6];
  if (factor === null || factor === undefined || typeof factor === "string") return factor ?? null;
  return toExcelValue(t, t.value * factor);
}

/** The workbook as a user fills it: 实际值 of every target, 支出数 of every area, 报告日期 mid-year. */
async function typeInputs(bytes: Uint8Array, data: EditionData, spec: Parameters<typeof postProcess>[1]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("目标任务")!;
  const grid = readWorksheet(ws).cells.map((r) => r.map((c) => c.value));
  data.targets.forEach((t, i) => {
    ws.getCell(rowOf(grid, "编号", t.id) + 1, columnOf(grid, "实际值") + 1).value = typedActual(t, i);
  });
  const ex = wb.getWorksheet("预算执行")!;
  const eg = readWorksheet(ex).cells.map((r) => r.map((c) => c.value));
  data.areas.forEach((area, i) => {
    const share = [0.2, 0.55, null, 0.9][i % 4];
    ex.getCell(rowOf(eg, "领域", areaLabel(area)) + 1, columnOf(eg, "支出数") + 1).value =
      share === null || share === undefined ? null : Math.round(area.budgetYi * 10_000 * share * 100) / 100;
  });
  // ExcelJS (the test's way of typing) drops charts and our names; the writer's post-processing puts them back.
  return postProcess(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), spec);
}

function same(actual: unknown, wanted: unknown): boolean {
  if (typeof wanted === "number")
    return typeof actual === "number" && Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));
  return (actual ?? "") === wanted;
}

/** Formula cells whose cached result differs from what LibreOffice computed, in every sheet of the file. */
async function cachedAgainst(bytes: Uint8Array, computed: Map<string, string[][]>) {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const shared = await readSharedStrings(zip);
  const mismatches: string[] = [];
  let compared = 0;
  for (const sheet of file.sheets) {
    const rows = computed.get(sheet.name) ?? [];
    (await readSheetCells(zip, sheet.part, shared)).forEach((row, r) =>
      row.forEach((c, col) => {
        if (c.formula === undefined) return;
        compared++;
        const got = csvValue(rows[r]?.[col]);
        if (!same(c.value ?? "", got))
          mismatches.push(
            `${sheet.name}!${columnLetter(col + 1)}${r + 1}: cached ${JSON.stringify(c.value)}, computed ${JSON.stringify(got)}`,
          );
      }),
    );
  }
  return { mismatches, compared };
}

/** 汇总's cells as the file holds them (values), 1-based rows and columns. */
async function summaryCells(bytes: Uint8Array): Promise<unknown[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === "汇总")!.part;
  return (await readSheetCells(zip, part, await readSharedStrings(zip))).map((row) => row.map((c) => c.value));
}

/** The rows a range like `'汇总'!$A$5:$A$16` covers, and its columns. */
function rangeOf(ref: string): { top: number; bottom: number; left: string; right: string } {
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  return { left: m[1]!, top: Number(m[2]), right: m[3] ?? m[1]!, bottom: Number(m[4] ?? m[2]) };
}

const strip = (text: string) => text.replace(/\s+/g, "");

describe.each(SHAPES)("an edition of $name", ({ file }) => {
  const data = fromEditionFile(file);
  const labels = data.areas.map(areaLabel);
  const year = data.document.year;
  const dir = mkdtempSync(path.join(tmpdir(), "zc-shapes-"));
  const editionPath = path.join(dir, "edition.json");
  const freshPath = path.join(dir, "fresh.xlsx");
  const filledPath = path.join(dir, "filled.xlsx");
  let fresh: Buffer;
  let filled: Buffer;

  beforeAll(async () => {
    writeFileSync(editionPath, JSON.stringify(file));
    const made = await cli("--out", freshPath, "--edition", editionPath, "--report-date", `${year}-06-30`);
    expect(made).toEqual({ code: 0, stdout: `${freshPath}\n`, stderr: "" });
    fresh = readFileSync(freshPath);
    const { plan, buffer } = await writeTemplate(data, { now: NOW, reportDate: `${year}-06-30` });
    writeFileSync(filledPath, await typeInputs(buffer, data, plan.spec));
    const refreshed = await cli("--update", filledPath, "--edition", editionPath);
    expect(refreshed.code).toBe(0);
    filled = readFileSync(filledPath);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every sheet with one row per target and area, and 预算安排 shows each budget as written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fresh as unknown as ExcelJS.Buffer);
    const targets = readWorksheet(wb.getWorksheet("目标任务")!).cells.map((r) => r.map((c) => c.value));
    const ids = targets.slice(4).map((r) => r[columnOf(targets, "编号")]);
    expect(ids.filter((v) => typeof v === "string" && v !== "")).toEqual(data.targets.map((t) => t.id));
    const budget = wb.getWorksheet("预算安排")!;
    const sheet = readWorksheet(budget).cells;
    for (const area of data.areas) {
      const r = sheet.findIndex((row) => row[1]?.value === areaLabel(area) && typeof row[2]?.value === "number");
      const { value, numFmt } = budget.getRow(r + 1).getCell(3);
      expect(value).toBe(area.budgetYi);
      // As many decimals as the figure has: 86万元 is 0.0086亿元, never 0.01.
      const decimals = /\.(0+)$/.exec(numFmt)?.[1]?.length ?? 0;
      expect(Number(area.budgetYi.toFixed(decimals))).toBe(area.budgetYi);
    }
    const sumLabel = sheet.find((row) => row[1]?.value === "各领域合计")?.[3]?.value;
    expect(String(sumLabel)).not.toContain("八个领域");
    expect(String(sumLabel)).toContain(data.areas.length === 1 ? "唯一领域" : `个领域预算之和`);
    const intro = readWorksheet(wb.getWorksheet("说明")!)
      .cells.flat()
      .map((c) => String(c.value ?? ""));
    expect(intro.join("\n")).not.toMatch(/市财政|\(;|八个领域/);
  });

  (xsd ? it : it.skip)("validates against the OOXML schemas, fresh and refreshed", async () => {
    for (const bytes of [fresh, filled]) {
      const result = await validatePackage(bytes);
      expect(result.errors).toEqual([]);
      expect(result.parts.length).toBeGreaterThan(20);
    }
  });

  it("has charts whose every series covers exactly the areas of 汇总", async () => {
    const zip = await JSZip.loadAsync(fresh);
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBeGreaterThanOrEqual(2);
    const cells = await summaryCells(fresh);
    let series = 0;
    let trendSeries = 0;
    for (const part of charts) {
      const xml = await zip.file(part)!.async("string");
      if (!xml.includes("'汇总'!")) continue;
      for (const ser of xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []) {
        if (ser.includes("<c:yVal>")) {
          // Lines are drawn over the months' positions 1…12 (an XY chart): the values must be the 12 month rows.
          const y = rangeOf(/<c:yVal>[\s\S]*?<c:f>([^<]+)<\/c:f>/.exec(ser)?.[1] ?? "");
          const months: unknown[] = [];
          for (let r = y.top; r <= y.bottom; r++) months.push(cells[r - 1]?.[0]);
          expect(months).toEqual(MONTHS);
          const x = /<c:xVal><c:numLit>([\s\S]*?)<\/c:numLit>/.exec(ser)?.[1] ?? "";
          expect([...x.matchAll(/<c:v>(\d+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(MONTHS.map((_, i) => i + 1));
          trendSeries++;
          continue;
        }
        const cat = rangeOf(/<c:cat>[\s\S]*?<c:f>([^<]+)<\/c:f>/.exec(ser)?.[1] ?? "");
        const val = rangeOf(/<c:val>[\s\S]*?<c:f>([^<]+)<\/c:f>/.exec(ser)?.[1] ?? "");
        const shown: unknown[] = [];
        for (let r = cat.top; r <= cat.bottom; r++) shown.push(cells[r - 1]?.[0]);
        expect([val.top, val.bottom]).toEqual([cat.top, cat.bottom]);
        // The trend charts run over the months, whatever the edition; the others over exactly its areas.
        if (shown[0] === "1月") {
          trendSeries++;
          expect(shown).toEqual(MONTHS);
          continue;
        }
        series++;
        expect(shown).toEqual(labels);
        expect(ser).toContain(`<c:ptCount val="${labels.length}"/>`);
      }
    }
    expect(series).toBe(5 + 2);
    expect(trendSeries).toBe(5 + 2);
  });

  it("through the Office.js writer on the fake Excel: the same sheets, rows, chart ranges and page breaks", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, {
      edition: data,
      reportDate: `${year}-06-30`,
      now: NOW,
      capabilities: FULL_CAPABILITIES,
      sheets: ALL_SHEET_KEYS,
    });
    expect(summary.sheetsWritten).toEqual([...ALL_SHEET_KEYS]);
    // Excel on the web refuses a request over 5 MB: a write this size goes in a few requests, each under 1 MB (the
    // writer's budget, calibrated on real office.js bodies), not in one per sheet.
    expect(summary.syncs).toBeLessThanOrEqual(5);
    expect(Math.max(...excel.syncBytes)).toBeLessThan(1024 * 1024);
    const grid = excel.grid("目标任务");
    const id = columnOf(grid, "编号");
    expect(
      grid
        .slice(4)
        .map((r) => r[id])
        .filter((v) => typeof v === "string" && v !== ""),
    ).toEqual(data.targets.map((t) => t.id));
    const sheet = excel.sheet("汇总")!;
    const cells = excel.grid("汇总");
    expect(sheet.charts).toHaveLength(4);
    for (const chart of sheet.charts) {
      const [from, to] = chart.source.split(":");
      const top = Number(/\d+/.exec(from ?? "")?.[0]) + 1;
      const bottom = Number(/\d+/.exec(to ?? "")?.[0]);
      const shown = cells.slice(top - 1, bottom).map((r) => r[0]);
      expect(shown).toEqual(shown[0] === "1月" ? MONTHS : labels);
    }
    const breaks = sheet.pageBreaks.map((a) => Number(/\d+/.exec(a)?.[0]));
    const file = await JSZip.loadAsync(fresh);
    const snapshot = await readFileSnapshot(file);
    const part = snapshot.sheets.find((s) => s.name === "汇总")!.part;
    const xml = await file.file(part)!.async("string");
    // ExcelJS writes a break "after row N − 1" as <brk id="N − 1">: the same rows as the Office.js writer's.
    const fileBreaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(breaks).toEqual(fileBreaks);
    // The area charts' page(s), then one page for each of the two trend blocks and one for the count by unit.
    expect(breaks.length).toBe((data.areas.length > 8 ? 3 : 1) + 3);
    const budget = excel.grid("预算安排");
    const r = rowOf(budget, "领域", labels[0], 4);
    expect(budget[r]?.[2]).toBe(data.areas[0]?.budgetYi);
  });

  describeLo("in LibreOffice", () => {
    let computed: Map<string, string[][]>;
    let computedFresh: Map<string, string[][]>;
    let pages: string[];
    beforeAll(() => {
      computed = sofficeCsv(dir, filledPath, path.join(dir, "csv"));
      computedFresh = sofficeCsv(dir, freshPath, path.join(dir, "csv-fresh"));
      const pdfDir = path.join(dir, "pdf");
      mkdirSync(pdfDir);
      const pdf = sofficeConvert(dir, freshPath, "pdf", pdfDir);
      pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f");
    }, 240_000);

    it("every cached result of the fresh workbook equals what LibreOffice computes", async () => {
      const { mismatches, compared } = await cachedAgainst(fresh, computedFresh);
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(data.targets.length * 3);
    });

    it("every cached result of the filled, refreshed workbook equals what LibreOffice computes", async () => {
      const { mismatches, compared } = await cachedAgainst(filled, computed);
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(data.targets.length * 3);
      // The figures typed reached the statuses: not everything is 未填报.
      const counts = computed.get("汇总") ?? [];
      const total = counts.find((row) => row[0] === "合计");
      expect(Number(total?.[5])).toBeLessThan(data.targets.length);
      expect(Number(total?.[6])).toBe(data.targets.length);
    });

    it("prints each chart on a page with every area's label, its title and its legend", () => {
      for (const title of ["各领域目标完成情况", "各领域预算与支出"]) {
        const page = pages.find((p) => strip(p).includes(title));
        expect(page).toBeDefined();
        for (const label of labels) expect(strip(page ?? "")).toContain(strip(label));
      }
      const status = pages.find((p) => strip(p).includes("各领域目标完成情况")) ?? "";
      for (const s of ["已完成", "达进度", "欠进度", "未完成", "未填报"]) expect(status).toContain(s);
    });

    it("prints 预算安排 with every budget as written (no figure rounded to 0.01亿元)", () => {
      const text = strip(pages.filter((p) => p.includes("【政策目标】预算安排")).join(""));
      for (const area of data.areas) expect(text).toContain(String(area.budgetYi));
    });
  });
});
