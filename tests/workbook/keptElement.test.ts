// Keeping bytes all the way down: a changed element keeps the bytes of its unchanged tags and children, and so on
// down (keptElement), so a refresh that changes a cached result or grows a table rewrites only what changed.
import fc from "fast-check";
import { growSqref } from "../../src/xlsx/applyPatch";
import { writeResult } from "../../src/xlsx/cellXml";
import { parseKept, writeKept } from "../../src/xlsx/keptElement";
import { SheetPart } from "../../src/xlsx/sheetPart";
import { parseNodes, serialize, XmlElement } from "../../src/xlsx/xmlTree";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
const MARGINS = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

describe("a changed element keeps the bytes of what did not change in it", () => {
  it("a formula's cached result written anew keeps the formula's bytes as written", () => {
    // Written as LibreOffice writes it: quotes as references, where our serializer writes them plain.
    const formula = `<f>IF(A2&gt;1,&quot;高&quot;,&apos;低&apos;)</f>`;
    const row = `<row r="2" spans="1:2"><c r="A2" s="3"><v>1.5</v></c><c r="B2" s="4" t="str">${formula}<v>高</v></c></row>`;
    const text = `<worksheet ${NS}><dimension ref="A2:B2"/><sheetData>${row}</sheetData>${MARGINS}</worksheet>`;
    const part = SheetPart.parse(text);
    writeResult(part.cell(2, 2, false) as XmlElement, "低");
    part.written(2);
    const out = part.toString();
    expect(out).toBe(text.replace("<v>高</v>", "<v>低</v>"));
    // Only the new cached result is written anew: the row's and the cell's tags and the formula keep their bytes.
    expect(part.bytesRewritten()).toBe(Buffer.byteLength("<v>低</v>")); // UTF-8, as the part stores it
    expect(SheetPart.parse(out).cells([])[1]?.[1]).toEqual({ value: "低", formula: `=IF(A2>1,"高",'低')` });
  });

  it("a table grown by a row: its conditional format keeps its rules, the validations list the ones unchanged", () => {
    const rules =
      `<cfRule type="expression" dxfId="0" priority="1"><formula>AND($B2&lt;&gt;&quot;&quot;,$B2&lt;0)</formula></cfRule>` +
      `<cfRule type='cellIs' dxfId="1" priority="2" operator="greaterThan"><formula>100</formula></cfRule>`;
    const listed = `<dataValidation type="list" allowBlank="1" sqref="C2:C3"><formula1>&quot;是,否&quot;</formula1></dataValidation>`;
    const other = `<dataValidation type="decimal" allowBlank="1" sqref="E1"><formula1>0</formula1></dataValidation>`;
    const text =
      `<worksheet ${NS}><dimension ref="A1:E3"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<conditionalFormatting sqref="B2:B3">${rules}</conditionalFormatting>` +
      `<dataValidations count="2">${listed}${other}</dataValidations>${MARGINS}</worksheet>`;
    const part = SheetPart.parse(text);
    // As applyPatch grows the ranges of a table grown from A1:C3 to A1:C4.
    const root = part.root();
    for (const e of [
      ...root.all("conditionalFormatting"),
      ...(root.first("dataValidations")?.all("dataValidation") ?? []),
    ])
      e.set("sqref", growSqref(e.get("sqref") ?? "", { from: "A1:C3", to: "A1:C4" }));
    const out = part.toString();
    expect(out).toBe(text.replace(`sqref="B2:B3"`, `sqref="B2:B4"`).replace(`sqref="C2:C3"`, `sqref="C2:C4"`));
    expect(out).toContain(rules);
    expect(out).toContain(other);
    expect(part.bytesRewritten()).toBe(
      `<conditionalFormatting sqref="B2:B4">`.length +
        `<dataValidation type="list" allowBlank="1" sqref="C2:C4">`.length,
    );
  });

  it("an element replaced is written whole, its siblings kept", () => {
    const raw = `<row r="1"><c r="A1" t='s'><v>0</v></c><c r="B1"><f>A1 &amp; 1</f><v>1</v></c></row>`;
    const kept = parseKept(raw);
    const row = kept.element;
    row.children[0] = new XmlElement("c", [["r", "A1"]], [new XmlElement("v", [], ["2"])]);
    const out = writeKept(kept);
    expect(out.text).toBe(`<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1 &amp; 1</f><v>1</v></c></row>`);
    expect(out.rewritten).toBe(Buffer.byteLength(`<c r="A1"><v>2</v></c>`));
  });
});

