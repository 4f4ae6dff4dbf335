/**
 * The carry-over of a policy year as plain data: what the new edition's workbook should hold as each target's
 * 上年值, where each value comes from, and what could not be carried and why. A host reads the two workbooks, asks
 * {@link planCarryOver} for the plan, shows it, and writes the `carried` values — never over a value a user typed.
 */
import type { CalcError } from "../engine/errors";
import type { EditionData } from "../policy/types";

/** A target's final figure in last year's workbook, in that target's own scale (3.05 for 3.05%). */
export interface FinalFigure {
  readonly value: number;
  /** Where it was read, as a user finds it: the sheet (月度填报) and the period (12月). */
  readonly sheet: string;
  readonly period: string;
}

export interface PreviousYear {
  /** The file name as the user chose it (2025台账.xlsx), for the trace. */
  readonly file: string;
  readonly edition: EditionData;
  /** By the previous edition's target id. */
  readonly finals: ReadonlyMap<string, FinalFigure>;
}

/** The target of last year a new target continues: the same id, or the importer's match of wording and unit. */
export interface Predecessor {
  readonly id: string;
  readonly match: "id" | "wording";
  readonly unit: string;
}

export type CarryOverEntry =
  /** A value to write (the cell is empty). */
  | {
      readonly status: "carried";
      readonly id: string;
      readonly value: number;
      readonly from: Predecessor;
      readonly trace: string;
    }
  /** The user typed the same value already: nothing to write. */
  | {
      readonly status: "agrees";
      readonly id: string;
      readonly value: number;
      readonly from: Predecessor;
      readonly trace: string;
    }
  /** The user typed another value: it stays, and the difference is shown. */
  | {
      readonly status: "differs";
      readonly id: string;
      readonly typed: number;
      readonly carried: number;
      readonly from: Predecessor;
      readonly trace: string;
    }
  /** Last year's figure cannot mean this year's (a % into a count). */
  | { readonly status: "refused"; readonly id: string; readonly from: Predecessor; readonly reason: CalcError }
  /** The predecessor has no final figure in last year's workbook. */
  | { readonly status: "noFigure"; readonly id: string; readonly from: Predecessor }
  /** A target new this year. */
  | { readonly status: "new"; readonly id: string };

export interface CarryOverPlan {
  /** One entry per target of the new edition, in its order. */
  readonly entries: readonly CarryOverEntry[];
  /** New targets without predecessor, by id. */
  readonly withoutPredecessor: readonly string[];
  /** Last year's targets no new target continues (dropped by the new edition), by id. */
  readonly withoutSuccessor: readonly string[];
}
