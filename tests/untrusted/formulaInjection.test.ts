/**
 * Issue 18, class 2: text reaches Excel as text on every Office.js route, whatever it starts with. A hostile
 * edition (titles, indicators, units, departments beginning with =, +, -, @ — DDE and HYPERLINK payloads) is written
 * through the fake Excel (which parses `formulas` and `values` as Excel does: "=…" is a formula, "'…" is text), and
 * every cell is read back: each hostile string is a value equal to the text, and no formula holds a payload.
 * The same edition also goes through Microsoft's own office.js (RequestContext over HTTP, answered by the fake: see
 * tests/workbook/support/richApi.ts), so the real library's serialization of `values`/`formulas` is what lands.
 */
import { generateWorkbook } from "../../src/excel";
import { writeReportSheet } from "../../src/excel/report";
import { textInput } from "../../src/excel/textInput";
import { reportSheetLayout } from "../../src/sheets/report";
import { rectangle } from "../../src/taskpane/excel/reviewSheet";
import { getEdition, type EditionData } from "../../src/policy";
import { FakeExcel, type FakeSheet } from "../workbook/support/fakeExcel";
import { FORMULA_PAYLOADS } from "../support/hostile";
import { loadOfficeJs, RichApiServer } from "../workbook/support/richApi";

const bundled = getEdition("yueqing-2025") as EditionData;
const NOW = new Date("2025-07-01T02:00:00Z");

/** The edition with its people-facing strings replaced by payloads, cycling through them. */
function hostileEdition(payloads: readonly string[]): { data: EditionData; planted: Set<string> } {
  const planted = new Set<string>();
  let i = 0;
  const next = (tag: string) => {
    const p = `${payloads[i++ % payloads.length]}${tag}`;
    planted.add(p);
    return p;
  };
  const data: EditionData = {
    ...bundled,
    document: { ...bundled.document, title: next("标题"), issuer: next("发文") },
    areas: bundled.areas.map((a) => ({ ...a, title: next(`领域${a.no}`), lead: next(`牵头${a.no}`) })),
    articles: bundled.articles.map((a) => ({
      ...a,
      responsible: a.responsible.map((r, k) => next(`责任${a.no}-${k}`)),
    })),
    targets: bundled.targets.map((t, k) => ({
      ...t,
      indicator: next(`指标${k}`),
      unit: k % 3 === 0 ? next(`单位${k}`) : t.unit,
    })),
  };
  return { data, planted };
}

interface Seen {
  asText: number;
  asFormula: string[];
}

function readBack(sheets: readonly FakeSheet[], planted: ReadonlySet<string>, contains = false): Seen {
  const seen: Seen = { asText: 0, asFormula: [] };
  for (const sheet of sheets)
    for (const [key, cell] of sheet.cells) {
      const text = typeof cell.value === "string" ? cell.value : undefined;
      const hit = text !== undefined && (contains ? [...planted].some((p) => text.includes(p)) : planted.has(text));
      if (hit && cell.formula === undefined) seen.asText++;
      if (
        cell.formula !== undefined &&
        /HYPERLINK\("http:\/\/evil|cmd\||WEBSERVICE|SUM\(1\+1\)|^=1\+1/.test(cell.formula)
      )
        seen.asFormula.push(`${sheet.name}!${key} ${cell.formula}`);
    }
  return seen;
}

describe("2. formula injection through the Office.js writers", () => {
  it.each(FORMULA_PAYLOADS.map((p) => [p]))(
    "an edition full of %j: written as text, read back as values",
    async (payload) => {
      const { data, planted } = hostileEdition([payload]);
      const excel = new FakeExcel();
      await generateWorkbook(excel.context, { edition: data, now: NOW, reportDate: "2025-06-30" });
      const seen = readBack(excel.sheets, planted);
      expect(seen.asFormula).toEqual([]);
      expect(seen.asText).toBeGreaterThan(100);
      // A refresh with the same edition writes nothing new and still no formula.
      await generateWorkbook(excel.context, { edition: data, now: NOW });
      expect(readBack(excel.sheets, planted).asFormula).toEqual([]);
    },
  );

  it("every payload at once through Microsoft's office.js: the real client's requests write values, not formulas", async () => {
    const { data, planted } = hostileEdition(FORMULA_PAYLOADS);
    const excel = new FakeExcel();
    const server = new RichApiServer(excel);
    const url = await server.start();
    try {
      const officeJs = loadOfficeJs();
      const context = () => new officeJs.RequestContext(url);
      await generateWorkbook(context(), { edition: data, now: NOW, reportDate: "2025-06-30" });
      await generateWorkbook(context(), { edition: data, now: NOW });
    } finally {
      await server.close();
    }
    const seen = readBack(excel.sheets, planted);
    expect(seen.asFormula).toEqual([]);
    expect(seen.asText).toBeGreaterThan(100);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it("every payload at once, the refresh from the bundled edition and back", async () => {
    const { data, planted } = hostileEdition(FORMULA_PAYLOADS);
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { edition: bundled, now: NOW, reportDate: "2025-06-30" });
    await generateWorkbook(excel.context, { edition: data, now: NOW });
    const seen = readBack(excel.sheets, planted);
    expect(seen.asFormula).toEqual([]);
    expect(seen.asText).toBeGreaterThan(100);
  });

  it("the report sheet writes a hostile report's text as text", async () => {
    const text = {
      title: FORMULA_PAYLOADS[0],
      subtitle: FORMULA_PAYLOADS[1],
      period: "2025年1–6月",
      sections: [{ heading: FORMULA_PAYLOADS[2], paragraphs: [...FORMULA_PAYLOADS] }],
      figures: [],
    };
    const excel = new FakeExcel();
    await writeReportSheet(excel.context, reportSheetLayout(text, "2025-07-01 10:30"));
    const seen = readBack(excel.sheets, new Set(FORMULA_PAYLOADS), true);
    expect(seen.asFormula).toEqual([]);
    expect(seen.asText).toBeGreaterThanOrEqual(FORMULA_PAYLOADS.length);
  });

  it("the review sheet's rows and text lines go as text", () => {
    const rows = rectangle([
      ["编号", "原文"],
      ["x", FORMULA_PAYLOADS[1]],
      ["'quoted", 3],
    ]);
    expect(rows).toEqual([
      ["编号", "原文"],
      ["x", `'${FORMULA_PAYLOADS[1]}`],
      ["''quoted", 3],
    ]);
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+86 577", "'+86 577"],
    ["-10%", "'-10%"],
    ["@A1", "'@A1"],
    [" =1", "' =1"],
    ["'引号", "''引号"],
    ["＝1+1", "'＝1+1"],
    ["研发经费投入强度", "研发经费投入强度"],
    ["3.12%", "3.12%"],
  ])("textInput(%j) = %j", (text, sent) => {
    expect(textInput(text)).toBe(sent);
  });
});
