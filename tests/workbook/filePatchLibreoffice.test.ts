/**
 * Refreshing files a person edited in LibreOffice (driven through UNO, saved as .xlsx): sorting, inserting and
 * deleting rows, a user sheet with references, a chart and a pivot table, renaming our sheet, typing over a
 * formula, comments, fills, extra and hidden columns, freeze panes, values in unlabelled cells — then
 * `template --update`'s route (refreshWorkbook) and LibreOffice recalculating the refreshed file. Nothing typed or
 * added is lost, and every reference on the user's sheet shows what it showed before the refresh.
 * Two soffice sessions in all: one applies the edits to every file, one recalculates and reads them all.
 */
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import type { WorkbookPatch } from "../../src/sheets";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { validatePackage } from "../support/ooxml";
import { requireLibreOfficeUno } from "../support/realEngines";
import { correctedEdition } from "./support/editions";

const describeUno = requireLibreOfficeUno() ? describe : describe.skip;
const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const HARNESS = path.join(__dirname, "..", "support", "lo_uno.py");
const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "v0.1-filled.xlsx");

interface Dump {
  sheets: string[];
  cells: Record<string, unknown[][]>;
  formulas: Record<string, string[][]>;
  comments: Record<string, Record<string, string>>;
  hidden: Record<string, string[]>;
  charts: Record<string, number>;
  pivots: Record<string, number>;
}

type Op = Record<string, unknown>;
const T = "目标任务";
const set = (id: string, col: string, value: unknown, sheet = T): Op => ({ op: "set", sheet, id, col, value });
const at = (sheet: string, cell: string, value: unknown): Op => ({ op: "set", sheet, cell, value });

const INPUTS: Op[] = [
  set("area1-rd-intensity", "实际值", 0.0305),
  set("art01-hitech-firms", "实际值", 40),
  set("art01-hitech-firms", "备注", "含省认定12家"),
  set("art02-tech-projects", "实际值", 4),
  set("art09-specialized-sme", "实际值", 38),
  set("area7-income-ratio", "上年值", 1.74),
  set("area7-income-ratio", "实际值", 1.71),
  // Typed TRUE in a percentage cell: LibreOffice keeps it a boolean; the sheet must say 应填数字.
  set("art02-enterprise-led-share", "实际值", { bool: true }),
  at("预算执行", "C5", 13700),
  at("预算执行", "C6", "未报"),
];

/** The user's report sheet: a cell reference, a SUM over a column, INDEX/MATCH by 编号, a structured reference. */
function userSheet(sheet: string): Op[] {
  const q = `'${sheet}'`;
  return [
    { op: "insertSheet", name: "我的报表" },
    at("我的报表", "A1", "科技局半年报"),
    at("我的报表", "A2", "高新技术企业实际"),
    at("我的报表", "B2", `=${q}.J6`),
    at("我的报表", "A3", "实际值合计"),
    at("我的报表", "B3", `=SUM(${q}.J5:J117)`),
    at("我的报表", "A4", "高新技术企业完成率"),
    at("我的报表", "B4", `=INDEX(${q}.$K$5:$K$117;MATCH("art01-hitech-firms";${q}.$A$5:$A$117;0))`),
    at("我的报表", "A5", "结构化引用"),
    at("我的报表", "B5", "=SUM(ZC_Targets[实际值])"),
    at("我的报表", "A6", "高新技术企业目标"),
    at("我的报表", "B6", `=INDEX(${q}.$E$5:$E$117;MATCH("art01-hitech-firms";${q}.$A$5:$A$117;0))`),
    at("我的报表", "A7", "支出合计"),
    at("我的报表", "B7", "=SUM('预算执行'.C5:C12)"),
  ];
}

/** Scenarios 1–3, 5–12 in one file: everything a person does to the targets sheet in a month. */
const EVERYDAY: Op[] = [
  ...INPUTS,
  ...userSheet(T),
  { op: "chart", sheet: "我的报表", name: "我的图表", range: "A2:B7", at: "D12" },
  {
    op: "pivot",
    sheet: "我的报表",
    source: T,
    name: "我的透视表",
    range: "A4:P117",
    rowField: "领域",
    dataField: "实际值",
    at: "D2",
  },
  { op: "comment", sheet: T, id: "art02-tech-projects", col: "实际值", text: "科技局6月报数" },
  { op: "fill", sheet: T, id: "art02-tech-projects", col: "实际值", rgb: "#FFC000" },
  at(T, "Q4", "科室"),
  set("art01-hitech-firms", "科室", "经建科"),
  at(T, "R6", "临时记录"),
  at(T, "R2", "草稿"),
  { op: "hideColumn", sheet: T, header: "口径" },
  // A value typed over a formula: kept and reported as 手工覆盖.
  set("art09-specialized-sme", "完成率", 1),
  { op: "sort", sheet: T, header: "状态" },
  { op: "insertRows", sheet: T, row: 20 },
  at(T, "O20", "以下为第二批目标"),
  { op: "deleteTargetRow", sheet: T, id: "art14-berths" },
];

