/**
 * The Office.js writer's requests (fake Excel, which counts each request as the JSON it records): a write larger
 * than the batch budget goes in several requests, each under 1 MB, and leaves the workbook exactly as one request
 * would — every cell, format, table, validation, chart and name; a normal edition (乐清, the monthly sheets included,
 * a year of figures filled) takes two write requests (its write is 1.2 MB as office.js sends it: realOfficeJs.test.ts)
 * and a refresh at most 3 syncs.
 */
import { defaultEditionId, getEdition } from "../../src/policy";
import { fromEditionFile } from "../../src/policy/editionFile";
import type { EditionData } from "../../src/policy/types";
import { cellAddress } from "../../src/workbook/a1";
import { ALL_SHEET_KEYS, generateWorkbook, type GenerateOptions } from "../../src/excel";
import { BATCH_BYTES, rowBands } from "../../src/excel/batches";
import { syntheticEdition } from "../support/syntheticEdition";
import { correctedEdition } from "./support/editions";
import { FakeExcel } from "./support/fakeExcel";
import { contents, fillYear } from "./support/workbookContents";

const NOW = new Date("2026-07-01T02:00:00Z");
const MB = 1_000_000;
const yueqing = getEdition(defaultEditionId)!;
const large = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5 }));

async function generated(data: EditionData, options: GenerateOptions = {}) {
  const excel = new FakeExcel();
  const before = excel.syncs;
  const summary = await generateWorkbook(excel.context, {
    edition: data,
    now: NOW,
    reportDate: "2026-06-30",
    sheets: ALL_SHEET_KEYS,
    ...options,
  });
  return { excel, summary, syncs: excel.syncs - before };
}

describe("the Office.js writer's requests", () => {
  it("a 2,000-target workbook goes in several requests, each under 1 MB, with exactly the cells of one request", async () => {
    const batched = await generated(large);
    const single = await generated(large, { batchBytes: Infinity });
    // The one request is what the pane sent before: far over 1 MB.
    expect(single.summary.writeRequests).toHaveLength(1);
    expect(Math.max(...single.excel.syncBytes)).toBeGreaterThan(3 * MB);

    const writes = batched.excel.syncBytes.slice(1); // the first sync is the read
    expect(batched.summary.writeRequests).toHaveLength(writes.length);
    expect(writes.length).toBeGreaterThan(3);
    for (const bytes of writes) expect(bytes).toBeLessThan(MB);
    // No more requests than the size needs: one more at most than the bytes fill (a request closes where the next
    // piece would not fit), and all but the last well filled (a piece is a few rows of one sheet).
    const total = batched.summary.writeRequests.reduce((s, b) => s + b, 0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / BATCH_BYTES) + 1);
    for (const bytes of batched.summary.writeRequests.slice(0, -1)) expect(bytes).toBeGreaterThan(0.5 * BATCH_BYTES);
    // The writer's own count is never below what was sent (it is what keeps the requests under the limit).
    batched.summary.writeRequests.forEach((estimate, i) => expect(writes[i]).toBeLessThanOrEqual(estimate));
    expect(batched.summary.syncs).toBe(batched.syncs);
    expect(batched.summary.sheetsWritten).toEqual(single.summary.sheetsWritten);
    expect(batched.summary.cellsWritten).toBe(single.summary.cellsWritten);

    expect(contents(batched.excel)).toEqual(contents(single.excel));
  }, 120_000);

  it("an edition grown by 200 targets, under a small budget: the new rows go in several table adds and requests, as one request would", async () => {
    const grown = fromEditionFile(syntheticEdition({ areas: 6, targets: 300 }));
    const few: EditionData = { ...grown, targets: grown.targets.filter((_, i) => i % 3 === 0) };
    const budget = 64 * 1024;
    const refreshed = async (batchBytes: number) => {
      const { excel } = await generated(few);
      const syncs = excel.syncs;
      const summary = await generateWorkbook(excel.context, {
        edition: grown,
        now: NOW,
        sheets: ALL_SHEET_KEYS,
        batchBytes,
      });
      return { excel, summary, writes: excel.syncBytes.slice(syncs + 2) };
    };
    const batched = await refreshed(budget);
    const single = await refreshed(Infinity);
    expect(batched.summary.preview.rowsAppended.length).toBeGreaterThanOrEqual(200);
    expect(single.writes).toHaveLength(1);
    expect(batched.writes.length).toBeGreaterThan(3);
    for (const bytes of batched.writes) expect(bytes).toBeLessThan(budget);
    const adds = (excel: FakeExcel) => excel.sheet("目标任务")?.log.filter((l) => l === "table.rows.add").length ?? 0;
    expect(adds(single.excel)).toBe(1);
    expect(adds(batched.excel)).toBeGreaterThan(1);
    expect(contents(batched.excel)).toEqual(contents(single.excel));
  }, 120_000);

  it("乐清 with a year filled: three write requests (all eleven sheets, 绩效自评 included), ≤ 5 syncs to generate, ≤ 3 to refresh; a small budget changes nothing but the count", async () => {
    const { excel, summary, syncs } = await generated(yueqing);
    expect(summary.writeRequests).toHaveLength(3);
    expect(syncs).toBeLessThanOrEqual(5);
    for (const bytes of excel.syncBytes) expect(bytes).toBeLessThan(MB);
    fillYear(excel, yueqing);
    const before = excel.syncs;
    const again = await generateWorkbook(excel.context, { edition: yueqing, now: NOW, sheets: ALL_SHEET_KEYS });
    expect(excel.syncs - before).toBe(again.syncs);
    expect(again.syncs).toBeLessThanOrEqual(3);
    expect(again.valuesKept).toBeGreaterThanOrEqual(12 * yueqing.targets.length);
    // A refresh that writes (one figure corrected, one target added) over the filled year: still one request.
    const mark = excel.syncs;
    const changed = await generateWorkbook(excel.context, {
      edition: correctedEdition(yueqing),
      now: NOW,
      sheets: ALL_SHEET_KEYS,
    });
    expect(changed.cellsWritten).toBeGreaterThan(0);
    expect(changed.writeRequests).toHaveLength(1);
    expect(excel.syncs - mark).toBe(changed.syncs);
    expect(changed.syncs).toBeLessThanOrEqual(3);
    // The year typed stays: 7月 of the first target is the 7 fillYear typed.
    const july = (excel.grid("月度填报")[3] ?? []).indexOf("7月");
    expect(excel.get("月度填报", cellAddress(5, july + 1))).toBe(7);

    const small = await generated(yueqing, { batchBytes: 64 * 1024 });
    expect(small.summary.writeRequests.length).toBeGreaterThan(5);
    for (const bytes of small.summary.writeRequests) expect(bytes).toBeLessThanOrEqual(64 * 1024);
    const whole = await generated(yueqing);
    expect(contents(small.excel)).toEqual(contents(whole.excel));
  }, 60_000);
});

describe("rowBands", () => {
  it("cuts a grid into consecutive bands of at most the given JSON bytes, a larger row alone", () => {
    const rows = [["一"], ["二二二二二二"], ["三"], ["四"]];
    // Row sizes with the separator: 8, 23, 8, 8 (a Chinese character is 3 bytes).
    expect(rowBands(rows, 16)).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
    expect(rowBands(rows, Infinity)).toEqual([[0, 4]]);
    expect(rowBands([], 10)).toEqual([]);
  });
});