// Property: whatever is changed in a tree written in another writer's style (single quotes, character references,
// spaces before "/>", comments), the text written reads back as the tree serialized, and each element nothing in it
// changed is its own bytes.

interface Gen {
  name: string;
  attrs: [string, string][];
  children: (Gen | string)[];
}

const CHARS = ["a", "中", "&", "<", ">", '"', "'", " ", "\n", "\t"];
const str = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(""));
const tree = fc.letrec<{ element: Gen; node: Gen | string }>((tie) => ({
  element: fc.record({
    name: fc.constantFrom("a", "b", "x:c"),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("p", "q", "r"), str(4)), { selector: ([k]) => k, maxLength: 3 }),
    children: fc.array(tie("node"), { maxLength: 3 }),
  }),
  node: fc.oneof({ depthSize: "small" }, str(4), tie("element")),
}));
/** The element kept is a row or a worksheet: elements (and white space) in it, text only further down. */
const root = fc.record({
  name: fc.constant("row"),
  attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("p", "r"), str(4)), { selector: ([k]) => k, maxLength: 2 }),
  children: fc.array(tree.element, { maxLength: 4 }),
});

/** Another writer's style: single-quoted attributes, references for quotes and some characters, `<x />`. */
function written(g: Gen | string): string {
  if (typeof g === "string")
    return g.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/中/g, "&#x4E2D;");
  const attrs = g.attrs
    .map(([k, v]) => ` ${k}='${v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;")}'`)
    .join("");
  if (g.children.length === 0) return `<${g.name}${attrs} />`;
  return `<${g.name}${attrs}><!-- c -->${g.children.map(written).join("")}</${g.name}>`;
}

/** A text as the tree it reads as, serialized (kept raw pieces may spell characters as references). */
const canonical = (text: string) => serialize(parseNodes(text));

function elements(e: XmlElement, out: XmlElement[] = []): XmlElement[] {
  out.push(e);
  for (const c of e.children) if (c instanceof XmlElement) elements(c, out);
  return out;
}

type Edit = { kind: "attr"; at: number; value: string } | { kind: "drop" | "add"; at: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("attr" as const), at: fc.nat(), value: str(3) }),
  fc.record({ kind: fc.constantFrom("drop" as const, "add" as const), at: fc.nat() }),
);

describe("keeping bytes (property)", () => {
  it("the text written is the tree serialized, and an element nothing in which changed is its own bytes", () => {
    fc.assert(
      fc.property(root, fc.array(edit, { maxLength: 4 }), (g, edits) => {
        const raw = written(g);
        const kept = parseKept(raw);
        expect(canonical(serialize(kept.element))).toBe(canonical(raw));
        const all = elements(kept.element);
        const changed = new Set<XmlElement>();
        const parents = new Map<XmlElement, XmlElement>();
        for (const e of all) for (const c of e.children) if (c instanceof XmlElement) parents.set(c, e);
        for (const x of edits) {
          const e = all[x.at % all.length] as XmlElement;
          if (x.kind === "attr") e.set("p", x.value);
          else if (x.kind === "drop") e.children.splice(x.at % (e.children.length + 1), 1);
          else e.children.splice(x.at % (e.children.length + 1), 0, new XmlElement("n", [["q", "1"]]));
          for (let p: XmlElement | undefined = e; p; p = parents.get(p)) changed.add(p);
        }
        const out = writeKept(kept);
        expect(canonical(out.text)).toBe(canonical(serialize(kept.element)));
        if (edits.length === 0) expect(out).toEqual({ text: raw, rewritten: 0 });
        for (const e of elements(kept.element)) {
          const was = kept.written.get(e);
          if (was && !changed.has(e)) expect(out.text).toContain(was.raw);
        }
        expect(out.rewritten).toBeLessThanOrEqual(Buffer.byteLength(out.text));
      }),
    );
  });
});
