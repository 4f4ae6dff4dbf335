// Template bench: the Excel writer's syncs and request payload (counted through the office-addin-mock based fake),
// the time to build the spec and to write the .xlsx, and the ratio to ExcelJS writing the same cells unstyled.
import { defaultEditionId, getEdition } from "../src/policy";
import { generateWorkbook } from "../src/excel";
import { planWorkbook } from "../src/sheets";
import { plainWorkbook } from "./exceljsBaseline";
import { writeTemplate } from "../src/xlsx";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";

const NOW = new Date("2025-07-01T02:00:00Z");

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function run(): Promise<void> {
  const data = getEdition(defaultEditionId);
  if (!data) throw new Error("no default edition");

  const excel = new FakeExcel();
  const first = await generateWorkbook(excel.context, { now: NOW });
  const firstBytes = excel.payloadBytes;
  const refresh = await generateWorkbook(excel.context, { now: NOW });
  const refreshBytes = excel.payloadBytes - firstBytes;
  const largest = Math.max(...excel.syncBytes);
  console.log(
    `Excel writer: generate ${first.syncs} syncs, ${(firstBytes / 1024).toFixed(1)} KiB sent; ` +
      `refresh ${refresh.syncs} syncs, ${(refreshBytes / 1024).toFixed(1)} KiB; largest batch ${(largest / 1024).toFixed(1)} KiB ` +
      `(${((largest / 1_048_576) * 100).toFixed(1)}% of the 1 MB budget; writer's own estimate ${(first.payloadBytes / 1024).toFixed(1)} KiB)`,
  );

  const snapshot = { sheetNames: [], definedNames: [] };
  const specMs = await median(9, () => planWorkbook(data, snapshot, { now: NOW }));
  const plan = planWorkbook(data, snapshot, { now: NOW });
  const cells = plan.spec.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter(Boolean).length, 0), 0);
  const writeMs = await median(5, () => writeTemplate(data, { now: NOW }));
  // Baseline: ExcelJS writing the same values and formulas with no styles, tables, validation, charts or names.
  const plainMs = await median(5, async () => {
    const wb = plainWorkbook(plan.spec.sheets);
    await wb.xlsx.writeBuffer();
  });
  const { buffer } = await writeTemplate(data, { now: NOW });
  console.log(`spec build: ${specMs.toFixed(1)} ms for ${plan.spec.sheets.length} sheets, ${cells} cells`);
  console.log(
    `.xlsx write: ${writeMs.toFixed(0)} ms (${(buffer.length / 1024).toFixed(0)} KiB); ExcelJS same cells unstyled: ` +
      `${plainMs.toFixed(0)} ms; ratio ${(writeMs / plainMs).toFixed(2)}×`,
  );
}
