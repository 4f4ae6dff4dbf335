import ExcelJS from "exceljs";
// File refresh bench: cells written and bytes of parts rewritten by `template --update` (a patch of the package)
// with nothing to change and with scenario 14 (one figure corrected, one target added), next to the full rewrite
// the file route did before (ExcelJS loads and rewrites every sheet), measured in the same run.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { defaultEditionId, getEdition } from "../src/policy";
import { refreshWorkbook } from "../src/xlsx";
import { correctedEdition } from "../tests/workbook/support/editions";

const NOW = new Date("2025-07-01T02:00:00Z");
const FIXTURE = path.join(__dirname, "..", "tests", "fixtures", "workbooks", "v0.1-filled.xlsx");

/** Bytes (uncompressed) of the parts that differ between two packages, and how many parts that is. */
async function changed(a: Uint8Array, b: Uint8Array): Promise<{ parts: number; bytes: number }> {
  const za = await JSZip.loadAsync(a);
  const zb = await JSZip.loadAsync(b);
  let parts = 0;
  let bytes = 0;
  for (const f of Object.values(zb.files)) {
    if (f.dir) continue;
    const after = await f.async("nodebuffer");
    const before = await za.file(f.name)?.async("nodebuffer");
    if (before && before.equals(after)) continue;
    parts++;
    bytes += after.length;
  }
  return { parts, bytes };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export async function run(): Promise<void> {
  const data = getEdition(defaultEditionId);
  if (!data) throw new Error("no default edition");
  // The fixture upgraded once: the state a workbook is in between two refreshes.
  const base = (await refreshWorkbook(new Uint8Array(readFileSync(FIXTURE)), data, { now: NOW })).buffer;
  const edition = correctedEdition(data);

  // Baseline: ExcelJS loading and re-saving the same file (what a full rewrite of the package costs at least).
  const rewrite = await timed(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(base as unknown as ExcelJS.Buffer);
    // v0.1 wrote its tables without a <tableStyleInfo> (the part allows none), which ExcelJS cannot write back.
    for (const sheet of workbook.worksheets) {
      // getTables() is typed as pairs but gives the tables themselves.
      for (const table of sheet.getTables() as unknown as { table: { style?: object } }[]) table.table.style ??= {};
    }
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  });
  const rewriteDiff = await changed(base, rewrite.value);
  const line = (label: string, cells: number, diff: { parts: number; bytes: number }, ms: number) =>
    console.log(
      `${label}: ${cells} cells written, ${diff.parts} parts / ${(diff.bytes / 1024).toFixed(1)} KiB rewritten, ` +
        `${ms.toFixed(0)} ms; ${((diff.bytes / rewriteDiff.bytes) * 100).toFixed(1)}% of ExcelJS re-saving it`,
    );
  console.log(
    `ExcelJS load + save (baseline): ${rewriteDiff.parts} parts / ${(rewriteDiff.bytes / 1024).toFixed(1)} KiB rewritten, ${rewrite.ms.toFixed(0)} ms`,
  );

  const noop = await timed(() => refreshWorkbook(base, data, { now: NOW }));
  line("file patch, nothing to change", noop.value.stats.cellsWritten, await changed(base, noop.value.buffer), noop.ms);

  const s14 = await timed(() => refreshWorkbook(base, edition, { now: NOW }));
  line("file patch, scenario 14", s14.value.stats.cellsWritten, await changed(base, s14.value.buffer), s14.ms);
  console.log(
    `  of which sheet XML written anew (the cells written, the rows added, the sheet elements changed): ` +
      `${((s14.value.stats.sheetBytesRewritten ?? 0) / 1024).toFixed(1)} KiB; every other row keeps its bytes`,
  );
}
