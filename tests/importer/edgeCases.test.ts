import { importEdition, normalizeText } from "../../src/importer";
import type { Draft } from "../../src/importer";
import { validateEdition } from "../../src/policy/validation";

const notice =
  "测试市人民政府\n2025年3月1日\n测试市推动经济高质量发展若干政策(2025年版)\n为认真贯彻落实,制定以下政策。\n";
const draftOf = (body: string): Draft => importEdition(notice + body);
const targetsOf = (body: string) => draftOf(body).targets.map((t) => [t.article, t.value, t.unit, t.comparator]);

describe("numbering variants", () => {
  it("一、 with (一)", () => {
    const d = draftOf("一、甲领域(由市科技局牵头)\n(一)甲条。新增企业5家。\n(二)乙条。新增项目3个。\n");
    expect(d.articles.map((a) => [a.no, a.title])).toEqual([
      [1, "甲条"],
      [2, "乙条"],
    ]);
  });
  it("一、 with 1. (with and without a space)", () => {
    const d = draftOf("一、甲领域\n1. 甲条。新增企业5家。\n2.乙条。新增项目3个。\n");
    expect(d.articles.map((a) => a.no)).toEqual([1, 2]);
    expect(d.targets.map((t) => t.article)).toEqual([1, 2]);
  });
  it("a bare 1 on its own line (re-post)", () => {
    const d = draftOf("一、甲领域\n1\n甲条。新增企业5家。\n2\n乙条。新增项目3个。\n");
    expect(d.articles.map((a) => [a.no, a.title])).toEqual([
      [1, "甲条"],
      [2, "乙条"],
    ]);
  });
  it("numbering that restarts in each area gets one number per article", () => {
    const d = draftOf("一、甲领域\n1.甲条。新增企业5家。\n二、乙领域\n1.乙条。新增项目3个。\n");
    expect(d.articles.map((a) => [a.no, a.area])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(d.draft.articles[1]?.reasons.join()).toContain("重新编号");
  });
});

describe("leads", () => {
  it.each([
    ["(由市科技局牵头)", "市科技局"],
    ["(由市发改委牵头实施)", "市发改委"],
    ["(区科技局牵头)", "区科技局"],
    ["(科技局牵头)", "科技局"],
    ["(新区科技和人才局〈区科技局〉牵头)", "新区科技和人才局〈区科技局〉"],
    ["", ""],
  ])("%s → %s", (written, lead) => {
    const d = draftOf(`一、推进教育科技人才一体发展${written}\n(一)甲条。新增企业5家。\n`);
    expect(d.areas[0]?.lead).toBe(lead);
    expect(d.areas[0]?.title).toBe("推进教育科技人才一体发展");
  });
});

describe("责任单位", () => {
  it.each([
    ["(责任单位:市科技局、市经信局)", ["市科技局", "市经信局"]],
    ["(责任单位:市科技局、市财政局。列第一位的为牵头单位,下同)", ["市科技局", "市财政局"]],
    ["(责任单位:市科技局、市经信局,第一为牵头单位,下同)", ["市科技局", "市经信局"]],
    [
      "(责任单位:市科技局、市经信局,以下工作均需各县〈市、区〉政府和温州海经区管委会落实,不再列出)",
      ["市科技局", "市经信局"],
    ],
    ["(责任单位:市委组织部<市委人才办>、市经信局)", ["市委组织部<市委人才办>", "市经信局"]],
    ["", []],
  ])("%s", (clause, units) => {
    const d = draftOf(`一、甲领域(由市科技局牵头)\n(一)甲条。新增企业5家。${clause}\n`);
    expect(d.articles[0]?.responsible).toEqual(units);
    expect(d.targets).toHaveLength(1);
  });
});

describe("budgets", () => {
  const budgetOf = (sentence: string) =>
    draftOf(`一、甲领域(由市科技局牵头)\n${sentence}\n(一)甲条。新增企业5家。\n`).areas[0];
  it.each([
    ["市财政(2025年)预算安排资金2.74亿元。", 2.74],
    ["2025年,市级财政预算安排13.06亿元。", 13.06],
    ["全市财政2024年预算拟安排78.25亿元。", 78.25],
    ["区财政2025年预算安排资金5亿元。", 5],
    ["市财政统筹安排5000万元。", 0.5],
    ["安排58亿元财政资金保障政府投资项目建设。", 58],
    ["全市财政预算拟安排资金30亿元以上。", 30],
    ["市财政预算安排资金5782万元,其中人才专项经费3900万元,科技创新领域资金1882万元。", 0.5782],
    ["加快建设创新城市。", 0],
  ])("%s → %s亿元", (sentence, yi) => {
    expect(budgetOf(sentence)?.budgetYi).toBe(yi);
  });
  it("其中 splits that mix 亿元 and 万元", () => {
    expect(budgetOf("市财政预算安排资金1.5亿元。其中,重点支持企业发展1.2亿元,人才引育3000万元。")?.budgetItems).toEqual(
      [
        { label: "企业发展", yi: 1.2, article: null, quote: "重点支持企业发展1.2亿元" },
        { label: "人才引育", yi: 0.3, article: null, quote: "人才引育3000万元" },
      ],
    );
  });
  it("a budget stated in an article, and an earmark in a later article", () => {
    const d = draftOf(
      "一、甲领域\n1.加大财政支持力度。市财政2024年预算安排资金10亿元。\n2.人才。市财政安排0.5亿元支持人才引育。\n",
    );
    expect(d.areas[0]?.budgetYi).toBe(10);
    expect(d.areas[0]?.budgetItems).toEqual([
      { label: "人才引育", yi: 0.5, article: 2, quote: "市财政安排0.5亿元支持人才引育" },
    ]);
    expect(d.targets).toEqual([]);
  });
});

describe("figures", () => {
  const one = (sentence: string) => targetsOf(`一、甲领域\n(一)甲条。${sentence}\n`);
  it.each([
    ["计划完成投资1万亿元以上。", [[1, 1, "万亿元", ">="]]],
    ["高标准农田建设10万亩。", [[1, 10, "万亩", ">="]]],
    ["争取省补助经费5000万元以上。", [[1, 5000, "万元", ">="]]],
    ["滚动推进百个省重大项目建设。", [[1, 100, "个", ">="]]],
    ["确保一般公共预算支出三分之二用于民生领域。", [[1, 2 / 3, "", ">="]]],
    ["争取重大科技项目2 项以上。", [[1, 2, "项", ">="]]],
    ["完成投资795 亿元。", [[1, 795, "亿元", ">="]]],
    ["研发投入强度达到4.10%。", [[1, 4.1, "%", ">="]]],
  ])("%s", (sentence, expected) => {
    expect(one(sentence)).toEqual(expected);
  });
});

describe("comparators", () => {
  const one = (sentence: string) => targetsOf(`一、甲领域\n(一)甲条。${sentence}\n`);
  it.each([
    ["全市生产总值超1200亿元。", ">"],
    ["研发投入强度达3%。", ">="],
    ["研发投入强度达到3%。", ">="],
    ["企业占比不低于80%。", ">="],
    ["常住人口城镇化率达70%左右。", "~"],
    ["单位能耗控制在0.5吨以内。", "<="],
  ])("%s → %s", (sentence, comparator) => {
    expect(one(sentence).map((t) => t[3])).toEqual([comparator]);
  });
  it("250个以上…项目: the 以上 belongs to the figure", () => {
    expect(one("抓好250个以上重大项目。")).toEqual([[1, 250, "个", ">="]]);
  });
  it("列温州前3 is a rank", () => {
    expect(one("力争使用量列温州前3。")).toEqual([[1, 3, "名", "rank<="]]);
  });
  it("one 力争 governing two clauses", () => {
    const d = draftOf("一、甲领域\n(一)甲条。力争完成集装箱吞吐量60万标箱、集装箱海铁联运1.2万标箱。\n");
    expect(d.targets.map((t) => t.words)).toEqual([["力争"], ["力争"]]);
    expect(d.targets[1]?.quote).toBe("力争完成集装箱吞吐量60万标箱、集装箱海铁联运1.2万标箱");
  });
  it("one qualifier closing a list holds for every figure", () => {
    const d = draftOf("一、甲领域\n(一)甲条。县域就诊率和基层就诊率维持在90%、76%以上。\n");
    expect(d.targets.map((t) => [t.indicator, t.value, t.comparator])).toEqual([
      ["县域就诊率", 90, ">="],
      ["基层就诊率", 76, ">="],
    ]);
    expect(d.targets.every((t) => t.words.includes("以上"))).toBe(true);
  });
  it("one figure for two indicators is flagged", () => {
    const d = draftOf("一、甲领域\n(一)甲条。推动投资完成率和新建项目开工率达到100%。\n");
    expect(d.targets).toHaveLength(1);
    expect(d.draft.targets[0]?.reasons).toContain("一个数字对应两个指标");
    expect(d.draft.targets[0]?.confidence).toBeLessThan(0.7);
  });
  it.each<[string, string, string, string[]]>([
    ["工业投资增速超去年水平", "工业投资增速", "increase", ["超去年水平"]],
    ["社会消费品零售总额增速高于上年", "社会消费品零售总额增速", "increase", ["高于上年"]],
    ["外贸出口增速好于上年同期水平", "外贸出口增速", "increase", ["好于上年同期水平"]],
    ["单位生产总值能耗持续下降", "单位生产总值能耗", "decrease", ["持续", "下降"]],
    ["单位工业增加值能耗进一步降低", "单位工业增加值能耗", "decrease", ["进一步", "降低"]],
    ["居民人均可支配收入持续增长", "居民人均可支配收入", "increase", ["持续增长"]],
  ])("a direction without a figure in a preamble: %s", (sentence, indicator, comparator, words) => {
    const d = draftOf(`一、甲领域\n2025年,${sentence}。\n(一)甲条。新增企业5家。\n`);
    const direction = d.targets.filter((t) => t.kind === "qualitative");
    expect(direction.map((t) => [t.indicator, t.value, t.unit, t.comparator, t.words])).toEqual([
      [indicator, null, "", comparator, words],
    ]);
    expect(direction[0]?.quote).toBe(sentence);
    // The draft is an edition the validation accepts: the words call for the comparator it was drafted with.
    const { draft: _review, ...file } = d;
    expect(validateEdition(file).errors.filter((e) => e.path.startsWith("targets"))).toEqual([]);
  });
  it("a comparison with last year is a target in an article too; a bare trend there is a measure", () => {
    const d = draftOf("一、甲领域\n(一)甲条。全年工业投资增速超去年水平,物流成本持续下降。\n");
    expect(d.targets.map((t) => [t.article, t.indicator, t.comparator])).toEqual([[1, "工业投资增速", "increase"]]);
  });
  it("a comparison with last year that has a figure is that figure's target", () => {
    const d = draftOf("一、甲领域\n(一)甲条。工业投资增速高于上年2个百分点。\n");
    expect(d.targets.map((t) => [t.value, t.unit, t.kind])).toEqual([[2, "个百分点", "growth"]]);
  });
  it("directions in a preamble: 持续下降, 保持稳定增长", () => {
    const d = draftOf(
      "一、甲领域\n2025年,全市城乡居民收入倍差持续下降,固定资产投资保持稳定增长。\n(一)甲条。新增企业5家。\n",
    );
    expect(d.targets.filter((t) => t.kind === "qualitative").map((t) => [t.indicator, t.comparator])).toEqual([
      ["全市城乡居民收入倍差", "decrease"],
      ["固定资产投资", "increase"],
    ]);
  });
});

describe("noise that is not a target", () => {
  const categories = (sentence: string) => {
    const d = draftOf(`一、甲领域\n(一)甲条。${sentence}\n`);
    return { targets: d.targets.length, excluded: d.draft.excluded.map((x) => x.category) };
  };
  it.each([
    ["对新认定的重点实验室给予最高50万元奖励。", "reward"],
    ["对新认定的国家级、省级孵化器分别给予100万元、50万元奖励。", "reward"],
    ["按立项补助金额的20%给予奖励。", "reward"],
    ["实行3亿元以上项目滚动管理。", "threshold"],
    ["建成10万吨级泊位。", "threshold"],
    ["深入实施“551”工程。", "name"],
    ["落实“5210”行动和“1354”工作总抓手。", "name"],
    ["实施“三个15%”提升行动。", "name"],
    ["构建“1+4+N”体系。", "name"],
    ["打造“415X”集群。", "name"],
    ["力争6月底前验收通过。", "deadline"],
    ["在2024年“3个70%”基础上进一步提升。", "baseline"],
    ["出台66条政策举措。", "selfCount"],
  ])("%s → %s", (sentence, category) => {
    const r = categories(sentence);
    expect(r.targets).toBe(0);
    expect(r.excluded).toContain(category);
  });
  it("a journalist's summary in front of a re-posted text", () => {
    const d = importEdition(
      `3月11日,测试市发布政策。文件提出,新增企业100家。\n原文如下:\n${notice}一、甲领域\n(一)甲条。新增企业5家。\n`,
    );
    expect(d.targets.map((t) => t.value)).toEqual([5]);
    expect(d.draft.excluded.map((x) => x.category)).toContain("summary");
  });
});

describe("normalisation", () => {
  it("traditional characters, full-width digits and punctuation", () => {
    expect(normalizeText("一、強化科技創新（市科技局牽頭）\n２０２５年，力爭全市研發投入強度達到２．９％。")).toBe(
      "一、强化科技创新(市科技局牵头)\n2025年,力争全市研发投入强度达到2.9%。",
    );
  });
  it("PDF line breaks are joined, short notice lines are kept", () => {
    const wrapped = [
      "一、甲领域(由市科技局牵头)",
      "持续擦亮国家首批创新型县(市)金名片,加快推进创新城市建设,",
      "以教育科技人才一体改革发展为动力支撑,以强化科技创新与产业创新",
      "深度融合为关键路径,力争全市研发投入强度达到3.12%左右。",
      "(一)推动高能级科创平台提质增效。实施大孵化器集群建设实施方案,构建",
      "多层级孵化模式,支持有条件的科技企业孵化器争创国家级孵化器。新增高",
      "新技术企业75家以上。实施科创平台项目拨付制,按项目开展情况拨付运营",
      "经费,提升科创平台的运作效率与灵活性。(责任单位:市科技局)",
    ].join("\n");
    const d = draftOf(wrapped);
    expect(d.targets.map((t) => [t.article, t.value, t.unit])).toEqual([
      [null, 3.12, "%"],
      [1, 75, "家"],
    ]);
    expect(d.articles[0]?.responsible).toEqual(["市科技局"]);
  });
  it("a document served as one paragraph", () => {
    const d = importEdition(
      "测试市推动经济高质量发展若干政策 (2025 年版) 为全面落实上级有关经济工作会议决策部署,推动经济持续向好,增强宏观政策取向一致性,制定以下政策。 一、强化科技创新(市科技局牵头) 锚定主战场,全力建设创新城市。2025 年,力争全市研发投入强度达到 2.9%。 (一)加强平台建设。积极融入科创走廊建设。(责任单位:市科技局、市经信局,第一为牵头单位,下同) (二)加强技术攻关。争取重大科技项目 2 项以上。(责任单位:市科技局)",
    );
    expect(d.edition.title).toBe("测试市推动经济高质量发展若干政策(2025年版)");
    expect(d.areas.map((a) => [a.title, a.lead])).toEqual([["强化科技创新", "市科技局"]]);
    expect(d.articles.map((a) => a.responsible)).toEqual([["市科技局", "市经信局"], ["市科技局"]]);
    expect(d.targets.map((t) => [t.article, t.value, t.unit])).toEqual([
      [null, 2.9, "%"],
      [2, 2, "项"],
    ]);
  });
});

describe("ids", () => {
  it("readable and stable: a matching previous target keeps its id", () => {
    const body = "一、甲领域\n(一)甲条。新增高新技术企业80家以上,新增卓越工程师6人。\n";
    const previous = {
      targets: [
        { id: "art01-hitech-firms", area: 1, article: 1, indicator: "新增高新技术企业", unit: "家" },
        { id: "art01-old-removed", area: 1, article: 1, indicator: "完全不同的指标", unit: "人" },
      ],
    };
    const d = importEdition(notice + body, { previous });
    expect(d.targets.map((t) => t.id)).toEqual(["art01-hitech-firms", "art01-excellent-engineers"]);
    expect(d.draft.targets[0]?.previousId).toBe("art01-hitech-firms");
    for (const t of d.targets) expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
