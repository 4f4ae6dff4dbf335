/**
 * What tests compare fake workbooks by, and the year of figures they type into one (shared by the Office.js
 * writer's request tests and the real-office.js tests).
 */
import type { EditionData } from "../../../src/policy/types";
import { cellAddress } from "../../../src/workbook/a1";
import type { FakeExcel } from "./fakeExcel";

/**
 * Everything the fake workbook holds, in a form two workbooks can be compared by (not the sheets' logs of the
 * operations: a sheet's cells written in bands log one write per band).
 */
export function contents(excel: FakeExcel) {
  return {
    sheets: excel.sheets.map(({ log: _log, ...s }) => ({
      ...s,
      cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
    })),
    names: [...excel.names.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** Types a figure into every month of every target and area (1–12月 on 月度填报 and 月度支出). */
export function fillYear(excel: FakeExcel, data: EditionData): void {
  for (const [sheet, rows, value] of [
    ["月度填报", data.targets.length, (m: number) => m + 1],
    ["月度支出", data.areas.length, (m: number) => (m + 1) * 1000],
  ] as const) {
    const header = excel.grid(sheet)[3] ?? [];
    const months = Array.from({ length: 12 }, (_, m) => header.indexOf(`${m + 1}月`));
    if (!months.every((c) => c >= 0)) throw new Error(`${sheet} has no 1月…12月 header on row 4`);
    for (let r = 5; r < 5 + rows; r++) months.forEach((c, m) => excel.set(sheet, cellAddress(r, c + 1), value(m)));
  }
}
