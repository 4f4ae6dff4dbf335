/**
 * 汇总's trends through the file route: the month × status table and budget execution against 序时进度 by month,
 * their two charts (stacked columns, lines) whose cached values equal the cells, the OOXML schemas, the layout
 * upgrade of a workbook made before the trends (blocks below everything, nothing moved, charts added once, a
 * second refresh writes nothing), and a year of synthetic figures recalculated by LibreOffice: the trend tables
 * equal the engine's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Element } from "@xmldom/xmldom";
import { fromYi, monthEndProgress, monthlyStatus, pace, STATUSES, toExcelValue, type Status } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { SheetKey } from "../../src/sheets";
import { TREND_CHARTS, TREND_TITLES } from "../../src/sheets/summaryTrends";
import { UNITS_TITLE } from "../../src/sheets/summaryUnits";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readPackage } from "../../src/xlsx/definedNames";
import { postProcess, restoreNames } from "../support/excelRoundTrip";
import { readFileSnapshot, readSheetCells, readSharedStrings } from "../../src/xlsx/snapshot";
import { relationships } from "../../src/xlsx/parts";
import { REL_TYPE } from "../../src/xlsx/xml";
import { readXml } from "../support/dom";
import { syntheticYear } from "../report/syntheticYear";
import { requireXmllint, validatePackage } from "../support/ooxml";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";
import { execFileSync } from "node:child_process";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const BEFORE_TRENDS: SheetKey[] = ["说明", "预算安排", "目标任务", "预算执行", "责任分工", "汇总"];
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

type Cells = readonly (readonly { value: unknown; formula?: string }[])[];

/** A sheet's cells as the package holds them (values and cached results). */
async function sheetCells(bytes: Uint8Array, name: string): Promise<Cells> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === name)?.part ?? "";
  return readSheetCells(zip, part, await readSharedStrings(zip));
}

interface ChartRead {
  readonly name: string;
  readonly xml: string;
  /** Every cached reference: its formula and cached points (idx → text). */
  readonly refs: { f: string; kind: "num" | "str"; count: number; points: Map<number, string> }[];
}

/** The charts a sheet's drawing anchors, by graphic-frame name, with their caches. */
async function chartsOf(bytes: Uint8Array, name: string): Promise<ChartRead[]> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === name)?.part ?? "";
  const drawing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
  if (!drawing) return [];
  const doc = (await readXml(zip, drawing.target))!;
  const rels = await relationships(zip, drawing.target);
  const out: ChartRead[] = [];
  for (const frame of Array.from(doc.getElementsByTagNameNS(NS_XDR, "graphicFrame"))) {
    const frameName = Array.from(frame.getElementsByTagNameNS(NS_XDR, "cNvPr"))[0]?.getAttribute("name") ?? "";
    const rid = Array.from(frame.getElementsByTagNameNS(NS_C, "chart"))[0]?.getAttributeNS(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "id",
    );
    const target = rels.find((r) => r.id === rid)?.target ?? "";
    const chart = (await readXml(zip, target))!;
    const refs: ChartRead["refs"] = [];
    for (const kind of ["num", "str"] as const) {
      for (const ref of Array.from(chart.getElementsByTagNameNS(NS_C, `${kind}Ref`))) {
        const f = Array.from(ref.getElementsByTagNameNS(NS_C, "f"))[0]?.textContent ?? "";
        const cache = Array.from(ref.getElementsByTagNameNS(NS_C, `${kind}Cache`))[0] as Element;
        const count = Number(Array.from(cache.getElementsByTagNameNS(NS_C, "ptCount"))[0]?.getAttribute("val"));
        const points = new Map<number, string>();
        for (const pt of Array.from(cache.getElementsByTagNameNS(NS_C, "pt"))) {
          points.set(Number(pt.getAttribute("idx")), pt.getElementsByTagNameNS(NS_C, "v")[0]?.textContent ?? "");
        }
        refs.push({ f, kind, count, points });
      }
    }
    out.push({ name: frameName, xml: chart.toString(), refs });
  }
  return out;
}

