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
import { FORMULA_PAYLOADS, NUMBER_LIKE_TEXTS } from "../support/hostile";
import { loadOfficeJs, RichApiServer } from "../workbook/support/richApi";

const bundled = getEdition("yueqing-2025") as EditionData;
const NOW = new Date("2025-07-01T02:00:00Z");

/**
 * The edition with its people-facing strings replaced by payloads, cycling through them; each followed by a tag
 * naming its place, or (`whole`) the payload alone, for text that only converts as a whole (`0012`).
 */
function hostileEdition(
  payloads: readonly string[],
  { whole = false }: { whole?: boolean } = {},
): { data: EditionData; planted: Set<string> } {
  const planted = new Set<string>();
  let i = 0;
  const next = (tag: string) => {
    const p = `${payloads[i++ % payloads.length]}${whole ? "" : tag}`;
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
    ["3.12%", "'3.12%"],
    ["0012", "'0012"],
    ["#N/A", "'#N/A"],
    ["true", "'true"],
    ["Truebell", "Truebell"],
    ["May 5", "'May 5"],
    ["May", "May"],
    ["下午3:00", "'下午3:00"],
    ["１２", "'１２"],
    ["3.12%左右", "'3.12%左右"],
    ["（一）科技创新", "（一）科技创新"],
  ])("textInput(%j) = %j", (text, sent) => {
    expect(textInput(text)).toBe(sent);
  });
});

/** Value cells holding exactly `text`. */
function textCells(sheets: readonly FakeSheet[], text: string): number {
  let n = 0;
  for (const sheet of sheets) for (const cell of sheet.cells.values()) if (cell.value === text && !cell.formula) n++;
  return n;
}

describe("number-like text stays text through the Office.js writers", () => {
  it.each(NUMBER_LIKE_TEXTS.map((t) => [t]))(
    "the fake Excel converts %j sent through values, as Excel does",
    (text) => {
      const excel = new FakeExcel();
      excel.addSheet("Sheet1");
      excel.set("Sheet1", "A1", text);
      excel.set("Sheet1", "A2", textInput(text));
      expect(typeof excel.get("Sheet1", "A1")).not.toBe("string");
      expect(excel.get("Sheet1", "A2")).toBe(text);
    },
  );

  const indicatorUses = (data: EditionData, text: string) => data.targets.filter((t) => t.indicator === text).length;

  it("an edition whose indicators, units, areas and departments are number-like: every one read back as the text", async () => {
    const { data } = hostileEdition(NUMBER_LIKE_TEXTS, { whole: true });
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { edition: data, now: NOW, reportDate: "2025-06-30" });
    // Each indicator is written on 目标任务, 月度填报, 月度状态, 绩效监控 and 责任分工: at least once a target.
    for (const text of NUMBER_LIKE_TEXTS)
      expect({ text, enough: textCells(excel.sheets, text) >= indicatorUses(data, text) }).toEqual({
        text,
        enough: true,
      });
    // A refresh with the same edition finds every text as it wrote it: nothing to write.
    const again = await generateWorkbook(excel.context, { edition: data, now: NOW });
    expect(again.cellsWritten).toBe(0);
  });

  it("the same edition through Microsoft's office.js: every one read back as the text", async () => {
    const { data } = hostileEdition(NUMBER_LIKE_TEXTS, { whole: true });
    const excel = new FakeExcel();
    const server = new RichApiServer(excel);
    const url = await server.start();
    try {
      const officeJs = loadOfficeJs();
      await generateWorkbook(new officeJs.RequestContext(url), { edition: data, now: NOW, reportDate: "2025-06-30" });
    } finally {
      await server.close();
    }
    for (const text of NUMBER_LIKE_TEXTS)
      expect({ text, enough: textCells(excel.sheets, text) >= indicatorUses(data, text) }).toEqual({
        text,
        enough: true,
      });
  }, 120_000);
});
