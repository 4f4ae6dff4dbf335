import { type CalcError } from "./errors";
import { monthEndProgress } from "./monthEndProgress";
import { status, type Status } from "./status";
import type { Target } from "../policy/types";

/**
 * 状态 of a target at the end of each month, from its cumulative figures (1–N月累计, in the target's own scale:
 * 3.05 for 3.05%): month m is judged with m月底's 序时进度 (m/12), a blank month is 未填报. Twelve entries,
 * 1月 first. Missing entries of `months` count as blank.
 *
 * @example
 * // 新增高新技术企业75家以上: 40 by 6月底 (40/75 ≥ 6/12), still 40 by 7月底 (40/75 < 7/12)
 * monthlyStatus(hitech, [null, null, null, null, null, 40, 40], 2025).slice(5, 8) // ["达进度", "欠进度", "未填报"]
 */
export function monthlyStatus(
  target: Target,
  months: readonly (number | null)[],
  year: number,
  previous: number | null = null,
): (Status | CalcError)[] {
  return Array.from({ length: 12 }, (_, i) =>
    status(target, months[i] ?? null, { previous, timeProgress: monthEndProgress(year, i + 1) }),
  );
}
