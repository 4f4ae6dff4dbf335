/**
 * Last year's workbook as the pane reads a chosen file: the same reader and package limits as the CLI's
 * `--previous`, and every way a file can fail named for the card — not .xlsx, not a workbook, beyond the limits,
 * no edition stored.
 */
import { readPreviousFile, type PreviousFileProblem } from "../../src/taskpane/newYear/readPreviousFile";
import { writeTemplate } from "../../src/xlsx";
import { zipOf } from "../support/hostile";
import { figure2025, NOW, workbook2025, y2025 } from "../carryover/support/years";

/** A file as the browser hands the pane one. */
const fileOf = (bytes: Uint8Array, name: string) => new File([Uint8Array.from(bytes)], name);

async function problemOf(file: File): Promise<PreviousFileProblem | undefined> {
  try {
    await readPreviousFile(file);
    return undefined;
  } catch (error) {
    return (error as { problem?: PreviousFileProblem }).problem;
  }
}

describe("readPreviousFile", () => {
  it("reads last year's edition and 12月 figures from the chosen file", async () => {
    const previous = await readPreviousFile(fileOf(await workbook2025(), "2025台账.xlsx"));
    expect(previous.file).toBe("2025台账.xlsx");
    expect(previous.edition.document.id).toBe("yueqing-2025");
    expect(previous.finals.get("art01-hitech-firms")).toEqual({
      value: figure2025("art01-hitech-firms"),
      sheet: "月度填报",
      period: "12月",
    });
  }, 60_000);

  it("names what is wrong with a file it cannot carry from", async () => {
    expect(await problemOf(new File(["x"], "2025.xls"))).toEqual({ kind: "notXlsx", file: "2025.xls" });
    expect(await problemOf(new File(["不是工作簿"], "坏.xlsx"))).toEqual({ kind: "notWorkbook", file: "坏.xlsx" });
    const foreign = (await writeTemplate(y2025, { now: NOW })).buffer;
    expect(await problemOf(fileOf(foreign, "别人的.xlsx"))).toEqual({ kind: "noEdition", file: "别人的.xlsx" });
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", zeros: 40 * 1024 * 1024 }]);
    expect(await problemOf(fileOf(bomb, "大.xlsx"))).toMatchObject({ kind: "limits", file: "大.xlsx" });
  }, 60_000);
});
