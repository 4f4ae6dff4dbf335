/**
 * The return model: what a unit's return file carries (its identity and rows), what a workbook holds for the
 * cells a merge may write, and what the merge plan decides per cell. Plain data, read and written by the hosts
 * (the file writer, the Office.js writer); everything here is host-neutral.
 */
import type { Message } from "./messages";

/** A cell's value as read from a workbook or a return: a number, a text, or blank. */
export type CellValue = number | string | null;

/** The texts a unit writes beside its figure: 情况说明 and the 绩效运行监控 inputs. */
export const TEXT_FIELDS = ["情况说明", "偏差原因分析", "完成目标可能性", "纠偏措施"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What a merge writes: the month's cumulative figure (月度填报) or one of the texts. */
export type Field = "累计值" | TextField;

/** 完成目标可能性's fixed answers (绩效运行监控表): the drop-down of 绩效监控 and of a unit's return. */
export const LIKELIHOODS = ["确定能", "有可能", "完全不可能"] as const;

/** A return's month: the year of the edition and 1–12. */
export interface ReturnMonth {
  readonly year: number;
  readonly month: number;
}

/**
 * What a return file says it is: for whom, for which month, from which edition, with which rows, and a checksum
 * of those so that a file whose rows or 编号 were edited by hand is noticed.
 */
export interface ReturnIdentity {
  readonly unit: string;
  /** "2025-07". */
  readonly month: string;
  readonly editionId: string;
  /** The 编号 of the rows sent, in the order sent. */
  readonly ids: readonly string[];
  /**
   * The 编号 of the rows whose 绩效运行监控 inputs are open (behind 序时进度 when the return was made, see
   * `behindPace`); undefined for a return made before returns said so (every row's inputs open).
   */
  readonly monitored?: readonly string[];
  readonly checksum: string;
}

/** One row as found in a returned file (wherever the unit moved it). */
export interface ReturnedRow {
  /** The 编号 in the row, "" when the row has none (a row the unit inserted). */
  readonly id: string;
  readonly figure: CellValue;
  /** The figure cell was formatted as a percentage, so a number in it is a fraction (3.3% is 0.033). */
  readonly percentCell?: boolean;
  readonly texts?: Readonly<Partial<Record<TextField, string>>>;
}

/** A returned file as a host read it. */
export interface ReturnedFile {
  /** The file's name as the user has it (2025-07_市科技局.xlsx). */
  readonly name: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly digest: string;
  /** Undefined when the file carries no return identity (not a return). */
  readonly identity?: ReturnIdentity;
  readonly rows: readonly ReturnedRow[];
}

/** The cells a merge may write, as the workbook holds them now (cell scale: a percentage as a fraction). */
export interface WorkbookCells {
  /** 月度填报's month cells by 编号: index 0 is 1月. */
  readonly months: ReadonlyMap<string, readonly CellValue[]>;
  /** The texts by 编号. */
  readonly texts: ReadonlyMap<string, Readonly<Partial<Record<TextField, CellValue>>>>;
}

/** What a merge decides for one cell. */
export type Outcome = "写入" | "相同" | "冲突" | "拒绝" | "已采纳";

export interface CellPlan {
  /** The file the value comes from (name and digest). */
  readonly file: { readonly name: string; readonly digest: string };
  readonly unit: string;
  /** The 编号 ("" for a row without one). */
  readonly id: string;
  /** 1–12. */
  readonly month: number;
  readonly field: Field;
  /** The workbook's value before the merge. */
  readonly before: CellValue;
  /** The value read from the return (for a rejected cell: the text as typed). */
  readonly returned: CellValue;
  readonly outcome: Outcome;
  /** Why it was rejected or is a conflict, what was assumed, what is flagged. */
  readonly notes: readonly Message[];
  /** Flagged for staff: a fall in a cumulative figure, a row the unit does not lead that was accepted. */
  readonly flagged: boolean;
}

/** One file's verdict: merged (its cells are in the plan) or refused as a whole. */
export interface FilePlan {
  readonly name: string;
  readonly digest: string;
  readonly unit?: string;
  readonly month?: string;
  readonly refused?: Message;
}

/** A cell the merge writes, by 编号 and month: where the row sits is the writer's business. */
export interface CellWrite {
  readonly id: string;
  readonly month: number;
  readonly field: Field;
  readonly value: CellValue;
}

export interface MergePlan {
  readonly files: readonly FilePlan[];
  readonly cells: readonly CellPlan[];
  /** Exactly the cells whose outcome is 写入 or 已采纳. */
  readonly writes: readonly CellWrite[];
}
