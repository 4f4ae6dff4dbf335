/**
 * Returns merged through Office.js on the fake Excel: the same plan as the file route, written in one batch after
 * a re-read (2 read syncs + 1 write, every request < 1 MB); a co-author's typing between preview and apply is a
 * conflict, never overwritten; a second merge writes nothing but the log; 填报记录 grows, never rewritten.
 */
import { generateWorkbook, ALL_SHEET_KEYS } from "../../src/excel";
import { mergeReturnsInExcel, planReturnsInExcel } from "../../src/excel/returns";
import { getEdition } from "../../src/policy";
import { cellAddress } from "../../src/workbook/a1";
import { makeIdentity, unitDuties, type ReturnedFile } from "../../src/returns";
import { FakeExcel } from "../workbook/support/fakeExcel";

const edition = getEdition("yueqing-2025")!;
const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
const [a, b] = keji.leads.filter((t) => t.kind === "count");
const NOW = new Date("2025-08-05T01:00:00Z");

const file: ReturnedFile = {
  name: "2025-07_市科技局.xlsx",
  digest: "ab".repeat(32),
  identity: makeIdentity(
    "市科技局",
    { year: 2025, month: 7 },
    edition.document.id,
    keji.leads.map((t) => t.id),
  ),
  rows: [
    { id: a!.id, figure: "１２家", texts: { 情况说明: "按计划推进" } },
    { id: b!.id, figure: 7 },
  ],
};

/** The address of a target's cell under a header on a sheet of the fake, by 编号. */
function cellOf(excel: FakeExcel, sheet: string, id: string, header: string): string {
  const grid = excel.grid(sheet);
  const h = grid.findIndex((row) => row.includes("编号"));
  const col = (grid[h] ?? []).indexOf(header);
  const row = grid.findIndex((r, i) => i > h && r[(grid[h] ?? []).indexOf("编号")] === id);
  if (col < 0 || row < 0) throw new Error(`no ${header} for ${id}`);
  return cellAddress(row + 1, col + 1);
}

describe("returns merged through Office.js", () => {
  it("writes the plan's cells after a re-read, in ≤ 3 syncs and requests < 1 MB, and logs every cell", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    const preview = await planReturnsInExcel(excel.context, edition, [file], { time: "t1" });
    expect(preview.plan.writes.map((w) => [w.id, w.field, w.value])).toEqual([
      [a!.id, "累计值", 12],
      [a!.id, "情况说明", "按计划推进"],
      [b!.id, "累计值", 7],
    ]);
    // A co-author types b's July figure after the preview: the merge sees it and does not overwrite it.
    excel.set("月度填报", cellOf(excel, "月度填报", b!.id, "7月"), 9);
    const syncsBefore = excel.syncs;
    const bytesBefore = excel.syncBytes.length;
    const merged = await mergeReturnsInExcel(excel.context, edition, [file], { time: "t2" });
    expect(excel.syncs - syncsBefore).toBeLessThanOrEqual(3);
    for (const bytes of excel.syncBytes.slice(bytesBefore)) expect(bytes).toBeLessThan(1024 * 1024);
    expect(excel.get("月度填报", cellOf(excel, "月度填报", a!.id, "7月"))).toBe(12);
    expect(excel.get("月度填报", cellOf(excel, "月度填报", b!.id, "7月"))).toBe(9);
    expect(excel.get("月度填报", cellOf(excel, "月度填报", a!.id, "情况说明"))).toBe("按计划推进");
    expect(merged.plan.cells.map((c) => c.outcome)).toEqual(["写入", "写入", "冲突"]);
    const log = excel.grid("填报记录");
    expect(log[0]?.slice(0, 3)).toEqual(["时间", "单位", "文件"]);
    expect(log.length).toBe(4);

    const again = await mergeReturnsInExcel(excel.context, edition, [file], { time: "t3" });
    expect(again.plan.writes).toEqual([]);
    expect(again.cellsWritten).toBe(0);
    expect(excel.grid("填报记录").length).toBe(7); // appended below, the earlier rows as they were
    expect(excel.grid("填报记录").slice(0, 4)).toEqual(log);
  });
});
