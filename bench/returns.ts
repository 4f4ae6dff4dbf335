// Department returns on the file route: making every unit's return for a month (乐清, and a generated edition of
// 2,000 targets) against ExcelJS writing the same cells unstyled; merging 40 filled returns into a filled-year
// workbook (read, plan, patch, 填报记录) against ExcelJS loading and saving the same workbook once. Goal: 40 returns
// merged in under 3 s on this 2-core machine.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getEdition } from "../src/policy";
import { fromEditionFile } from "../src/policy/editionFile";
import type { EditionData } from "../src/policy/types";
import { returnsForMonth, type CellValue, type ReturnedFile, type WorkbookCells } from "../src/returns";
import { returnWorkbook } from "../src/sheets/returnSheet";
import { returnPlaces, workbookCells } from "../src/sheets/returnsMerge";
import { ALL_SHEET_KEYS, generateWorkbook } from "../src/excel";
import { mergeReturnsInExcel } from "../src/excel/returns";
import { writeTemplate } from "../src/xlsx";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";
import { readReturnFile, writeReturnFile } from "../src/xlsx/returnFile";
import { mergeReturnsIntoFile } from "../src/xlsx/returnsMerge";
import { readFileSnapshot } from "../src/xlsx/snapshot";
import { syntheticEdition } from "../tests/support/syntheticEdition";
import { filledYear } from "./monthlyFile";
import { medianMsAsync } from "./measure";

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function placesOf(bytes: Uint8Array) {
  return returnPlaces((await readFileSnapshot(await JSZip.loadAsync(bytes))).snapshot);
}

/** Every return of the month as bytes, from the workbook's cells. */
async function makeAll(data: EditionData, cells: WorkbookCells, month: number): Promise<Uint8Array[]> {
  const { returns } = returnsForMonth(data, cells, { year: data.document.year, month });
  const out: Uint8Array[] = [];
  for (const r of returns) out.push(await writeReturnFile(returnWorkbook(r)));
  return out;
}

/** ExcelJS writing the same rows unstyled, one workbook per unit: the least the job needs. */
async function makeAllPlain(data: EditionData, cells: WorkbookCells, month: number): Promise<number> {
  const { returns } = returnsForMonth(data, cells, { year: data.document.year, month });
  let bytes = 0;
  for (const r of returns) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("填报");
    for (const row of r.rows) ws.addRow([row.target.id, row.area, row.article, row.target.indicator, row.target.value]);
    bytes += ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
  }
  return bytes;
}

export async function run(): Promise<void> {
  const yueqing = getEdition("yueqing-2025")!;
  const big = fromEditionFile(syntheticEdition({ areas: 20, targets: 2000 }));
  for (const data of [yueqing, big]) {
    const book = (await writeTemplate(data)).buffer;
    const cells = workbookCells(await placesOf(book));
    let count = 0;
    const made = await medianMsAsync(3, async () => (count = (await makeAll(data, cells, 7)).length));
    const plain = await medianMsAsync(3, () => makeAllPlain(data, cells, 7));
    console.log(
      `returns make ${data.document.id} (${data.targets.length} targets, ${count} files): ${ms(made)}` +
        `  (${(made / plain).toFixed(2)}× of ExcelJS writing the same rows unstyled, ${ms(plain)})`,
    );
  }

  // 40 filled returns (乐清's 16 lead units for 5月, 6月, 7月, the first 40) whose every figure differs from the
  // filled year's, merged with --take-returned: every cell is written and logged.
  const { file } = await filledYear(yueqing);
  const filled = workbookCells(await placesOf(file));
  const bumped: WorkbookCells = {
    months: new Map(
      [...filled.months].map(([id, months]) => [id, months.map((v): CellValue => (typeof v === "number" ? v + 1 : 1))]),
    ),
    texts: new Map(),
  };
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const month of [5, 6, 7])
    for (const [i, bytes] of (await makeAll(yueqing, bumped, month)).entries())
      files.push({ name: `${month}-${i}.xlsx`, bytes });
  const readAll = async (): Promise<ReturnedFile[]> => {
    const out: ReturnedFile[] = [];
    for (const f of files.slice(0, 40)) {
      const digest = createHash("sha256").update(f.bytes).digest("hex");
      out.push(await readReturnFile(f.bytes, f.name, digest, yueqing));
    }
    return out;
  };
  const forty = await readAll();
  let written = 0;
  const merged = await medianMsAsync(3, async () => {
    const r = await mergeReturnsIntoFile(file, yueqing, forty, { time: "2025-08-05 09:30", takeReturned: true });
    written = r.plan.writes.length;
  });
  // The next month's merge into a workbook whose 填报记录 already holds rows: only the new log rows are written
  // (cell level), so its cost follows the change, not the log's length.
  const logged = (await mergeReturnsIntoFile(file, yueqing, forty, { time: "2025-08-05 09:30", takeReturned: true }))
    .buffer;
  const later = forty.slice(0, 10);
  let appended = { rows: 0, rewritten: 0, part: 0 };
  const again = await medianMsAsync(3, async () => {
    const r = await mergeReturnsIntoFile(logged, yueqing, later, { time: "2025-08-06 10:00" });
    const zip = await JSZip.loadAsync(r.buffer);
    const part = (await readFileSnapshot(zip)).sheets.find((s) => s.name === "填报记录")?.part ?? "";
    appended = {
      rows: r.log.length,
      rewritten: r.stats.sheetBytesRewritten ?? 0,
      part: (await zip.file(part)?.async("string"))?.length ?? 0,
    };
  });
  // Reading the 40 files is part of the job: timed apart so the merge's own figure stays visible.
  const reading = await medianMsAsync(3, readAll);
  const excel = await medianMsAsync(3, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    await wb.xlsx.writeBuffer();
  });
  console.log(
    `returns merge: 40 filled returns into the filled-year workbook (${written} cells written and logged): ${ms(merged)}` +
      ` + reading the 40 files ${ms(reading)}  (${((merged + reading) / excel).toFixed(2)}× of ExcelJS load+save once, ` +
      `${ms(excel)}; goal < 3000 ms: ${merged + reading < 3000 ? "met" : "NOT met"})`,
  );

  console.log(
    `returns merge again: 10 returns into a workbook whose 填报记录 holds the first merge's rows: ${ms(again)}; ` +
      `${appended.rows} log rows appended, ${(appended.rewritten / 1024).toFixed(0)} KiB of worksheet XML written ` +
      `(the log part is ${(appended.part / 1024).toFixed(0)} KiB; before, the whole part was rewritten)`,
  );

  // The same 40 returns through the Office.js writer on the fake Excel (an empty monthly workbook: every cell is
  // written): syncs and request sizes, against the limits of 3 syncs and 1 MB a request.
  const fake = new FakeExcel();
  await generateWorkbook(fake.context, { sheets: ALL_SHEET_KEYS });
  const before = fake.syncBytes.length;
  const viaExcel = await mergeReturnsInExcel(fake.context, yueqing, forty, { time: "2025-08-05 09:30" });
  const requests = fake.syncBytes.slice(before);
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  console.log(
    `returns merge via Office.js (fake Excel): 40 returns, ${viaExcel.plan.writes.length} cells, ` +
      `${requests.length} syncs (limit 3), requests ${requests.map(kb).join(" + ")} (limit 1 MB each)`,
  );
}
