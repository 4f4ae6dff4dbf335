import { showValue } from "./sameValue";
import type { MergePlan, Outcome } from "./types";

/** The columns of 填报记录, in order: one row per cell written or refused, and one per refused file. */
export const LOG_COLUMNS = ["时间", "单位", "文件", "编号", "月份", "栏目", "原值", "新值", "结果", "说明"] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];

/** One row of 填报记录. */
export type LogRecord = { readonly [K in LogColumn]: K extends "结果" ? Outcome : string };

/** How a file is named in the log: its name and the first 12 hex digits of its SHA-256. */
export function fileLabel(file: { readonly name: string; readonly digest: string }): string {
  return `${file.name} (${file.digest.slice(0, 12)})`;
}

/**
 * The 填报记录 rows of a merge plan, at `time` (as the host formats it, e.g. 2025-08-05 09:30): one per cell of
 * the plan (写入 / 相同 / 冲突 / 拒绝 / 已采纳) and one per refused file, so the log accounts for every value a
 * return held. The log is append-only: a host adds these rows below the ones already there.
 */
export function logRecords(plan: MergePlan, time: string): LogRecord[] {
  const monthOf = new Map(plan.files.map((f) => [f.digest, f.month ?? ""]));
  const refused = plan.files.flatMap((file): LogRecord[] =>
    file.refused
      ? [
          {
            ...EMPTY,
            时间: time,
            单位: file.unit ?? "",
            文件: fileLabel(file),
            月份: file.month ?? "",
            结果: "拒绝",
            说明: file.refused.zh,
          },
        ]
      : [],
  );
  const cells = plan.cells.map((cell): LogRecord => ({
    时间: time,
    单位: cell.unit,
    文件: fileLabel(cell.file),
    编号: cell.id,
    月份: monthOf.get(cell.file.digest) ?? "",
    栏目: cell.field,
    原值: showValue(cell.before),
    新值: showValue(cell.returned),
    结果: cell.outcome,
    说明: cell.notes.map((n) => n.zh).join(";"),
  }));
  return [...refused, ...cells];
}

const EMPTY = { 编号: "", 栏目: "", 原值: "", 新值: "" } as const;
