/**
 * What the 新年度 card asks of the host: last year's file read (in the browser, no Excel needed), the carry-over
 * planned against the open workbook (the preview) and written as one patch. The card receives these as a prop;
 * the real implementation is `excel/newYearActions.ts`, tests pass a fake.
 */
import type { CarryOverPlan, PreviousYear } from "../../carryover";
import type { EditionData } from "../../policy/types";
import { NotInExcelError } from "../actions";
import { readPreviousFile } from "./readPreviousFile";

export interface CarryOverApplied {
  readonly plan: CarryOverPlan;
  /** 上年值 cells written. */
  readonly written: number;
  /** 核对 cells written (a trace, a difference, a figure not carried). */
  readonly notes: number;
}

export interface NewYearActions {
  /** Last year's workbook from the file staff chose: its edition and 12月 figures. */
  readFile(file: File): Promise<PreviousYear>;
  /** What the carry-over would write into the open workbook (nothing is written). */
  preview(edition: EditionData, previous: PreviousYear): Promise<CarryOverPlan>;
  /** Reads the workbook again and writes the carried 上年值 and their 核对 notes. */
  apply(edition: EditionData, previous: PreviousYear): Promise<CarryOverApplied>;
}

/** Outside Excel the file is still read (and checked); previewing and writing explain why not. */
export function unavailableNewYearActions(): NewYearActions {
  const fail = (): Promise<never> => Promise.reject(new NotInExcelError());
  return { readFile: readPreviousFile, preview: fail, apply: fail };
}
