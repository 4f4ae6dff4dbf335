/**
 * The genre's grammar, rule by rule, on sentences written the way the genre writes them: the budget sentence and
 * its items, area headings without numeral, and the figures that are not targets (each exclusion with its rule's
 * reason, so that a reviewer can restore it).
 */
import { importEdition } from "../../src/importer";
import type { Draft } from "../../src/importer";

const notice =
  "测试市人民政府\n2025年3月1日\n测试市推动经济高质量发展若干政策(2025年版)\n为认真贯彻落实,制定以下政策。\n";
const draftOf = (body: string): Draft => importEdition(notice + body);
const inArticle = (sentence: string) =>
  draftOf(`一、甲领域(由市发改局牵头实施)\n(一)甲条。${sentence}(责任单位:市发改局)\n`);
const targets = (d: Draft) => d.targets.map((t) => `${t.value}${t.unit}`);
const excluded = (d: Draft) => d.draft.excluded.map((x) => [x.figure, x.category]);

describe("budget sentence and items", () => {
  it.each([
    ["全年预算安排18.2亿元。", 18.2, []],
    ["年度预算安排资金30亿元,支持重大项目建设。", 30, []],
    ["统筹安排财政资金30亿元,保障政府投资项目。", 30, []],
    [
      "市级财政2024年预算安排政府投资项目资金64.96亿元,交通类资金39.91亿元、城建类资金9.83亿元、水利类资金15.22亿元。",
      64.96,
      ["交通类资金 39.91", "城建类资金 9.83", "水利类资金 15.22"],
    ],
    [
      "全市财政2024年预算拟安排78.25亿元,其中,先进制造业基地领域资金9.75亿元,综合交通强省领域资金68.5亿元。",
      78.25,
      ["先进制造业基地领域资金 9.75", "综合交通强省领域资金 68.5"],
    ],
    [
      "市财政预算安排资金1.2亿元,其中,人才专项经费3900万元,科技创新领域资金0.81亿元。",
      1.2,
      ["人才专项经费 0.39", "科技创新领域资金 0.81"],
    ],
    [
      "市财政预算安排16.05亿元,其中,科技创新投入4.32亿元、人才支撑投入0.9亿元。",
      16.05,
      ["科技创新投入 4.32", "人才支撑投入 0.9"],
    ],
  ])("%s", (sentence, yi, items) => {
    const d = draftOf(`一、甲领域(由市发改局牵头实施)\n${sentence}新增企业5家。\n(一)甲条。新增项目3个。\n`);
    expect(d.areas[0]?.budgetYi).toBe(yi);
    expect(d.areas[0]?.budgetItems.map((i) => `${i.label} ${i.yi}`)).toEqual(items);
    // The budget's figures are not targets; the area's own target still is.
    expect(targets(d)).toEqual(["5家", "3个"]);
  });

  it("a budget in the first article is the area's, an earmark in a later article its item", () => {
    const d = draftOf(
      "一、甲领域(由市发改局牵头实施)\n新增企业5家。\n(一)甲条。全年预算安排18.2亿元。\n(二)乙条。市财政安排0.88亿元支持高层次人才引育。\n",
    );
    expect(d.areas[0]).toMatchObject({
      budgetYi: 18.2,
      budgetItems: [{ label: "高层次人才引育", yi: 0.88, article: 2 }],
    });
    expect(targets(d)).toEqual(["5家"]);
  });

  it("without 其中, a target after the budget is not an item", () => {
    const d = draftOf(
      "一、甲领域\n市财政预算安排资金8.14亿元,力争完成综合交通投资106.5亿元以上。\n(一)甲条。新增项目3个。\n",
    );
    expect(d.areas[0]?.budgetItems).toEqual([]);
    expect(targets(d)).toEqual(["106.5亿元", "3个"]);
  });
});

