import type { PreviousYear } from "../carryover";
import { finalFiguresOf } from "../sheets/carryOver";
import { readFigures } from "../sheets/reportFigures";
import { readEditionPart } from "./editionPart";
import { PackageLimitError } from "./packageLimits";
import { openPackage } from "./parts";
import { readFileSnapshot } from "./snapshot";

/** A file beyond the limits of any package we open (the pane words it from its Chinese and English). */
export { PackageLimitError };

/** Last year's workbook cannot be carried from: no edition stored in it, or none of our figures. */
export class PreviousWorkbookError extends Error {
  readonly code = "PreviousWorkbook";
  constructor(
    /** Why: no usable edition stored in it, or neither 目标任务 nor 月度填报. */
    readonly reason: "noEdition" | "noFigures",
    readonly chinese: string,
    readonly english: string,
  ) {
    super(`${chinese} / ${english}`);
    this.name = "PreviousWorkbookError";
  }
}

/**
 * Last year's workbook as the carry-over takes it: the edition it stores and each target's 12月 figure. The file
 * comes from someone else, so it is opened where every package is (openPackage: limits on hostile packages); the
 * CLI reads it from disk, the pane from the file staff chose.
 *
 * @example
 * (await readPreviousYear(bytes, "2025台账.xlsx")).finals.get("art01-hitech-firms")
 * // { value: 82, sheet: "月度填报", period: "12月" }
 */
export async function readPreviousYear(bytes: Uint8Array, file: string): Promise<PreviousYear> {
  const last = await openPackage(bytes);
  const stored = await readEditionPart(last).catch(() => ({ found: false }) as const);
  if (!stored.found || stored.edition === undefined) {
    throw new PreviousWorkbookError(
      "noEdition",
      "上年工作簿中没有可用的内嵌政策版本(不是本工具生成的工作簿,或版本已损坏),无法结转",
      "last year's workbook stores no usable edition (not one of ours, or the part is damaged): nothing to carry over",
    );
  }
  const before = await readFileSnapshot(last);
  const read = readFigures(stored.edition, [...(before.snapshot.sheets?.values() ?? [])]);
  if (read.sheets.length === 0) {
    throw new PreviousWorkbookError(
      "noFigures",
      "上年工作簿中没有目标任务或月度填报工作表,无法结转",
      "last year's workbook holds neither 目标任务 nor 月度填报: nothing to carry over",
    );
  }
  return { file, edition: stored.edition, finals: finalFiguresOf(read) };
}
