/**
 * The refresh scenarios of issue 8 on the Office.js path: a workbook generated into the fake Excel, filled in and
 * edited the way people edit it, then refreshed through the pane's action layer (createExcelActions, the module
 * the pane calls). Each asserts that nothing the user typed or added is lost and that every reference from the
 * user's own sheet still shows the same target's figures.
 */
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import type { GenerateOptions, GenerateSummary } from "../../src/excel";
import { cellAddress } from "../../src/workbook/a1";
import { FIRST_DATA_ROW, ORPHAN_TARGET } from "../../src/sheets/layout";
import { OVERRIDE_NOTE } from "../../src/sheets/keyedOptions";
import { FakeExcel, type FakeSheet } from "./support/fakeExcel";
import { columnOf, rowOf } from "./support/grid";
import { addUserSheet, USER_SHEET, userFigures } from "./support/userSheet";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;
const T = "目标任务";
const at = (row0: number, col0: number) => cellAddress(row0 + 1, col0 + 1);

/** Runs the pane's actions against `excel`, as Excel.run and Office would inside Excel. */
function pane(excel: FakeExcel) {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  g.Excel = { run: <R>(fn: (context: Excel.RequestContext) => Promise<R>) => fn(excel.context) };
  g.Office = { context: { requirements: { isSetSupported: excel.isSetSupported } } };
  return createExcelActions();
}

afterEach(() => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  delete g.Excel;
  delete g.Office;
});

/** A generated workbook, filled in: 实际值/上年值/备注 on the first rows, 支出数 on every area, a report sheet. */
async function filledWorkbook(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await pane(excel).generate({ now: NOW, reportDate: "2025-06-30" });
  const grid = excel.grid(T);
  const actual = columnOf(grid, "实际值");
  const note = columnOf(grid, "备注");
  const previous = columnOf(grid, "上年值");
  for (let r = FIRST_DATA_ROW - 1; r < FIRST_DATA_ROW - 1 + 30; r++) {
    excel.set(T, at(r, actual), r * 1.5);
    if (r % 3 === 0) excel.set(T, at(r, note), `备注${r}`);
  }
  excel.set(T, at(rowOf(grid, "编号", "area7-income-ratio"), previous), 1.74);
  excel.set(T, at(rowOf(grid, "编号", "art01-hitech-firms"), actual), 60);
  const e = excel.grid("预算执行");
  const spent = columnOf(e, "支出数");
  for (let r = FIRST_DATA_ROW - 1; r < FIRST_DATA_ROW - 1 + data.areas.length; r++)
    excel.set("预算执行", at(r, spent), 1000 * r);
  addUserSheet(excel);
  return excel;
}

/** Every input (and user column) of a keyed sheet by row key: what a refresh must keep. */
function inputsByKey(excel: FakeExcel, sheet: string, key: string, inputs: readonly string[]) {
  const grid = excel.grid(sheet);
  const k = columnOf(grid, key);
  const header = grid[3] ?? [];
  const ours = new Set([
    "编号",
    "领域",
    "条款",
    "指标",
    "目标值",
    "单位",
    "比较",
    "口径",
    "完成率",
    "差距",
    "状态",
    "责任单位",
    "核对",
    "预算数",
    "执行率",
    "序时进度",
    "进度差",
    "差额",
  ]);
  const cols = header
    .map((h, i) => ({ h: typeof h === "string" ? h.replace(/\(.*\)$/, "") : "", i }))
    .filter(({ h }) => h !== "" && (inputs.includes(h) || !ours.has(h)));
  const out = new Map<string, Record<string, unknown>>();
  grid.forEach((row, r) => {
    if (r < 4 || row[k] === null) return;
    out.set(String(row[k]), Object.fromEntries(cols.map(({ h, i }) => [h, row[i] ?? null])));
  });
  return out;
}

