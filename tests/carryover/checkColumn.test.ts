/**
 * Each carried 上年值 traceable in 核对, on the file route: the carry-over writes, in the same patch as the values,
 * each row's note — where the value comes from (the file, the sheet, the period; the old 编号 and the conversion
 * when there was one), last year's figure beside a typed value that differs, why nothing was carried. A refresh
 * keeps the notes as they stand (no change, no grey for a kept row), puts its own flags in front of them, and drops
 * one that no longer holds (the traced value cleared, the missing one typed).
 */
import JSZip from "jszip";
import { carryOverFile } from "../../src/xlsx/carryOver";
import { refreshWorkbook } from "../../src/xlsx";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { findSheet } from "../../src/sheets/read";
import { findHeader } from "../../src/sheets/read";
import { headerKey } from "../../src/sheets/layout";
import {
  COUNTED,
  edition2026,
  figure2025,
  NEVER_REPORTED,
  NEW_ID,
  NOW,
  RENAMED,
  typeInto,
  workbook2025,
} from "./support/years";
import { writeTemplate } from "../../src/xlsx";

const y2026 = edition2026();
const FILE = "2025台账.xlsx";
const TRACE = `上年值取自 ${FILE} 月度填报 12月`;
const SAME = "art01-hitech-firms"; // typed equal to last year's
const OTHER = "art02-tech-projects"; // typed 999

/** 目标任务 as the product reads it: each row's 上年值, 核对 and 完成率 by 编号. */
async function targetsOf(bytes: Uint8Array) {
  const snap = await readFileSnapshot(await JSZip.loadAsync(bytes));
  const sheet = findSheet([...(snap.snapshot.sheets?.values() ?? [])], "目标任务");
  if (!sheet) throw new Error("no 目标任务");
  const header = findHeader(sheet, ["编号", "上年值"]) ?? -1;
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const rows = new Map<string, { previous: unknown; check: unknown }>();
  for (const row of sheet.cells.slice(header + 1)) {
    const id = row[heads.indexOf("编号")]?.value;
    if (typeof id === "string")
      rows.set(id, { previous: row[heads.indexOf("上年值")]?.value, check: row[heads.indexOf("核对")]?.value ?? null });
  }
  return rows;
}

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const snap = await readFileSnapshot(zip);
  const part = snap.sheets.find((s) => s.name === name)?.part ?? "";
  return (await zip.file(part)?.async("string")) ?? "";
}

describe("the carry-over's trace in 核对 (file route)", () => {
  let last: Uint8Array;
  let blank: Uint8Array;
  beforeAll(async () => {
    last = await workbook2025();
    blank = (await writeTemplate(y2026, { now: NOW, reportDate: "2026-03-31" })).buffer;
  }, 120_000);

  it("writes each row's note with its value, one patch, and a refresh keeps every note unchanged", async () => {
    const typed = await typeInto(blank, "目标任务", [
      { id: SAME, column: "上年值", value: figure2025(SAME) },
      { id: OTHER, column: "上年值", value: 999 },
    ]);
    const carried = await carryOverFile(typed, y2026, { bytes: last, file: FILE });
    const rows = await targetsOf(carried.buffer);
    // Not written: the new target, the refused one, the one never reported, and the two typed.
    expect(carried.written).toBe(y2026.targets.length - 5);
    for (const t of y2026.targets) {
      const row = rows.get(t.id);
      const expected =
        t.id === NEW_ID
          ? null
          : t.id === OTHER
            ? `上年值与上年数不同,保留所填:上年 ${FILE} 月度填报 12月 为 ${figure2025(OTHER)}项`
            : t.id === COUNTED
              ? `上年值未结转(上年编号 ${COUNTED}):单位不一致:“%”不能换算为“个”`
              : t.id === NEVER_REPORTED
                ? `上年值未结转:上年工作簿中 ${NEVER_REPORTED} 没有12月数`
                : t.id === RENAMED.to
                  ? `${TRACE}(上年编号 ${RENAMED.from},按条款、指标和单位匹配;${figure2025(RENAMED.from)}亿元折合${figure2025(RENAMED.from) * 10000}万元)`
                  : TRACE;
      expect([t.id, row?.check]).toEqual([t.id, expected]);
    }
    expect(rows.get(OTHER)?.previous).toBe(999);

    // The refresh that follows (the CLI runs it for the cached results) writes no 核对 cell, and keeps every note.
    const refreshed = await refreshWorkbook(carried.buffer, y2026, { now: NOW });
    const sheet = refreshed.patch.sheets.find((s) => s.key === "目标任务");
    expect(sheet?.kind === "patch" && sheet.changes.filter((c) => c.columnKey === "核对")).toEqual([]);
    expect(refreshed.patch.summary.rowsFlagged).toEqual([]);
    expect(await targetsOf(refreshed.buffer)).toEqual(rows);
    const again = await refreshWorkbook(refreshed.buffer, y2026, { now: NOW });
    expect(again.patch.summary.cellsWritten).toBe(0);

    // Carried again: nothing left to write, not a value, not a note.
    const twice = await carryOverFile(refreshed.buffer, y2026, { bytes: last, file: FILE });
    expect(twice.written).toBe(0);
    expect(twice.buffer).toBe(refreshed.buffer);
  }, 120_000);

  it("a refresh puts its own flags in front of a note and drops the notes that no longer hold", async () => {
    const carried = await carryOverFile(blank, y2026, { bytes: last, file: FILE });
    const cleared = "art03-excellent-engineers";
    const edited = await typeInto(carried.buffer, "目标任务", [
      { id: SAME, column: "完成率", value: 0.5 }, // typed over a formula: 手工覆盖
      { id: cleared, column: "上年值", value: null }, // the traced value cleared
      { id: NEVER_REPORTED, column: "上年值", value: 0.9 }, // the missing one typed
    ]);
    const refreshed = await refreshWorkbook(edited, y2026, { now: NOW });
    const rows = await targetsOf(refreshed.buffer);
    expect(rows.get(SAME)?.check).toBe(`手工覆盖:完成率;${TRACE}`);
    expect(rows.get(cleared)?.check).toBeNull();
    expect(rows.get(NEVER_REPORTED)?.check).toBeNull();
    expect(rows.get(COUNTED)?.check).toMatch(/^上年值未结转/);
    // The override restored: its flag goes, the trace stays.
    const restored = await refreshWorkbook(refreshed.buffer, y2026, { now: NOW, restoreFormulas: true });
    expect((await targetsOf(restored.buffer)).get(SAME)?.check).toBe(TRACE);
  }, 120_000);

  it("greys rows kept from an earlier edition, not rows whose 核对 holds a carry-over note", async () => {
    const xml = await sheetXml(blank, "目标任务");
    const rule = /<cfRule[^>]*>\s*<formula>([^<]*LEN\([^<]*)<\/formula>/.exec(xml)?.[1] ?? "";
    const text = rule
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, ">")
      .replace(/&lt;/g, "<");
    expect(text).toMatch(/^AND\(LEN\(\$[A-Z]+5\)>0,LEFT\(\$[A-Z]+5,3\)<>"上年值"\)$/);
  });
});
