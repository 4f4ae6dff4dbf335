/**
 * 绩效监控 (the 绩效运行监控表): its layout from the edition (areas and targets counted, never assumed), the
 * 完成目标可能性 drop-down once per range, and refreshes on both routes — the Office.js writer (fake Excel) and the
 * file route (LibreOffice: recalculated with a synthetic year, and edited through UNO) — keeping every input by
 * 编号 wherever the rows were sorted, appending new targets and creating the sheet in workbooks that lack it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { generateWorkbook, SHEET_KEYS as PANE_KEYS } from "../../src/template/excel";
import { parseRange } from "../../src/template/spec/a1";
import { ORPHAN_TARGET } from "../../src/template/spec/layout";
import type { SheetKey } from "../../src/template/spec/types";
import {
  annualTargetText,
  LIKELIHOODS,
  MONITOR_BUDGET_HEADER_ROW,
  monitorHeaderRow,
} from "../../src/template/spec/sheets/monitor";
import { writeTemplate } from "../../src/template/xlsx";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf } from "./support/grid";
import { correctedEdition } from "./support/editions";

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