/** Every cached point of every chart equals its cell; a cell without a number (text, #N/A, blank) has no point. */
function expectCachesEqualCells(charts: readonly ChartRead[], sheet: string, cells: Cells) {
  let checked = 0;
  for (const chart of charts) {
    for (const ref of chart.refs) {
      const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref.f);
      expect(m?.[1]).toBe(sheet);
      const col = (m?.[2] ?? "A").charCodeAt(0) - 64;
      const top = Number(m?.[3]);
      const bottom = Number(m?.[5] ?? m?.[3]);
      expect(ref.count).toBe(bottom - top + 1);
      for (let r = top; r <= bottom; r++) {
        const v = cells[r - 1]?.[col - 1]?.value;
        const point = ref.points.get(r - top);
        if (ref.kind === "num") {
          if (typeof v === "number") expect(Number(point)).toBeCloseTo(v, 9);
          else expect([chart.name, r, point]).toEqual([chart.name, r, undefined]);
        } else expect(point).toBe(String(v));
        checked++;
      }
    }
  }
  return checked;
}

const rowOfText = (cells: Cells, text: string) => cells.findIndex((row) => row[0]?.value === text) + 1;

/** The engine's trend figures for a year of figures (what the tables must show). */
function engineTrends(figures: ReturnType<typeof syntheticYear>) {
  const statuses = data.targets.map((t) => {
    const f = figures.targets.get(t.id);
    const nums = (f?.months ?? []).map((v) => (typeof v === "number" ? v : null));
    return monthlyStatus(t, nums, 2025, typeof f?.previous === "number" ? f.previous : null);
  });
  const counts = (m: number) => STATUSES.map((s: Status) => statuses.filter((row) => row[m - 1] === s).length);
  const budget = data.areas.reduce((s, a) => s + fromYi(a.budgetYi, "万元"), 0);
  const spent = (m: number) => {
    const nums = data.areas
      .map((a) => figures.areas.get(a.no)?.months[m - 1])
      .filter((v): v is number => typeof v === "number");
    return nums.length === 0 ? null : nums.reduce((s, v) => s + fromYi(v, "万元"), 0);
  };
  return { counts, budget, spent };
}

/** A workbook with a year of figures typed into 月度填报 / 月度支出 (and 上年值), as a person's Excel saves it. */
async function filledWorkbook(figures: ReturnType<typeof syntheticYear>): Promise<Uint8Array> {
  const { buffer, plan } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const headers = (ws: ExcelJS.Worksheet) => {
    const out = new Map<string, number>();
    ws.getRow(4).eachCell((c, col) => {
      if (c.text !== "") out.set(c.text.replace(/\(.*\)$/, ""), col);
    });
    return out;
  };
  const monthly = wb.getWorksheet("月度填报")!;
  const mc = headers(monthly);
  monthly.eachRow((row, r) => {
    const t = r > 4 ? data.targets.find((x) => x.id === row.getCell(mc.get("编号")!).value) : undefined;
    figures.targets.get(t?.id ?? "")?.months.forEach((v, i) => {
      if (t && typeof v === "number") row.getCell(mc.get(`${i + 1}月`)!).value = toExcelValue(t, v);
    });
  });
  const targets = wb.getWorksheet("目标任务")!;
  const tc = headers(targets);
  targets.eachRow((row, r) => {
    const t = r > 4 ? data.targets.find((x) => x.id === row.getCell(tc.get("编号")!).value) : undefined;
    const p = t ? figures.targets.get(t.id)?.previous : undefined;
    if (t && typeof p === "number") row.getCell(tc.get("上年值")!).value = toExcelValue(t, p);
  });
  const spending = wb.getWorksheet("月度支出")!;
  const sc = headers(spending);
  data.areas.forEach((a, i) => {
    figures.areas.get(a.no)?.months.forEach((v, k) => {
      if (typeof v === "number") spending.getCell(5 + i, sc.get(`${k + 1}月`)!).value = fromYi(v, "万元");
    });
  });
  // ExcelJS drops our names and charts on the way: put back as a person's Excel would have kept them.
  const original = await readPackage(await JSZip.loadAsync(buffer));
  const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return new Uint8Array(await postProcess(saved, plan.spec, { originalNames: original.names }));
}

