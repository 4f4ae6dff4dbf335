import type { CivilDate } from "../../engine";
import { isBlank, type WorkbookCells } from "../../returns";

/**
 * The month the card offers first: the month of 目标任务's 报告日期 (the month staff are reporting on), within the
 * edition's year; without a date, the latest month any target holds a figure for; else 1月.
 *
 * @example
 * defaultReturnMonth({ year: 2025, month: 7, day: 31 }, cells, 2025) // 7
 */
export function defaultReturnMonth(reportDate: CivilDate | undefined, cells: WorkbookCells, year: number): number {
  if (reportDate) return reportDate.year < year ? 1 : reportDate.year > year ? 12 : reportDate.month;
  let latest = 1;
  for (const months of cells.months.values())
    months.forEach((v, i) => {
      if (!isBlank(v)) latest = Math.max(latest, i + 1);
    });
  return latest;
}
