import { getEdition } from "../../src/policy";
import {
  leadOf,
  logRecords,
  makeIdentity,
  planMerge,
  unitDuties,
  type CellValue,
  type LogRecord,
  type MergeInput,
  type ReturnedFile,
  type ReturnedRow,
  type WorkbookCells,
} from "../../src/returns";

/** A month row with only month `m` filled. */
const monthRow = (m: number, v: CellValue): CellValue[] =>
  Array.from({ length: 12 }, (_, i) => (i === m - 1 ? v : null));

const edition = getEdition("yueqing-2025")!;
const JULY = { year: 2025, month: 7 };
const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
const hitech = keji.leads.find((t) => t.kind === "count")!;
const rd = keji.leads.find((t) => t.id === "area1-rd-intensity")!;
const other = edition.targets.find((t) => leadOf(edition, t) !== "市科技局")!;

function file(name: string, rows: ReturnedRow[], opts: { unit?: string; month?: typeof JULY; ids?: string[] } = {}) {
  const unit = opts.unit ?? "市科技局";
  const ids =
    opts.ids ??
    unitDuties(edition)
      .find((d) => d.unit === unit)!
      .leads.map((t) => t.id);
  return {
    name,
    digest: name.padEnd(64, "0"),
    identity: makeIdentity(unit, opts.month ?? JULY, edition.document.id, ids),
    rows,
  };
}

function workbook(months: Record<string, CellValue[]> = {}, texts: WorkbookCells["texts"] = new Map()): WorkbookCells {
  return { months: new Map(Object.entries(months)), texts };
}

const plan = (files: ReturnedFile[], wb = workbook(), more: Partial<MergeInput> = {}) =>
  planMerge({ edition, workbook: wb, files, ...more });

/** Applies a plan's writes to a workbook, as a host would. */
function apply(wb: WorkbookCells, writes: ReturnType<typeof plan>["writes"]): WorkbookCells {
  const months = new Map([...wb.months].map(([k, v]) => [k, [...v]]));
  const texts = new Map([...wb.texts].map(([k, v]) => [k, { ...v }]));
  for (const w of writes) {
    if (w.field === "累计值") {
      const row = months.get(w.id) ?? Array<CellValue>(12).fill(null);
      row[w.month - 1] = w.value;
      months.set(w.id, row);
    } else texts.set(w.id, { ...texts.get(w.id), [w.field]: w.value });
  }
  return { months, texts };
}

