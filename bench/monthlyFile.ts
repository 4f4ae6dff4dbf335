// The monthly workbook on the file route (CLI, .xlsx), a full year filled: writing it new (all ten sheets), the
// `template --update` refresh of the filled year (scenario 14: one figure corrected, one target added; its time and
// the bytes of sheet XML it rewrites — the rows it writes, never whole parts), and the
// `report` command's draft of 6月 and 12月 from the filled file — each against ExcelJS doing the least the same
// job needs, in the same run: writing the same cells unstyled; loading and re-saving the filled file; loading it.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fromYi, toExcelValue } from "../src/engine";
import { getEdition } from "../src/policy";
import type { EditionData } from "../src/policy/types";
import { draftReport, reportText } from "../src/report";
import { planPatch, planWorkbook } from "../src/sheets";
import { readFigures } from "../src/sheets/reportFigures";
import { refreshWorkbook, writeTemplate } from "../src/xlsx";
import { readWorksheet } from "../tests/support/readWorksheet";
import { applyPatchParts } from "../src/xlsx/applyPatch";
import { readPackage } from "../src/xlsx/definedNames";
import { postProcess } from "../tests/support/excelRoundTrip";
import { openPackage, savePackage } from "../src/xlsx/parts";
import { readFileSnapshot } from "../src/xlsx/snapshot";
import { plainWorkbook } from "./exceljsBaseline";
import { syntheticYear } from "../tests/report/syntheticYear";
import { correctedEdition } from "../tests/workbook/support/editions";
import { medianMsAsync, pairedMedianMsAsync } from "./measure";

const NOW = new Date("2025-07-01T02:00:00Z");
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Column numbers of a sheet's header row (row 4) by header text, the unit in brackets dropped. */
function headers(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(4).eachCell((c, col) => {
    if (c.text !== "") out.set(c.text.replace(/\(.*\)$/, ""), col);
  });
  return out;
}

/**
 * The workbook with a year of figures typed into 月度填报 and 月度支出 (and 上年值) and saved, as a person's Excel
 * leaves it for the next refresh or report. Returns it with the number of figures typed.
 */
