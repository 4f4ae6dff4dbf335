import { getEdition } from "../../src/policy";
import type { Target } from "../../src/policy/types";
import { readReturnedFigure, type ReadFigure } from "../../src/returns";

const edition = getEdition("yueqing-2025")!;
const target = (id: string): Target => {
  const t = edition.targets.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};

const value = (r: ReadFigure) => ("value" in r ? r.value : r);
const hitech = edition.targets.find((t) => t.unit === "家" && t.kind === "count")!;
const rd = target("area1-rd-intensity"); // 3.12%左右
const rank = target("art10-trade-in-funds-rank"); // 温州前3
const trusts = target("art37-charity-trusts"); // 300万元
const yi = edition.targets.find((t) => t.unit === "亿元")!;
const share = target("area8-livelihood-spending-share"); // 三分之二, unitless ratio

describe("readReturnedFigure: figures the way people type them", () => {
  it.each([
    [12, 12],
    ["12", 12],
    ["１２", 12],
    ["12家", 12],
    ["十二家", 12],
    ["1,234", 1234],
    [" 12 ", 12],
  ])("a count target reads %p as %p", (typed, expected) => {
    expect(value(readReturnedFigure(hitech, typed))).toBe(expected);
  });

  it.each([
    ["3.3%", 0.033, false],
    ["３．３％", 0.033, false],
    ["3.3", 0.033, true],
    [3.3, 0.033, true],
    [0.033, 0.033, true],
    ["0.033", 0.033, true],
  ])("a percentage target reads %p as %p (assumption noted: %p)", (typed, expected, assumed) => {
    const read = readReturnedFigure(rd, typed);
    expect(value(read)).toBe(expected);
    const notes = "notes" in read ? read.notes.map((n) => n.code) : [];
    expect(notes.includes("assumedPercent")).toBe(assumed);
    if (assumed) expect("notes" in read && read.notes[0]?.zh).toContain("3.3%");
  });

  it("a number in a cell formatted as a percentage is a fraction, nothing assumed", () => {
    expect(readReturnedFigure(rd, 0.033, true)).toEqual({ value: 0.033, notes: [] });
  });

  it("a 95% target reads 0.96 and 96 as 96%", () => {
    const ratio = edition.targets.find((t) => t.unit === "%" && t.value !== null && t.value >= 80)!;
    expect(value(readReturnedFigure(ratio, 0.96))).toBe(0.96);
    expect(value(readReturnedFigure(ratio, "96"))).toBe(0.96);
  });

  it("a unitless ratio (三分之二) holds a fraction: 70% and 0.7 are 0.7", () => {
    expect(value(readReturnedFigure(share, "70%"))).toBe(0.7);
    expect(value(readReturnedFigure(share, 0.7))).toBe(0.7);
  });

  it.each([
    ["第3名", 3],
    ["3", 3],
    ["3名", 3],
    [2, 2],
  ])("a rank target reads %p as %p", (typed, expected) => {
    expect(value(readReturnedFigure(rank, typed))).toBe(expected);
  });

  it("converts money units: 1.2亿元 into a 万元 target is 12000, 5000万元 into a 亿元 target is 0.5", () => {
    const read = readReturnedFigure(trusts, "1.2亿元");
    expect(value(read)).toBe(12000);
    expect("notes" in read && read.notes[0]?.code).toBe("convertedUnit");
    expect(value(readReturnedFigure(yi, "5000万元"))).toBe(0.5);
    expect(value(readReturnedFigure(yi, "0.8亿元"))).toBe(0.8);
  });

  it.each(["约12家", "待统计", "—", "12家左右", "10-12", "12家企业", "N/A"])("rejects %p with its text", (typed) => {
    const read = readReturnedFigure(hitech, typed);
    expect(read).toEqual({ rejected: expect.objectContaining({ code: "notFigure" }) });
    expect("rejected" in read && read.rejected.zh).toContain(typed);
  });

  it("rejects a figure in another unit, a % for a count, 第3名 for a count", () => {
    expect(readReturnedFigure(hitech, "12人")).toEqual({ rejected: expect.objectContaining({ code: "wrongUnit" }) });
    expect(readReturnedFigure(hitech, "12%")).toEqual({ rejected: expect.objectContaining({ code: "wrongUnit" }) });
    expect(readReturnedFigure(hitech, "第3名")).toEqual({ rejected: expect.objectContaining({ code: "notRank" }) });
    expect(readReturnedFigure(yi, "12家")).toEqual({ rejected: expect.objectContaining({ code: "wrongUnit" }) });
  });

  it("a blank cell is no figure and no rejection", () => {
    expect(readReturnedFigure(hitech, null)).toEqual({ blank: true });
    expect(readReturnedFigure(hitech, "  ")).toEqual({ blank: true });
  });
});

describe("readReturnedFigure: a percentage cell", () => {
  it("holds a fraction, but a 3.3 left unconverted in it is read as 3.3% and noted", () => {
    expect(readReturnedFigure(rd, 3.3, true)).toEqual({
      value: 0.033,
      notes: [expect.objectContaining({ code: "assumedPercent" })],
    });
  });
});