describe("汇总's trends in a fresh file", () => {
  it("has the month × status table and execution by month, with a stacked column and a line chart", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW });
    const cells = await sheetCells(buffer, "汇总");
    const top = rowOfText(cells, TREND_TITLES.status);
    expect(top).toBeGreaterThan(0);
    expect(cells[top]?.slice(0, 7).map((c) => c.value)).toEqual(["月份", ...STATUSES, "合计"]);
    for (let m = 1; m <= 12; m++) {
      const row = cells[top + m] ?? [];
      expect(row[0]?.value).toBe(`${m}月`);
      expect(row[1]?.formula).toMatch(/^=COUNTIFS\('月度填报'!\$[A-Z]+:\$[A-Z]+,B\$\d+\)$/);
      // Nothing filled yet: every target 未填报.
      expect(row.slice(1, 7).map((c) => c.value)).toEqual([0, 0, 0, 0, data.targets.length, data.targets.length]);
    }
    const exec = rowOfText(cells, `${TREND_TITLES.execution}(万元)`);
    expect(exec).toBe(top + 28);
    const first = cells[exec + 1] ?? [];
    expect(first[1]?.value).toBe("#N/A");
    expect(first[2]?.value).toBeCloseTo(1 / 12, 12);
    const charts = await chartsOf(buffer, "汇总");
    expect(charts.map((c) => c.name)).toEqual([
      "ZC_ChartStatus",
      "ZC_ChartMoney",
      TREND_CHARTS.status,
      TREND_CHARTS.execution,
    ]);
    const [status, execution] = charts.slice(2);
    expect(status?.xml).toContain('<c:barDir val="col"/>');
    expect(status?.xml).toContain('<c:grouping val="stacked"/>');
    // Lines as an XY chart over months 1…12 labelled 1月…12月 (LibreOffice draws #N/A as 0 in an OOXML line chart).
    expect(execution?.xml).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    expect(execution?.xml).toContain('<c:numFmt formatCode="0&quot;月&quot;" sourceLinked="0"/>');
    expect(execution?.xml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(execution?.xml).toContain('<c16r3:dispNaAsBlank val="1"/>');
    expect(expectCachesEqualCells(charts, "汇总", cells)).toBeGreaterThan(100);
  });

  it("leaves the trends out when the monthly sheets are not written (nothing to count)", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW, sheets: BEFORE_TRENDS });
    expect(rowOfText(await sheetCells(buffer, "汇总"), TREND_TITLES.status)).toBe(0);
    expect((await chartsOf(buffer, "汇总")).map((c) => c.name)).toEqual(["ZC_ChartStatus", "ZC_ChartMoney"]);
  });
});

describe("layout upgrade of a 汇总 made before the trends", () => {
  let old: Uint8Array;
  let upgraded: Awaited<ReturnType<typeof refreshWorkbook>>;
  const NOTE = "本表下方为科室自用备注";

  beforeAll(async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-06-30", now: NOW, sheets: BEFORE_TRENDS });
    // The user types a note below 汇总's caption, where a fresh 汇总's trends would begin. (汇总 written now ends
    // with the count by unit, which came later than the trends: cut off, as a 汇总 of then had none.)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const summary = wb.getWorksheet("汇总")!;
    let units = 0;
    summary.eachRow((row, r) => {
      if (row.getCell(1).value === UNITS_TITLE) units = r;
    });
    summary.unMergeCells(`C${units}:H${units}`);
    for (let r = units; r <= summary.rowCount; r++) for (let c = 1; c <= 8; c++) summary.getCell(r, c).value = null;
    summary.getCell("A61").value = NOTE;
    const original = await readPackage(await JSZip.loadAsync(buffer));
    const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    old = new Uint8Array(await restoreNames(saved, original.names));
    // ExcelJS dropped the two bar charts: a refresh of this file must add only the trend charts.
    upgraded = await refreshWorkbook(old, data, { now: NOW });
  }, 120_000);

  it("adds both blocks below everything, keeps every cell above and the note, and says so in the preview", async () => {
    expect(upgraded.patch.summary.blocksAdded).toEqual([{ sheet: "汇总", title: TREND_TITLES.status, charts: 2 }]);
    expect(upgraded.patch.summary.sheetsCreated).toEqual(expect.arrayContaining(["月度填报", "月度支出", "月度状态"]));
    const before = await sheetCells(old, "汇总");
    const after = await sheetCells(upgraded.buffer, "汇总");
    // Every row that holds something (the cut-off rows of the count by unit are empty but still formatted).
    const used = before.reduce(
      (last, row, i) => (row.some((c) => c.value !== null && c.value !== undefined) ? i + 1 : last),
      0,
    );
    for (let r = 1; r <= used; r++) {
      const want = (before[r - 1] ?? []).map((c) => c.value);
      const have = (after[r - 1] ?? []).slice(0, want.length).map((c) => c.value);
      expect([r, have]).toEqual([r, want]);
    }
    expect(after[60]?.[0]?.value).toBe(NOTE);
    const top = rowOfText(after, TREND_TITLES.status);
    expect(top).toBe(63);
    const changes = upgraded.patch.sheets.find((s) => s.name === "汇总");
    expect(changes?.kind === "patch" && changes.changes.every((c) => c.reason === "layout" && c.row >= top)).toBe(true);
    const charts = await chartsOf(upgraded.buffer, "汇总");
    expect(charts.map((c) => c.name)).toEqual([TREND_CHARTS.status, TREND_CHARTS.execution]);
    expect(expectCachesEqualCells(charts, "汇总", after)).toBeGreaterThan(100);
  });

  it("puts page breaks before each block and formats its header", async () => {
    const zip = await JSZip.loadAsync(upgraded.buffer);
    const file = await readFileSnapshot(zip);
    const part = file.sheets.find((s) => s.name === "汇总")?.part ?? "";
    const xml = (await zip.file(part)?.async("string")) ?? "";
    expect(xml).toMatch(/<brk id="62" max="16383" man="1"\/>/);
    expect(xml).toMatch(/<brk id="90" max="16383" man="1"\/>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(upgraded.buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("B64").value).toBe("已完成");
    expect(ws.getCell("B64").fill).toMatchObject({ fgColor: { argb: "FF375623" } });
    expect(ws.getCell("B93").numFmt).toBe("0.0%");
  });

  it("a second refresh writes nothing and adds no chart", async () => {
    const again = await refreshWorkbook(upgraded.buffer, data, { now: NOW });
    expect(again.patch.summary.cellsWritten).toBe(0);
    expect(again.patch.summary.blocksAdded).toBeUndefined();
    expect(again.buffer).toBe(upgraded.buffer);
  });

  (requireXmllint() ? it : it.skip)(
    "validates against the OOXML schemas",
    async () => {
      const result = await validatePackage(upgraded.buffer);
      expect(result.errors).toEqual([]);
    },
    120_000,
  );
});

