import type JSZip from "jszip";
import type { SheetCreate, WorkbookPatch } from "../workbook/patch";
import type { ApplyStats } from "./applyPatch";
import { SheetParts } from "./sheetParts";

/**
 * Adds the patch's new sheets to a package without rewriting it: each sheet's parts are written by the one sheet
 * writer (`SheetParts`), its cell formats added to the workbook's styles. The new sheets go after the last sheet,
 * so no sheet-scoped name of the user's changes its sheet index.
 */
export async function createSheets(zip: JSZip, patch: WorkbookPatch, stats: ApplyStats): Promise<void> {
  const created = patch.sheets.filter((s): s is SheetCreate => s.kind === "create");
  if (created.length === 0) return;
  const parts = await SheetParts.open(zip, stats);
  for (const c of created) parts.add(c.spec);
  parts.save();
}
