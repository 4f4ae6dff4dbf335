/**
 * 填报记录 on the file route is append-only at the cell level: the first merge creates it, a later merge writes
 * only its new rows below the last one — the earlier rows keep their bytes, also after a user edited them (a
 * note typed in a row, a row made taller), and a log column a user moved is still found by its header.
 */
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { makeIdentity, unitDuties, type ReturnedFile } from "../../src/returns";
import { LOG_SHEET } from "../../src/sheets/returnsLog";
import { writeTemplate } from "../../src/xlsx";
import { mergeReturnsIntoFile } from "../../src/xlsx/returnsMerge";
import { SheetPart } from "../../src/xlsx/sheetPart";
import { readFileSnapshot } from "../../src/xlsx/snapshot";

const edition = getEdition("yueqing-2025")!;
const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
const counts = keji.leads.filter((t) => t.kind === "count");

/** 市科技局's return for a month with the given figures for its count targets. */
function keJiReturn(month: number, figures: readonly number[]): ReturnedFile {
  const ids = keji.leads.map((t) => t.id);
  return {
    name: `2025-0${month}_市科技局.xlsx`,
    digest: `${month}${figures.join("")}`.padEnd(64, "a"),
    identity: makeIdentity("市科技局", { year: 2025, month }, edition.document.id, ids),
    rows: counts.map((t, i) => ({ id: t.id, figure: figures[i] ?? null })),
  };
}

async function logPart(bytes: Uint8Array): Promise<{ zip: JSZip; part: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (await readFileSnapshot(zip)).sheets.find((s) => s.name === LOG_SHEET)!.part;
  return { zip, part, text: await zip.file(part)!.async("string") };
}

const rowsOf = (text: string) => SheetPart.parse(text).rowTexts();

describe("填报记录 appended at cell level", () => {
  let first: Uint8Array;
  beforeAll(async () => {
    const book = (await writeTemplate(edition)).buffer;
    first = (await mergeReturnsIntoFile(book, edition, [keJiReturn(6, [10, 20])], { time: "2025-07-05 09:00" })).buffer;
  });

  it("a second merge leaves every earlier row byte-stable and appends its rows below", async () => {
    const before = await logPart(first);
    const earlier = rowsOf(before.text);
    const second = await mergeReturnsIntoFile(first, edition, [keJiReturn(7, [12, 25])], {
      time: "2025-08-05 09:30",
    });
    expect(second.log.length).toBeGreaterThan(0);
    const after = await logPart(second.buffer);
    const rows = rowsOf(after.text);
    for (const [r, text] of earlier) expect(rows.get(r)).toBe(text);
    const added = [...rows.keys()].filter((r) => !earlier.has(r));
    expect(added).toEqual(second.log.map((_, i) => earlier.size + 1 + i));
    // The new rows continue the log's cell format (borders, text format) from the row above.
    const styleOf = (row: string | undefined) => /<c [^>]*\bs="(\d+)"/.exec(row ?? "")?.[1];
    expect(styleOf(rows.get(added[0]!))).toBe(styleOf(earlier.get(earlier.size)));
    // Only the new rows were serialized, not the part.
    expect(second.stats.sheetBytesRewritten).toBeLessThan(after.text.length - before.text.length + 200);
    expect(second.stats.partsChanged).toContain(after.part);
  });

  it("keeps a user's edit of an earlier row and finds moved columns by their header", async () => {
    const { zip, part, text } = await logPart(first);
    // A user makes row 2 taller and types a note in column L, and swaps the columns of 时间 and 单位 (headers).
    let edited = text
      .replace("<t>时间</t>", "<t>\u0000</t>")
      .replace("<t>单位</t>", "<t>时间</t>")
      .replace("<t>\u0000</t>", "<t>单位</t>");
    edited = edited.replace(/<row r="2"([^>]*)>/, '<row r="2"$1 ht="30" customHeight="1">');
    edited = edited.replace(
      /(<row r="2"[^>]*>[\s\S]*?)(<\/row>)/,
      '$1<c r="L2" t="inlineStr"><is><t>人工核对:已电话确认</t></is></c>$2',
    );
    zip.file(part, edited);
    const userBook = await zip.generateAsync({ type: "uint8array" });
    const userRows = rowsOf(edited);

    const second = await mergeReturnsIntoFile(userBook, edition, [keJiReturn(7, [12, 25])], {
      time: "2025-08-05 09:30",
    });
    const after = rowsOf((await logPart(second.buffer)).text);
    for (const [r, row] of userRows) expect(after.get(r)).toBe(row);
    expect(after.get(2)).toContain("人工核对:已电话确认");
    expect(after.size).toBe(userRows.size + second.log.length);
    // Each appended row holds the record's fields under their headers: 单位 now in A, 时间 in B, 结果 in I.
    const last = after.get(after.size)!;
    expect(last).toMatch(/r="A\d+"[^>]*><is><t>市科技局<\/t>/);
    expect(last).toMatch(/r="B\d+"[^>]*><is><t>2025-08-05 09:30<\/t>/);
    expect(last).toMatch(/r="I\d+"[^>]*><is><t>(写入|相同|冲突|拒绝|已采纳)<\/t>/);
  });

  it("merging the same return again appends rows only for the new merge, earlier ones untouched", async () => {
    const again = await mergeReturnsIntoFile(first, edition, [keJiReturn(6, [10, 20])], {
      time: "2025-07-06 10:00",
    });
    expect(again.plan.writes).toEqual([]);
    expect(again.log.every((r) => r.结果 === "相同")).toBe(true);
    const before = rowsOf((await logPart(first)).text);
    const after = rowsOf((await logPart(again.buffer)).text);
    for (const [r, text] of before) expect(after.get(r)).toBe(text);
  });
});
