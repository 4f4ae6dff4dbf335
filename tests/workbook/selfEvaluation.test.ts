/**
 * 绩效自评 (the 项目支出绩效自评表) as a sheet: laid out from the edition with the settings block, the 产出/效益
 * drop-down and the proposed classes; classic formulas only; on the Office.js route (fake Excel) created and
 * refreshed with staff's classes and 满意度 kept. The LibreOffice check of its scores against the engine is in
 * selfEvaluationLibreoffice.test.ts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_EVALUATION_SETTINGS, proposeIndicatorClass } from "../../src/engine";
import { ALL_SHEET_KEYS, generateWorkbook } from "../../src/excel";
import { getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import {
  AREA_HEADER_ROW,
  SETTINGS,
  SETTINGS_ROW,
  selfEvaluationHeaderRow,
  settingOf,
} from "../../src/sheets/selfEvaluationLayout";
import { writeTemplate } from "../../src/xlsx";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf } from "./support/grid";
import { correctedEdition } from "./support/editions";

const data = getEdition("yueqing-2025") as EditionData;
const NOW = new Date("2025-12-31T02:00:00Z");
const S = "绩效自评";
const h = selfEvaluationHeaderRow(data.areas.length);
const HEADERS = [
  "编号",
  "领域",
  "指标",
  "类别",
  "年度指标值",
  "全年实际完成值",
  "完成率",
  "权重",
  "得分",
  "评分方式",
  "偏差原因",
  "核对",
];

describe("绩效自评 in a fresh file", () => {
  it("has the settings block, one row per area and per target, the classes proposed, A4 landscape", async () => {
    const { buffer } = await writeTemplate(data, { reportDate: "2025-12-31", now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(S)!;
    expect(String(ws.getCell("A1").value)).toContain("绩效自评表");
    expect(String(ws.getCell("A2").value)).toContain("完成率超过100%的按100%计");
    const defaults = SETTINGS.map((s) => settingOf(DEFAULT_EVALUATION_SETTINGS, s.key));
    expect(SETTINGS.map((_, i) => ws.getCell(SETTINGS_ROW, i + 1).value)).toEqual(defaults);
    expect(defaults).toEqual([10, 50, 30, 10, 0.9, 90, 80, 60]);
    data.areas.forEach((a, i) => expect(ws.getCell(AREA_HEADER_ROW + 1 + i, 1).value).toBe(`${a.numeral}、${a.title}`));
    expect((ws.getRow(h).values as unknown[]).slice(1)).toEqual(HEADERS);
    data.targets.forEach((t, i) => {
      expect(ws.getCell(h + 1 + i, 1).value).toBe(t.id);
      expect(ws.getCell(h + 1 + i, 4).value).toBe(proposeIndicatorClass(t));
    });
    const list = ws.getCell(h + 1, 4).dataValidation;
    expect(list?.type).toBe("list");
    expect(list?.formulae).toEqual(['"产出,效益"']);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    // Classic functions only: every engine computes them.
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (f === undefined) return;
        formulas++;
        expect(f).not.toMatch(
          /(^|[^A-Z.])(LET|LAMBDA|XLOOKUP|IFS|FILTER|SEQUENCE|SORT|UNIQUE|TEXTJOIN|MAXIFS|MINIFS)\(/,
        );
      }),
    );
    // The file caches a result for each (WPS shows those): no formula cell without its value.
    const part = await sheetPart(buffer, S);
    const cells = part.match(/<c [^>]*>(?:(?!<\/c>).)*<f>(?:(?!<\/c>).)*<\/c>/g) ?? [];
    expect(cells).toHaveLength(formulas);
    expect(cells.filter((c) => !/<v>[^<]*<\/v>|<v\/>/.test(c))).toEqual([]);
    expect(formulas).toBe(data.areas.length * 11 + data.targets.length * 5);
    // Nothing reported yet: every area grades 差; the weights share each class's points.
    expect((ws.getCell(AREA_HEADER_ROW + 1, 11).value as { result?: unknown }).result).toBe("差");
    const first = data.targets.filter((t) => t.area === 1);
    const outputs = first.filter((t) => proposeIndicatorClass(t) === "产出").length;
    const weight = ws.getCell(h + 1, 8).value as { result?: unknown };
    expect(weight.result).toBeCloseTo(
      proposeIndicatorClass(data.targets[0]!) === "产出" ? 50 / outputs : 30 / (first.length - outputs),
      9,
    );
  });
});

async function sheetPart(buffer: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return zip.file(target.replace(/^\/?(xl\/)?/, "xl/"))!.async("string");
}

describe("绩效自评 through the Office.js writer (fake Excel)", () => {
  it("is created with the other sheets, and a refresh keeps staff's classes, 满意度 and weights", async () => {
    const excel = new FakeExcel();
    const created = await generateWorkbook(excel.context, {
      now: NOW,
      reportDate: "2025-12-31",
      sheets: ALL_SHEET_KEYS,
    });
    expect(created.preview.sheetsCreated).toContain(S);
    const sheet = excel.sheet(S)!;
    expect(sheet.tables.map((t) => t.name)).toEqual(["ZC_SelfEvaluation"]);
    expect(sheet.validations.filter((v) => JSON.stringify(v.rule).includes("产出,效益"))).toEqual([
      { ref: `D${h + 1}:D${h + data.targets.length}`, rule: { list: { inCellDropDown: true, source: "产出,效益" } } },
    ]);
    const g = excel.grid(S);
    const id = columnOf(g, "编号", h);
    const cls = columnOf(g, "类别", h);
    const row = (target: string) => excel.grid(S).findIndex((r) => r[id] === target) + 1;
    const changed = data.targets[0]!;
    const other = proposeIndicatorClass(changed) === "产出" ? "效益" : "产出";
    excel.set(S, `D${row(changed.id)}`, other);
    excel.set(S, `H${AREA_HEADER_ROW + 1}`, 0.95);
    excel.set(S, `A${SETTINGS_ROW}`, 20);

    const refreshed = await generateWorkbook(excel.context, {
      edition: correctedEdition(data),
      now: NOW,
      sheets: ALL_SHEET_KEYS,
    });
    expect(refreshed.preview.rowsAppended.filter((r) => r.sheet === S)).toEqual([
      { sheet: S, rowKey: "art01-new-rd-centers", row: h + data.targets.length + 1 },
    ]);
    const after = excel.grid(S);
    expect(after[row(changed.id) - 1]?.[cls]).toBe(other);
    expect(after[AREA_HEADER_ROW]?.[7]).toBe(0.95);
    expect(after[SETTINGS_ROW - 1]?.[0]).toBe(20);
    // The new target comes with the class the product proposes.
    expect(after[h + data.targets.length]?.[cls]).toBe("产出");
    expect(sheet.tables[0]?.ref).toBe(`A${h}:L${h + data.targets.length + 1}`);
    const again = await generateWorkbook(excel.context, {
      edition: correctedEdition(data),
      now: NOW,
      sheets: ALL_SHEET_KEYS,
    });
    expect(again.sheetsWritten).not.toContain(S);
  });
});
