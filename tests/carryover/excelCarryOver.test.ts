/**
 * The year's turn through Office.js on the fake Excel: last year's .xlsx read the way the pane reads a chosen file
 * (readPreviousYear, the package limits of every workbook), the plan previewed without writing, then the carried
 * 上年值 and each row's 核对 note written as one patch after a re-read (2 read syncs + 1 write, every request
 * < 1 MB) — a 上年值 a co-author typed since the preview is kept and shown as a difference. A refresh afterwards
 * writes nothing, the notes included.
 */
import { ALL_SHEET_KEYS, generateWorkbook, previewWorkbook } from "../../src/excel";
import { carryOverInExcel, NoTargetsSheetError, planCarryOverInExcel } from "../../src/excel/carryOver";
import { cellAddress } from "../../src/workbook/a1";
import { readPreviousYear } from "../../src/xlsx/previousYear";
import { FakeExcel } from "../workbook/support/fakeExcel";
import { COUNTED, edition2026, figure2025, NEW_ID, NOW, RENAMED, workbook2025 } from "./support/years";

const y2026 = edition2026();
const FILE = "2025台账.xlsx";
const TRACE = `上年值取自 ${FILE} 月度填报 12月`;

/** The address of a target's cell under a header of 目标任务, by 编号. */
function cellOf(excel: FakeExcel, id: string, header: string): string {
  const grid = excel.grid("目标任务");
  const h = grid.findIndex((row) => row.includes("编号"));
  const col = (grid[h] ?? []).indexOf(header);
  const row = grid.findIndex((r, i) => i > h && r[(grid[h] ?? []).indexOf("编号")] === id);
  if (col < 0 || row < 0) throw new Error(`no ${header} for ${id}`);
  return cellAddress(row + 1, col + 1);
}

describe("the carry-over through Office.js", () => {
  it("previews, then writes the 上年值 and their 核对 notes in one patch; a refresh keeps the notes", async () => {
    const previous = await readPreviousYear(await workbook2025(), FILE);
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { edition: y2026, now: NOW, sheets: ALL_SHEET_KEYS });
    const before = excel.syncs;
    const preview = await planCarryOverInExcel(excel.context, y2026, previous);
    expect(excel.syncs - before).toBeLessThanOrEqual(2);
    expect(preview.plan.entries.filter((e) => e.status === "carried")).toHaveLength(y2026.targets.length - 3);
    expect(preview.plan.withoutPredecessor).toEqual([NEW_ID]);

    // A co-author types a 上年值 after the preview: the carry-over sees it, keeps it and notes the difference.
    const typed = "art02-tech-projects";
    excel.set("目标任务", cellOf(excel, typed, "上年值"), 999);
    const syncs = excel.syncs;
    const requests = excel.syncBytes.length;
    const done = await carryOverInExcel(excel.context, y2026, previous, { time: NOW.toISOString() });
    expect(excel.syncs - syncs).toBeLessThanOrEqual(3);
    for (const bytes of excel.syncBytes.slice(requests)) expect(bytes).toBeLessThan(1024 * 1024);
    expect(done.written).toBe(y2026.targets.length - 4);

    const hitech = "art01-hitech-firms";
    expect(excel.get("目标任务", cellOf(excel, hitech, "上年值"))).toBe(figure2025(hitech));
    expect(excel.get("目标任务", cellOf(excel, hitech, "核对"))).toBe(TRACE);
    expect(excel.get("目标任务", cellOf(excel, typed, "上年值"))).toBe(999);
    expect(excel.get("目标任务", cellOf(excel, typed, "核对"))).toBe(
      `上年值与上年数不同,保留所填:上年 ${FILE} 月度填报 12月 为 ${figure2025(typed)}项`,
    );
    // A percentage as Excel holds it (0.0362 for 3.62%); 亿元 converted into the 万元 this year counts in.
    const share = y2026.targets.find((t) => t.unit === "%" && t.id !== COUNTED)!;
    expect(excel.get("目标任务", cellOf(excel, share.id, "上年值"))).toBeCloseTo(figure2025(share.id) / 100, 12);
    expect(excel.get("目标任务", cellOf(excel, RENAMED.to, "上年值"))).toBe(figure2025(RENAMED.from) * 10000);
    expect(excel.get("目标任务", cellOf(excel, COUNTED, "上年值"))).toBeNull();
    expect(excel.get("目标任务", cellOf(excel, COUNTED, "核对"))).toMatch(/^上年值未结转/);
    expect(excel.get("目标任务", cellOf(excel, NEW_ID, "核对"))).toBeNull();

    // The refresh afterwards: nothing to write, the notes neither erased nor flagged.
    const refresh = await previewWorkbook(excel.context, { edition: y2026, now: NOW, sheets: ALL_SHEET_KEYS });
    expect(refresh.cellsWritten).toBe(0);
    expect(refresh.rowsFlagged).toEqual([]);
    const grid = excel.grid("目标任务");
    await generateWorkbook(excel.context, { edition: y2026, now: NOW, sheets: ALL_SHEET_KEYS });
    expect(excel.grid("目标任务")).toEqual(grid);

    // Carried again: nothing left to write.
    const again = await carryOverInExcel(excel.context, y2026, previous);
    expect([again.written, again.notes, again.writeRequests]).toEqual([0, 0, []]);
  }, 120_000);

  it("refuses a workbook without our 目标任务, writing nothing", async () => {
    const previous = await readPreviousYear(await workbook2025(), FILE);
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    await expect(carryOverInExcel(excel.context, y2026, previous)).rejects.toBeInstanceOf(NoTargetsSheetError);
    expect(excel.cellsWritten).toBe(0);
  }, 60_000);
});
