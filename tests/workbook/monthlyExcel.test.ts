/**
 * The monthly sheets through the Office.js writer (fake Excel): written with the others in at most 3 syncs and
 * under 1 MB — formula columns go as one row and a fill (`range.copyFrom`), the cells Excel then holds are the
 * spec's — and history kept: filling 7月 leaves 6月 as it was, a refresh keeps every month, 实际值 and 支出数
 * show the report month's figure. An Excel without the fill (ExcelApi 1.8) sends every formula, in more requests.
 */
import { ALL_SHEET_KEYS, generateWorkbook } from "../../src/excel";
import { defaultEditionId, getEdition } from "../../src/policy";

import { formulaOf, fillBlocks } from "../../src/excel/write";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf, rowOf } from "./support/grid";
import { cellAddress } from "../../src/workbook/a1";
import { planWorkbook } from "../../src/sheets/patchPlan";

/** What Excel stores of what the writer sends: text sent with its quote prefix (textInput) is stored without it. */
const stored = (sent: unknown) => (typeof sent === "string" && sent.startsWith("'") ? sent.slice(1) : sent);

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId)!;
const at = (row0: number, col0: number) => cellAddress(row0 + 1, col0 + 1);

describe("monthly sheets through the Office.js writer", () => {
  it("a fresh workbook: all sheets in ≤ 4 syncs, each under 1 MB; every cell as the spec writes it", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, {
      now: NOW,
      reportDate: "2025-06-30",
      sheets: ALL_SHEET_KEYS,
    });
    expect(summary.sheetsWritten).toEqual(
      expect.arrayContaining(["月度填报", "月度支出", "月度状态", "绩效监控", "绩效自评"]),
    );
    // Eleven sheets, 绩效自评's formulas included, go in as many requests as the writer's budget needs.
    expect(summary.syncs).toBeLessThanOrEqual(4);
    for (const bytes of excel.syncBytes) expect(bytes).toBeLessThan(1_000_000);
    const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW, reportDate: "2025-06-30" });
    let filled = 0;
    for (const spec of plan.spec.sheets) {
      filled += fillBlocks(spec.cells).length;
      const grid = excel.grid(spec.name);
      spec.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const want = stored(formulaOf(cell));
          const got = grid[r]?.[c] ?? "";
          if (got !== want)
            throw new Error(`${spec.name}!${cellAddress(r + 1, c + 1)}: ${String(got)} ≠ ${String(want)}`);
        }),
      );
    }
    expect(filled).toBeGreaterThanOrEqual(4);
    const copies = excel.sheet("月度填报")?.log.filter((l) => l.startsWith("copyFrom:Formulas")) ?? [];
    expect(copies.length).toBeGreaterThan(0);
  });

  it("prints 月度填报 and 月度支出 in month blocks: identity columns and header on every page, a fixed scale, no fit", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
    const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW, reportDate: "2025-06-30" });
    const layout = (sheet: string) =>
      excel.sent
        .filter((e) => e.path.startsWith(`ws:${sheet}.pageLayout`))
        .map((e) => [e.path, e.set, e.value ?? e.args]);
    for (const [sheet, titles, breaks] of [
      ["月度填报", "$A:$C", ["O1", "V1", "AH1"]],
      ["月度支出", "$A:$B", ["I1"]],
    ] as const) {
      const spec = plan.spec.sheets.find((s) => s.name === sheet)!;
      expect(spec.print.scale).toBeGreaterThanOrEqual(85);
      const sent = layout(sheet);
      expect(sent).toContainEqual([`ws:${sheet}.pageLayout`, "zoom", { scale: spec.print.scale }]);
      expect(sent).toContainEqual([`ws:${sheet}.pageLayout.setPrintTitleColumns`, undefined, [titles]]);
      expect(sent).toContainEqual([`ws:${sheet}.pageLayout.setPrintTitleRows`, undefined, ["$4:$4"]]);
      // No fit to one page width: Excel would ignore the breaks under it.
      expect(sent.some(([, set, value]) => set === "zoom" && JSON.stringify(value).includes("FitToPages"))).toBe(false);
      expect(excel.sheet(sheet)?.columnBreaks).toEqual(breaks);
    }
    // The other sheets still fit one page width.
    expect(layout("目标任务")).toContainEqual([
      "ws:目标任务.pageLayout",
      "zoom",
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
    ]);
    expect(excel.sheet("目标任务")?.columnBreaks).toEqual([]);

    // A refresh is a patch: it sends no print setting (a user's own stays), and the blocks stay as written.
    const before = excel.sent.length;
    const refresh = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    expect(refresh.cellsWritten).toBe(0);
    expect(excel.sent.slice(before).filter((e) => /pageLayout|PageBreaks/.test(e.path))).toEqual([]);
    expect(excel.sheet("月度填报")?.columnBreaks).toEqual(["O1", "V1", "AH1"]);
  });

  it("an Excel without the fill (ExcelApi 1.8, Excel 2019) writes every sheet cell by cell, in requests under 1 MB", async () => {
    const excel = new FakeExcel({ excelApi: "1.8" });
    const { capabilitiesFrom } = await import("../../src/excel/capabilities");
    const summary = await generateWorkbook(excel.context, {
      now: NOW,
      reportDate: "2025-06-30",
      sheets: ALL_SHEET_KEYS,
      capabilities: capabilitiesFrom(excel.isSetSupported),
    });
    expect(summary.sheetsWritten).toEqual(expect.arrayContaining(["月度填报", "月度支出", "月度状态", "绩效监控"]));
    expect(summary.skippedFeatures.map((f) => f.feature)).not.toContain("fillFormulas");
    for (const bytes of excel.syncBytes) expect(bytes).toBeLessThan(1_000_000);
    expect(summary.writeRequests.length).toBeGreaterThan(1);
    // No fill was sent, and every formula is in its cell as the spec writes it.
    for (const name of ["月度填报", "月度支出", "月度状态", "绩效监控"])
      expect(excel.sheet(name)?.log.filter((l) => l.startsWith("copyFrom")) ?? []).toEqual([]);
    const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW, reportDate: "2025-06-30" });
    for (const spec of plan.spec.sheets) {
      const grid = excel.grid(spec.name);
      spec.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const want = stored(formulaOf(cell));
          const got = grid[r]?.[c] ?? "";
          if (got !== want)
            throw new Error(`${spec.name}!${cellAddress(r + 1, c + 1)}: ${String(got)} ≠ ${String(want)}`);
        }),
      );
    }
    // 实际值 follows 月度填报 there too: a formula, not a typed cell.
    const t = excel.grid("目标任务");
    expect(String(t[rowOf(t, "编号", "art01-hitech-firms")]?.[columnOf(t, "实际值")])).toContain("月度填报");
  });

  it("filling 7月 leaves 6月 as it was; a refresh keeps every month; 实际值 and 支出数 follow the report month", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
    const m = excel.grid("月度填报");
    const june = columnOf(m, "6月");
    const july = columnOf(m, "7月");
    const rHitech = rowOf(m, "编号", "art01-hitech-firms");
    excel.set("月度填报", at(rHitech, june), 50);
    const s = excel.grid("月度支出");
    const rSix = rowOf(s, "领域", "六、全力扩大有效投资");
    excel.set("月度支出", at(rSix, columnOf(s, "6月")), 150000);
    const first = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    expect(first.cellsWritten).toBe(0); // figures typed where they belong: nothing to move or fix

    // 7月: the month's column is filled, 报告日期 moves to 7月底; 6月 is not touched.
    excel.set("月度填报", at(rHitech, july), 58);
    excel.set("目标任务", "B2", 45869); // 2025-07-31
    const second = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    expect(second.cellsWritten).toBe(0);
    const after = excel.grid("月度填报");
    expect(after[rHitech]?.[june]).toBe(50);
    expect(after[rHitech]?.[july]).toBe(58);
    // 实际值 is the formula that shows 本期数; the fake does not calculate, the formula is what Excel computes.
    const t = excel.grid("目标任务");
    const actual = String(t[rowOf(t, "编号", "art01-hitech-firms")]?.[columnOf(t, "实际值")]);
    expect(actual).toMatch(/^=IF\(ISNA\(MATCH\(\$A\d+,'月度填报'!\$A:\$A,0\)\)/);
    const e = excel.grid("预算执行");
    const spent = String(e[rowOf(e, "领域", "六、全力扩大有效投资")]?.[columnOf(e, "支出数")]);
    expect(spent).toMatch(/'月度支出'!/);
  });

  it("a typed 实际值 on a workbook written before the monthly sheets moves into its month on the upgrade", async () => {
    const excel = new FakeExcel();
    const classic = ["说明", "预算安排", "目标任务", "预算执行", "责任分工", "汇总"] as const;
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: classic });
    const t = excel.grid("目标任务");
    const r = rowOf(t, "编号", "art01-hitech-firms");
    excel.set("目标任务", at(r, columnOf(t, "实际值")), 61);
    const up = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    expect(up.preview.sheetsCreated).toEqual(["月度填报", "月度支出", "月度状态", "绩效监控", "绩效自评"]);
    // Five new sheets go in as many requests as the writer's budget needs (each under 1 MB), after the reads.
    expect(up.syncs).toBeLessThanOrEqual(5);
    for (const bytes of excel.syncBytes) expect(bytes).toBeLessThan(1_000_000);
    const m = excel.grid("月度填报");
    expect(m[rowOf(m, "编号", "art01-hitech-firms")]?.[columnOf(m, "6月")]).toBe(61);
    const after = excel.grid("目标任务");
    expect(String(after[r]?.[columnOf(after, "实际值")])).toMatch(/'月度填报'!/);
    expect(up.preview.overridesKept).toEqual([]);
  });
});
