/**
 * 实际值 and 支出数 follow the monthly sheets' report month, and a refresh never loses what was typed into them:
 * a typed figure moves into the month of its 报告日期 when that month is blank, is taken over by the formula when
 * it equals the month's figure, and otherwise stays where it was typed, flagged 手工覆盖. History is kept: the
 * patch never writes a month cell that holds anything.
 */
import { defaultEditionId, getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import { planPatch, type RawCell, type SheetPatch, type WorkbookPatch } from "../../src/sheets";
import { readBackCreated, sheetsOf } from "./support/readBack";

const NOW = new Date("2025-07-01T02:00:00Z");
const data = getEdition(defaultEditionId) as EditionData;

const header = (grid: RawCell[][], text: string) => (grid[3] ?? []).findIndex((c) => c.value === text);
const rowOf = (grid: RawCell[][], key: string) => grid.findIndex((r, i) => i > 3 && r[0]?.value === key);

function apply(grids: Map<string, RawCell[][]>, patch: WorkbookPatch): void {
  for (const sheet of patch.sheets) {
    if (sheet.kind !== "patch") continue;
    const grid = grids.get(sheet.name) as RawCell[][];
    for (const c of sheet.changes) {
      const row = (grid[c.row - 1] ??= []);
      row[c.column - 1] =
        c.cell.formula !== undefined
          ? { value: c.cell.result ?? null, formula: `=${c.cell.formula}` }
          : { value: c.cell.value ?? null };
    }
    for (const r of sheet.results) {
      const row = grid[r.row - 1];
      const cell = row?.[r.column - 1];
      if (row && cell) row[r.column - 1] = { ...cell, value: r.result };
    }
  }
}

describe("实际值 follows 月度填报 through a refresh", () => {
  const fresh = planPatch(data, { sheetNames: [], definedNames: [] }, { now: NOW, reportDate: "2025-06-30" });
  const { snapshot, grids } = readBackCreated(fresh);
  const targets = grids.get("目标任务") as RawCell[][];
  const monthly = grids.get("月度填报") as RawCell[][];
  const actual = header(targets, "实际值");
  const june = header(monthly, "6月");
  const may = header(monthly, "5月");
  const put = (id: string, sheet: RawCell[][], col: number, value: unknown) => {
    (sheet[rowOf(sheet, id)] as RawCell[])[col] = { value };
  };
  // A: 6月 is 60, 实际值 typed 58 (a correction typed in the wrong place); B: 6月 blank, 实际值 typed 1.5;
  // C: 6月 is 0.75 and 实际值 typed 0.75 (typed twice); D: only 5月 filled (history), nothing typed in 实际值.
  put("art01-hitech-firms", monthly, june, 60);
  put("art01-hitech-firms", targets, actual, 58);
  put("area7-income-ratio", targets, actual, 1.5);
  put("art02-enterprise-led-share", monthly, june, 0.75);
  put("art02-enterprise-led-share", targets, actual, 0.75);
  put("art09-specialized-sme", monthly, may, 30);
  const sheets = () => sheetsOf(grids);
  const patch = planPatch(data, { ...snapshot, sheets: sheets() }, { now: NOW });
  const sheetPatch = (key: string) => patch.sheets.find((s) => s.key === key) as SheetPatch;

  it("keeps a typed 实际值 that is not the month's figure, flagged 手工覆盖 (nothing lost)", () => {
    expect(patch.summary.overridesKept.map((o) => [o.rowKey, o.column, o.value])).toEqual([
      ["art01-hitech-firms", "实际值", 58],
    ]);
    const check = sheetPatch("目标任务").changes.find(
      (c) => c.rowKey === "art01-hitech-firms" && c.columnKey === "核对",
    );
    expect(check?.cell.value).toBe("手工覆盖:实际值");
  });

  it("moves a typed 实际值 into the blank month of its 报告日期, and 实际值 shows it by formula", () => {
    const moves = sheetPatch("月度填报").changes.filter((c) => c.reason === "move");
    expect(moves.map((c) => [c.rowKey, c.columnKey, c.cell.value])).toEqual([["area7-income-ratio", "6月", 1.5]]);
    expect(patch.summary.valuesMoved).toBe(1);
    const upgraded = sheetPatch("目标任务").changes.filter((c) => c.columnKey === "实际值");
    expect(upgraded.map((c) => [c.rowKey, c.reason, c.cell.result])).toEqual([
      ["art02-enterprise-led-share", "upgrade", 0.75],
      ["area7-income-ratio", "upgrade", 1.5],
    ]);
    for (const c of upgraded) expect(c.cell.formula).toMatch(/^IF\(ISNA\(MATCH\(\$A\d+,'月度填报'!\$A:\$A,0\)\)/);
  });

  it("never writes a month cell that holds a figure: history stays", () => {
    const months = sheetPatch("月度填报").changes.filter((c) => /^\d+月$/.test(c.columnKey ?? ""));
    expect(months.every((c) => c.reason === "move" && c.before === undefined)).toBe(true);
  });

  it("a second refresh writes nothing", () => {
    apply(grids, patch);
    const again = planPatch(data, { ...snapshot, sheets: sheets() }, { now: NOW });
    expect(again.summary.cellsWritten).toBe(0);
    expect(again.summary.overridesKept.map((o) => o.rowKey)).toEqual(["art01-hitech-firms"]);
  });
});