describe("area headings without numeral (re-post layout)", () => {
  it("are the unpunctuated lines before each run of articles, numbered in order, and say so", () => {
    const d = importEdition(
      "66条!测试市印发推动经济高质量发展若干政策\n近日,测试市人民政府印发《测试市推动经济高质量发展若干政策》,从8个方面推出66条政策。\n" +
        notice +
        "扩大有效投资政策\n全年预算安排18.2亿元。新增项目10个以上。\n1\n加大财政支持力度\n新增企业5家。\n2\n强化要素保障\n保障用地5000亩。\n" +
        "科技创新政策\n新增高新技术企业75家以上。\n3\n推动平台建设\n新增研发机构3家。\n",
    );
    expect(d.areas.map((a) => [a.no, a.numeral, a.title, a.budgetYi])).toEqual([
      [1, "一", "扩大有效投资政策", 18.2],
      [2, "二", "科技创新政策", 0],
    ]);
    expect(d.articles.map((a) => [a.no, a.area, a.title])).toEqual([
      [1, 1, "加大财政支持力度"],
      [2, 1, "强化要素保障"],
      [3, 2, "推动平台建设"],
    ]);
    expect(targets(d)).toEqual(["10个", "5家", "5000亩", "75家", "3家"]);
    expect(d.edition.title).toBe("测试市推动经济高质量发展若干政策(2025年版)");
    expect(d.edition.issuer).toBe("测试市人民政府");
    for (const t of d.draft.targets) expect(t.reasons).toContain("领域标题没有序号(一、),按版式推断");
  });
});

describe("figures that are not targets", () => {
  it.each([
    [
      "reward condition",
      "对实现产业化的项目,三年内该项目的专利技术产品累计销售额1000万元以上的,给予最高50万元奖励。新增企业5家。",
      ["1000万元以上", "reward"],
    ],
    [
      "reward condition, grant in the next clause",
      "首台(套)产品三年内累计销售额1000万元以上,按销售额的5%给予奖励。新增企业5家。",
      ["1000万元以上", "reward"],
    ],
    ["the document's own measures", "重点抓好稳投资、促消费等十项工作。新增企业5家。", ["十项", "selfCount"]],
    [
      "the document's own measures, Arabic",
      "扎实推进项目建设、招商引资等10项重点工作。新增企业5家。",
      ["10项", "selfCount"],
    ],
    ["a size inside a count", "全年谋划推进10亿元以上项目25个左右。新增企业5家。", ["10亿元以上", "threshold"]],
    ["a size inside a count, 超", "实施单个投资额超10亿元项目25个左右。新增企业5家。", ["10亿元", "threshold"]],
    ["a project's preparation", "推进乐清湾D区1个万吨级油品码头项目前期。新增企业5家。", ["1个", "name"]],
  ])("%s", (_rule, sentence, exclusion) => {
    const d = inArticle(sentence);
    expect(excluded(d)).toContainEqual(exclusion);
    expect(targets(d).filter((t) => t !== "25个")).toEqual(["5家"]);
  });

  it("a size inside a count leaves the count as the target", () => {
    expect(
      inArticle("全年谋划推进10亿元以上项目25个左右。").targets.map((t) => [t.value, t.unit, t.comparator]),
    ).toEqual([[25, "个", "~"]]);
  });

  it("a “3个80%” whose subjects do not split into three is one row to complete, not three copies", () => {
    const d = inArticle("力争全市基金、用地等要素投向民间投资项目比重,进一步提高到“3个80%”。");
    expect(d.targets.map((t) => `${t.value}${t.unit}`)).toEqual(["80%"]);
    expect(d.draft.targets[0]?.reasons.join()).toContain("未能分出3个指标");
    expect(d.draft.targets[0]?.confidence).toBeLessThan(0.5);
  });

  it("a sum over years (三年内…累计) without a reward stays a target the review puts first", () => {
    const d = inArticle("列入计划的项目,三年内该项目的专利技术产品累计销售额1000万元以上。新增企业5家。");
    const doubtful = d.draft.targets.find((t) => t.reasons.some((r) => r.includes("N年内累计")));
    expect(doubtful?.confidence).toBeLessThan(0.7);
  });
});
