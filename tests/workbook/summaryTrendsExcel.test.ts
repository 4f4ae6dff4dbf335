/**
 * 汇总's trends through the Office.js writer, on the fake Excel: a generation with the monthly sheets adds the stacked
 * column and line charts over the trend tables, with page breaks before each block; a workbook generated before
 * (without the monthly sheets, so without trends) gains them on refresh below what is there, once — a second refresh
 * writes no cell and adds no chart.
 */
import { generateWorkbook, SHEET_KEYS } from "../../src/excel";
import { SHEET_KEYS as ALL_KEYS } from "../../src/sheets";
import { TREND_CHARTS, TREND_TITLES } from "../../src/sheets/summaryTrends";
import { FakeExcel } from "./support/fakeExcel";

const NOW = new Date("2025-07-01T02:00:00Z");
const rowOf = (excel: FakeExcel, text: string) => excel.grid("汇总").findIndex((row) => row[0] === text) + 1;

describe("汇总's trends in Excel (Office.js)", () => {
  it("a generation with the monthly sheets writes the trend tables and charts, in ≤ 4 syncs", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: ALL_KEYS });
    // Eleven sheets (绩效自评 included) in as many write requests as the writer's budget needs.
    expect(summary.syncs).toBeLessThanOrEqual(4);
    const sheet = excel.sheet("汇总")!;
    expect(sheet.charts.map((c) => [c.name, c.type])).toEqual([
      ["ZC_ChartStatus", "BarStacked"],
      ["ZC_ChartMoney", "BarClustered"],
      [TREND_CHARTS.status, "ColumnStacked"],
      [TREND_CHARTS.execution, "LineMarkers"],
    ]);
    const top = rowOf(excel, TREND_TITLES.status);
    expect(top).toBeGreaterThan(0);
    expect(sheet.charts[2]?.source).toBe(`A${top + 1}:F${top + 13}`);
    expect(sheet.charts[3]?.source).toBe(`A${top + 29}:C${top + 41}`);
    expect(sheet.pageBreaks).toEqual(expect.arrayContaining([`A${top}`, `A${top + 28}`]));
    expect(String(excel.get("汇总", `B${top + 2}`))).toMatch(/^=COUNTIFS\('月度填报'!/);
    expect(String(excel.get("汇总", `B${top + 30}`))).toMatch(/NA\(\)/);
  });

  it("the pane's default sheets (no monthly sheets) write no trends: nothing to count", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
    expect(SHEET_KEYS).not.toContain("月度填报");
    expect(rowOf(excel, TREND_TITLES.status)).toBe(0);
    expect(excel.sheet("汇总")!.charts).toHaveLength(2);
  });

  it("a refresh that adds the monthly sheets adds the trends once, below a note the user typed", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
    const sheet = excel.sheet("汇总")!;
    // Below everything 汇总 holds (its last block is the count by unit), with a row between.
    const noteRow = excel.grid("汇总").length + 2;
    sheet.cells.set(`${noteRow}:3`, { value: "备注:科室自用" });
    const before = excel.grid("汇总").map((row) => [...row]);
    const logBefore = sheet.log.length;
    const up = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_KEYS });
    expect(up.preview.blocksAdded).toEqual([{ sheet: "汇总", title: TREND_TITLES.status, charts: 2 }]);
    const top = rowOf(excel, TREND_TITLES.status);
    expect(top).toBe(noteRow + 2);
    // Every cell above is as it was: nothing moved, nothing cleared.
    const after = excel.grid("汇总");
    before.forEach((row, r) => row.forEach((v, c) => expect([r, c, after[r]?.[c]]).toEqual([r, c, v])));
    expect(sheet.log.slice(logBefore).some((x) => /clear|unmerge|delete/.test(x))).toBe(false);
    expect(sheet.charts.map((c) => c.name)).toEqual([
      "ZC_ChartStatus",
      "ZC_ChartMoney",
      TREND_CHARTS.status,
      TREND_CHARTS.execution,
    ]);
    expect(sheet.pageBreaks.filter((a) => Number(a.slice(1)) >= top)).toEqual([`A${top}`, `A${top + 28}`]);
    expect(sheet.conditionalFormats.some((f) => f.ref === `B${top + 30}:B${top + 41}`)).toBe(true);

    const logAfter = sheet.log.length;
    const again = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_KEYS });
    // Nothing to change: no cell written anywhere, and 汇总 not touched at all.
    expect(again.cellsWritten).toBe(0);
    expect(again.sheetsWritten).not.toContain("汇总");
    expect(sheet.log.slice(logAfter).filter((x) => !/^(load|getUsedRange)/.test(x))).toEqual([]);
    expect(again.preview.blocksAdded).toBeUndefined();
    expect(sheet.charts).toHaveLength(4);
    expect(sheet.pageBreaks.filter((a) => Number(a.slice(1)) >= top)).toEqual([`A${top}`, `A${top + 28}`]);
  });
});
