/**
 * A month of the year in LibreOffice (driven through UNO, saved as .xlsx), then `template --update`: in June a
 * person types 实际值 and 支出数 on 目标任务 / 预算执行 and the refresh moves them into 6月 (the monthly layout
 * upgrade); in July the person moves 报告日期 to 7月31日, fills 7月 for some targets and one area's spending on the
 * monthly sheets, revises one target's 6月, saves, and the workbook is refreshed again — by the CLI with the
 * edition it carries, and with a corrected edition (one 目标值 changed, one target added). Every 6月 and 7月 cell is
 * kept exactly; 实际值 / 支出数 follow the report month (engine reportMonth, reportMonthValue); each month's status
 * is the engine's (monthlyStatus); and every formula cell's cached result equals LibreOffice's recalculation.
 * Two soffice sessions for the edits, one to recalculate and read every file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import {
  fromExcelValue,
  isCalcError,
  monthlyStatus,
  reportMonth,
  reportMonthValue,
  status,
  timeProgress,
  toExcelSerial,
} from "../../src/engine";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { getEdition } from "../../src/policy";
import type { EditionData, Target } from "../../src/policy/types";
import { columnLetter, type WorkbookPatch } from "../../src/sheets";
import { spendingMonthColumn } from "../../src/sheets/monthly";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "../../src/xlsx/snapshot";
import { requireLibreOfficeUno } from "../support/realEngines";
import { correctedEdition } from "./support/editions";

const describeUno = requireLibreOfficeUno() ? describe : describe.skip;
const data = getEdition("yueqing-2025")!;
const corrected = correctedEdition(data);
const YEAR = data.document.year;
const NOW = new Date("2025-07-01T02:00:00Z");
const HARNESS = path.join(__dirname, "..", "support", "lo_uno.py");
const T = "目标任务";
const E = "预算执行";
const MT = "月度填报";
const MS = "月度支出";
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

interface Dump {
  sheets: string[];
  cells: Record<string, unknown[][]>;
  formulas: Record<string, string[][]>;
}

type Op = Record<string, unknown>;
const set = (sheet: string, id: string, col: string, value: unknown): Op => ({ op: "set", sheet, id, col, value });
const at = (sheet: string, cell: string, value: unknown): Op => ({ op: "set", sheet, cell, value });
/** 月度支出's cell of an area's month: areas in edition order from row 5. */
const spending = (area: number, month: number) => `${columnLetter(spendingMonthColumn(month))}${4 + area}`;

/** June, the earlier way: figures typed into 实际值 and 支出数 with 报告日期 6月30日. */
const JUNE: Op[] = [
  set(T, "art01-hitech-firms", "实际值", 40),
  set(T, "art02-tech-projects", "实际值", 4),
  set(T, "art09-specialized-sme", "实际值", 38),
  set(T, "area1-rd-intensity", "实际值", 0.0305),
  at(E, "C5", 13700),
  at(E, "C6", 12000),
];

const JULY_DATE = toExcelSerial({ year: YEAR, month: 7, day: 31 });
/**
 * July on the monthly sheets: 报告日期 moved on, 7月 filled for some, 6月 revised for one — and, out of June's habit,
 * one 实际值 and one 支出数 typed on 目标任务 / 预算执行 over the formulas (the refresh moves them into 7月).
 */
const JULY: Op[] = [
  at(T, "B2", JULY_DATE),
  at(E, "B2", JULY_DATE),
  // 40 of 75 by 6月底 is 达进度; 42 by 7月底 falls behind 7/12.
  set(MT, "art01-hitech-firms", "7月", 42),
  set(MT, "art09-specialized-sme", "7月", 41),
  set(MT, "area1-rd-intensity", "7月", 0.0312),
  set(MT, "art02-tech-projects", "6月", 5),
  at(MS, spending(1, 7), 16500),
  set(T, "art07-tech-vice-presidents", "实际值", 20),
  at(E, "C6", 15000),
];
const AUGUST_DATE = toExcelSerial({ year: YEAR, month: 8, day: 31 });
/**
 * August, on the July refresh's file: 报告日期 moved on and one 实际值 typed on 目标任务 only — the refresh moves it
 * into 8月, so the report month the monthly sheets cache goes from 7 to 8 with the move.
 */
const AUGUST: Op[] = [at(T, "B2", AUGUST_DATE), at(E, "B2", AUGUST_DATE), set(T, "art01-hitech-firms", "实际值", 50)];

/** The report date of each refreshed file, as the engine reads it. */
const DATES = {
  "july-r": { year: YEAR, month: 7, day: 31 },
  "july-e": { year: YEAR, month: 7, day: 31 },
  "august-r": { year: YEAR, month: 8, day: 31 },
} as const;

