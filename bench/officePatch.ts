// Office.js refresh bench: cells written and request bytes of a refresh with nothing to change (goal 0) and of
// scenario 14 (one figure corrected, one target added: goal the changed cells only), next to the full rewrite the
// writer did before (every sheet cleared and rewritten), all on the same filled workbook in the same run.
import { defaultEditionId, getEdition, type EditionData } from "../src/policy";
import { fromEditionFile } from "../src/policy/editionFile";
import { ALL_SHEET_KEYS, generateWorkbook, SHEET_KEYS } from "../src/excel";
import { FULL_CAPABILITIES, type Capabilities } from "../src/excel/capabilities";
import { cellAddress } from "../src/workbook/a1";
import { WriteBatches } from "../src/excel/batches";
import { writeSheet } from "../src/excel/write";
import { planWorkbook } from "../src/sheets";
import { syntheticEdition } from "../tests/support/syntheticEdition";
import { correctedEdition } from "../tests/workbook/support/editions";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";

const NOW = new Date("2025-07-01T02:00:00Z");

/** A generated workbook with a few inputs typed, as the refreshes find it. */
async function filled(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30" });
  for (let r = 5; r < 40; r++) excel.set("目标任务", `J${r}`, r);
  return excel;
}

/**
 * The writer before issue 8 rewrote every sheet of ours whole. That route is gone (a refresh is a patch); its cost
 * is, at least, what writing the same sheets anew sends: measured on an empty workbook.
 */
async function fullRewrite(_excel: FakeExcel, data: EditionData): Promise<{ cells: number; bytes: number }> {
  const excel = new FakeExcel();
  const context = excel.context;
  const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW, sheets: SHEET_KEYS });
  const cells0 = excel.cellsWritten;
  const bytes0 = excel.payloadBytes;
  // One request, as the writer sent it then.
  const batches = new WriteBatches(context, Infinity);
  for (const sheet of plan.spec.sheets)
    await writeSheet(context.workbook.worksheets, sheet, FULL_CAPABILITIES, batches);
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

/** The edition with its first target's figure corrected and a target added after it (scenario 14's shape). */
function correctedAndGrown(edition: EditionData): EditionData {
  const [first, ...rest] = edition.targets;
  if (!first) return edition;
  const corrected = { ...first, value: (first.value ?? 0) + 1 };
  return {
    ...edition,
    targets: [corrected, { ...first, id: `${first.id}-added`, indicator: `${first.indicator}(新增)` }, ...rest],
  };
}

/** A year filled on the fake workbook: every month of every target on 月度填报 and of every area on 月度支出. */
function fillYear(excel: FakeExcel, data: EditionData): void {
  for (const [sheet, rows, value] of [
    ["月度填报", data.targets.length, (m: number) => m + 1],
    ["月度支出", data.areas.length, (m: number) => (m + 1) * 1000],
  ] as const) {
    const header = excel.grid(sheet)[3] ?? [];
    const months = Array.from({ length: 12 }, (_, m) => header.indexOf(`${m + 1}月`));
    for (let r = 5; r < 5 + rows; r++) months.forEach((c, m) => excel.set(sheet, cellAddress(r, c + 1), value(m)));
  }
}

/**
 * All ten sheets (the monthly ones included) through the Office.js writer, then a full year filled and refreshed:
 * syncs and the size of each write request as the fake Excel counts it, for 乐清 and for a generated edition of
 * 2,000 targets, against the one request the writer sent before it split large writes (batchBytes: Infinity), and
 * and for 乐清 in an Excel without the fill (below ExcelApi 1.9, e.g. Excel 2019 volume licence): every formula sent.
 */
async function monthly(data: EditionData): Promise<void> {
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  const year = async (edition: EditionData, options: { batchBytes?: number; capabilities?: Capabilities } = {}) => {
    const excel = new FakeExcel();
    const generate = await generateWorkbook(excel.context, {
      edition,
      now: NOW,
      reportDate: `${edition.document.year}-12-31`,
      sheets: ALL_SHEET_KEYS,
      ...options,
    });
    const writes = excel.syncBytes.slice(generate.syncs - generate.writeRequests.length);
    if (excel.grid("月度填报").length === 0)
      return { generate, writes, refresh: undefined, changed: undefined, refreshWrites: [] };
    fillYear(excel, edition);
    const refresh = await generateWorkbook(excel.context, { edition, now: NOW, sheets: ALL_SHEET_KEYS, ...options });
    const before = excel.syncBytes.length;
    const changed = await generateWorkbook(excel.context, {
      edition: correctedAndGrown(edition),
      now: NOW,
      sheets: ALL_SHEET_KEYS,
      ...options,
    });
    return {
      generate,
      writes,
      refresh,
      changed,
      refreshWrites: excel.syncBytes.slice(before + changed.syncs - changed.writeRequests.length),
    };
  };
  const noFill: Capabilities = { ...FULL_CAPABILITIES, excelApi: (v) => v !== "1.9" && FULL_CAPABILITIES.excelApi(v) };
  const large = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5 }));
  for (const [label, edition] of [
    [`乐清 (${data.targets.length} targets)`, data],
    [`generated, ${large.targets.length} targets`, large],
  ] as const) {
    const batched = await year(edition);
    const single = await year(edition, { batchBytes: Infinity });
    const largest = Math.max(...batched.writes);
    console.log(
      `Office.js, all ten sheets, ${label}: generate ${batched.generate.syncs} syncs, ${batched.writes.length} write ` +
        `request(s) of ${batched.writes.map(kib).join(" + ")} (largest ${((largest / 1e6) * 100).toFixed(0)}% of 1 MB); ` +
        `as one request (before): ${kib(Math.max(...single.writes))} (${(Math.max(...single.writes) / largest).toFixed(1)}× the largest now)`,
    );
    const r = batched.refresh;
    const c = batched.changed;
    console.log(
      `  refresh with the year filled (every month of every target and area): nothing to change ${r?.syncs ?? 0} syncs, ` +
        `${r?.cellsWritten ?? 0} cells, ${r?.valuesKept ?? 0} inputs kept; one figure corrected and one target added ` +
        `${c?.syncs ?? 0} syncs, ${c?.cellsWritten ?? 0} cells in ${c?.writeRequests.length ?? 0} write request(s)` +
        `${batched.refreshWrites.length > 0 ? ` of ${batched.refreshWrites.map(kib).join(" + ")}` : ""}`,
    );
    if (edition !== data) continue;
    const old = await year(edition, { capabilities: noFill });
    console.log(
      `  without the fill (an Excel below 1.9: all ten sheets, every formula sent): ${old.generate.syncs} syncs, ` +
        `${old.writes.length} write request(s) of ${old.writes.map(kib).join(" + ")}; ` +
        `${(old.writes.reduce((a, b) => a + b, 0) / batched.writes.reduce((a, b) => a + b, 0)).toFixed(1)}× the bytes with the fill`,
    );
  }
}
