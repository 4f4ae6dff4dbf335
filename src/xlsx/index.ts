/**
 * The file writer (host): .xlsx files on disk, for the CLI and for anything that writes workbooks without Excel.
 * Its entry points, kept stable for the commands that build on them:
 * - {@link writeTemplate}: a new workbook from the planned sheets, as bytes;
 * - {@link refreshWorkbook}: a refresh patch planned and applied to a workbook's bytes ({@link refreshPackage} on a
 *   package already open with `openPackage`, saved once with `savePackage`, both in `parts.ts`);
 * - `applyPatchParts` (applyPatch.ts): any `WorkbookPatch` applied to an open package and its `readFileSnapshot`.
 * Every part goes through one tokenizer and serializer (`xmlTree.ts`); a sheet part keeps the bytes of every row and
 * cell a patch does not write (`sheetPart.ts`).
 */
import type JSZip from "jszip";
import type { EditionData } from "../policy/types";
import { sheetsToRead, type Plan, type PlanOptions } from "../sheets/plan";

import { isEmptyPatch, planPatch, type WorkbookPatch } from "../sheets";
import { addBlocks } from "./addBlocks";
import { refreshChartCaches } from "./chartCaches";
import { applyPatchParts, type ApplyStats } from "./applyPatch";
import { createSheets } from "./createSheets";
import { writeEditionPart } from "./editionPart";
import { emptyPackage } from "./emptyPackage";
import { openPackage, savePackage } from "./parts";
import { SheetParts } from "./sheetParts";
import { readFileSnapshot } from "./snapshot";
import { planWorkbook } from "../sheets/patchPlan";

export { readPackage } from "./definedNames";
export { chartXml } from "./charts";

export interface FileResult {
  readonly buffer: Uint8Array;
  readonly plan: Plan;
}

/**
 * A fresh policy workbook as .xlsx bytes: the sheets planned against an empty workbook, written into an empty
 * package by the same sheet writer that adds a sheet to a user's workbook, with their markers; with
 * `carryEdition`, the edition stored in it (what the CLI writes).
 */
export async function writeTemplate(
  data: EditionData,
  options: PlanOptions = {},
  write: { readonly carryEdition?: boolean } = {},
): Promise<FileResult> {
  const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, options);
  const zip = emptyPackage(options.now ?? new Date());
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const parts = await SheetParts.open(zip, stats);
  for (const sheet of plan.spec.sheets) parts.add(sheet);
  parts.setNames(plan.spec.names);
  parts.save();
  if (write.carryEdition) await writeEditionPart(zip, data);
  return { buffer: Buffer.from(await savePackage(zip)), plan };
}

/** `--update` on a workbook that holds none of our sheets: nothing to refresh (a new workbook is `--out`). */
export class NotOurWorkbookError extends Error {
  constructor() {
    super(
      "工作簿中没有政策目标生成的工作表(没有本工具的标记),没有可刷新的内容;新建工作簿请用 --out。" +
        " / The workbook holds none of our sheets (no marker of ours): nothing to refresh; write a new one with --out.",
    );
    this.name = "NotOurWorkbookError";
  }
}

export interface RefreshResult {
  /** The refreshed package; the input itself, byte for byte, when the patch changes nothing. */
  readonly buffer: Uint8Array;
  readonly patch: WorkbookPatch;
  readonly stats: ApplyStats;
}

/**
 * Refreshes a workbook file by patching it: the planner compares what the package holds with the edition, and
 * only the product sheets' parts are changed (cells written in place, rows appended, tables grown, new sheets
 * added); users' sheets, charts, pivots, macros, names and styles pass through as they are. No `--force` needed.
 */
export async function refreshWorkbook(
  input: Uint8Array,
  data: EditionData,
  options: PlanOptions = {},
): Promise<RefreshResult> {
  const zip = await openPackage(input);
  const { patch, stats, changed } = await refreshPackage(zip, data, options);
  return { buffer: changed ? await savePackage(zip) : input, patch, stats };
}

/**
 * {@link refreshWorkbook} on a package already open: its parts are patched in place and the caller saves it
 * (once, with whatever else the command writes), unless `changed` is false — then not a part was touched.
 */
export async function refreshPackage(
  zip: JSZip,
  data: EditionData,
  options: PlanOptions = {},
): Promise<{ patch: WorkbookPatch; stats: ApplyStats; changed: boolean }> {
  const file = await readFileSnapshot(zip);
  if (sheetsToRead(file.snapshot).length === 0) throw new NotOurWorkbookError();
  const patch = planPatch(data, file.snapshot, options);
  if (isEmptyPatch(patch))
    return { patch, stats: { cellsWritten: 0, resultsCached: 0, partsChanged: [] }, changed: false };
  const stats = await applyPatchParts(zip, file, patch);
  await addBlocks(zip, file, patch, stats);
  await refreshChartCaches(zip, file, patch, stats);
  await createSheets(zip, patch, stats);
  return { patch, stats, changed: true };
}
