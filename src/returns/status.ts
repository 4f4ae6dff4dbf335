import type { EditionData, Target } from "../policy/types";
import { unitDuties } from "./leads";
import { isBlank } from "./sameValue";
import type { ReturnMonth, WorkbookCells } from "./types";

/** Where a unit stands for a month: every target it leads has its figure, some have, none have. */
export type ReturnState = "已报" | "未报全" | "未报";

export interface UnitReturnStatus {
  readonly unit: string;
  readonly state: ReturnState;
  readonly leads: readonly Target[];
  /** The targets it leads whose month cell is still blank. */
  readonly missing: readonly Target[];
}

/**
 * Who has answered for a month, read from the workbook itself (so figures typed by a co-author count as much as
 * merged ones): per unit that leads targets, 已报 when each has its month figure, 未报全 when some have, 未报 when
 * none have. Units that lead nothing are not listed.
 */
export function returnStatus(edition: EditionData, workbook: WorkbookCells, month: number): UnitReturnStatus[] {
  return unitDuties(edition)
    .filter((d) => d.leads.length > 0)
    .map((d) => {
      const missing = d.leads.filter((t) => isBlank(workbook.months.get(t.id)?.[month - 1]));
      const state: ReturnState = missing.length === 0 ? "已报" : missing.length === d.leads.length ? "未报" : "未报全";
      return { unit: d.unit, state, leads: d.leads, missing };
    });
}

/** Options of the reminder: the deadline and the office to send returns to, as the bureau writes them. */
export interface ReminderOptions {
  /** e.g. 8月5日; omitted, the text asks for the return 尽快. */
  readonly deadline?: string;
  /** e.g. 市财政局绩效科; omitted, 市财政局. */
  readonly sendTo?: string;
  /** How many targets to name per unit before 等N项. */
  readonly listed?: number;
}

/**
 * The reminder (催报通知) for the units that have not answered, ready to paste into 浙政钉 or OA: one paragraph
 * asking for the month's return, then one line per unit with the targets still missing. Empty when all answered.
 *
 * @example
 * reminderText(edition, statuses, { year: 2025, month: 7 }, { deadline: "8月5日" })
 * // "【催报】请以下单位于8月5日前报送2025年1—7月政策目标完成情况…\n1. 市科技局(未报,3项):全市研发投入强度、…"
 */
export function reminderText(
  edition: EditionData,
  statuses: readonly UnitReturnStatus[],
  month: ReturnMonth,
  options: ReminderOptions = {},
): string {
  const open = statuses.filter((s) => s.state !== "已报");
  if (open.length === 0) return "";
  const listed = options.listed ?? 5;
  const when = options.deadline ? `于${options.deadline}前` : "尽快";
  const range = month.month === 1 ? "1月" : `1—${month.month}月`;
  const lines = open.map((s, i) => {
    const names = s.missing.slice(0, listed).map((t) => t.indicator);
    const more = s.missing.length > listed ? `等${s.missing.length}项` : "";
    return `${i + 1}. ${s.unit}(${s.state},${s.missing.length}项):${names.join("、")}${more}`;
  });
  return [
    `【催报】请以下单位${when}报送${month.year}年${range}《${edition.document.title}》目标完成情况` +
      `(在分发的填报表中填写${month.month}月累计数及情况说明,原表报送${options.sendTo ?? "市财政局"}):`,
    ...lines,
  ].join("\n");
}
