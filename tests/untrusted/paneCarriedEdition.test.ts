/**
 * Issue 18, class 1 in the pane: a carried edition part that cannot be read refuses the refresh (nothing written,
 * the part untouched); an edition the user loaded replaces it, as --edition does in the CLI.
 */
import { FULL_CAPABILITIES } from "../../src/excel/capabilities";
import { EDITION_PART_NAMESPACE, editionPartXml } from "../../src/policy/editionPart";
import { getEdition, type EditionData } from "../../src/policy";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { BAD_CHARACTER_REFERENCES } from "../support/hostile";
import { FakeExcel } from "../workbook/support/fakeExcel";

const official = getEdition("yueqing-2025") as EditionData;
const NOW = new Date("2025-07-01T02:00:00Z");

function paneOver(excel: FakeExcel) {
  return createExcelActions({ run: (batch) => batch(excel.context), capabilities: () => FULL_CAPABILITIES });
}

describe("1. the pane refuses to refresh over an unreadable carried edition", () => {
  it.each([
    ...BAD_CHARACTER_REFERENCES.map((ref) => [
      `a reference ${ref}`,
      editionPartXml(official).replace("乐清市", `乐清市${ref}`),
    ]),
    ["a truncated part", editionPartXml(official).slice(0, 3000)],
    ["garbage in our element", `<edition xmlns="${EDITION_PART_NAMESPACE}">{not json</edition>`],
  ])("%s: generate rejects, writes no cell, keeps the part", async (_what, xml) => {
    const excel = new FakeExcel();
    excel.customXmlParts.push({ id: "{E}", xml });
    const before = JSON.stringify(excel.customXmlParts);
    await expect(paneOver(excel).generate({ now: NOW, reportDate: "2025-06-30" })).rejects.toMatchObject({
      code: "UnreadableWorkbookEdition",
    });
    expect(excel.cellsWritten).toBe(0);
    expect(excel.sheets).toHaveLength(0);
    expect(JSON.stringify(excel.customXmlParts)).toBe(before);
  });

  it("an edition the user loaded replaces it; a workbook without a part builds with the bundled one", async () => {
    const excel = new FakeExcel();
    excel.customXmlParts.push({ id: "{E}", xml: editionPartXml(official).replace("乐清市", "乐清市&#99999999;") });
    await expect(paneOver(excel).generate({ edition: official, now: NOW })).resolves.toBeDefined();
    expect(excel.cellsWritten).toBeGreaterThan(0);
    const bare = new FakeExcel();
    await expect(paneOver(bare).generate({ now: NOW })).resolves.toBeDefined();
    expect(bare.cellsWritten).toBeGreaterThan(0);
  });
});
