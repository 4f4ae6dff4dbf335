import { fromExcelValue, monthEndProgress, status } from "../engine";
import type { Target } from "../policy/types";
import type { CellValue, ReturnMonth } from "./types";

/**
 * Whether a unit's return for `month` asks for the 绩效运行监控 inputs (偏差原因分析, 完成目标可能性, 纠偏措施) on a
 * target: decided when the return is made, from the last figure the workbook holds for it (the month's own, else
 * the latest earlier month's, 1–N月 cumulative in cell scale), judged by the engine's status at the month's end
 * 序时进度 — 欠进度 (a cumulative target behind pace) or 未完成 (an annual target not met, which no pace excuses).
 * A target with no figure yet has nothing to analyse; a met one needs no correction.
 *
 * @example
 * // 新增高新技术企业75家以上, 40 by 6月: on pace at 6月底 (40/75 ≥ 6/12), behind at 7月底 (40/75 < 7/12)
 * behindPace(hitech, [null, null, null, null, null, 40], { year: 2025, month: 6 }) // false
 * behindPace(hitech, [null, null, null, null, null, 40], { year: 2025, month: 7 }) // true
 */
export function behindPace(target: Target, months: readonly CellValue[], month: ReturnMonth): boolean {
  let last: number | undefined;
  for (let m = month.month; m >= 1 && last === undefined; m--) {
    const v = months[m - 1];
    if (typeof v === "number" && Number.isFinite(v)) last = v;
  }
  if (last === undefined) return false;
  const s = status(target, fromExcelValue(target, last), {
    timeProgress: monthEndProgress(month.year, month.month),
  });
  return s === "欠进度" || s === "未完成";
}
