/**
 * The report in Excel, on the fake Excel: the figures read through the Office.js reader equal the sheets' cells,
 * and the 进展报告 sheet (text cells, A4 portrait, merged wrapped text with the wrap model's heights) is written
 * once, replaced on the next write without touching any other sheet, and never written over a user's sheet.
 */
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { draftReport, monthReportText, reportText } from "../../src/report";
import { generateWorkbook } from "../../src/excel";
import { capabilitiesFrom } from "../../src/excel/capabilities";
import { readReportFigures, ReportSheetTakenError, writeReportSheet } from "../../src/excel/report";
import { isReportTitle, REPORT_COLUMNS, reportSheetLayout } from "../../src/sheets/report";
import { cellAddress } from "../../src/workbook/a1";
import { FIRST_DATA_ROW } from "../../src/sheets/layout";
import { wrappedHeight } from "../../src/sheets/sheetBuilder";
import { FakeExcel } from "../workbook/support/fakeExcel";
import { columnOf, rowOf } from "../workbook/support/grid";
import { syntheticYear } from "./syntheticYear";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;
const at = (row0: number, col0: number) => cellAddress(row0 + 1, col0 + 1);

/** A generated workbook with 6月's synthetic figures typed into 实际值 and 支出数 (万元). */
async function filled(excel = new FakeExcel()): Promise<FakeExcel> {
  await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
  const year = syntheticYear(data);
  const grid = excel.grid("目标任务");
  const actual = columnOf(grid, "实际值");
  for (const t of data.targets) {
    const v = year.targets.get(t.id)?.months[5];
    if (typeof v === "number")
      excel.set("目标任务", at(rowOf(grid, "编号", t.id), actual), t.unit === "%" ? v / 100 : v);
  }
  const e = excel.grid("预算执行");
  const spent = columnOf(e, "支出数");
  data.areas.forEach((a, i) => {
    const v = year.areas.get(a.no)?.months[5];
    if (typeof v === "number") excel.set("预算执行", at(FIRST_DATA_ROW - 1 + i, spent), v * 10000);
  });
  return excel;
}

describe("the report's figures through the Office.js reader", () => {
  it("equal the workbook's cells, in 2 syncs", async () => {
    const excel = await filled();
    const before = excel.syncs;
    const read = await readReportFigures(excel.context, data);
    expect(read.syncs).toBe(2);
    expect(excel.syncs - before).toBe(2);
    expect(read.reportDate).toEqual({ year: 2025, month: 6, day: 30 });
    const grid = excel.grid("目标任务");
    const actual = columnOf(grid, "实际值");
    let compared = 0;
    for (const t of data.targets) {
      const cell = grid[rowOf(grid, "编号", t.id)]?.[actual];
      const got = read.figures.targets.get(t.id)?.months[5];
      if (typeof cell === "number") {
        expect([t.id, got]).toEqual([t.id, t.unit === "%" ? expect.closeTo(cell * 100, 9) : cell]);
        compared++;
      } else expect([t.id, got]).toEqual([t.id, null]);
    }
    expect(compared).toBeGreaterThan(50);
    const report = draftReport(read.figures, 6);
    const spent = columnOf(excel.grid("预算执行"), "支出数");
    const sum = data.areas.reduce(
      (s, _, i) => s + Number(excel.grid("预算执行")[FIRST_DATA_ROW - 1 + i]?.[spent] ?? 0),
      0,
    );
    expect(report.budget.spentYi).toBeCloseTo(sum / 10000, 9);
  });
});

describe("the pane's 12月 report", () => {
  it("quotes the 偏差原因分析 typed on 绩效监控, as the CLI's does", async () => {
    const excel = await filled();
    await generateWorkbook(excel.context, { now: NOW, sheets: ["绩效监控"] });
    const grid = excel.grid("绩效监控");
    const header = grid.findIndex((row) => row.includes("偏差原因分析")) + 1;
    const id = data.targets[0]!.id;
    const cell = at(rowOf(grid, "编号", id, header), columnOf(grid, "偏差原因分析", header));
    excel.set("绩效监控", cell, "认定批次推迟至次年");
    const read = await readReportFigures(excel.context, data);
    expect(read.syncs).toBe(2);
    expect(read.figures.reasons?.get(id)).toBe("认定批次推迟至次年");
    const selfEvaluation = monthReportText(read.figures, 12).sections.at(-1)!;
    expect(selfEvaluation.heading).toContain("绩效自评");
    expect(selfEvaluation.paragraphs.join("\n")).toContain("认定批次推迟至次年");
  });
});

