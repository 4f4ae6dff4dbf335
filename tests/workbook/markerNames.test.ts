/**
 * The names that mark our sheets are hidden, but Excel may show them anyway (OfficeDev/office-js #3878, #3949):
 * each carries a comment saying what it is, in both writers, and deleting one leaves the sheet ours.
 */
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { generateWorkbook } from "../../src/excel";
import { NAME_COMMENT } from "../../src/sheets";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { FakeExcel } from "./support/fakeExcel";

const NOW = new Date("2025-07-08T06:30:00Z");

describe("marker names, when someone sees them", () => {
  it("the comment names the add-in and says not to edit", () => {
    expect(NAME_COMMENT).toMatch(/^政策目标加载项/);
    expect(NAME_COMMENT).toMatch(/请勿修改/);
    expect(NAME_COMMENT.length).toBeLessThanOrEqual(255); // Excel's limit for a name's comment
  });

  it("Office.js: every name we add carries the comment", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW });
    const ours = [...excel.names.entries()].filter(([name]) => name.startsWith("_ZC"));
    expect(ours.length).toBeGreaterThanOrEqual(6);
    for (const [, entry] of ours) expect(entry.comment).toBe(NAME_COMMENT);
  });

  it("Office.js: a deleted marker name is rebuilt on refresh and the sheet stays ours", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW });
    excel.names.delete("_ZCMB.targets");
    const again = await generateWorkbook(excel.context, { now: NOW });
    expect(again.skipped.map((s) => s.sheet)).not.toContain("目标任务");
    expect(excel.names.get("_ZCMB.targets")?.comment).toBe(NAME_COMMENT);
  });

  it("a marker and a reference name that a refresh re-creates carry the same comment on both routes", async () => {
    const data = getEdition("yueqing-2025")!;
    const recreated = ["_ZCMB.targets", "_ZCREF.targets", "_ZCMB.budget", "_ZCREF.budget"];
    // Office.js: the user deleted the names (Name Manager); the pane's refresh writes them again.
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW });
    for (const name of recreated) excel.names.delete(name);
    await generateWorkbook(excel.context, { now: NOW });
    const office = recreated.map((name) => {
      const entry = excel.names.get(name);
      return { name, comment: entry?.comment, hidden: entry?.visible === false };
    });
    // The file route: the same names gone from workbook.xml; `template --update` writes them again.
    const zip = await JSZip.loadAsync((await writeTemplate(data, { now: NOW })).buffer);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const gone = recreated.reduce(
      (text, name) => text.replace(new RegExp(`<definedName name="${name}"[^>]*>[^<]*</definedName>`), ""),
      xml,
    );
    zip.file("xl/workbook.xml", gone);
    const refreshed = await refreshWorkbook(await zip.generateAsync({ type: "uint8array" }), data, { now: NOW });
    const after = (await (await JSZip.loadAsync(refreshed.buffer)).file("xl/workbook.xml")?.async("string")) ?? "";
    const tags = [...after.matchAll(/<definedName\b[^>]*>/g)].map((m) => m[0]);
    const file = recreated.map((name) => {
      const tag = tags.find((t) => t.includes(`name="${name}"`)) ?? "";
      const comment = /comment="([^"]*)"/
        .exec(tag)?.[1]
        ?.replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      return { name, comment, hidden: tag.includes('hidden="1"') };
    });
    expect(file).toEqual(office);
    for (const name of office) expect(name).toEqual({ name: name.name, comment: NAME_COMMENT, hidden: true });
  });

  it(".xlsx: marker names are hidden and carry the comment", async () => {
    const { buffer } = await writeTemplate(getEdition("yueqing-2025")!, { now: NOW });
    const xml = (await (await JSZip.loadAsync(buffer)).file("xl/workbook.xml")?.async("string")) ?? "";
    const markers = [...xml.matchAll(/<definedName\b[^>]*name="_ZCMB\.[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(markers.length).toBeGreaterThanOrEqual(6); // one per sheet written
    for (const tag of markers) {
      expect(tag).toContain('hidden="1"');
      expect(tag).toContain(`comment="${NAME_COMMENT}"`);
    }
  });
});