describeUno("file refresh of workbooks edited in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-uno-"));
  const file = (name: string) => path.join(dir, name);
  const before = new Map<string, Dump>();
  const after = new Map<string, Dump>();
  const patches = new Map<string, WorkbookPatch>();
  const bytes = new Map<string, Uint8Array>();

  const uno = (jobs: unknown[]) => {
    const job = file(`job-${before.size}-${after.size}.json`);
    writeFileSync(job, JSON.stringify({ profile: file(`profile-${Date.now()}`), jobs }));
    execFileSync("/usr/bin/python3", [HARNESS, job], { stdio: "pipe", timeout: 300_000 });
  };

  beforeAll(async () => {
    writeFileSync(file("base.xlsx"), (await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" })).buffer);
    uno([
      { in: file("base.xlsx"), out: file("everyday.xlsx"), ops: EVERYDAY },
      {
        in: file("base.xlsx"),
        out: file("renamed.xlsx"),
        ops: [...INPUTS, ...userSheet(T), { op: "renameSheet", sheet: T, to: "目标任务8月" }],
      },
      { in: file("base.xlsx"), out: file("edition.xlsx"), ops: [...INPUTS, ...userSheet(T)] },
    ]);
    // Scenario 10: LibreOffice headless drops freeze panes on save, so the user's panes are set in the XML.
    const zip = await JSZip.loadAsync(readFileSync(file("everyday.xlsx")));
    const part = (await readFileSnapshot(zip)).sheets.find((s) => s.name === T)?.part ?? "";
    const doc = new DOMParser().parseFromString(await zip.file(part)!.async("string"), "text/xml");
    const view = doc.getElementsByTagName("sheetView")[0] as Element;
    for (const p of Array.from(view.getElementsByTagName("pane"))) view.removeChild(p);
    const pane = doc.createElementNS(view.namespaceURI, "pane");
    for (const [k, v] of Object.entries({
      xSplit: "2",
      ySplit: "4",
      topLeftCell: "C5",
      activePane: "bottomRight",
      state: "frozen",
    }))
      pane.setAttribute(k, v);
    view.insertBefore(pane, view.firstChild);
    zip.file(part, new XMLSerializer().serializeToString(doc));
    writeFileSync(file("everyday.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));

    const refresh = async (name: string, edition = data) => {
      const input = new Uint8Array(readFileSync(file(`${name}.xlsx`)));
      const r = await refreshWorkbook(input, edition, { now: NOW });
      patches.set(name, r.patch);
      bytes.set(name, r.buffer);
      writeFileSync(file(`${name}-r.xlsx`), r.buffer);
    };
    await refresh("everyday");
    await refresh("renamed");
    await refresh("edition", correctedEdition(data));
    writeFileSync(file("fixture.xlsx"), readFileSync(FIXTURE));
    await refresh("fixture");
    const names = ["everyday", "renamed", "edition", "fixture"];
    uno(
      names.flatMap((n) => [
        { in: file(`${n}.xlsx`), recalc: true, dump: file(`${n}.json`) },
        { in: file(`${n}-r.xlsx`), recalc: true, dump: file(`${n}-r.json`) },
      ]),
    );
    for (const n of names) {
      before.set(n, JSON.parse(readFileSync(file(`${n}.json`), "utf8")) as Dump);
      after.set(n, JSON.parse(readFileSync(file(`${n}-r.json`), "utf8")) as Dump);
    }
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (m: Map<string, Dump>, n: string) => m.get(n) as Dump;

  /** Cells that held something before and hold something else after, on a sheet (核对 excepted). */
  function lost(n: string, sheet: string, except: (r: number, c: number) => boolean = () => false): string[] {
    const a = get(before, n).cells[sheet] ?? [];
    const b = get(after, n).cells[sheet] ?? [];
    const out: string[] = [];
    a.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || except(r, c)) return;
        if (b[r]?.[c] !== v)
          out.push(`${sheet}!R${r + 1}C${c + 1}: ${JSON.stringify(v)} → ${JSON.stringify(b[r]?.[c])}`);
      }),
    );
    return out;
  }

  const checkColumn = (n: string, sheet: string) => (get(before, n).cells[sheet]?.[3] ?? []).indexOf("核对");

  it.each(["everyday", "renamed", "fixture"])(
    "%s: the user's sheet shows exactly what it showed before the refresh, after LibreOffice recalculates",
    (n) => {
      expect(get(before, n).cells["我的报表"]?.length).toBeGreaterThan(4);
      expect(get(after, n).cells["我的报表"]).toEqual(get(before, n).cells["我的报表"]);
      expect(get(after, n).formulas["我的报表"]).toEqual(get(before, n).formulas["我的报表"]);
    },
  );

  it("everyday edits: nothing typed or added is lost, nothing moved; the pivot, chart, comment, hidden column stay", () => {
    const n = "everyday";
    const k = checkColumn(n, T);
    // Sorted rows stay where the user sorted them; every value, typed or computed, is where it was.
    expect(lost(n, T, (_r, c) => c === k)).toEqual([]);
    expect(lost(n, "预算执行")).toEqual([]);
    const b = get(before, n);
    const a = get(after, n);
    expect(a.sheets).toEqual(b.sheets);
    expect(a.comments[T]).toEqual(b.comments[T]);
    expect(Object.values(a.comments[T] ?? {})).toContain("科技局6月报数");
    expect(a.hidden[T]).toEqual(b.hidden[T]);
    expect(a.hidden[T]).toContain("H");
    expect(a.charts["我的报表"]).toBe(1);
    expect(a.pivots["我的报表"]).toBe(1);
    const grid = a.cells[T] ?? [];
    const header = grid[3] ?? [];
    const row = (id: string) => grid.find((r) => r[0] === id) ?? [];
    expect(row("art09-specialized-sme")[header.indexOf("完成率")]).toBe(1);
    expect(row("art09-specialized-sme")[header.indexOf("核对")]).toMatch(/手工覆盖/);
    expect(row("art02-enterprise-led-share")[header.indexOf("状态")]).toBe("应填数字");
    expect(grid.some((r) => r.includes("以下为第二批目标"))).toBe(true);
    expect(grid[1]?.[17]).toBe("草稿");
    const patch = patches.get(n) as WorkbookPatch;
    // The typed 完成率, and a 实际值 typed as text or TRUE over the formula that now follows 月度填报 (no month
    // shows a number for it): both kept where they were typed, flagged 手工覆盖.
    const overrides = patch.summary.overridesKept;
    expect(overrides.filter((o) => o.column !== "实际值").map((o) => o.rowKey)).toEqual(["art09-specialized-sme"]);
    const actuals = overrides.filter((x) => x.column === "实际值");
    expect(actuals.map((o) => o.rowKey)).toContain("art02-enterprise-led-share");
    for (const o of actuals) expect(["string", "boolean"]).toContain(typeof o.value);
    // The deleted target comes back at the end of the table (it is in the edition); the user's rows are not moved.
    expect(patch.summary.rowsAppended.map((r) => r.rowKey)).toEqual(["art14-berths"]);
  });

  it("everyday edits: the user's freeze panes pass through the refresh", async () => {
    const paneOf = async (buffer: Uint8Array) => {
      const zip = await JSZip.loadAsync(buffer);
      const part = (await readFileSnapshot(zip)).sheets.find((s) => s.name === T)?.part ?? "";
      const xml = await zip.file(part)!.async("string");
      return /<sheetViews>[\s\S]*?<\/sheetViews>/.exec(xml)?.[0];
    };
    const pane = await paneOf(new Uint8Array(readFileSync(file("everyday.xlsx"))));
    expect(pane).toContain('xSplit="2"');
    expect(await paneOf(bytes.get("everyday") as Uint8Array)).toBe(pane);
  });

  it("the refreshed files add no schema error to what LibreOffice wrote", async () => {
    const strip = (e: string) => e.replace(/:\d+:/, ":");
    for (const n of ["everyday", "renamed", "edition", "fixture"]) {
      const was = new Set((await validatePackage(new Uint8Array(readFileSync(file(`${n}.xlsx`))))).errors.map(strip));
      const now = (await validatePackage(bytes.get(n) as Uint8Array)).errors.map(strip);
      expect([n, now.filter((e) => !was.has(e))]).toEqual([n, []]);
    }
  });

  it("a renamed product sheet stays ours: patched in place, no second 目标任务, one ZC_Targets", async () => {
    const a = get(after, "renamed");
    expect(a.sheets).toEqual(get(before, "renamed").sheets);
    expect(a.sheets).toContain("目标任务8月");
    expect(a.sheets).not.toContain(T);
    expect(lost("renamed", "目标任务8月", (_r, c) => c === checkColumn("renamed", "目标任务8月"))).toEqual([]);
    const zip = await JSZip.loadAsync(bytes.get("renamed") as Uint8Array);
    expect((await readFileSnapshot(zip)).tables.filter((t) => t.name === "ZC_Targets")).toHaveLength(1);
    expect(patches.get("renamed")?.summary.sheetsCreated).toEqual([]);
  });

  it("edition change: one figure updated on 目标任务, one row appended and computed by LibreOffice; refreshing again writes zero cells", async () => {
    const patch = patches.get("edition") as WorkbookPatch;
    expect(patch.summary.officialUpdates.filter((u) => u.sheet === T).map((u) => [u.rowKey, u.after])).toEqual([
      ["art01-hitech-firms", 80],
    ]);
    // The new target's row on 目标任务, its row of months on 月度填报 and its rows on 绩效监控 and 绩效自评.
    expect(patch.summary.rowsAppended.map((r) => [r.sheet, r.rowKey])).toEqual([
      [T, "art01-new-rd-centers"],
      ["月度填报", "art01-new-rd-centers"],
      ["绩效监控", "art01-new-rd-centers"],
      ["绩效自评", "art01-new-rd-centers"],
    ]);
    const grid = get(after, "edition").cells[T] ?? [];
    const header = grid[3] ?? [];
    const added = grid.find((r) => r[0] === "art01-new-rd-centers") ?? [];
    expect(added[header.indexOf("状态")]).toBe("未填报");
    expect(grid.find((r) => r[0] === "art01-hitech-firms")?.[header.indexOf("完成率")]).toBeCloseTo(0.5, 12);
    // Everything else on the sheet is as it was (the corrected figure and the results it drives excepted).
    const art01 = (get(before, "edition").cells[T] ?? []).findIndex((r) => r[0] === "art01-hitech-firms");
    expect(lost("edition", T, (r) => r === art01)).toEqual([]);
    // The user's report: art01's figures now the corrected edition's (same target), everything else as it was.
    const report = get(after, "edition").cells["我的报表"] ?? [];
    expect(report[5]?.[1]).toBe(80);
    expect(report[3]?.[1]).toBeCloseTo(0.5, 12);
    const was = get(before, "edition").cells["我的报表"] ?? [];
    expect(report.filter((_, r) => r !== 3 && r !== 5)).toEqual(was.filter((_, r) => r !== 3 && r !== 5));
    expect(get(after, "edition").formulas["我的报表"]).toEqual(get(before, "edition").formulas["我的报表"]);
    const again = await refreshWorkbook(bytes.get("edition") as Uint8Array, correctedEdition(data), { now: NOW });
    expect(again.patch.summary.cellsWritten).toBe(0);
    expect(again.buffer).toBe(bytes.get("edition"));
  });

  it("the v0.1 fixture upgrades: every value where it was, the upgraded formulas compute the same", () => {
    const grid = get(before, "fixture").cells[T] ?? [];
    const header = grid[3] ?? [];
    const share = grid.findIndex((r) => r[0] === "area8-livelihood-spending-share");
    const gap = header.indexOf("差距");
    // The one value an upgrade changes on purpose: 三分之二's 差距 now in 百分点 (0.68 − 2/3 = 1.33 个百分点).
    expect(get(after, "fixture").cells[T]?.[share]?.[gap]).toBeCloseTo((0.68 - 2 / 3) * 100, 9);
    // Row 3's legend is the product's help text: it now says that 实际值 follows 月度填报.
    const skip = (r: number, c: number) =>
      c === checkColumn("fixture", T) || (r === share && c === gap) || (r === 2 && c === 0);
    expect(lost("fixture", T, skip)).toEqual([]);
    // 预算执行's legend (row 3) likewise says that 支出数 follows 月度支出.
    expect(lost("fixture", "预算执行", (r, c) => r === 2 && c === 0)).toEqual([]);
    expect(lost("fixture", "汇总")).toEqual([]);
    expect(patches.get("fixture")?.summary.overridesKept).toEqual([]);
  });
});