interface Before {
  targets: Map<string, Record<string, unknown>>;
  execution: Map<string, Record<string, unknown>>;
  figures: ReturnType<typeof userFigures>;
  a9: unknown;
  comments: Map<string, Map<string, string>>;
  fills: Map<string, string>;
  hidden: Map<string, number[]>;
  freeze: Map<string, string>;
  userSheet: unknown[][];
}

function capture(excel: FakeExcel, targets = T): Before {
  for (const s of excel.sheets) s.log.length = 0;
  const per = <V>(f: (s: FakeSheet) => V) => new Map(excel.sheets.map((s) => [s.name, f(s)]));
  return {
    targets: inputsByKey(excel, targets, "编号", ["实际值", "上年值", "备注"]),
    execution: inputsByKey(excel, "预算执行", "领域", ["支出数"]),
    figures: userFigures(excel),
    a9: excel.get(targets, "A9"),
    comments: per((s) => new Map(s.comments)),
    fills: per((s) => JSON.stringify(s.formats.filter((f) => f.path === "fill.color"))),
    hidden: per((s) => [...s.hiddenColumns].sort()),
    freeze: per((s) => JSON.stringify(s.freeze)),
    userSheet: excel.grid(USER_SHEET),
  };
}

/** Nothing typed or added is lost, references show the same figures, nothing of the user's was touched. */
function expectKept(excel: FakeExcel, before: Before, targets = T): void {
  const after = capture(excel, targets);
  for (const [id, inputs] of before.targets) expect({ id, ...after.targets.get(id) }).toEqual({ id, ...inputs });
  for (const [area, inputs] of before.execution)
    expect({ area, ...after.execution.get(area) }).toEqual({ area, ...inputs });
  expect(after.figures).toEqual(before.figures);
  expect(after.a9).toEqual(before.a9);
  expect(after.comments).toEqual(before.comments);
  expect(after.fills).toEqual(before.fills);
  expect(after.hidden).toEqual(before.hidden);
  expect(after.freeze).toEqual(before.freeze);
  expect(after.userSheet).toEqual(before.userSheet);
  expect(excel.sheet(USER_SHEET)?.log).toEqual([]);
  // Never a clear, a table delete or re-add, a freeze, a width or a hidden state on a sheet that exists.
  for (const s of excel.sheets) {
    expect({
      sheet: s.name,
      log: s.log.filter((l) => /clear|delete|table\.add|freeze|columnHidden|unmerge/.test(l)),
    }).toEqual({
      sheet: s.name,
      log: [],
    });
  }
}

async function refresh(excel: FakeExcel, options: GenerateOptions = {}): Promise<GenerateSummary> {
  const actions = pane(excel);
  const preview = await actions.preview({ now: NOW, ...options });
  const written = excel.cellsWritten;
  const summary = await actions.generate({ now: NOW, ...options });
  // The preview announced what the refresh did, and the fake counted the same cells.
  expect(summary.preview.cellsWritten).toBe(preview.cellsWritten);
  expect(excel.cellsWritten - written).toBe(summary.cellsWritten);
  expect(summary.syncs).toBeLessThanOrEqual(3);
  return summary;
}

