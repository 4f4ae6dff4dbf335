import { getEdition } from "../../src/policy";
import {
  identityIntact,
  leadOf,
  makeIdentity,
  readMonthKey,
  reminderText,
  returnFileName,
  returnStatus,
  returnsForMonth,
  unitDuties,
  type CellValue,
} from "../../src/returns";

/** A month row with only month `m` filled. */
const monthRow = (m: number, v: CellValue): CellValue[] =>
  Array.from({ length: 12 }, (_, i) => (i === m - 1 ? v : null));

const edition = getEdition("yueqing-2025")!;
const JULY = { year: 2025, month: 7 };
const empty = { months: new Map<string, CellValue[]>(), texts: new Map() };

describe("who leads what", () => {
  it("an article's target is led by its first 责任单位, an area's headline target by the area's 牵头单位", () => {
    const headline = edition.targets.find((t) => t.article === null)!;
    expect(leadOf(edition, headline)).toBe(edition.areas.find((a) => a.no === headline.area)!.lead);
    const art = edition.targets.find((t) => t.article !== null)!;
    expect(leadOf(edition, art)).toBe(edition.articles.find((a) => a.no === art.article)!.responsible[0]);
  });

  it("an article that names no 责任单位 is led by its area's 牵头单位, as ZC.TARGET's lead field and the report say", () => {
    const art = edition.targets.find((t) => t.article !== null)!;
    const articles = edition.articles.map((a) => (a.no === art.article ? { ...a, responsible: [] } : a));
    const unnamed = { ...edition, articles };
    const areaLead = edition.areas.find((a) => a.no === art.area)!.lead;
    expect(leadOf(unnamed, art)).toBe(areaLead);
    expect(unitDuties(unnamed).find((d) => d.unit === areaLead)!.leads).toContainEqual(art);
  });

  it("every target has exactly one lead; the 2025 edition's 38 units, of which the leads get returns", () => {
    const duties = unitDuties(edition);
    expect(duties.length).toBe(38);
    expect(duties.flatMap((d) => d.leads).length).toBe(edition.targets.length);
    const leading = duties.filter((d) => d.leads.length > 0).map((d) => d.unit);
    expect(leading).toContain("市科技局");
    expect(leading).toContain("市商务局");
    const { returns, withoutReturn } = returnsForMonth(edition, empty, JULY);
    expect(returns.map((r) => r.unit)).toEqual(leading);
    expect(withoutReturn.length + leading.length).toBe(38);
  });

  it("a supporting 责任单位 sees the targets it shares, with their lead", () => {
    const { returns } = returnsForMonth(edition, empty, JULY);
    const jingxin = returns.find((r) => r.unit === "市经信局")!;
    const shared = jingxin.supports.find((s) => s.target.article === 1);
    expect(shared?.lead).toBe("市科技局");
  });
});

describe("a return's identity", () => {
  it("survives a round trip and notices a changed 编号, unit, month or edition", () => {
    const id = makeIdentity("市科技局", JULY, "yueqing-2025", ["a", "b"]);
    expect(identityIntact(id)).toBe(true);
    expect(id.checksum).toMatch(/^[0-9a-f]{16}$/);
    expect(identityIntact({ ...id, ids: ["a", "c"] })).toBe(false);
    expect(identityIntact({ ...id, ids: ["b", "a"] })).toBe(false);
    expect(identityIntact({ ...id, unit: "市经信局" })).toBe(false);
    expect(identityIntact({ ...id, month: "2025-08" })).toBe(false);
    expect(identityIntact({ ...id, editionId: "yueqing-2026" })).toBe(false);
  });

  it("names files by month and unit, safely for Windows", () => {
    expect(returnFileName("市科技局", JULY)).toBe("2025-07_市科技局.xlsx");
    expect(returnFileName("市委组织部<市委人才办>", JULY)).toBe("2025-07_市委组织部〈市委人才办〉.xlsx");
  });

  it("reads months as people write them", () => {
    expect(readMonthKey("2025-07")).toEqual(JULY);
    expect(readMonthKey("2025年7月")).toEqual(JULY);
    expect(readMonthKey("2025-13")).toBeUndefined();
    expect(readMonthKey("July")).toBeUndefined();
  });
});

describe("催报", () => {
  it("lists units with missing or incomplete returns, from the workbook's month column", () => {
    const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
    const months = new Map<string, CellValue[]>();
    // 市科技局 answered one target of its several; everyone else nothing; 市商务局 everything.
    months.set(keji.leads[0]!.id, monthRow(7, 5));
    for (const t of unitDuties(edition).find((d) => d.unit === "市商务局")!.leads) months.set(t.id, monthRow(7, 1));
    const statuses = returnStatus(edition, { months, texts: new Map() }, 7);
    expect(statuses.find((s) => s.unit === "市科技局")).toMatchObject({ state: "未报全" });
    expect(statuses.find((s) => s.unit === "市科技局")!.missing.length).toBe(keji.leads.length - 1);
    expect(statuses.find((s) => s.unit === "市商务局")?.state).toBe("已报");
    expect(statuses.find((s) => s.unit === "市经信局")?.state).toBe("未报");
    const text = reminderText(edition, statuses, JULY, { deadline: "8月5日", sendTo: "市财政局绩效科" });
    expect(text).toContain("于8月5日前报送2025年1—7月");
    expect(text).toContain("市科技局(未报全");
    expect(text).not.toContain("市商务局");
    expect(text).toContain("市财政局绩效科");
    expect(text.split("\n").length).toBe(statuses.filter((s) => s.state !== "已报").length + 1);
  });

  it("says nothing when everyone answered", () => {
    const months = new Map(edition.targets.map((t) => [t.id, Array<CellValue>(12).fill(1)]));
    expect(reminderText(edition, returnStatus(edition, { months, texts: new Map() }, 7), JULY)).toBe("");
  });
});
