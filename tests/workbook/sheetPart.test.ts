// The file route's XML: the tokenizer and serializer (xmlTree) and the worksheet part that keeps the bytes of the
// rows a patch does not touch (SheetPart).
import fc from "fast-check";
import { splitAddress } from "../../src/xlsx/sheetOrder";
import { SheetPart } from "../../src/xlsx/sheetPart";
import {
  decodeText,
  escapeAttribute,
  escapeText,
  parseNodes,
  serialize,
  XmlElement,
  XmlSyntaxError,
} from "../../src/xlsx/xmlTree";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`;

function sheet(rows: string, after = ""): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet ${NS}><dimension ref="A1:C3"/><!-- a comment with <row> inside -->` +
    `<sheetData>${rows}</sheetData>${after}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const ROWS =
  `<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>标题 &amp; "引号"</t></is></c></row>` +
  `<row r="2"><c r="A2" s="3"><v>1.5</v></c><c r="B2"><f>A2*2</f><v>3</v></c><c r="C2" t="s"><v>0</v></c></row>` +
  `<row r="3"><c r="A3" t="str"><f t="shared" ref="A3:A4" si="0">B2&amp;"&gt;"</f><v>3&gt;</v></c></row>` +
  `<row r="4"><c r="A4" t="str"><f t="shared" si="0"/><v></v></c></row>`;

describe("xmlTree", () => {
  it("round-trips elements, text and attributes; keeps comments, CDATA and declarations as written", () => {
    const text = `<?xml version="1.0"?><a x="1 &gt; 0" y='single "q"'><!-- c --><b>t &lt; &#x4E2D;&#25991;</b><![CDATA[<raw>]]><e/></a>`;
    const nodes = parseNodes(text);
    const a = nodes[1] as XmlElement;
    expect(a.get("x")).toBe("1 > 0");
    expect(a.get("y")).toBe('single "q"');
    expect(a.first("b")?.text()).toBe("t < 中文");
    expect(serialize(nodes)).toBe(
      `<?xml version="1.0"?><a x="1 &gt; 0" y="single &quot;q&quot;"><!-- c --><b>t &lt; 中文</b><![CDATA[<raw>]]><e/></a>`,
    );
  });

  it("a tag's '>' inside a quoted attribute value does not end it", () => {
    const [e] = parseNodes(`<c r="A1" note="a>b/"><v>1</v></c>`) as XmlElement[];
    expect(e?.get("note")).toBe("a>b/");
    expect(e?.first("v")?.text()).toBe("1");
  });

  it("refuses mismatched tags, unknown entities and unterminated markup", () => {
    expect(() => parseNodes("<a><b></a></b>")).toThrow(XmlSyntaxError);
    expect(() => parseNodes("<a>&nbsp;</a>")).toThrow(XmlSyntaxError);
    expect(() => parseNodes("<a><!-- open")).toThrow(XmlSyntaxError);
    expect(() => parseNodes('<a x="1>')).toThrow(XmlSyntaxError);
    expect(() => parseNodes("<a>")).toThrow(XmlSyntaxError);
  });

  it("escaping then decoding gives the text back, in content and in attributes (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(decodeText(escapeText(s))).toBe(s);
        const [e] = parseNodes(serialize(new XmlElement("a", [["v", s]], [s]))) as XmlElement[];
        expect(e?.get("v")).toBe(s);
        expect(e?.text()).toBe(s);
        expect(escapeAttribute(s)).not.toMatch(/["<\n\t]/);
      }),
    );
  });
});

describe("SheetPart", () => {
  it("reads every cell with its value and formula; shared formulas are expanded", () => {
    const part = SheetPart.parse(sheet(ROWS));
    const cells = part.cells(["共享"]);
    expect(cells[0]?.[0]).toEqual({ value: '标题 & "引号"' });
    expect(cells[1]).toEqual([{ value: 1.5 }, { value: 3, formula: "=A2*2" }, { value: "共享" }]);
    expect(cells[2]?.[0]).toEqual({ value: "3>", formula: '=B2&">"' });
    expect(cells[3]?.[0]).toEqual({ value: "", formula: '=B3&">"' });
  });

  it("unchanged, the part is its own bytes", () => {
    const text = sheet(ROWS, `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>`);
    expect(SheetPart.parse(text).toString()).toBe(text);
  });

  it("a written cell rewrites itself only; a cell read is not a cell written", () => {
    const text = sheet(ROWS);
    const part = SheetPart.parse(text);
    expect(part.cell(1, 1, false)?.get("t")).toBe("inlineStr");
    const c = part.cell(2, 2, false) as XmlElement;
    c.children.length = 0;
    c.add("f", [], "A2*3");
    c.add("v", [], "4.5");
    part.written(2);
    const out = part.toString();
    expect(part.bytesRewritten()).toBeGreaterThan(0);
    const row2 = `<row r="2"><c r="A2" s="3"><v>1.5</v></c><c r="B2"><f>A2*3</f><v>4.5</v></c><c r="C2" t="s"><v>0</v></c></row>`;
    expect(out).toBe(text.replace(/<row r="2">.*?<\/row>/, row2));
    // Inside the row, the cells not written keep their bytes too, and so do the cell's own tags (its start tag did
    // not change): what was written anew is the cell's content.
    expect(part.bytesRewritten()).toBe(`<f>A2*3</f><v>4.5</v>`.length);
  });

  it("a new cell goes in column order, a new row in row order; the dimension grows to hold them", () => {
    const part = SheetPart.parse(sheet(ROWS));
    part.cell(1, 2, true)?.add("v", [], "7");
    part.cell(6, 4, true)?.add("v", [], "8");
    const out = part.toString();
    expect(out).toContain(`<row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr">`);
    expect(out).toContain(`</c><c r="B1"><v>7</v></c></row>`);
    expect(out).toMatch(/<row r="4">.*<\/row><row r="6"><c r="D6"><v>8<\/v><\/c><\/row><\/sheetData>/);
    expect(out).toContain(`<dimension ref="A1:D6"/><!-- a comment with <row> inside --><sheetData>`);
    expect(out.startsWith(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)).toBe(true);
    expect(SheetPart.parse(out).cells(["甲"])[5]?.[3]).toEqual({ value: 8 });
  });

  it("an empty <sheetData/> takes rows", () => {
    const text = `<worksheet ${NS}><sheetData/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`;
    const part = SheetPart.parse(text);
    expect(part.cells([])).toEqual([]);
    part.cell(2, 1, true)?.add("v", [], "1");
    expect(part.toString()).toBe(
      `<worksheet ${NS}><sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`,
    );
  });

  it("splits addresses", () => {
    expect(splitAddress("K12")).toEqual([12, 11]);
    expect(splitAddress("AA1")).toEqual([1, 27]);
    expect(splitAddress("12")).toEqual([0, 0]);
    expect(splitAddress("A")).toEqual([0, 0]);
  });
});
