import type JSZip from "jszip";
import type { WorkbookPatch } from "../spec/patch";
import type { ApplyStats } from "./applyPatch";

/** Adds the patch's new sheets to the package (transplanted from a scratch package the ExcelJS writer makes). */
export async function createSheets(zip: JSZip, patch: WorkbookPatch, stats: ApplyStats): Promise<void> {
  const created = patch.sheets.filter((s) => s.kind === "create");
  if (created.length === 0) return;
  void zip;
  void stats;
  throw new Error(`creating sheets in a file is not supported yet: ${created.map((s) => s.name).join(", ")}`);
}