describe("a year of figures: trend tables and chart caches", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-trends-"));
  const figures = syntheticYear(data);
  const engine = engineTrends(figures);
  let refreshed: Uint8Array;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    refreshed = (await refreshWorkbook(await filledWorkbook(figures), data, { now: NOW })).buffer;
  }, 120_000);

  /** The trend tables of a 汇总 (cells as read) against the engine's figures. */
  function expectTrends(cells: Cells) {
    const top = rowOfText(cells, TREND_TITLES.status);
    const exec = rowOfText(cells, `${TREND_TITLES.execution}(万元)`);
    for (let m = 1; m <= 12; m++) {
      const counts = engine.counts(m);
      const row = cells[top + m] ?? [];
      expect([m, row.slice(1, 7).map((c) => c.value)]).toEqual([m, [...counts, counts.reduce((a, b) => a + b, 0)]]);
      const e = cells[exec + 1 + m - 1] ?? [];
      const spent = engine.spent(m);
      const rate = spent === null ? null : spent / engine.budget;
      if (rate === null) expect(e[1]?.value).toBe("#N/A");
      else expect(e[1]?.value).toBeCloseTo(rate, 9);
      expect(e[2]?.value).toBeCloseTo(monthEndProgress(2025, m), 12);
      if (rate === null) expect(e[3]?.value ?? "").toBe("");
      else expect(e[3]?.value).toBeCloseTo(pace(rate, monthEndProgress(2025, m)), 6);
      expect(e[5]?.value).toBeCloseTo(engine.budget, 6);
    }
  }

  it("the refresh caches the engine's counts and rates in the cells, and the charts' caches follow them", async () => {
    const cells = await sheetCells(refreshed, "汇总");
    expectTrends(cells);
    // Some months are 达进度, some 欠进度: the synthetic year is not all one status.
    const top = rowOfText(cells, TREND_TITLES.status);
    expect(Number(cells[top + 6]?.[2]?.value)).toBeGreaterThan(0);
    expect(Number(cells[top + 7]?.[3]?.value)).toBeGreaterThan(0);
    expect(expectCachesEqualCells(await chartsOf(refreshed, "汇总"), "汇总", cells)).toBeGreaterThan(200);
  });

  (requireLibreOffice() ? it : it.skip)(
    "LibreOffice recalculates the trend tables to the engine's figures",
    async () => {
      const file = path.join(dir, "台账.xlsx");
      writeFileSync(file, refreshed);
      const recalculated = sofficeConvert(dir, file, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "recalc"));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated);
      const ws = wb.getWorksheet("汇总")!;
      const cells: { value: unknown }[][] = [];
      ws.eachRow((row, r) => {
        const out: { value: unknown }[] = [];
        row.eachCell({ includeEmpty: true }, (c, col) => {
          const v = c.value as unknown;
          const plain =
            v !== null && typeof v === "object" && "formula" in v ? ((v as { result?: unknown }).result ?? null) : v;
          const text = (x: unknown): unknown =>
            x !== null && typeof x === "object" && "error" in x
              ? (x as { error: string }).error
              : x !== null && typeof x === "object" && "richText" in x
                ? (x as { richText: { text: string }[] }).richText.map((t) => t.text).join("")
                : x;
          out[col - 1] = { value: text(plain) };
        });
        cells[r - 1] = out;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= [];
      // ExcelJS leaves out a cached 0 and "": read them back as such where the engine has them.
      const filled = cells.map((row) => Array.from(row, (c) => c ?? { value: null }));
      const top = rowOfText(filled, TREND_TITLES.status);
      for (let m = 1; m <= 12; m++) {
        for (const c of filled[top + m]?.slice(1, 7) ?? []) c.value ??= 0;
      }
      expectTrends(filled);
      expect(readFileSync(recalculated).length).toBeGreaterThan(0);
    },
    240_000,
  );
});

