import {
  capabilitiesAt,
  capabilitiesFrom,
  compareVersions,
  ExcelTooOldError,
  generateWorkbook,
  OPTIONAL_FEATURES,
  VISIBLE_FEATURES,
  type OptionalFeature,
} from "../../src/excel";
import { FakeExcel } from "./support/fakeExcel";

const NOW = new Date("2025-07-08T06:30:00Z");

/** What today's six sheets use above ExcelApi 1.4 (no sheet sets vertical text, so textOrientation is not here). */
const USED: readonly OptionalFeature[] = [
  "conditionalFormats",
  "freezePanes",
  "chartPlotOrder",
  "dataValidation",
  "pageLayout",
];

/** The used features a host at `level` lacks, in the order of the set they need. */
function lacking(level: string): OptionalFeature[] {
  return VISIBLE_FEATURES.filter((f) => USED.includes(f) && compareVersions(OPTIONAL_FEATURES[f], level) > 0).sort(
    (a, b) => compareVersions(OPTIONAL_FEATURES[a], OPTIONAL_FEATURES[b]),
  );
}

describe("Excel writer on older Excel (ExcelApi levels)", () => {
  it("the fake older Excel rejects a batch that uses a later set, as Excel does", async () => {
    const excel = new FakeExcel({ excelApi: "1.7" });
    await expect(generateWorkbook(excel.context, { now: NOW })).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it.each(["1.4", "1.5", "1.6", "1.7", "1.8", "1.9"])(
    "ExcelApi %s: builds and refreshes every sheet, skipping only what the host lacks, and says so",
    async (level) => {
      const excel = new FakeExcel({ excelApi: level });
      const capabilities = capabilitiesFrom(excel.isSetSupported);
      const first = await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", capabilities });
      expect(first.sheetsWritten).toHaveLength(6);
      expect(first.skippedFeatures.map((s) => s.feature)).toEqual(lacking(level));
      for (const s of first.skippedFeatures) {
        expect(compareVersions(s.excelApi, level)).toBeGreaterThan(0);
        expect(s.sheets.length).toBeGreaterThan(0);
      }
      const validations = excel.sheets.flatMap((s) => s.validations);
      const formats = excel.sheets.flatMap((s) => s.conditionalFormats);
      expect(validations.length > 0).toBe(compareVersions(level, "1.8") >= 0);
      expect(formats.length > 0).toBe(compareVersions(level, "1.6") >= 0);
      // The data and formulas are the same at every level.
      expect(excel.get("目标任务", "B2")).toBe(45838);
      expect(String(excel.get("汇总", "B5"))).toMatch(/^=COUNTIFS\(/);

      excel.set("目标任务", "J5", 0.03);
      const again = await generateWorkbook(excel.context, { now: NOW, capabilities });
      expect(again.valuesKept).toBeGreaterThanOrEqual(2);
      // A refresh with nothing to change writes nothing, so it needs no feature the host lacks.
      expect(again.cellsWritten).toBe(0);
      expect(again.skippedFeatures).toEqual([]);
    },
  );

  it("the newest Excel skips nothing", async () => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, { now: NOW, capabilities: capabilitiesAt("1.20") });
    expect(summary.skippedFeatures).toEqual([]);
  });

  it("below ExcelApi 1.4 refuses before touching the workbook, with a sentence naming the way out", async () => {
    const excel = new FakeExcel({ excelApi: "1.3" });
    const capabilities = capabilitiesFrom(excel.isSetSupported);
    await expect(generateWorkbook(excel.context, { capabilities })).rejects.toBeInstanceOf(ExcelTooOldError);
    await expect(generateWorkbook(excel.context, { capabilities })).rejects.toThrow(/命令行/);
    expect(excel.syncs).toBe(0);
    expect(excel.sheets).toEqual([]);
  });

  it("compares requirement-set versions part by part", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.4", "1.4")).toBe(0);
    expect(capabilitiesAt("1.7").excelApi("1.8")).toBe(false);
    expect(capabilitiesAt("1.9").excelApi("1.10")).toBe(false);
    expect(capabilitiesAt("1.12", false).customFunctions).toBe(false);
  });
});
