/**
 * A return file as written: its identity read back intact, 填报 protected without a password except the input
 * cells, the identity sheet hidden, A4 landscape one page wide, the status in classic formulas with cached
 * results, and a file that is no return read as one without identity.
 */
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { identityIntact, returnsForMonth, type CellValue } from "../../src/returns";
import { returnWorkbook, RETURN_SHEET } from "../../src/sheets/returnSheet";
import { readReturnFile, writeReturnFile } from "../../src/xlsx/returnFile";

const edition = getEdition("yueqing-2025")!;
const JULY = { year: 2025, month: 7 };

describe("return file", () => {
  const hitechId = "art01-hitech-firms";
  const months = new Map<string, CellValue[]>([[hitechId, [1, 2, 3, 4, 5, 8, 10, null, null, null, null, null]]]);
  const { returns } = returnsForMonth(edition, { months, texts: new Map() }, JULY);
  const keji = returns.find((r) => r.unit === "市科技局")!;

  it("carries its identity and rows, pre-filled with what the workbook holds", async () => {
    const bytes = await writeReturnFile(returnWorkbook(keji, { deadline: "8月5日" }));
    const read = await readReturnFile(bytes, keji.fileName, "d".repeat(64), edition);
    expect(read.identity).toEqual(keji.identity);
    expect(identityIntact(read.identity!)).toBe(true);
    expect(read.rows.map((r) => r.id)).toEqual(keji.rows.map((r) => r.target.id));
    expect(read.rows.find((r) => r.id === hitechId)?.figure).toBe(10);
    expect(read.rows.find((r) => r.id === "area1-rd-intensity")?.percentCell).toBe(true);
  });

  it("protects 填报 without a password but its input cells, hides the identity, prints A4 landscape", async () => {
    const zip = await JSZip.loadAsync(await writeReturnFile(returnWorkbook(keji)));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<sheet [^>]*name="填报标识"[^>]*state="hidden"/);
    expect(workbookXml).toMatch(new RegExp(`<sheet [^>]*name="${RETURN_SHEET}"`));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheet).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain('locked="0"');
    // The status formulas are classic functions with cached results.
    const formulas = [...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => (m[1] ?? "").replace(/&quot;/g, '"'));
    expect(formulas.length).toBe(keji.rows.filter((r) => r.target.value !== null).length);
    for (const f of formulas) expect(f).toMatch(/^IF\(ISBLANK\(I\d+\),"未填报"/);
    expect(sheet).toMatch(/<c [^>]*t="str"[^>]*><f>[^<]*<\/f><v>未填报<\/v>/); // WPS shows the cached status
  });

  it("reads bytes that are no .xlsx, or an .xlsx without identity, as no return", async () => {
    const junk = await readReturnFile(new TextEncoder().encode("hello"), "x.xlsx", "0".repeat(64), edition);
    expect(junk.identity).toBeUndefined();
    const zip = await JSZip.loadAsync(await writeReturnFile(returnWorkbook(keji)));
    zip.remove("xl/worksheets/sheet2.xml");
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<sheet [^>]*name="填报标识"[^>]*\/>/, "");
    zip.file("xl/workbook.xml", wb);
    const stripped = await readReturnFile(
      await zip.generateAsync({ type: "uint8array" }),
      "y.xlsx",
      "1".repeat(64),
      edition,
    );
    expect(stripped.identity).toBeUndefined();
  });
});
