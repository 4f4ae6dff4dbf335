// Office.js refresh bench: cells written and request bytes of a refresh with nothing to change (goal 0) and of
// scenario 14 (one figure corrected, one target added: goal the changed cells only), next to the full rewrite the
// writer did before (every sheet cleared and rewritten), all on the same filled workbook in the same run.
import { defaultEditionId, getEdition, type EditionData } from "../src/policy";
import { generateWorkbook, SHEET_KEYS } from "../src/template/excel";
import { queueSheet } from "../src/template/excel/write";
import { planWorkbook, type ExistingSheet, type RawCell } from "../src/template/spec";
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
  for (const sheet of plan.spec.sheets) {
    const left = leftovers.find((l) => l.name === sheet.name);
    queueSheet(worksheets, sheet, left ? { tables: left.tables.items, charts: left.charts.items } : undefined);
  }
  await context.sync();
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
}