describe("refresh scenarios on the Office.js path (issue 8)", () => {
  it("1. sort the targets table (by 状态): rows stay where the user sorted them", async () => {
    const excel = await filledWorkbook();
    const last = excel.grid(T).length;
    const rows = Array.from({ length: last - FIRST_DATA_ROW + 1 }, (_, i) => FIRST_DATA_ROW + i);
    // A sort's permutation: evens first, then odds, reversed within each (what sorting by 状态 does to rows).
    const order = [...rows.filter((r) => r % 2 === 0).reverse(), ...rows.filter((r) => r % 2 === 1).reverse()];
    excel.reorderRows(T, FIRST_DATA_ROW, order);
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(summary.cellsWritten).toBe(0);
  });

  it("2. insert a row in the middle and type a note: the note stays, unflagged, with no 编号", async () => {
    const excel = await filledWorkbook();
    excel.insertRows(T, 20);
    const grid = excel.grid(T);
    excel.set(T, at(19, columnOf(grid, "备注")), "第二季度起按新口径统计");
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(summary.cellsWritten).toBe(0);
    expect(excel.get(T, at(19, columnOf(grid, "编号")))).toBeNull();
    expect(excel.get(T, at(19, columnOf(grid, "核对")))).toBeNull();
    expect(excel.get(T, at(19, columnOf(grid, "备注")))).toBe("第二季度起按新口径统计");
  });

  it("3. the user's sheet references a cell, a SUM, INDEX/MATCH by 编号 and a structured reference", async () => {
    const excel = await filledWorkbook();
    const before = capture(excel);
    expect(before.figures[2]).toBe(60);
    expect(typeof before.figures[1]).toBe("number");
    await refresh(excel);
    expectKept(excel, before);
  });

  it("4. rename a product sheet: it stays ours, no empty 目标任务 beside it, 汇总 counts the renamed one", async () => {
    const excel = await filledWorkbook();
    excel.renameSheet(T, "目标任务8月");
    const before = capture(excel, "目标任务8月");
    const summary = await refresh(excel);
    expectKept(excel, before, "目标任务8月");
    expect(excel.sheet(T)).toBeUndefined();
    expect(summary.preview.sheetsCreated).toEqual([]);
    expect(String(excel.get("汇总", "B5"))).toContain("'目标任务8月'!");
    // The marker now names the sheet; the reference name followed the rename by itself.
    expect(excel.names.get("_ZCMB.targets")?.value).toMatch(/\|目标任务8月$/);
    expect(excel.names.get("_ZCREF.targets")?.ref).toEqual({ sheet: "目标任务8月", cell: "$A$1" });
    expect(summary.cellsWritten).toBe(1); // 说明 lists the sheet under its new name
    const again = await refresh(excel);
    expect(again.cellsWritten).toBe(0);
  });

  it("5. delete a target row: the target comes back at the end, the others stay where they are", async () => {
    const excel = await filledWorkbook();
    const grid = excel.grid(T);
    const gone = rowOf(grid, "编号", "art02-tech-projects");
    excel.deleteRows(T, gone + 1);
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(summary.preview.rowsAppended.map((r) => r.rowKey)).toEqual(["art02-tech-projects"]);
    const after = excel.grid(T);
    expect(rowOf(after, "编号", "art02-tech-projects")).toBe(after.length - 1);
    expect(excel.sheet(T)?.tables[0]?.ref).toBe(`A4:P${after.length}`);
  });

  it("6. type over a 完成率 formula: kept and reported (核对 says 手工覆盖); restore formulas is a separate action", async () => {
    const excel = await filledWorkbook();
    const grid = excel.grid(T);
    const r = rowOf(grid, "编号", "art01-hitech-firms");
    const rate = columnOf(grid, "完成率");
    excel.set(T, at(r, rate), 0.9);
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(excel.get(T, at(r, rate))).toBe(0.9);
    expect(excel.get(T, at(r, columnOf(grid, "核对")))).toBe(`${OVERRIDE_NOTE}:完成率`);
    expect(summary.preview.overridesKept).toMatchObject([
      { sheet: T, rowKey: "art01-hitech-firms", column: "完成率", value: 0.9 },
    ]);
    expect(summary.cellsWritten).toBe(1);

    const restored = await refresh(excel, { restoreFormulas: true });
    expect(restored.preview.formulasRestored).toBe(1);
    expect(String(excel.get(T, at(r, rate)))).toMatch(/^=IF\(/);
    expect(excel.get(T, at(r, columnOf(grid, "核对")))).toBeNull();
    expect(restored.cellsWritten).toBe(2);
  });

  it("7. a comment and a fill on an input cell survive", async () => {
    const excel = await filledWorkbook();
    const grid = excel.grid(T);
    const cell = at(rowOf(grid, "编号", "art01-hitech-firms"), columnOf(grid, "实际值"));
    excel.comment(T, cell, "数据来自统计局 7 月快报");
    excel.fill(T, cell, "#FF0000");
    const before = capture(excel);
    await refresh(excel);
    expectKept(excel, before);
    expect(excel.sheet(T)?.comments.get(cell)).toBe("数据来自统计局 7 月快报");
  });

  it("8. extra columns at the right of the table are kept, and the refresh writes none of their cells", async () => {
    const excel = await filledWorkbook();
    const grid = excel.grid(T);
    const baseline = (await pane(excel).preview({ now: NOW })).inputsKept;
    const own = grid[3]?.length ?? 16;
    excel.set(T, at(3, own), "联系人");
    excel.set(T, at(3, own + 1), "电话");
    excel.set(T, at(rowOf(grid, "编号", "art01-hitech-firms"), own), "张三");
    excel.set(T, at(rowOf(grid, "编号", "art01-hitech-firms"), own + 1), "577-1234");
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(summary.cellsWritten).toBe(0);
    expect(summary.valuesKept).toBe(baseline + 2);
  });

  it("9. a hidden column stays hidden", async () => {
    const excel = await filledWorkbook();
    excel.hideColumn(T, 8);
    const before = capture(excel);
    await refresh(excel);
    expectKept(excel, before);
    expect([...(excel.sheet(T)?.hiddenColumns ?? [])]).toEqual([8]);
  });

  it("10. the user's freeze panes stay", async () => {
    const excel = await filledWorkbook();
    excel.freezeByUser(T, 4, 2);
    const before = capture(excel);
    await refresh(excel);
    expectKept(excel, before);
    expect(excel.sheet(T)?.freeze).toEqual({ rows: 4, columns: 2 });
  });

  it("11. values in unlabelled cells (beside 报告日期, right of the legend, below the table) stay, unflagged", async () => {
    const excel = await filledWorkbook();
    const last = excel.grid(T).length;
    excel.set(T, "Q2", "截至6月底");
    excel.set(T, "R1", 42);
    excel.set(T, `O${last + 2}`, "注:第二季度数据待核");
    excel.set(T, `C${last + 3}`, 12345);
    // A note typed in the 编号 column below the table is the user's text, not a target the edition lost.
    excel.set(T, `A${last + 4}`, "注:以上为1-6月累计数");
    const before = capture(excel);
    const summary = await refresh(excel);
    expectKept(excel, before);
    expect(summary.cellsWritten).toBe(0);
    expect(summary.orphanRows).toBe(0);
    expect(excel.get(T, `O${last + 2}`)).toBe("注:第二季度数据待核");
    expect(excel.get(T, "Q2")).toBe("截至6月底");
    expect(excel.get(T, `A${last + 4}`)).toBe("注:以上为1-6月累计数");
  });

  it("12. a chart and a pivot table on the user's sheet are untouched", async () => {
    const excel = await filledWorkbook();
    const user = excel.sheet(USER_SHEET) as FakeSheet;
    user.charts.push({ name: "我的图表", type: "ColumnClustered", source: "A1:A4", props: {} });
    user.tables.push({ name: "数据透视表1", ref: "C1:D5" });
    const before = capture(excel);
    await refresh(excel);
    expectKept(excel, before);
    expect(user.charts.map((c) => c.name)).toEqual(["我的图表"]);
    expect(user.tables.map((t) => t.name)).toEqual(["数据透视表1"]);
  });

  it("13. refresh twice: the second writes zero cells (and no name)", async () => {
    const excel = await filledWorkbook();
    const first = await refresh(excel, { edition: { ...data, targets: data.targets.slice(0, -1) } });
    expect(first.orphanRows).toBe(1);
    const names = JSON.stringify([...excel.names]);
    const before = capture(excel);
    const bytes = excel.payloadBytes;
    const written = excel.cellsWritten;
    const second = await pane(excel).generate({ now: NOW, edition: { ...data, targets: data.targets.slice(0, -1) } });
    expect(second.cellsWritten).toBe(0);
    expect(excel.cellsWritten).toBe(written);
    expect(second.syncs).toBe(2);
    expect(second.payloadBytes).toBe(0);
    expect(excel.payloadBytes - bytes).toBeLessThan(4000); // the two reads only
    expect(JSON.stringify([...excel.names])).toBe(names);
    expectKept(excel, before);
    const flagged = rowOf(excel.grid(T), "编号", data.targets[data.targets.length - 1]?.id);
    expect(excel.get(T, at(flagged, columnOf(excel.grid(T), "核对")))).toBe(ORPHAN_TARGET);
  });

  it("14. the edition corrects one figure and adds one target: one cell updated, one row appended, nothing else", async () => {
    const excel = await filledWorkbook();
    const model = data.targets.find((t) => t.id === "art01-hitech-firms");
    if (!model) throw new Error("no target");
    const edition: EditionData = {
      ...data,
      targets: [
        ...data.targets.map((t) => (t.id === model.id ? { ...t, value: (t.value ?? 0) + 5 } : t)),
        { ...model, id: "art01-new-target", indicator: "新增目标(测试)", value: 12 },
      ],
    };
    const before = capture(excel);
    const last = excel.grid(T).length;
    const summary = await refresh(excel, { edition });
    expectKept(excel, before);
    const t = summary.preview;
    expect(t.officialUpdates.filter((u) => u.sheet === T)).toMatchObject([
      { rowKey: "art01-hitech-firms", column: "目标值", before: model.value, after: (model.value ?? 0) + 5 },
    ]);
    expect(t.rowsAppended).toEqual([{ sheet: T, rowKey: "art01-new-target", row: last + 1 }]);
    expect(t.rowsFlagged).toEqual([]);
    expect(t.overridesKept).toEqual([]);
    expect(t.formulasFilled).toBe(0);
    const grid = excel.grid(T);
    expect(grid.length).toBe(last + 1);
    expect(grid[last]?.[0]).toBe("art01-new-target");
    expect(excel.sheet(T)?.tables[0]?.ref).toBe(`A4:P${last + 1}`);
    // Validation and conditional formats of the table grew with it.
    expect(excel.sheet(T)?.validations.some((v) => v.ref.endsWith(String(last + 1)))).toBe(true);
    // Besides 目标任务, only 责任分工's lists of that article's targets (count and list), 说明's time and — the
    // corrected edition keeps the bundled id — 说明's 版本编号 cell, which notes that it differs from the bundled one.
    const elsewhere = t.officialUpdates.filter((u) => u.sheet !== T);
    expect(new Set(elsewhere.map((u) => u.sheet))).toEqual(new Set(["责任分工", "说明"]));
    expect(elsewhere.filter((u) => u.sheet === "说明").map((u) => String(u.after).split("\n")[1])).toEqual([
      expect.stringMatching(/^注意:本工作簿所用版本与内置的同编号官方版本“yueqing-2025”不同/),
    ]);
  });

  it("layout upgrade: a product column an earlier layout lacked is appended after the user's own, nothing moves", async () => {
    const excel = await filledWorkbook();
    const sheet = excel.sheet(T) as FakeSheet;
    const last = excel.grid(T).length;
    // An earlier layout without 核对 (column P), where the user had put a column of their own.
    for (let r = 4; r <= last; r++) excel.set(T, `P${r}`, null);
    excel.set(T, "P4", "联系人");
    excel.set(T, "P9", "张三");
    const before = capture(excel);
    const summary = await refresh(excel);
    const log = [...sheet.log];
    expectKept(excel, before);
    expect(summary.preview.columnsAppended).toEqual([{ sheet: T, header: "核对" }]);
    expect(excel.get(T, "P4")).toBe("联系人");
    expect(excel.get(T, "P9")).toBe("张三");
    expect(excel.get(T, "Q4")).toBe("核对");
    expect(sheet.tables[0]?.ref).toBe(`A4:Q${last}`);
    expect(log).toContain("table.columns.add");
    const again = await refresh(excel);
    expect(again.cellsWritten).toBe(0);
  });
});
