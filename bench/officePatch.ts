// Office.js refresh bench: cells written and request bytes of a refresh with nothing to change (goal 0) and of
// scenario 14 (one figure corrected, one target added: goal the changed cells only), next to the full rewrite the
// writer did before (every sheet cleared and rewritten), all on the same filled workbook in the same run.
import { defaultEditionId, getEdition, type EditionData } from "../src/policy";
import { ALL_SHEET_KEYS, generateWorkbook, SHEET_KEYS } from "../src/template/excel";
import { FULL_CAPABILITIES } from "../src/template/excel/capabilities";
import { cellAddress } from "../src/template/blueprint/a1";
import { WriteBatches } from "../src/template/excel/batches";
import { writeSheet } from "../src/template/excel/write";
import { planWorkbook, type ExistingSheet, type RawCell } from "../src/template/blueprint";
import { correctedEdition } from "../tests/template/support/editions";
import { FakeExcel } from "../tests/template/support/fakeExcel";

const NOW = new Date("2025-07-01T02:00:00Z");

/** A generated workbook with a few inputs typed, as the refreshes find it. */
async function filled(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
  for (let r = 5; r < 40; r++) excel.set("目标任务", `J${r}`, r);
  return excel;
}

/** The writer before issue 8: read every sheet of ours, clear it and rewrite it whole, tables re-added. */
async function fullRewrite(excel: FakeExcel, data: EditionData): Promise<{ cells: number; bytes: number }> {
  const context = excel.context;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  const leftovers = SHEET_KEYS.map((name) => ({
    name,
    tables: worksheets.getItem(name).tables.load("items/name"),
    charts: worksheets.getItem(name).charts.load("items/name"),
  }));
  await context.sync();
  const sheets = new Map<string, ExistingSheet>();
  for (const name of SHEET_KEYS) {
    const cells: RawCell[][] = excel
      .grid(name)
      .map((row) =>
        row.map((v) => (typeof v === "string" && v.startsWith("=") ? { value: null, formula: v } : { value: v })),
      );
    sheets.set(name, { name, cells });
  }
  const plan = planWorkbook(
    data,
    {
      sheetNames: worksheets.items.map((w) => w.name),
      definedNames: names.items.map((n) => ({ name: n.name, value: n.value })),
      sheets,
    },
    { now: NOW },
  );
  const cells0 = excel.cellsWritten;
  const bytes0 = excel.payloadBytes;
  // One request, as the writer sent it then.
  const batches = new WriteBatches(context, Infinity);
  for (const sheet of plan.spec.sheets) {
    const left = leftovers.find((l) => l.name === sheet.name);
    const leftover = left ? { tables: left.tables.items, charts: left.charts.items } : undefined;
    await writeSheet(worksheets, sheet, leftover, FULL_CAPABILITIES, batches);
  }
  await batches.send();
  return { cells: excel.cellsWritten - cells0, bytes: excel.payloadBytes - bytes0 };
}

async function patched(excel: FakeExcel, edition: EditionData) {
  const cells0 = excel.cellsWritten;
  const bytes0 = excel.payloadBytes;
  const summary = await generateWorkbook(excel.context, { now: NOW, edition });
  return { cells: excel.cellsWritten - cells0, bytes: excel.payloadBytes - bytes0, summary };
}

export async function run(): Promise<void> {
  const data = getEdition(defaultEditionId);
  if (!data) throw new Error("no default edition");
  const edition = correctedEdition(data);
  const rewrite = await fullRewrite(await filled(), edition);
  const line = (label: string, r: { cells: number; bytes: number }, syncs?: number) =>
    console.log(
      `${label}: ${r.cells} cells written, ${(r.bytes / 1024).toFixed(1)} KiB sent${syncs ? ` in ${syncs} syncs` : ""}; ` +
        `${((r.bytes / rewrite.bytes) * 100).toFixed(2)}% of the full rewrite's bytes`,
    );
  line("Office.js full rewrite (before), scenario 14", rewrite);
  const noop = await patched(await filled(), data);
  line("Office.js patch, nothing to change (reads only)", noop, noop.summary.syncs);
  const s14 = await patched(await filled(), edition);
  line("Office.js patch, scenario 14", s14, s14.summary.syncs);
  const p = s14.summary.preview;
  console.log(
    `  scenario 14 preview: ${p.officialUpdates.length} official cells updated, ${p.rowsAppended.length} row appended ` +
      `(${p.officialUpdates.filter((u) => u.sheet !== "目标任务").length} of the updates are 责任分工's lists of the article's targets)`,
  );
  await monthly(data);
}

/**
 * The monthly sheets in one generation, a full year filled (every target and area, 1–12月): request bytes and
 * syncs with the fill (range.copyFrom, ExcelApi 1.9) against the same generation sending every formula.
 */
async function monthly(data: EditionData): Promise<void> {
  const noFill = { ...FULL_CAPABILITIES, excelApi: (v: string) => v !== "1.9" && FULL_CAPABILITIES.excelApi(v) };
  const measure = async (capabilities: typeof FULL_CAPABILITIES) => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-12-31", sheets: ALL_SHEET_KEYS, capabilities });
    // A year filled: every month of every target and area, then the refresh that keeps it.
    const grid = excel.grid("月度填报");
    if (grid.length === 0) return { generate: excel.syncBytes.slice(), refresh: undefined };
    const months = Array.from({ length: 12 }, (_, m) => (grid[3] ?? []).indexOf(`${m + 1}月`));
    for (let r = 4; r < 4 + data.targets.length; r++)
      months.forEach((c, m) => excel.set("月度填报", cellAddress(r + 1, c + 1), m + 1));
    const s = excel.grid("月度支出");
    const spend = Array.from({ length: 12 }, (_, m) => (s[3] ?? []).indexOf(`${m + 1}月`));
    for (let r = 4; r < 4 + data.areas.length; r++)
      spend.forEach((c, m) => excel.set("月度支出", cellAddress(r + 1, c + 1), (m + 1) * 1000));
    const first = excel.syncBytes.slice();
    const again = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS, capabilities });
    return { generate: first, refresh: again };
  };
  const fill = await measure(FULL_CAPABILITIES);
  const full = await measure(noFill);
  const largest = (b: number[]) => Math.max(...b);
  console.log(
    `Office.js, all ten sheets (monthly included): ${fill.generate.length} syncs, largest batch ` +
      `${(largest(fill.generate) / 1024).toFixed(1)} KiB with the fill; the six sheets without it (every formula sent, ` +
      `an Excel below 1.9): ${(largest(full.generate) / 1024).toFixed(1)} KiB ` +
      `(${(largest(fill.generate) / largest(full.generate)).toFixed(2)}×); limit 3 syncs, 1 MB`,
  );
  console.log(
    `  refresh of the year filled (every month of every target and area): ${fill.refresh?.syncs ?? 0} syncs, ` +
      `${fill.refresh?.cellsWritten ?? 0} cells written, ${((fill.refresh?.payloadBytes ?? 0) / 1024).toFixed(1)} KiB`,
  );
}
