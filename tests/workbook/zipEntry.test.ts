// A package's parts inflated by Node's zlib (zipEntry): the same text as JSZip reads, and anything irregular left to
// JSZip's own way, so the limits refuse it as they always did.
import JSZip from "jszip";
import { openWithinLimits, PackageLimitError, WORKBOOK_LIMITS } from "../../src/xlsx/packageLimits";
import { putPart } from "../../src/xlsx/putPart";
import { entryText, inflateEntry } from "../../src/xlsx/zipEntry";
import { binaryBytes, zipOf } from "../support/hostile";

const TEXT = `\uFEFF<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>乐清 &amp; 2025</t></is></c></row></sheetData></worksheet>`;

async function loaded(compression: "STORE" | "DEFLATE"): Promise<JSZip> {
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", TEXT);
  zip.file("xl/media/image1.bin", binaryBytes(5000));
  return JSZip.loadAsync(await zip.generateAsync({ type: "uint8array", compression }));
}

describe("zipEntry", () => {
  it.each(["STORE", "DEFLATE"] as const)("reads a %s part as JSZip does, by zlib", async (compression) => {
    const zip = await loaded(compression);
    for (const path of ["xl/worksheets/sheet1.xml", "xl/media/image1.bin"]) {
      const file = zip.file(path) as JSZip.JSZipObject;
      expect(inflateEntry(file)).toEqual(Buffer.from(await file.async("uint8array")));
      expect(await entryText(zip, path)).toBe(await file.async("string"));
    }
    expect(await entryText(zip, "xl/none.xml")).toBeUndefined();
  });

  it("holds no more than asked: a part larger than maxBytes is left to the stream", async () => {
    const file = (await loaded("DEFLATE")).file("xl/media/image1.bin") as JSZip.JSZipObject;
    expect(inflateEntry(file, 4999)).toBeUndefined();
    expect(inflateEntry(file, 5000)?.length).toBe(5000);
  });

  it("a part written since (by putPart or as text) is read as written", async () => {
    const zip = await loaded("DEFLATE");
    putPart(zip, "xl/worksheets/sheet1.xml", "<worksheet>新</worksheet>");
    zip.file("xl/styles.xml", "<styleSheet/>");
    expect(await entryText(zip, "xl/worksheets/sheet1.xml")).toBe("<worksheet>新</worksheet>");
    expect(await entryText(zip, "xl/styles.xml")).toBe("<styleSheet/>");
  });

  it.each([
    ["a size that lies (smaller)", { data: "<a>twenty-five bytes</a>", declaredSize: 3 }],
    ["a size that lies (larger)", { data: "<a>twenty-five bytes</a>", declaredSize: 90_000 }],
    ["damaged compressed data", { compressed: binaryBytes(300), declaredSize: 9_000 }],
  ])("%s is not inflated by zlib; the limits refuse it as damaged", async (_what, entry) => {
    const bytes = zipOf([{ name: "xl/styles.xml", ...entry }]);
    const zip = await JSZip.loadAsync(bytes);
    expect(inflateEntry(zip.file("xl/styles.xml") as JSZip.JSZipObject)).toBeUndefined();
    const refusal = await openWithinLimits(bytes, WORKBOOK_LIMITS).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PackageLimitError);
    expect((refusal as PackageLimitError).english).toMatch(/xl\/styles\.xml is damaged/);
  });
});
