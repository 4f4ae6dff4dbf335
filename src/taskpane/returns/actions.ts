/**
 * What the 填报 card asks of Excel: the figures a return carries (分发, 催报), the merge's preview, and the merge
 * itself. Building, reading and planning returns is host-neutral (src/returns, src/sheets, src/xlsx) and runs in
 * the pane; the card receives these as a prop, and the one real implementation is `excelActions.ts`.
 */
import type { CivilDate } from "../../engine";
import type { EditionData } from "../../policy/types";
import type { CellChoice, LogRecord, MergePlan, ReturnedFile, WorkbookCells } from "../../returns";
import { NotInExcelError } from "../actions";

export interface ReturnsSource {
  /** 月度填报's month cells and the texts, by 编号. */
  readonly cells: WorkbookCells;
  /** False when the workbook has no 月度填报 yet: the card asks for 生成 first. */
  readonly hasMonthly: boolean;
  /** 目标任务's 报告日期, when it holds a date. */
  readonly reportDate?: CivilDate;
}

export interface ReturnsApplied {
  /** The plan as written: planned again on a fresh read right before writing. */
  readonly plan: MergePlan;
  /** The 填报记录 rows appended. */
  readonly log: readonly LogRecord[];
  readonly cellsWritten: number;
}

export interface ReturnsActions {
  read(edition: EditionData): Promise<ReturnsSource>;
  /** What merging `files` would write, refuse and log; nothing is written. */
  preview(edition: EditionData, files: readonly ReturnedFile[]): Promise<MergePlan>;
  /**
   * Re-reads the workbook and writes the merge in one batch: the conflicts in `choices.take` get the unit's value,
   * every other conflict stays as the workbook has it; the rows in `choices.accept` (targets the unit does not
   * lead) are merged, every other such row stays rejected.
   */
  apply(edition: EditionData, files: readonly ReturnedFile[], choices: MergeChoices): Promise<ReturnsApplied>;
}

/** Outside Excel: nothing to read or write; the card explains why. */
export function unavailableReturnsActions(): ReturnsActions {
  const fail = (): Promise<never> => Promise.reject(new NotInExcelError());
  return { read: fail, preview: fail, apply: fail };
}

/** A row of a target the unit does not lead, which staff may accept (the CLI's --accept-not-lead). */
export interface RowChoice {
  readonly digest: string;
  readonly id: string;
}

/** What staff decided in the preview. */
export interface MergeChoices {
  readonly take: readonly CellChoice[];
  readonly accept: readonly RowChoice[];
}

/** One key per row a staff member can accept. */
export const rowKey = (r: RowChoice): string => `${r.digest}|${r.id}`;

/** One key per cell a staff member can decide on. */
export const choiceKey = (c: CellChoice): string => `${c.digest}|${c.id}|${c.month}|${c.field}`;
