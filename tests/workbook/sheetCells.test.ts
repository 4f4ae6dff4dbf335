// Reading a worksheet part's cells from its text (sheetCells) and the character data it decodes (xmlTree): what
// a host reads back, whatever way a writer spelled it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { getEdition } from "../../src/policy";
import type { RawCell } from "../../src/workbook/cells";
import { writeTemplate } from "../../src/xlsx";
import { openPackage, stringItemText } from "../../src/xlsx/parts";
import { readCells } from "../../src/xlsx/sheetCells";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { BadPartError } from "../../src/xlsx/xml";
import { decodeText, parseNodes, XmlElement, XmlSyntaxError } from "../../src/xlsx/xmlTree";
import { BAD_CHARACTER_REFERENCES, rezip, sheetPartOf } from "../support/hostile";

const root = path.resolve(__dirname, "..", "..");

describe("decodeText", () => {
  it("resolves the five predefined entities and numeric references, wherever they stand", () => {
    expect(decodeText("&lt;&gt;&amp;&quot;&apos;")).toBe(`<>&"'`);
    expect(decodeText(`IF(A1&gt;0,&quot;是&quot;,&quot;&quot;)&amp;B1`)).toBe(`IF(A1>0,"是","")&B1`);
    expect(decodeText("&#x4E2D;&#25991;&#X41;")).toBe("中文A");
    expect(decodeText("no references")).toBe("no references");
    expect(decodeText("&amp;amp;")).toBe("&amp;");
  });

  it.each(["&nbsp;", "&l;", "&ltx;", "&Lt;", "&am;", "&quo;", "&aposx;", "&constructor;", "&toString;", "&__proto__;"])(
    "refuses %s, which names no predefined entity",
    (ref) => {
      expect(() => decodeText(`a${ref}b`)).toThrow(XmlSyntaxError);
    },
  );

  it.each([...BAD_CHARACTER_REFERENCES, "&#1;", "&#x1F;", "&#xD800;", "&#xFFFE;", "&#;", "&#x;"])(
    "refuses %s, a reference to no character XML allows",
    (ref) => {
      expect(() => decodeText(`a${ref}b`)).toThrow(XmlSyntaxError);
    },
  );

  it("takes the controls XML allows and the planes beyond the basic one", () => {
    expect(decodeText("&#9;&#xA;&#13;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;")).toBe(
      "\t\n\r \uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}",
    );
  });

  it("refuses a reference without its semicolon, naming where it starts", () => {
    expect(() => decodeText("a &lt b", 100)).toThrow("at offset 102");
  });
});