/** The July cells the refresh fills from what was typed over 实际值 / 支出数: [sheet, key, month, value]. */
const MOVED_IN_JULY = [
  [MT, "art07-tech-vice-presidents", 7, 20],
  [MS, "2", 7, 15000],
] as const;

const cli = (...args: string[]) => runInProcess(templateCommand, args);

/** Column index (0-based) of a header on a sheet's header row (row 4), by its text up to a unit in brackets. */
function columnOf(grid: unknown[][], header: string): number {
  const c = (grid[3] ?? []).findIndex((h) => typeof h === "string" && h.replace(/\(.*\)$/, "") === header);
  if (c < 0) throw new Error(`no column ${header}`);
  return c;
}

/** The row (0-based) of a key in column A below the header. */
function rowOf(grid: unknown[][], key: string): number {
  const r = grid.findIndex((row, i) => i > 3 && row[0] === key);
  if (r < 0) throw new Error(`no row ${key}`);
  return r;
}

/** The twelve month cells of a row as LibreOffice shows them ("" when blank). */
function monthsOf(grid: unknown[][], key: string): unknown[] {
  const row = grid[rowOf(grid, key)] ?? [];
  return MONTHS.map((m) => row[columnOf(grid, m)] ?? "");
}

const close = (a: unknown, b: unknown) =>
  typeof b === "number" ? typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

/** Formula cells whose cached result (as the file holds it) differs from LibreOffice's recalculation. */
async function staleCaches(bytes: Uint8Array, computed: Dump): Promise<{ stale: string[]; compared: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const shared = await readSharedStrings(zip);
  const stale: string[] = [];
  let compared = 0;
  for (const sheet of file.sheets) {
    const rows = computed.cells[sheet.name] ?? [];
    (await readSheetCells(zip, sheet.part, shared)).forEach((row, r) =>
      row.forEach((c, col) => {
        if (c.formula === undefined) return;
        compared++;
        const got = rows[r]?.[col] ?? "";
        if (!close(c.value ?? "", got))
          stale.push(
            `${sheet.name}!${columnLetter(col + 1)}${r + 1}: cached ${JSON.stringify(c.value)}, computed ${JSON.stringify(got)}`,
          );
      }),
    );
  }
  return { stale, compared };
}

