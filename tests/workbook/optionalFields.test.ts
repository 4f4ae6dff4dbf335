/**
 * Many documents of the genre state no total, carry no 文号 (a 工作方案, a web copy) and no validity sentence. Such
 * an edition is valid with warnings, and every host copes: the 说明 and 预算安排 sheets say what the text does not
 * state (no "undefined", no total of 0 and an "overlap" equal to the whole budget), ZC.BUDGET("合计") is #N/A with
 * a message, the diff shows — for the missing total.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CalcError, indexEdition, officialBudget } from "../../src/engine";
import { diffEditions, formatDiff } from "../../src/policy/diff";
import { fromEditionFile, toEditionFile, type EditionFile } from "../../src/policy/editionFile";
import { formatIssue, validateEdition } from "../../src/policy/validation";
import { writeTemplate } from "../../src/xlsx";
import { readWorksheet } from "../support/readWorksheet";

const shifan = JSON.parse(
  readFileSync(path.join(__dirname, "../fixtures/editions/shifan-2026.json"), "utf8"),
) as EditionFile;

/** The fixture as a document that states no total, no 文号 and no validity. */
function bare(): EditionFile {
  const {
    docNumber: _n,
    validity: _v,
    totalBudgetYi: _t,
    totalBudgetWords: _w,
    totalBudgetQuote: _q,
    ...edition
  } = shifan.edition;
  return { ...shifan, edition };
}

describe("an edition without stated total, 文号 or validity", () => {
  it("is valid with warnings, and round-trips without the fields", () => {
    const result = validateEdition(bare());
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatIssue)).toEqual([
      "edition.docNumber 未写文号(原文没有时可省略)",
      "edition.validity 未写有效期,按 2026 年全年",
      "edition.totalBudgetYi 未写支持总额,以各领域预算之和 0.35亿元为总数",
    ]);
    const file = toEditionFile(result.edition!);
    expect(file).toEqual(bare());
    expect(Object.keys(file.edition)).not.toContain("totalBudgetYi");
  });

  it("a total without its quote (or a quote without its total) is refused by the schema", () => {
    const half = bare() as unknown as { edition: Record<string, unknown> };
    half.edition.totalBudgetYi = 0.35;
    expect(validateEdition(half).errors.map(formatIssue)).toEqual([
      "edition.totalBudgetQuote 缺失(有 totalBudgetYi 时必填:支持总额与其原文一并给出或一并省略)",
    ]);
  });

  it("writes 说明 and 预算安排 saying what the text does not state", async () => {
    const data = fromEditionFile(bare());
    const { buffer } = await writeTemplate(data, { now: new Date("2026-07-01T02:00:00Z"), reportDate: "2026-06-30" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const grid = (name: string) =>
      readWorksheet(wb.getWorksheet(name)!).cells.map((row) => row.map((c) => c.value ?? null));
    for (const ws of wb.worksheets)
      for (const row of grid(ws.name)) for (const v of row) expect(String(v ?? "")).not.toMatch(/undefined|NaN|\(\)/);
    const intro = grid("说明");
    const line = (label: string) => intro.find((r) => r[0] === label)?.[1];
    expect(line("文号")).toBe("(原文未写)");
    expect(line("有效期")).toBe("原文未写,按 2026 年全年");
    expect(line("支持总额")).toBe("原文未写(以各领域预算之和为总数)");
    const budget = grid("预算安排");
    const row = (label: string) => budget.find((r) => r[1] === label);
    expect(row("各领域合计")?.[2]).toBeCloseTo(0.35, 10);
    expect(row("文件总额(扣除交叉重叠)")?.slice(2, 4)).toEqual([null, "文件未写支持总额"]);
    expect(row("交叉重叠")?.[2]).toBeNull();
    expect(String(budget[0]?.[0])).toMatch(/预算安排 · 示范县促进数字经济发展若干政策\(2026年版\)$/);
  });

  it("ZC.BUDGET(合计) is #N/A with a message; 各领域合计 is the sum; the diff shows — for the total", () => {
    const data = fromEditionFile(bare());
    const index = indexEdition(data);
    const total = officialBudget(index, "合计");
    expect(total).toBeInstanceOf(CalcError);
    expect((total as CalcError).code).toBe("NA");
    expect(officialBudget(index, "各领域合计")).toBe(0.35);
    expect(index.overlapYi).toBeNull();
    const diff = diffEditions(fromEditionFile(shifan), data);
    expect(diff.totalBudget).toEqual({ fromYi: 0.35, toYi: null });
    expect(formatDiff(diff)).toContain("支持总额\t0.35亿元\t—");
  });
});