describe("planMerge", () => {
  it("writes a unit's figures into the return's month, reading them as typed", () => {
    const p = plan([
      file("a.xlsx", [
        { id: hitech.id, figure: "１２家" },
        { id: rd.id, figure: "3.3%" },
      ]),
    ]);
    expect(p.files[0]?.refused).toBeUndefined();
    expect(p.writes).toEqual([
      { id: hitech.id, month: 7, field: "累计值", value: 12 },
      { id: rd.id, month: 7, field: "累计值", value: 0.033 },
    ]);
    expect(p.cells.map((c) => c.outcome)).toEqual(["写入", "写入"]);
  });

  it("a late June return fills 6月, not the current month", () => {
    const p = plan([file("june.xlsx", [{ id: hitech.id, figure: 9 }], { month: { year: 2025, month: 6 } })]);
    expect(p.writes).toEqual([{ id: hitech.id, month: 6, field: "累计值", value: 9 }]);
  });

  it("never overwrites silently: a different value is a conflict unless taken; the same value is a no-op", () => {
    const wb = workbook({ [hitech.id]: [1, 2, 3, 4, 5, 6, 7], [rd.id]: monthRow(7, 0.033) });
    const files = [
      file("a.xlsx", [
        { id: hitech.id, figure: 12 },
        { id: rd.id, figure: "3.3%" },
      ]),
    ];
    const p = plan(files, wb);
    expect(p.writes).toEqual([]);
    expect(p.cells.map((c) => [c.id, c.outcome, c.before, c.returned])).toEqual([
      [hitech.id, "冲突", 7, 12],
      [rd.id, "相同", 0.033, 0.033],
    ]);
    expect(p.cells[0]?.notes[0]?.zh).toContain("7");
    const taken = plan(files, wb, { takeReturned: true });
    expect(taken.cells[0]?.outcome).toBe("已采纳");
    expect(taken.writes).toEqual([{ id: hitech.id, month: 7, field: "累计值", value: 12 }]);
    const chosen = plan(files, wb, { takeReturned: (c) => c.id === rd.id });
    expect(chosen.cells[0]?.outcome).toBe("冲突");
  });

  it("is idempotent: merging the same files twice writes nothing the second time", () => {
    const files = [
      file("a.xlsx", [
        { id: hitech.id, figure: "12家" },
        { id: rd.id, figure: 3.3, texts: { 情况说明: "按计划推进", 完成目标可能性: "有可能" } },
      ]),
    ];
    const first = plan(files);
    expect(first.writes.length).toBe(4);
    const second = plan(files, apply(workbook(), first.writes));
    expect(second.writes).toEqual([]);
    expect(second.cells.every((c) => c.outcome === "相同")).toBe(true);
  });

  it("refuses whole files: not a return, checksum mismatch, another edition, another year, the same bytes twice", () => {
    const good = file("good.xlsx", [{ id: hitech.id, figure: 12 }]);
    const edited = {
      ...good,
      name: "edited.xlsx",
      digest: "e".repeat(64),
      identity: { ...good.identity, ids: [hitech.id, other.id] },
    };
    const foreign = {
      ...good,
      name: "foreign.xlsx",
      digest: "f".repeat(64),
      identity: makeIdentity("市科技局", JULY, "ruian-2025", [hitech.id]),
    };
    const lastYear = file("2024.xlsx", [{ id: hitech.id, figure: 12 }], { month: { year: 2024, month: 12 } });
    const notReturn = { name: "notes.xlsx", digest: "n".repeat(64), rows: [{ id: hitech.id, figure: 99 }] };
    const copy = { ...good, name: "good (1).xlsx" };
    const p = plan([good, edited, foreign, lastYear, notReturn, copy]);
    expect(p.files.map((f) => f.refused?.code)).toEqual([
      undefined,
      "checksumMismatch",
      "otherEdition",
      "otherYear",
      "notReturn",
      "duplicateFile",
    ]);
    expect(p.files[2]?.refused?.zh).toContain("ruian-2025");
    expect(p.writes).toEqual([{ id: hitech.id, month: 7, field: "累计值", value: 12 }]);
    const log = logRecords(p, "2025-08-05 09:30");
    expect(log.filter((r) => r.编号 === "" && r.结果 === "拒绝").map((r) => r.文件)).toEqual([
      `edited.xlsx (${"e".repeat(12)})`,
      `foreign.xlsx (${"f".repeat(12)})`,
      `2024.xlsx (${"2024.xlsx".padEnd(12, "0")})`,
      `notes.xlsx (${"n".repeat(12)})`,
      `good (1).xlsx (${"good.xlsx".padEnd(12, "0")})`,
    ]);
  });

  it("rejects rows: an unknown 编号, one not sent to the unit, one without 编号, unreadable figures", () => {
    const ids = [...keji.leads.map((t) => t.id), "no-such-target"];
    const p = plan([
      file(
        "a.xlsx",
        [
          { id: "no-such-target", figure: 1 },
          { id: other.id, figure: 1 },
          { id: "", figure: 5 },
          { id: "", figure: null },
          { id: hitech.id, figure: "约12家" },
          { id: rd.id, figure: "待统计" },
        ],
        { ids },
      ),
    ]);
    expect(p.writes).toEqual([]);
    expect(p.cells.map((c) => [c.outcome, c.notes[0]?.code, c.returned])).toEqual([
      ["拒绝", "unknownId", 1],
      ["拒绝", "notInReturn", 1],
      ["拒绝", "noId", 5],
      ["拒绝", "notFigure", "约12家"],
      ["拒绝", "notFigure", "待统计"],
    ]);
  });

  it("flags a row the unit does not lead; staff may accept it", () => {
    const ids = [...keji.leads.map((t) => t.id), other.id];
    const files = [file("a.xlsx", [{ id: other.id, figure: 1 }], { ids })];
    const refused = plan(files);
    expect(refused.cells[0]).toMatchObject({ outcome: "拒绝", flagged: true });
    expect(refused.cells[0]?.notes[0]?.code).toBe("notLead");
    const accepted = plan(files, workbook(), { acceptNotLead: ({ id }) => id === other.id });
    expect(accepted.cells[0]).toMatchObject({ outcome: "写入", flagged: true });
    expect(accepted.writes.length).toBe(1);
  });

  it("flags a cumulative figure below the unit's previous month (written all the same), not a 下降 target's", () => {
    const wb = workbook({ [hitech.id]: [1, 2, 3, 4, 5, 20] });
    const p = plan(
      [
        file("a.xlsx", [
          { id: hitech.id, figure: 15 },
          { id: rd.id, figure: "2%" },
        ]),
      ],
      wb,
    );
    expect(p.cells[0]).toMatchObject({ outcome: "写入", flagged: true });
    expect(p.cells[0]?.notes.map((n) => n.zh).join()).toContain("6月");
    expect(p.writes.length).toBe(2);
    const plain = plan([file("a.xlsx", [{ id: hitech.id, figure: 25 }])], wb);
    expect(plain.cells[0]?.flagged).toBe(false);
  });

  it("returns that disagree on one cell write none of it", () => {
    const p = plan([file("a.xlsx", [{ id: hitech.id, figure: 12 }]), file("b.xlsx", [{ id: hitech.id, figure: 13 }])]);
    expect(p.writes).toEqual([]);
    expect(p.cells.map((c) => c.outcome)).toEqual(["冲突", "冲突"]);
    expect(p.cells[0]?.notes[0]?.zh).toContain("12 / 13");
  });

  it("a text the merge wrote for an earlier month gives way to a later month's; one typed by staff does not", () => {
    const june = file("june.xlsx", [{ id: hitech.id, figure: 9, texts: { 情况说明: "6月进展" } }], {
      month: { year: 2025, month: 6 },
    });
    const first = plan([june]);
    const log: LogRecord[] = logRecords(first, "2025-07-05");
    const wb = apply(workbook(), first.writes);
    const july = file("july.xlsx", [{ id: hitech.id, figure: 12, texts: { 情况说明: "7月进展" } }]);
    const second = plan([july], wb, { log });
    expect(second.cells.find((c) => c.field === "情况说明")).toMatchObject({ outcome: "写入", before: "6月进展" });
    const typedByStaff = apply(wb, [{ id: hitech.id, month: 0, field: "情况说明", value: "财政局补充" }]);
    const third = plan([july], typedByStaff, { log });
    expect(third.cells.find((c) => c.field === "情况说明")?.outcome).toBe("冲突");
  });

  it("rejects a 完成目标可能性 outside the drop-down", () => {
    const p = plan([file("a.xlsx", [{ id: hitech.id, figure: null, texts: { 完成目标可能性: "大概能" } }])]);
    expect(p.cells[0]).toMatchObject({ outcome: "拒绝", returned: "大概能" });
    expect(p.writes).toEqual([]);
  });

  it("logs one 填报记录 row per cell, with the file's name and the first 12 hex digits of its digest", () => {
    const p = plan([
      file("a.xlsx", [
        { id: hitech.id, figure: 12 },
        { id: rd.id, figure: "约3%" },
      ]),
    ]);
    expect(logRecords(p, "2025-08-05 09:30")).toEqual([
      {
        时间: "2025-08-05 09:30",
        单位: "市科技局",
        文件: "a.xlsx (a.xlsx000000)",
        编号: hitech.id,
        月份: "2025-07",
        栏目: "累计值",
        原值: "",
        新值: "12",
        结果: "写入",
        说明: "",
      },
      expect.objectContaining({ 编号: rd.id, 新值: "约3%", 结果: "拒绝", 说明: "“约3%”不是可读的数字,未写入" }),
    ]);
  });
});
