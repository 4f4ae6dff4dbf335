// The limits' scan of a worksheet's row and cell tags (sheetTags): by character codes, it finds what the regular
// expressions that state the rule find, on any text (well-formed or not).
import fc from "fast-check";
import { EXCEL_MAX_COLUMN, EXCEL_MAX_ROW, forEachRowOrCell, withinGrid } from "../../src/xlsx/sheetTags";

/** The rule as regular expressions: each row or cell start tag, its `r`, and whether that lies in Excel's grid. */
function byRegExp(text: string): string[] {
  return [...text.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)].map((m) => {
    const isRow = m[1] === "row";
    const ref = /\br="([^"]*)"/.exec(m[2] ?? "")?.[1];
    const parts = isRow ? /^(\d+)$/.exec(ref ?? "") : /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref ?? "");
    let column = 0;
    for (const ch of (isRow ? "" : (parts?.[1] ?? "")).toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
    const row = Number(parts?.[isRow ? 1 : 2]);
    const fits = parts !== null && row >= 1 && row <= EXCEL_MAX_ROW && column <= EXCEL_MAX_COLUMN;
    return `${isRow ? "row" : "c"} ${ref ?? "-"} ${ref === undefined ? "" : fits}`;
  });
}

function byScan(text: string): string[] {
  const out: string[] = [];
  forEachRowOrCell(text, (isRow, ref) =>
    out.push(`${isRow ? "row" : "c"} ${ref ?? "-"} ${ref === undefined ? "" : withinGrid(ref, isRow)}`),
  );
  return out;
}

describe("sheetTags", () => {
  it("finds row and cell start tags with any prefix, and their r", () => {
    const text =
      `<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><x:c r="XFD1048576"/><cols/><c-x ar="5" r="$b$2">` +
      `</row><x:row r="1048577"/><c:x><c r="XFE1"/><c r="A0"/><c r="1A"/><rows r="2"/><c r="A1`;
    expect(byScan(text)).toEqual([
      "row 1 true",
      "c A1 true",
      "c XFD1048576 true",
      "c $b$2 true",
      "row 1048577 false",
      "c - ",
      "c XFE1 false",
      "c A0 false",
      "c 1A false",
    ]);
    expect(byScan(text)).toEqual(byRegExp(text));
  });

  it("finds what the regular expressions find, on any text (property)", () => {
    const token = fc.constantFrom(
      ...["<", ">", "/", "row", "c", "x:", "a1:", ":", 'r="', '"', " ", 'ar="', "A", "$", "XFD", "XFE", "1048576"],
      ...["1048577", "0", "12", "a", "_", "-", "rows", "cx", "é", "\n", "r", "="],
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const text = tokens.join("");
        expect(byScan(text)).toEqual(byRegExp(text));
      }),
      { numRuns: 5000 },
    );
  });
});