export async function filledYear(data: EditionData): Promise<{ file: Uint8Array; typed: number }> {
  const figures = syntheticYear(data);
  const { buffer, plan } = await writeTemplate(data, { reportDate: "2025-12-31", now: NOW });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  let typed = 0;
  const byId = new Map(data.targets.map((t) => [t.id, t]));
  for (const [name, column, value] of [
    ["月度填报", (m: number) => `${m + 1}月`, "months"],
    ["目标任务", () => "上年值", "previous"],
  ] as const) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no ${name}`);
    const cols = headers(ws);
    ws.eachRow((row, r) => {
      const t = r > 4 ? byId.get(String(row.getCell(cols.get("编号") ?? 1).value)) : undefined;
      const f = t ? figures.targets.get(t.id) : undefined;
      if (!t || !f) return;
      const values = value === "months" ? f.months : [f.previous];
      values.forEach((v, m) => {
        const c = cols.get(column(m));
        if (typeof v === "number" && c !== undefined) {
          row.getCell(c).value = toExcelValue(t, v);
          typed++;
        }
      });
    });
  }
  const spending = wb.getWorksheet("月度支出");
  if (!spending) throw new Error("no 月度支出");
  const sc = headers(spending);
  data.areas.forEach((a, i) => {
    figures.areas.get(a.no)?.months.forEach((v, m) => {
      const c = sc.get(`${m + 1}月`);
      if (typeof v === "number" && c !== undefined) {
        spending.getCell(5 + i, c).value = fromYi(v, "万元");
        typed++;
      }
    });
  });
  // ExcelJS drops our names and charts on the way: put back as a person's Excel would have kept them.
  const original = await readPackage(await JSZip.loadAsync(buffer));
  const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const restored = new Uint8Array(await postProcess(saved, plan.spec, { originalNames: original.names }));
  // Excel recalculates before it saves, so the formulas' cached results show the typed figures; ExcelJS does not.
  // Stand in for it with the results the planner computes for the same edition, written by the file writer.
  const zip = await openPackage(restored);
  const read = await readFileSnapshot(zip);
  await applyPatchParts(zip, read, planPatch(data, read.snapshot, { now: NOW }));
  return { file: await savePackage(zip), typed };
}

/** Bytes of the worksheet parts of a package (uncompressed). */
async function sheetXmlBytes(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let n = 0;
  for (const f of zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)) n += (await f.async("string")).length;
  return n;
}

/** ExcelJS writing the cells of every sheet of `wb` into a new workbook, values and formulas only. */
async function plainCopy(wb: ExcelJS.Workbook): Promise<number> {
  const out = new ExcelJS.Workbook();
  for (const ws of wb.worksheets) {
    const copy = out.addWorksheet(ws.name);
    ws.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  }
  return ((await out.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
}

export async function run(): Promise<void> {
  const data = getEdition("yueqing-2025");
  if (!data) throw new Error("no bundled edition yueqing-2025");

  // A new workbook, all ten sheets: what `template --out` writes.
  const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW, reportDate: "2025-12-31" });
  const cells = plan.spec.sheets.reduce((n, s) => n + s.cells.reduce((m, r) => m + r.filter(Boolean).length, 0), 0);
  const fresh = (await writeTemplate(data, { now: NOW, reportDate: "2025-12-31" })).buffer;
  let plainBytes = 0;
  const [write, plain] = await pairedMedianMsAsync(
    7,
    () => writeTemplate(data, { now: NOW, reportDate: "2025-12-31" }),
    async () => {
      const wb = plainWorkbook(plan.spec.sheets);
      plainBytes = ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
    },
  );
  console.log(
    `.xlsx write, monthly workbook (${plan.spec.sheets.length} sheets, ${cells.toLocaleString("en-US")} cells): ` +
      `${ms(write)}, ${kib(fresh.length)}  (${(write / plain).toFixed(1)}× the time and ` +
      `${(fresh.length / plainBytes).toFixed(1)}× the size of ExcelJS writing the same cells unstyled: ${ms(plain)}, ${kib(plainBytes)})`,
  );

  // The year filled: `template --update` with one figure corrected and one target added.
  const { file, typed } = await filledYear(data);
  const edition = correctedEdition(data);
  const refreshed = await refreshWorkbook(file, edition, { now: NOW });
  let resaved = 0;
  const [refresh, resave] = await pairedMedianMsAsync(
    7,
    () => refreshWorkbook(file, edition, { now: NOW }),
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
      resaved = ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
    },
  );
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(file as unknown as ExcelJS.Buffer);
  let copyBytes = 0;
  const copy = await medianMsAsync(5, async () => {
    copyBytes = await plainCopy(loaded);
  });
  console.log(
    `template --update of the year filled (${typed.toLocaleString("en-US")} figures typed, file ${kib(file.length)}; ` +
      `scenario 14): ${ms(refresh)}, ${refreshed.stats.cellsWritten} cells written, ${refreshed.stats.partsChanged.length} parts, ` +
      `${((refreshed.stats.sheetBytesRewritten ?? 0) / 1024).toFixed(1)} KiB of sheet XML rewritten ` +
      `(of ${kib(await sheetXmlBytes(file))} in the product's sheet parts), ` +
      `out ${kib(refreshed.buffer.length)}  (${(refresh / resave).toFixed(2)}× ExcelJS loading and re-saving the file: ` +
      `${ms(resave)}, ${kib(resaved)}; ExcelJS writing its cells unstyled: ${ms(copy)}, ${kib(copyBytes)})`,
  );

  // `report FILE.xlsx --month 2025-06 / -12`: read the file's figures, draft; against loading the file alone.
  const load = await medianMsAsync(5, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  });
  for (const month of [6, 12]) {
    const draft = await medianMsAsync(5, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
      const read = readFigures(
        data,
        wb.worksheets.map((ws) => readWorksheet(ws)),
      );
      return reportText(draftReport(read.figures, month));
    });
    console.log(
      `report from the filled file, ${month}月 (load + read figures + draft): ${ms(draft)}  ` +
        `(${(draft / load).toFixed(2)}× ExcelJS loading the file alone: ${ms(load)})`,
    );
  }
}