describeUno("a month filled in LibreOffice, then refreshed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-uno-month-"));
  const file = (name: string) => path.join(dir, name);
  const dumps = new Map<string, Dump>();
  const patches = new Map<string, WorkbookPatch>();
  const said: Record<string, string> = {};
  let jobs = 0;

  const uno = (list: unknown[]) => {
    const job = file(`job-${jobs++}.json`);
    writeFileSync(job, JSON.stringify({ profile: file(`profile-${jobs}`), jobs: list }));
    execFileSync("/usr/bin/python3", [HARNESS, job], { stdio: "pipe", timeout: 300_000 });
  };
  const update = async (from: string, to: string) => {
    const r = await cli("--update", file(from), "--out", file(to));
    expect(r.code).toBe(0);
    return r.stderr;
  };
  const refresh = async (from: string, to: string, edition: EditionData) => {
    const r = await refreshWorkbook(new Uint8Array(readFileSync(file(from))), edition, { now: NOW });
    patches.set(to, r.patch);
    writeFileSync(file(to), r.buffer);
  };
  const dump = (name: string) => dumps.get(name) as Dump;

  beforeAll(async () => {
    writeFileSync(file("base.xlsx"), (await writeTemplate(data, { now: NOW, reportDate: `${YEAR}-06-30` })).buffer);
    uno([{ in: file("base.xlsx"), out: file("june.xlsx"), ops: JUNE }]);
    // The CLI's --update with the edition the workbook carries, each time to another file.
    said.june = await update("june.xlsx", "moved.xlsx");
    uno([{ in: file("moved.xlsx"), out: file("july.xlsx"), ops: JULY }]);
    said.july = await update("july.xlsx", "july-r.xlsx");
    await refresh("july.xlsx", "july-e.xlsx", corrected);
    uno([{ in: file("july-r.xlsx"), out: file("august.xlsx"), ops: AUGUST }]);
    said.august = await update("august.xlsx", "august-r.xlsx");
    const names = ["moved", "july", "july-r", "july-e", "august", "august-r"];
    uno(names.map((n) => ({ in: file(`${n}.xlsx`), recalc: true, dump: file(`${n}.json`) })));
    for (const n of names) dumps.set(n, JSON.parse(readFileSync(file(`${n}.json`), "utf8")) as Dump);
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the June refresh moved every typed figure into 6月, and 实际值 / 支出数 now follow it", () => {
    expect(said.june).toMatch(/移入月度表 6(,|)/);
    const m = dump("moved").cells[MT] ?? [];
    expect(monthsOf(m, "art01-hitech-firms")[5]).toBe(40);
    expect(monthsOf(m, "area1-rd-intensity")[5]).toBeCloseTo(0.0305, 12);
    const s = dump("moved").cells[MS] ?? [];
    expect([s[4]?.[columnOf(s, "6月")], s[5]?.[columnOf(s, "6月")]]).toEqual([13700, 12000]);
    const t = dump("moved").cells[T] ?? [];
    expect(t[rowOf(t, "art09-specialized-sme")]?.[columnOf(t, "实际值")]).toBe(38);
    expect(dump("moved").formulas[T]?.[rowOf(t, "art09-specialized-sme")]?.[columnOf(t, "实际值")]).toMatch(/月度填报/);
  });

  it.each(["july-r", "july-e"])("%s: every month cell the person left is kept exactly", (n) => {
    for (const sheet of [MT, MS]) {
      const was = dump("july").cells[sheet] ?? [];
      const now = dump(n).cells[sheet] ?? [];
      let kept = 0;
      for (let r = 4; r < was.length; r++) {
        const key = was[r]?.[0];
        if (typeof key !== "string" || key === "") continue;
        // 月度支出's rows by area number (row 5 is area 1), as MOVED_IN_JULY names them.
        const moved = MOVED_IN_JULY.find(([s, k]) => s === sheet && (k === key || (s === MS && k === String(r - 3))));
        const wanted = monthsOf(was, key).map((v, i) => (moved && i === moved[2] - 1 ? moved[3] : v));
        if (moved) expect(monthsOf(was, key)[moved[2] - 1]).toBe("");
        expect([sheet, key, monthsOf(now, key)]).toEqual([sheet, key, wanted]);
        kept += monthsOf(was, key).filter((v) => v !== "").length;
      }
      // 6月 of four targets and 7月 of three; 6月 of two areas and 7月 of one.
      expect([sheet, kept]).toEqual([sheet, sheet === MT ? 7 : 3]);
    }
    const m = dump(n).cells[MT] ?? [];
    expect(monthsOf(m, "art01-hitech-firms").slice(5, 7)).toEqual([40, 42]);
    expect(monthsOf(m, "art02-tech-projects").slice(5, 7)).toEqual([5, ""]);
    expect(monthsOf(m, "art09-specialized-sme").slice(5, 7)).toEqual([38, 41]);
    const s = dump(n).cells[MS] ?? [];
    expect(s[4]?.slice(columnOf(s, "6月"), columnOf(s, "7月") + 1)).toEqual([13700, 16500]);
    expect(s[5]?.slice(columnOf(s, "6月"), columnOf(s, "7月") + 1)).toEqual([12000, 15000]);
    expect(said.july).toMatch(new RegExp(`移入月度表 ${MOVED_IN_JULY.length}(,|)`));
    expect(patches.get("july-e.xlsx")?.summary.valuesMoved).toBe(MOVED_IN_JULY.length);
  });

  it.each(["july-r", "july-e"] as const)(
    "%s: 实际值 and 支出数 follow the report month, as the engine gives it",
    (n) => {
      const edition = n === "july-e" ? corrected : data;
      const d = dump(n);
      const m = d.cells[MT] ?? [];
      const s = d.cells[MS] ?? [];
      // Which months hold a number anywhere on the two monthly sheets.
      const anyNumber = MONTHS.map(
        (h) =>
          m.slice(4).some((row) => typeof row[columnOf(m, h)] === "number") ||
          s.slice(4).some((row) => typeof row[columnOf(s, h)] === "number"),
      );
      const month = reportMonth(anyNumber, DATES[n], YEAR);
      expect(month).toBe(7);
      expect(m[1]?.[1]).toBe(month);
      expect(s[1]?.[1]).toBe(month);
      const t = d.cells[T] ?? [];
      for (const target of edition.targets) {
        const want = reportMonthValue(monthsOf(m, target.id), month) ?? "";
        expect([target.id, t[rowOf(t, target.id)]?.[columnOf(t, "实际值")]]).toEqual([target.id, want]);
      }
      expect(t[rowOf(t, "art01-hitech-firms")]?.[columnOf(t, "实际值")]).toBe(42);
      expect(t[rowOf(t, "art02-tech-projects")]?.[columnOf(t, "实际值")]).toBe("");
      const e = d.cells[E] ?? [];
      edition.areas.forEach((_, i) => {
        const row = s[4 + i] ?? [];
        const want =
          reportMonthValue(
            MONTHS.map((h) => row[columnOf(s, h)] ?? ""),
            month,
          ) ?? "";
        expect(e[4 + i]?.[columnOf(e, "支出数")]).toEqual(want);
      });
      expect(e[4]?.[columnOf(e, "支出数")]).toBe(16500);
      expect(e[5]?.[columnOf(e, "支出数")]).toBe(15000);
      // The typed figures moved into 7月: 实际值 / 支出数 follow the monthly sheets again, by formula.
      const following = rowOf(t, "art07-tech-vice-presidents");
      expect(t[following]?.[columnOf(t, "实际值")]).toBe(20);
      expect(d.formulas[T]?.[following]?.[columnOf(t, "实际值")]).toMatch(/月度填报/);
      expect(d.formulas[E]?.[5]?.[columnOf(e, "支出数")]).toMatch(/月度支出/);
    },
  );

  it.each(["july-r", "july-e", "august-r"] as const)(
    "%s: each month's status and 目标任务's 状态 are the engine's",
    (n) => {
      const edition = n === "july-e" ? corrected : data;
      const d = dump(n);
      const m = d.cells[MT] ?? [];
      const t = d.cells[T] ?? [];
      const progress = timeProgress(DATES[n], YEAR);
      let compared = 0;
      for (const target of edition.targets as Target[]) {
        const months = monthsOf(m, target.id).map((v) => (typeof v === "number" ? fromExcelValue(target, v) : null));
        const row = m[rowOf(m, target.id)] ?? [];
        monthlyStatus(target, months, YEAR).forEach((want, i) => {
          if (isCalcError(want)) return;
          compared++;
          expect([target.id, MONTHS[i], row[columnOf(m, `${MONTHS[i]}状态`)]]).toEqual([target.id, MONTHS[i], want]);
        });
        const actual = t[rowOf(t, target.id)]?.[columnOf(t, "实际值")];
        const current = typeof actual === "number" ? fromExcelValue(target, actual) : null;
        const want = status(target, current, { timeProgress: progress });
        if (isCalcError(want)) continue;
        expect([target.id, t[rowOf(t, target.id)]?.[columnOf(t, "状态")]]).toEqual([target.id, want]);
      }
      expect(compared).toBeGreaterThan(edition.targets.length * 10);
      // A target on pace at 6月底 and behind at 7月底 shows both.
      const art01 = m[rowOf(m, "art01-hitech-firms")] ?? [];
      expect([art01[columnOf(m, "6月状态")], art01[columnOf(m, "7月状态")]]).toEqual(["达进度", "欠进度"]);
    },
  );

  it.each(["moved", "july-r", "july-e", "august-r"])(
    "%s: every formula cell's cached result equals LibreOffice's recalculation",
    async (n) => {
      const { stale, compared } = await staleCaches(new Uint8Array(readFileSync(file(`${n}.xlsx`))), dump(n));
      expect(stale).toEqual([]);
      expect(compared).toBeGreaterThan(data.targets.length * 20);
    },
  );

  it("the corrected edition's refresh updated the figure and appended the new target on the monthly sheet", () => {
    const patch = patches.get("july-e.xlsx") as WorkbookPatch;
    expect(patch.summary.rowsAppended.map((r) => [r.sheet, r.rowKey])).toContainEqual([MT, "art01-new-rd-centers"]);
    const m = dump("july-e").cells[MT] ?? [];
    expect(m[rowOf(m, "art01-hitech-firms")]?.[columnOf(m, "目标值")]).toBe(80);
    expect(monthsOf(m, "art01-new-rd-centers").every((v) => v === "")).toBe(true);
  });

  it("august: the typed 实际值 moves into 8月, the report month becomes 8 and every other month stays", () => {
    expect(said.august).toMatch(/移入月度表 1(,|)/);
    const before = dump("august");
    const after = dump("august-r");
    // LibreOffice saved August with 8月 still empty: the report month was 7 until the refresh moved 50 in.
    expect([before.cells[MT]?.[1]?.[1], before.cells[MS]?.[1]?.[1]]).toEqual([7, 7]);
    expect([after.cells[MT]?.[1]?.[1], after.cells[MS]?.[1]?.[1]]).toEqual([8, 8]);
    const m = after.cells[MT] ?? [];
    const was = before.cells[MT] ?? [];
    expect(monthsOf(m, "art01-hitech-firms")).toEqual(
      monthsOf(was, "art01-hitech-firms").map((v, i) => (i === 7 ? 50 : v)),
    );
    for (const target of data.targets.filter((t) => t.id !== "art01-hitech-firms"))
      expect([target.id, monthsOf(m, target.id)]).toEqual([target.id, monthsOf(was, target.id)]);
    const t = after.cells[T] ?? [];
    const actual = columnOf(t, "实际值");
    expect(t[rowOf(t, "art01-hitech-firms")]?.[actual]).toBe(50);
    // In 8月 only art01 has a figure: every other 实际值 is blank, as reportMonthValue gives it.
    expect(data.targets.filter((x) => t[rowOf(t, x.id)]?.[actual] !== "").map((x) => x.id)).toEqual([
      "art01-hitech-firms",
    ]);
  });
});
