import { generateWorkbook, readWorkbookStatus, SHEET_KEYS } from "../../src/excel";
import { cellAddress } from "../../src/workbook/a1";
import { FIRST_DATA_ROW, ORPHAN_TARGET } from "../../src/sheets/layout";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf, rowOf } from "./support/grid";

const NOW = new Date("2025-07-01T02:00:00Z");
const at = (row0: number, col0: number) => cellAddress(row0 + 1, col0 + 1);

describe("Excel writer (Office.js, through office-addin-mock)", () => {
  it("generates every sheet in at most 3 syncs, under 1 MB, with our markers hidden", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
    expect(summary.sheetsWritten).toEqual([...SHEET_KEYS]);
    expect(summary.skipped).toEqual([]);
    expect(excel.syncs).toBe(summary.syncs);
    expect(summary.syncs).toBeLessThanOrEqual(3);
    expect(excel.payloadBytes).toBeLessThan(1_000_000);
    expect(summary.payloadBytes).toBeGreaterThan(excel.payloadBytes * 0.5);
    expect(summary.payloadBytes).toBeLessThan(1_000_000);
    expect([...excel.names.keys()].sort()).toEqual([
      "_ZCMB.budget",
      "_ZCMB.duties",
      "_ZCMB.execution",
      "_ZCMB.intro",
      "_ZCMB.summary",
      "_ZCMB.targets",
      "_ZCREF.budget",
      "_ZCREF.duties",
      "_ZCREF.execution",
      "_ZCREF.intro",
      "_ZCREF.summary",
      "_ZCREF.targets",
    ]);
    expect([...excel.names.values()].every((n) => !n.visible)).toBe(true);
    const targets = excel.grid("目标任务");
    for (const h of [
      "编号",
      "领域",
      "条款",
      "指标",
      "目标值",
      "单位",
      "比较",
      "实际值",
      "完成率",
      "差距",
      "状态",
      "责任单位",
      "备注",
      "上年值",
    ]) {
      expect(columnOf(targets, h)).toBeGreaterThanOrEqual(0);
    }
    const r = rowOf(targets, "编号", "area1-rd-intensity");
    expect(targets[r]?.[columnOf(targets, "目标值")]).toBe(0.0312);
    expect(String(targets[r]?.[columnOf(targets, "状态")])).toMatch(/^=IF\(/);
    expect(excel.get("目标任务", "B2")).toBe(45838);
    expect(excel.sheet("目标任务")?.tables.map((t) => t.name)).toEqual(["ZC_Targets"]);
    expect(excel.sheet("汇总")?.charts.map((c) => c.type)).toEqual(["BarStacked", "BarClustered"]);
    const exec = excel.grid("预算执行");
    expect(exec[3]).toEqual(
      expect.arrayContaining(["预算数(万元)", "支出数(万元)", "执行率", "序时进度", "进度差(百分点)"]),
    );
  });

  it("refreshes a sorted, filled workbook in 2 syncs with nothing to write: every input stays where it is", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW });
    let t = excel.grid("目标任务");
    const actual = columnOf(t, "实际值");
    const note = columnOf(t, "备注");
    const prev = columnOf(t, "上年值");
    const rHitech = rowOf(t, "编号", "art01-hitech-firms");
    const rIncome = rowOf(t, "编号", "area7-income-ratio");
    excel.set("目标任务", at(rHitech, actual), 60);
    excel.set("目标任务", at(rHitech, note), "含预认定 5 家");
    excel.set("目标任务", at(rIncome, actual), 1.71);
    excel.set("目标任务", at(rIncome, prev), 1.74);
    excel.set("目标任务", "B2", 45900);
    // A column of the user's own at the right of the table, carried like an input.
    const own = t[3]?.length ?? 16;
    excel.set("目标任务", at(3, own), "联系人");
    excel.set("目标任务", at(rHitech, own), "张三");
    // The user sorts the table: rows come back in reverse order.
    const last = t.length;
    const order = Array.from({ length: last - FIRST_DATA_ROW + 1 }, (_, i) => last - i);
    excel.reorderRows("目标任务", FIRST_DATA_ROW, order);
    t = excel.grid("目标任务");
    expect(rowOf(t, "编号", "art01-hitech-firms")).not.toBe(rHitech);

    let e = excel.grid("预算执行");
    const spent = columnOf(e, "支出数");
    const rSix = rowOf(e, "领域", "六、全力扩大有效投资");
    excel.set("预算执行", at(rSix, spent), 168000);
    excel.reorderRows("预算执行", FIRST_DATA_ROW, [12, 11, 10, 9, 8, 7, 6, 5]);

    const before = excel.syncs;
    const written = excel.cellsWritten;
    for (const sheet of excel.sheets) sheet.log.length = 0;
    const summary = await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-01-31" });
    expect(excel.syncs - before).toBe(2);
    expect(summary.syncs).toBe(2);
    expect(excel.cellsWritten - written).toBe(0);
    expect(summary.cellsWritten).toBe(0);
    expect(summary.valuesKept).toBe(8);
    expect(summary.orphanRows).toBe(0);

    t = excel.grid("目标任务");
    const r1 = rowOf(t, "编号", "art01-hitech-firms");
    expect(t[r1]?.[columnOf(t, "实际值")]).toBe(60);
    expect(t[r1]?.[columnOf(t, "备注")]).toBe("含预认定 5 家");
    const r2 = rowOf(t, "编号", "area7-income-ratio");
    expect(t[r2]?.[columnOf(t, "实际值")]).toBe(1.71);
    expect(t[r2]?.[columnOf(t, "上年值")]).toBe(1.74);
    expect(excel.get("目标任务", "B2")).toBe(45900); // the user's date wins over the option
    expect(t[r1]?.[columnOf(t, "联系人")]).toBe("张三");
    e = excel.grid("预算执行");
    expect(e[rowOf(e, "领域", "六、全力扩大有效投资")]?.[columnOf(e, "支出数")]).toBe(168000);
    // The rows stay in the user's order; tables and charts are the same ones, never deleted or re-added.
    expect(rowOf(t, "编号", "art01-hitech-firms")).not.toBe(rHitech);
    expect(excel.sheet("目标任务")?.tables).toHaveLength(1);
    expect(excel.sheet("汇总")?.charts).toHaveLength(2);
    for (const sheet of excel.sheets) expect(sheet.log).toEqual([]);
    expect(excel.names.size).toBe(12);
  });

  it("flags a row whose 编号 the edition no longer has where it is, and converts amounts on an explicit unit switch", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW });
    let t = excel.grid("目标任务");
    const r = rowOf(t, "编号", "art02-tech-projects");
    excel.set("目标任务", at(r, columnOf(t, "编号")), "art02-retired-target");
    excel.set("目标任务", at(r, columnOf(t, "实际值")), 7);
    const e = excel.grid("预算执行");
    excel.set("预算执行", at(rowOf(e, "领域", "一、推进教育科技人才一体发展"), columnOf(e, "支出数")), 13700);

    const summary = await generateWorkbook(excel.context, { now: NOW, amountUnit: "亿元" });
    expect(summary.orphanRows).toBe(1);
    expect(summary.preview.unitSwitch).toEqual({ from: "万元", to: "亿元", converted: 1 });
    t = excel.grid("目标任务");
    const kept = rowOf(t, "编号", "art02-retired-target");
    expect(kept).toBe(r);
    expect(t[kept]?.[columnOf(t, "实际值")]).toBe(7);
    expect(t[kept]?.[columnOf(t, "核对")]).toBe(ORPHAN_TARGET);
    // The edition's own row comes back, blank, at the end of the table.
    const fresh = rowOf(t, "编号", "art02-tech-projects");
    expect(fresh).toBe(t.length - 1);
    expect(t[fresh]?.[columnOf(t, "实际值")]).toBeNull();
    expect(excel.sheet("目标任务")?.tables[0]?.ref).toBe(`A4:P${t.length}`);
    const e2 = excel.grid("预算执行");
    expect(e2[3]?.[columnOf(e2, "支出数")]).toBe("支出数(亿元)");
    expect(e2[rowOf(e2, "领域", "一、推进教育科技人才一体发展")]?.[columnOf(e2, "支出数")]).toBe(1.37);
  });

  it("never overwrites a same-named sheet it did not create, and never touches the user's other sheets", async () => {
    const excel = new FakeExcel();
    const mine = excel.addSheet("目标任务");
    excel.set("目标任务", "A1", "我自己的目标表");
    excel.set("目标任务", "C3", 42);
    excel.addSheet("我的台账");
    excel.set("我的台账", "A1", "=目标任务!C3*2");
    const summary = await generateWorkbook(excel.context, { now: NOW });
    expect(summary.skipped.map((s) => s.sheet)).toEqual(["目标任务", "汇总"]);
    expect(summary.skipped[0]?.reason).toMatch(/不是政策目标加载项生成的/);
    expect(summary.sheetsWritten).toEqual(["说明", "预算安排", "预算执行", "责任分工"]);
    expect(mine.log).toEqual([]);
    expect(excel.sheet("我的台账")?.log).toEqual([]);
    expect(excel.get("目标任务", "C3")).toBe(42);
    expect(excel.names.has("_ZCMB.targets")).toBe(false);

    const renamed = await generateWorkbook(excel.context, { now: NOW, onForeignSheet: "rename" });
    expect(renamed.sheetsWritten).toContain("目标任务(政策目标)");
    expect(renamed.sheetsWritten).toContain("汇总");
    expect(mine.log).toEqual([]);
    expect(excel.sheet("我的台账")?.log).toEqual([]);
    // 汇总 counts our renamed sheet, not the user's.
    const summaryGrid = excel.grid("汇总");
    expect(String(summaryGrid[4]?.[1])).toContain("'目标任务(政策目标)'!");
    // The next refresh finds the renamed sheet by its marker, even with the default "skip".
    const again = await generateWorkbook(excel.context, { now: NOW });
    expect(again.skipped).toEqual([]);
    expect(again.preview.sheetsCreated).toEqual([]);
    expect(again.cellsWritten).toBe(0);
    expect(mine.log).toEqual([]);
  });

  it("keeps a sheet ours when its title is replaced (its table and names remain), and keeps the user's title", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, sheets: ["预算安排"] });
    excel.set("预算安排", "A1", "我们科的预算表");
    const summary = await generateWorkbook(excel.context, { now: NOW, sheets: ["预算安排"] });
    expect(summary.skipped).toEqual([]);
    expect(summary.cellsWritten).toBe(0);
    expect(excel.get("预算安排", "A1")).toBe("我们科的预算表");
  });

  it("never takes a sheet the user re-created under our name after deleting ours", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, sheets: ["预算安排"] });
    excel.deleteSheet("预算安排");
    excel.addSheet("预算安排");
    excel.set("预算安排", "A1", "【政策目标】我自己抄的表");
    const summary = await generateWorkbook(excel.context, { now: NOW, sheets: ["预算安排"] });
    expect(summary.skipped.map((s) => s.sheet)).toEqual(["预算安排"]);
    expect(excel.sheet("预算安排")?.log).toEqual([]);
  });

  it("writes 汇总's dependencies along with it", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, { now: NOW, sheets: ["汇总"] });
    expect(summary.sheetsWritten).toEqual(["目标任务", "预算执行", "汇总"]);
  });

  it("reports status in one sync: ours, edition, stale", async () => {
    const excel = new FakeExcel();
    let status = await readWorkbookStatus(excel.context);
    expect(excel.syncs).toBe(1);
    expect(status.every((s) => !s.exists && !s.ours && !s.stale)).toBe(true);
    await generateWorkbook(excel.context, { now: NOW });
    const syncs = excel.syncs;
    status = await readWorkbookStatus(excel.context, "yueqing-2025");
    expect(excel.syncs - syncs).toBe(1);
    expect(status.every((s) => s.exists && s.ours && !s.stale && s.editionId === "yueqing-2025")).toBe(true);
    expect(status[0]?.generatedAt).toBe(NOW.toISOString());
    const marker = excel.names.get("_ZCMB.targets");
    if (marker) marker.value = marker.value.replace(/\|[0-9a-f]{8}\|/, "|00000000|");
    const marker2 = excel.names.get("_ZCMB.budget");
    if (marker2) marker2.value = marker2.value.replace("yueqing-2025", "yueqing-2024");
    status = await readWorkbookStatus(excel.context);
    expect(status.find((s) => s.key === "目标任务")).toMatchObject({ stale: true });
    expect(status.find((s) => s.key === "预算安排")?.staleReason).toMatch(/yueqing-2024/);
  });
});
