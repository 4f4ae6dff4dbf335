// Reading a worksheet part's cells from its text (sheetCells) and the character data it decodes (xmlTree): what
// a host reads back, whatever way a writer spelled it.
import { decodeText, XmlSyntaxError } from "../../src/xlsx/xmlTree";

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

  it("refuses a reference without its semicolon, naming where it starts", () => {
    expect(() => decodeText("a &lt b", 100)).toThrow("at offset 102");
  });
});