describe("the 进展报告 sheet", () => {
  const text = reportText(draftReport(syntheticYear(data), 6));
  const layout = reportSheetLayout(text, "2025-07-01 10:00");

  it("is laid out for A4 portrait: one wide merged text column, heights from the wrap model", () => {
    expect(layout.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: 1 });
    // A4 less the side margins is 7.07 in = 679 px at 96 dpi; the columns must fit it at 100 %.
    const px = REPORT_COLUMNS.reduce((s, w) => s + w * 7 + 5, 0);
    expect(px).toBeLessThanOrEqual((8.27 - layout.print.margins.left - layout.print.margins.right) * 96);
    expect(isReportTitle(layout.cells[0]?.[0])).toBe(true);
    expect(layout.cells[1]?.[0]).toMatch(/生成的文档.*再次生成会整表替换/);
    const width = REPORT_COLUMNS.reduce((s, w) => s + w, 0);
    const bodies = layout.kinds.flatMap((k, i) => (k === "body" ? [i] : []));
    expect(bodies.length).toBe(text.sections.reduce((n, s) => n + s.paragraphs.length, 0));
    for (const i of bodies) {
      expect(layout.merges).toContain(`A${i + 1}:C${i + 1}`);
      expect(layout.rowHeights[i]).toBe(Math.max(18, wrappedHeight(layout.cells[i]?.[0] ?? "", width)));
    }
    // The appendix starts a page and holds every figure row, one cell per column.
    const header = layout.kinds.indexOf("tableHeader");
    expect(layout.rowBreaks).toEqual([header]);
    expect(layout.cells.slice(header + 1)).toEqual(text.figures.map((f) => [f.label, f.value, f.source]));
    // Every paragraph of the text is on the sheet, in order.
    const sheetText = layout.cells.slice(0, header).map((r) => r[0].trim());
    const paragraphs = text.sections.flatMap((s) => [s.heading, ...s.paragraphs]);
    expect(sheetText.filter((t) => paragraphs.includes(t))).toEqual(paragraphs);
  });

  it("is written as text cells in 3 syncs, then replaced in place without touching any other sheet", async () => {
    const excel = await filled();
    const others = excel.sheets.map((s) => [s.name, excel.grid(s.name)]);
    const first = await writeReportSheet(excel.context, layout);
    expect(first).toMatchObject({ sheet: "进展报告", replaced: false, syncs: 2 });
    const sheet = excel.sheet("进展报告")!;
    expect(excel.get("进展报告", "A1")).toBe(layout.cells[0]?.[0]);
    expect(sheet.cells.get("1:1")?.numFmt).toBe("@");
    expect(excel.grid("进展报告")).toEqual(layout.cells.map((r) => [...r].map((v) => (v === "" ? null : v))));
    expect(sheet.merges).toEqual(expect.arrayContaining([...layout.merges]));

    // 1月 is a shorter report: the rewrite leaves none of 6月's rows behind.
    const january = reportSheetLayout(reportText(draftReport(syntheticYear(data), 1)));
    const again = await writeReportSheet(excel.context, january);
    expect(again).toMatchObject({ sheet: "进展报告", replaced: true, syncs: 3 });
    expect(excel.grid("进展报告")).toEqual(january.cells.map((r) => [...r].map((v) => (v === "" ? null : v))));
    expect(sheet.log).toEqual(expect.arrayContaining(["unmerge@*", "clear@*"]));
    expect(excel.sheets.filter((s) => s.name !== "进展报告").map((s) => [s.name, excel.grid(s.name)])).toEqual(others);
  });

  it("leaves a user's own 进展报告 alone and writes 进展报告(政策目标) beside it", async () => {
    const excel = new FakeExcel();
    excel.addSheet("进展报告");
    excel.set("进展报告", "A1", "我的报告");
    const result = await writeReportSheet(excel.context, layout);
    expect(result.sheet).toBe("进展报告(政策目标)");
    expect(excel.grid("进展报告")).toEqual([["我的报告"]]);
    expect((await writeReportSheet(excel.context, layout)).replaced).toBe(true);
    excel.set("进展报告(政策目标)", "A1", "也是我的");
    await expect(writeReportSheet(excel.context, layout)).rejects.toBeInstanceOf(ReportSheetTakenError);
  });

  it("writes in an Excel of ExcelApi 1.4 (no page setup there), where a batch with a newer call would fail", async () => {
    const excel = new FakeExcel({ excelApi: "1.4" });
    const result = await writeReportSheet(excel.context, layout, capabilitiesFrom(excel.isSetSupported));
    expect(result.sheet).toBe("进展报告");
    await writeReportSheet(excel.context, layout, capabilitiesFrom(excel.isSetSupported));
    expect(excel.get("进展报告", "A3")).toBe(text.title);
  });
});