describe("months nobody reported are gaps in the execution chart, not 0%", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-trend-gaps-"));
  const year = syntheticYear(data);
  /** 1–6月 reported except 3月, which no area filled; 7–12月 not yet reported. */
  const reported = (m: number) => m <= 6 && m !== 3;
  const figures = {
    ...year,
    areas: new Map(
      [...year.areas].map(([no, a]) => [no, { ...a, months: a.months.map((v, i) => (reported(i + 1) ? v : null)) }]),
    ),
  };
  const engine = engineTrends(figures);
  const rate = (m: number) => (reported(m) ? (engine.spent(m) ?? NaN) / engine.budget : null);
  let refreshed: Uint8Array;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    refreshed = (await refreshWorkbook(await filledWorkbook(figures), data, { now: NOW })).buffer;
  }, 120_000);

  it("the file's execution chart caches a point for each reported month only", async () => {
    const cells = await sheetCells(refreshed, "汇总");
    const execution = (await chartsOf(refreshed, "汇总")).find((c) => c.name === TREND_CHARTS.execution);
    const [rates, progress] = (execution?.refs ?? []).filter((r) => r.kind === "num");
    expect([...(rates?.points.keys() ?? [])]).toEqual([0, 1, 3, 4, 5]);
    for (let m = 1; m <= 12; m++) {
      const want = rate(m);
      if (want === null) expect(rates?.points.get(m - 1)).toBeUndefined();
      else expect(Number(rates?.points.get(m - 1))).toBeCloseTo(want, 9);
    }
    expect(progress?.points.size).toBe(12);
    expect(expectCachesEqualCells(execution ? [execution] : [], "汇总", cells)).toBe(12 * 2 + 2);
  });

  (requireLibreOffice() ? it : it.skip)(
    "LibreOffice, recalculating, leaves a gap there: missing values as gaps, and no number in the series",
    () => {
      const file = path.join(dir, "台账.xlsx");
      writeFileSync(file, refreshed);
      const job = path.join(dir, "job.json");
      const dump = path.join(dir, "dump.json");
      writeFileSync(
        job,
        JSON.stringify({ profile: path.join(dir, "profile"), jobs: [{ in: file, recalc: true, dump }] }),
      );
      execFileSync("/usr/bin/python3", [path.join(__dirname, "..", "support", "lo_uno.py"), job], {
        stdio: "pipe",
        timeout: 300_000,
      });
      type Plotted = { title: string; missing: number; series: { name: string; values: (number | null)[] }[] };
      const charts = (JSON.parse(readFileSync(dump, "utf8")) as { chartData: Record<string, Plotted[]> }).chartData;
      const execution = charts["汇总"]?.find((c) => c.title === "各月预算执行率与序时进度");
      // 0 is LibreOffice's MissingValueTreatment LEAVE_GAP (1 would draw every missing value at 0).
      expect(execution?.missing).toBe(0);
      const [rates, progress] = execution?.series ?? [];
      expect(rates?.name).toBe("执行率");
      expect(rates?.values).toHaveLength(12);
      rates?.values.forEach((v, i) => {
        const want = rate(i + 1);
        if (want === null) expect([i + 1, v]).toEqual([i + 1, null]);
        else expect(v).toBeCloseTo(want, 9);
      });
      expect(progress?.values.map((v, i) => Math.abs((v ?? NaN) - monthEndProgress(2025, i + 1)) < 1e-12)).toEqual(
        Array(12).fill(true),
      );
    },
    300_000,
  );
});
