/**
 * The one reading of figures (src/policy/figures.ts): the importer drafts with it and the edition validation checks
 * with it that a quote holds its figure — in every way the genre writes a figure, and never a different figure.
 */
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { toEditionFile, type EditionFile } from "../../src/policy/editionFile";
import { quoteHoldsFigure, readTypedFigure, unitScale } from "../../src/policy/figures";
import { editions } from "../../src/policy";
import { formatIssue, validateEdition } from "../../src/policy/validation";

const shifan = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/editions/shifan-2026.json"), "utf8"),
) as EditionFile;

describe("quoteHoldsFigure", () => {
  it.each<[string, number, string, boolean]>([
    ["研发投入强度达到4.10%", 4.1, "%", false],
    ["滚动推进百个省重大项目建设", 100, "个", false],
    ["新增三家专精特新企业", 3, "家", false],
    ["确保一般公共预算支出三分之二用于民生领域", 2 / 3, "", false],
    ["财政科技投入占比不低于百分之五十", 50, "%", false],
    ["计划完成投资1万亿元以上", 10000, "亿元", false],
    ["计划完成投资10000亿元以上", 1, "万亿元", false],
    ["完成投资795 亿元", 795, "亿元", false],
    ["争取重大科技项目2 项以上", 2, "项", false],
    ["市财政预算安排资金5782万元", 0.5782, "亿元", false],
    ["高标准农田建设10万亩", 100000, "亩", false],
    ["力争使用量列温州前3", 3, "名", true],
    ["新增出口艘次12艘次", 12, "艘次", false],
  ])("%s holds %s%s", (quote, value, unit, rank) => {
    expect(quoteHoldsFigure(quote, value, unit, { rank })).toBe(true);
  });

  it.each<[string, number, string]>([
    ["新增高新技术企业75家以上", 80, "家"],
    ["新增高新技术企业175家以上", 75, "家"],
    ["新增高新技术企业75家以上", 75, "个"],
    ["计划完成投资1万亿元以上", 1, "亿元"],
    ["研发投入强度达到4.10%", 4.1, "个百分点"],
    ["确保一般公共预算支出三分之二用于民生领域", 0.67, ""],
    ["力争使用量列温州前3", 3, "名"], // a rank only when the target is one
  ])("%s does not hold %s%s", (quote, value, unit) => {
    expect(quoteHoldsFigure(quote, value, unit)).toBe(false);
  });

  it("any amount written in 万元 holds the same amount in 亿元, and no other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 99 }), (wan, other) => {
        const quote = `市财政预算安排资金${wan}万元`;
        return quoteHoldsFigure(quote, wan / 10000, "亿元") && !quoteHoldsFigure(quote, (wan + other) / 10000, "亿元");
      }),
    );
  });

  it("scales units to their base", () => {
    expect(unitScale("万亿元")).toEqual(["元", 1e12]);
    expect(unitScale("亿千瓦时")).toEqual(["瓦时", 1e11]);
    expect(unitScale("万人次")).toEqual(["人次", 1e4]);
    expect(unitScale("家")).toEqual(["家", 1]);
  });
});

describe("validation reads figures the way the genre writes them", () => {
  const withTarget = (quote: string, value: number | null, unit: string, kind = "count") => {
    const f = JSON.parse(JSON.stringify(shifan)) as { targets: Record<string, unknown>[]; text?: string };
    const first = { ...f.targets[0], value, unit, kind, comparator: ">=", words: [], quote };
    f.targets = [first, ...f.targets.slice(1)];
    f.text = `${shifan.text ?? ""}\n${quote}。`;
    return validateEdition(f).errors.map(formatIssue);
  };

  it.each<[string, number, string, string]>([
    ["研发投入强度达到4.10%", 4.1, "%", "ratio"],
    ["滚动推进百个省重大项目建设", 100, "个", "count"],
    ["确保一般公共预算支出三分之二用于民生领域", 2 / 3, "", "ratio"],
    ["计划完成投资1万亿元", 10000, "亿元", "amount"],
    ["完成投资795 亿元", 795, "亿元", "amount"],
  ])("accepts %s for %s%s", (quote, value, unit, kind) => {
    expect(withTarget(quote, value, unit, kind)).toEqual([]);
  });

  it("refuses a quote whose figure is another", () => {
    expect(withTarget("完成投资795 亿元", 79.5, "亿元", "amount")).toEqual(["targets[0].quote 未写出目标值 79.5亿元"]);
  });

  it("the bundled edition still validates against its text", () => {
    const seed = readFileSync(join(__dirname, "../..", editions["yueqing-2025"].seedFile), "utf8");
    expect(validateEdition(toEditionFile(editions["yueqing-2025"].data), { text: seed }).errors).toEqual([]);
  });
});

describe("readTypedFigure: one cell as a person types a figure", () => {
  it.each([
    ["12", 12, "", false],
    ["１２", 12, "", false],
    ["12家", 12, "家", false],
    ["十二家", 12, "家", false],
    ["３．３％", 3.3, "%", false],
    ["1,234", 1234, "", false],
    ["1，234", 1234, "", false],
    ["-2.5%", -2.5, "%", false],
    ["第3名", 3, "名", true],
    ["1.2亿元", 1.2, "亿元", false],
  ])("%p reads as %p %p", (typed, value, unit, ordinal) => {
    expect(readTypedFigure(typed)).toMatchObject({ value, unit, ordinal });
  });

  it.each(["约12家", "12家左右", "12家以上", "10-12", "待统计", "—", "", "12家企业", "3C", "第3家"])(
    "%p is no figure",
    (typed) => {
      expect(readTypedFigure(typed)).toBeUndefined();
    },
  );
});