/** The cells of `rows` written as a worksheet's `<sheetData>` (with the prefix `p`, as some writers do). */
function cellsOf(rows: string, shared: readonly string[] = [], p = ""): RawCell[][] {
  const text = `<${p}worksheet><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
  const from = text.indexOf("<", text.indexOf(`<${p}sheetData>`) + 1);
  return readCells(text, from, text.lastIndexOf(`</${p}sheetData>`), shared);
}

describe("readCells", () => {
  it("reads each kind of value as a host does", () => {
    const rows =
      `<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><v>a &amp; b</v></c>` +
      `<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="e"><v>#N/A</v></c>` +
      `<c r="G1" t="d"><v>2025-06-30T00:00:00Z</v></c><c r="H1"><v></v></c><c r="I1" s="3"/></row>`;
    expect(cellsOf(rows, ["零", "壹"])).toEqual([
      [
        { value: 1.5 },
        { value: "壹" },
        { value: "a & b" },
        { value: true },
        { value: false },
        { value: "#N/A" },
        { value: new Date("2025-06-30T00:00:00Z") },
        { value: null },
        { value: null },
      ],
    ]);
  });

  it("reads a date-time without a zone as UTC, whatever the machine's zone (a 乐清 machine is UTC+8)", () => {
    // Jest's sandbox keeps the zone it started in: the reader runs in a node of its own, set to 乐清's zone.
    const rows = `<row r="1"><c r="A1" t="d"><v>2025-06-30T00:00:00</v></c><c r="B1" t="d"><v>2025-06-30</v></c><c r="C1" t="d"><v>2025-06-30T08:00:00+08:00</v></c></row>`;
    const script = `const { readCells } = require(${JSON.stringify(path.join(root, "src/xlsx/sheetCells.ts"))});
      const text = ${JSON.stringify(`<sheetData>${rows}</sheetData>`)};
      const cells = readCells(text, 11, text.length - 12, []);
      process.stdout.write(JSON.stringify(cells[0].map((c) => c.value)));`;
    const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--eval", script], {
      env: { ...process.env, TZ: "Asia/Shanghai" },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(Array(3).fill("2025-06-30T00:00:00.000Z"));
  });

  it("inline strings join their runs, rich text included, and skip phonetic runs", () => {
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>纯文本</t></is></c>` +
      `<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>加粗</t></r><r><t xml:space="preserve"> 与 </t></r>` +
      `<r><t><![CDATA[<普通>]]></t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c></row>`;
    expect(cellsOf(rows)).toEqual([[{ value: "纯文本" }, { value: "加粗 与 <普通>" }]]);
  });

  it("formulas get their '=', shared ones are expanded from their master for each cell", () => {
    const rows =
      `<row r="2"><c r="A2"><f>SUM(B2:C2)&amp;&quot;元&quot;</f><v>3</v></c>` +
      `<c r="B2"><f t="shared" ref="B2:C3" si="0">$A$1+A2</f><v>1</v></c><c r="C2"><f t="shared" si="0"/><v>2</v></c></row>` +
      `<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><f t="shared" si="7"/><v>5</v></c></row>`;
    const cells = cellsOf(rows);
    expect(cells[0]).toEqual([]);
    expect(cells[1]).toEqual([
      { value: 3, formula: '=SUM(B2:C2)&"元"' },
      { value: 1, formula: "=$A$1+A2" },
      { value: 2, formula: "=$A$1+B2" },
    ]);
    // A shared formula whose master is missing reads as its value alone.
    expect(cells[2]).toEqual([{ value: null }, { value: 4, formula: "=$A$1+A3" }, { value: 5 }]);
  });

  it("places cells and rows written without their addresses after the previous ones", () => {
    const rows = `<row><c><v>1</v></c><c r="C1"><v>3</v></c><c><v>4</v></c></row><row/><row><c t="s"><v>0</v></c></row>`;
    expect(cellsOf(rows, ["甲"])).toEqual([
      [{ value: 1 }, { value: null }, { value: 3 }, { value: 4 }],
      [],
      [{ value: "甲" }],
    ]);
  });

  it("reads prefixed elements (x:c) as the same elements", () => {
    const rows = `<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="C1"><x:f>B1</x:f><x:v>0</x:v></x:c></x:row>`;
    expect(cellsOf(rows, [], "x:")).toEqual([[{ value: null }, { value: "前缀" }, { value: 0, formula: "=B1" }]]);
  });

  it("reads a cell whose address is written in small letters where Excel writes capitals", () => {
    expect(cellsOf(`<row r="1"><c r="b1"><v>2</v></c><c r="aa1"><v>27</v></c></row>`)[0]?.[26]).toEqual({ value: 27 });
    expect(cellsOf(`<row r="1"><c r="b1"><v>2</v></c></row>`)).toEqual([[{ value: null }, { value: 2 }]]);
  });

  it("reads a number's empty or blank value as no value, and a CDATA section as the text it holds", () => {
    expect(cellsOf(`<row r="1"><c r="A1"><v> </v></c><c r="B1"><v><![CDATA[42]]></v></c></row>`)).toEqual([
      [{ value: null }, { value: 42 }],
    ]);
  });

  // Each would otherwise have been read as a value the cell does not hold: shared string 0 for an empty index,
  // NaN or a hexadecimal's value for a number, an invalid date, false for a boolean.
  it.each([
    ["a shared string without its index", `<c r="A1" t="s"><v/></c>`],
    ["a shared string the table does not hold", `<c r="A1" t="s"><v>2</v></c>`],
    ["a shared string index that is not a whole number", `<c r="A1" t="s"><v>0.5</v></c>`],
    ["a number that is text", `<c r="A1"><v>abc</v></c>`],
    ["a number in hexadecimal", `<c r="A1"><v>0x1F</v></c>`],
    ["a number that is infinity", `<c r="A1" t="n"><v>Infinity</v></c>`],
    ["a date that is none", `<c r="A1" t="d"><v>2025-13-45</v></c>`],
    ["a boolean that is none", `<c r="A1" t="b"><v>2</v></c>`],
    ["a cell whose address names no cell", `<c r="1A"><v>1</v></c>`],
  ])("refuses %s as a damaged part, naming where the cell starts", (_, cell) => {
    const rows = `<row r="1">${cell}</row>`;
    expect(() => cellsOf(rows, ["零", "壹"])).toThrow(XmlSyntaxError);
    expect(() => cellsOf(rows, ["零", "壹"])).toThrow(/at offset 3\d\b/);
  });

  it("passes over comments between cells", () => {
    expect(cellsOf(`<row r="1"><!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>2</v></c></row>`)).toEqual([
      [{ value: null }, { value: 2 }],
    ]);
  });
});

describe("a shared string", () => {
  it("is the text of its runs, CDATA sections as written, phonetic runs left out", () => {
    const si = parseNodes(
      `<si><r><t>甲</t></r><r><t><![CDATA[<乙&>]]></t></r><rPh sb="0" eb="1"><t>こう</t></rPh><phoneticPr fontId="1"/></si>`,
    )[0];
    expect(si).toBeInstanceOf(XmlElement);
    expect(stringItemText(si as XmlElement)).toBe("甲<乙&>");
  });
});

describe("a product sheet whose cells' text is not well-formed", () => {
  it.each(["&#99999999;", "&bogus;"])("with %s in a cell: refused as a damaged part, naming it", async (ref) => {
    const { buffer } = await writeTemplate(getEdition("yueqing-2025") as NonNullable<ReturnType<typeof getEdition>>, {
      now: new Date("2025-07-01T02:00:00Z"),
    });
    const part = await sheetPartOf(buffer, "目标任务");
    const damaged = await rezip(buffer, async (name, text) =>
      name === part ? { data: (await text()).replace("</t>", `${ref}</t>`) } : undefined,
    );
    const refusal = await readFileSnapshot(await openPackage(damaged)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BadPartError);
    expect((refusal as BadPartError).part).toBe(part);
  });
});
