// The year's turn on the file route (`template --out 2026.xlsx --edition … --previous 2025.xlsx`) for a generated
// 2,000-target edition: reading last year's filled workbook (its edition and 12月 figures), planning each target's
// 上年值 and patching them into the new workbook, then the refresh that brings the cached results along — against
// ExcelJS merely loading the two files, measured in the same run.
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { fromEditionFile } from "../src/policy/editionFile";
import type { EditionData } from "../src/policy/types";
import { refreshWorkbook, writeTemplate } from "../src/xlsx";
import { carryOverFile } from "../src/xlsx/carryOver";
import { writeWorkbookEdition } from "../src/xlsx/editionPart";
import { syntheticEdition } from "../tests/support/syntheticEdition";
import { medianMsAsync } from "./measure";
import { filledYear } from "./monthlyFile";

const NOW = new Date("2026-01-05T02:00:00Z");
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** The next edition: the same generated targets (ids kept, as `import --previous` keeps them), the year moved on. */
function successor(data: EditionData): EditionData {
  const next = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5, year: 2026 }));
  return { ...next, targets: next.targets.map((t, i) => ({ ...t, id: data.targets[i]?.id ?? t.id })) };
}

export async function run(): Promise<void> {
  const y2025 = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5, year: 2025 }));
  const y2026 = successor(y2025);
  const { file } = await filledYear(y2025);
  const previous = new Uint8Array(await writeWorkbookEdition(file, y2025));
  const fresh = (await writeTemplate(y2026, { now: NOW, reportDate: "2026-01-31" })).buffer;
  const next = new Uint8Array(await writeWorkbookEdition(fresh, y2026));

  const once = await carryOverFile(next, y2026, { bytes: previous, file: "2025.xlsx" });
  const carry = await medianMsAsync(3, () => carryOverFile(next, y2026, { bytes: previous, file: "2025.xlsx" }));
  // The refresh after it is timed once (tens of seconds for 2,000 targets; the carry-over itself is warm by now).
  const start = performance.now();
  const carried = await carryOverFile(next, y2026, { bytes: previous, file: "2025.xlsx" });
  await refreshWorkbook(carried.buffer, y2026, { now: NOW });
  const whole = performance.now() - start;
  const load = await medianMsAsync(3, async () => {
    for (const bytes of [previous, next]) await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });
  console.log(
    `carry-over of a ${y2026.targets.length.toLocaleString("en-US")}-target year (file route; last year ${kib(previous.length)}, ` +
      `new workbook ${kib(next.length)}): ${ms(carry)} to read, plan and write ${once.written.toLocaleString("en-US")} 上年值, ` +
      `${ms(whole)} with the refresh of cached results  (${(carry / load).toFixed(2)}× and ${(whole / load).toFixed(2)}× ` +
      `ExcelJS loading both files: ${ms(load)})`,
  );
}
