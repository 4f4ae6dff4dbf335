import type { Area, EditionData, Target } from "../../src/policy/types";
import { edition, expectError, functionsOf, zc } from "./support/zc";

describe("ZC.TARGET", () => {
  it("returns the official figure, percentages as Excel fractions", () => {
    expect(zc("TARGET", "area1-rd-intensity")).toBe(0.0312);
    expect(zc("TARGET", "art01-hitech-firms")).toBe(75);
    expect(zc("TARGET", "area4-transport-investment")).toBe(106.5);
    expect(zc("TARGET", "area2-industrial-value-added", "value")).toBe(0.1);
  });
  it("matches ids case-insensitively and trimmed, and reads a 1×1 range", () => {
    expect(zc("TARGET", "  ART01-HITECH-FIRMS ")).toBe(75);
    expect(zc("TARGET", [["art01-hitech-firms"]])).toBe(75);
  });
  it("returns each field", () => {
    const id = "art01-hitech-firms";
    expect(zc("TARGET", id, "indicator")).toBe("新增高新技术企业");
    expect(zc("TARGET", id, "unit")).toBe("家");
    expect(zc("TARGET", id, "comparator")).toBe(">=");
    expect(zc("TARGET", id, "kind")).toBe("count");
    expect(zc("TARGET", id, "area")).toBe(1);
    expect(zc("TARGET", id, "article")).toBe(1);
    expect(zc("TARGET", id, "quote")).toBe("新增高新技术企业75家以上");
    expect(zc("TARGET", id, "responsible")).toBe("市科技局、市经信局");
    expect(zc("TARGET", id, "lead")).toBe("市科技局");
    expect(zc("TARGET", "art09-specialized-sme", "comparator")).toBe(">");
  });
  it("answers a preamble target's article blank and its lead from the area heading", () => {
    expect(zc("TARGET", "area2-industrial-value-added", "article")).toBe("");
    expect(zc("TARGET", "area2-industrial-value-added", "lead")).toBe("市经信局");
    expect(zc("TARGET", "area2-industrial-value-added", "responsible")).toBe("市经信局");
  });
  it("accepts Chinese field names, any case and spacing", () => {
    expect(zc("TARGET", "art01-hitech-firms", "牵头单位")).toBe("市科技局");
    expect(zc("TARGET", "art01-hitech-firms", " LEAD ")).toBe("市科技局");
    expect(zc("TARGET", "art01-hitech-firms", "指标")).toBe("新增高新技术企业");
    expect(zc("TARGET", "art01-hitech-firms", "")).toBe(75);
  });
  it("keeps 三分之二 as the fraction it is", () => {
    expect(zc("TARGET", "area8-livelihood-spending-share")).toBe(2 / 3);
  });
  it("gives #N/A for a qualitative target's figure, but its other fields work", () => {
    expectError(zc("TARGET", "area6-fai-stable"), "NA", "定性指标");
    expect(zc("TARGET", "area6-fai-stable", "indicator")).toBe("固定资产投资");
    expect(zc("TARGET", "area7-income-ratio", "comparator")).toBe("decrease");
  });
  it("names what was not found", () => {
    expectError(zc("TARGET", "art99-nothing"), "NA", "art99-nothing");
    expectError(zc("TARGET", "art01-hitech-firms", "colour"), "NA", "colour", "lead");
    expectError(zc("TARGET", 42), "NA", "42");
    expectError(zc("TARGET", ""), "VALUE", "缺少参数");
    expectError(zc("TARGET", null), "VALUE", "缺少参数");
    expectError(zc("TARGET", "   "), "VALUE", "缺少参数");
    expectError(zc("TARGET", [["a", "b"]]), "VALUE", "区域");
  });
});

describe("ZC.COMPLETION", () => {
  it("divides actual by target (75家以上, 60 done → 0.8)", () => {
    expect(zc("COMPLETION", "art01-hitech-firms", 60)).toBe(0.8);
    expect(zc("COMPLETION", "art01-hitech-firms", 90)).toBe(1.2);
  });
  it("reads numeric text", () => {
    expect(zc("COMPLETION", "art01-hitech-firms", "60")).toBe(0.8);
    expect(zc("COMPLETION", "art01-hitech-firms", " ６０ ")).toBe(0.8);
    expect(zc("COMPLETION", "art37-group-assistance", "1,200")).toBe(0.8);
  });
  it("compares rate with rate for a % target: 0.08, 8% and “8%” all mean 8%", () => {
    expect(zc("COMPLETION", "area2-industrial-value-added", 0.08)).toBe(0.8);
    expect(zc("COMPLETION", "area2-industrial-value-added", "8%")).toBe(0.8);
    expect(zc("COMPLETION", "area1-rd-intensity", "3.0%")).toBe(3 / 3.12);
  });
  it("rates a rank as min(1, N / rank)", () => {
    expect(zc("COMPLETION", "art10-trade-in-funds-rank", 6)).toBe(0.5);
    expect(zc("COMPLETION", "art10-trade-in-funds-rank", 2)).toBe(1);
    expectError(zc("COMPLETION", "art10-trade-in-funds-rank", 0), "VALUE", "名次");
  });
  it("compares a direction target with last year, which it needs", () => {
    expect(zc("COMPLETION", "area7-income-ratio", 1.72, 1.75)).toBe(1);
    expect(zc("COMPLETION", "area7-income-ratio", 1.8, 1.75)).toBe(0);
    expect(zc("COMPLETION", "area6-fai-stable", 105, 100)).toBe(1);
    expectError(zc("COMPLETION", "area7-income-ratio", 1.72), "NA", "上年");
  });
  it("leaves an unfilled row blank", () => {
    expect(zc("COMPLETION", "art01-hitech-firms", null)).toBe("");
    expect(zc("COMPLETION", "art01-hitech-firms", "")).toBe("");
    expect(zc("COMPLETION", "art01-hitech-firms", "  ")).toBe("");
    expect(zc("COMPLETION", "art01-hitech-firms", undefined)).toBe("");
  });
  it("still reports a wrong id on an unfilled row", () => {
    expectError(zc("COMPLETION", "nope", null), "NA", "nope");
  });
  it("rejects text that is not a number", () => {
    expectError(zc("COMPLETION", "art01-hitech-firms", "六十"), "VALUE", "六十");
    expectError(zc("COMPLETION", "art01-hitech-firms", true), "VALUE");
    expectError(zc("COMPLETION", "art01-hitech-firms", 60, "去年"), "VALUE", "去年");
  });
  it("reads rich cell values and 1×1 ranges", () => {
    expect(zc("COMPLETION", "art01-hitech-firms", { type: "FormattedNumber", basicValue: 60 })).toBe(0.8);
    expect(zc("COMPLETION", "art01-hitech-firms", [[60]])).toBe(0.8);
    expectError(zc("COMPLETION", "art01-hitech-firms", [[60, 70]]), "VALUE");
  });
  it("gives #VALUE! rather than Infinity when a % value overflows", () => {
    expectError(zc("COMPLETION", "area1-rd-intensity", 1e308), "VALUE", "超出范围");
  });
});

describe("ZC.MET", () => {
  it("excludes the figure for 超 (超38家: 38 is not met)", () => {
    expect(zc("MET", "art09-specialized-sme", 38)).toBe(false);
    expect(zc("MET", "art09-specialized-sme", 39)).toBe(true);
    expect(zc("MET", "art01-hitech-firms", 75)).toBe(true);
  });
  it("allows ±5% around a 左右 figure unless told otherwise", () => {
    expect(zc("MET", "area1-rd-intensity", 0.03)).toBe(true);
    expect(zc("MET", "area1-rd-intensity", 0.029)).toBe(false);
    expect(zc("MET", "area1-rd-intensity", 0.029, null, 0.1)).toBe(true);
    expect(zc("MET", "area1-rd-intensity", 0.029, null, "10%")).toBe(true);
    expectError(zc("MET", "area1-rd-intensity", 0.03, null, 2), "VALUE", "容差");
  });
  it("uses last year for direction targets", () => {
    expect(zc("MET", "area7-income-ratio", 1.72, 1.75)).toBe(true);
    expectError(zc("MET", "area7-income-ratio", 1.72), "NA", "上年");
  });
  it("leaves an unfilled row blank", () => {
    expect(zc("MET", "art01-hitech-firms", null)).toBe("");
  });
});

describe("ZC.GAP", () => {
  it("is actual − target; for % targets in 百分点", () => {
    expect(zc("GAP", "area2-industrial-value-added", 0.08)).toBe(-2);
    expect(zc("GAP", "area1-rd-intensity", "3.2%")).toBe(0.08);
    expect(zc("GAP", "art01-hitech-firms", 60)).toBe(-15);
    expect(zc("GAP", "art10-trade-in-funds-rank", 6)).toBe(3);
  });
  it("has no figure to compare a qualitative target with", () => {
    expectError(zc("GAP", "area7-income-ratio", 1.7), "NA", "定性指标");
  });
  it("leaves an unfilled row blank", () => {
    expect(zc("GAP", "art01-hitech-firms", "")).toBe("");
  });
});

describe("ZC.STATUS", () => {
  it("compares a cumulative target with 序时进度 at the report date", () => {
    expect(zc("STATUS", "art01-hitech-firms", 40, "2025-06-30")).toBe("达进度");
    expect(zc("STATUS", "art01-hitech-firms", 30, "2025-06-30")).toBe("欠进度");
    expect(zc("STATUS", "art01-hitech-firms", 40, 45838)).toBe("达进度");
    expect(zc("STATUS", "art01-hitech-firms", 40, "2025年6月30日")).toBe("达进度");
    expect(zc("STATUS", "art01-hitech-firms", 80, "2025-06-30")).toBe("已完成");
  });
  it("judges the whole year without a date, or after the year", () => {
    expect(zc("STATUS", "art01-hitech-firms", 40)).toBe("未完成");
    expect(zc("STATUS", "art01-hitech-firms", 74, "2026-01-15")).toBe("未完成");
  });
  it("treats ratios, growth and ranks as annual states", () => {
    expect(zc("STATUS", "area1-rd-intensity", 0.028, "2025-06-30")).toBe("未完成");
    expect(zc("STATUS", "area1-rd-intensity", "3.1%", "2025-06-30")).toBe("已完成");
  });
  it("says 未填报 for a blank actual, and for a direction target without last year", () => {
    expect(zc("STATUS", "art01-hitech-firms", null)).toBe("未填报");
    expect(zc("STATUS", "art01-hitech-firms", "", "2025-06-30")).toBe("未填报");
    expect(zc("STATUS", "area7-income-ratio", 1.72)).toBe("未填报");
    expect(zc("STATUS", "area7-income-ratio", 1.72, null, 1.75)).toBe("已完成");
  });
  it("rejects a date it cannot read", () => {
    expectError(zc("STATUS", "art01-hitech-firms", 40, "上月底"), "VALUE", "上月底", "日期");
  });
});

describe("ZC.BUDGET", () => {
  it("gives an area's budget by number, numeral or title", () => {
    expect(zc("BUDGET", 6)).toBe(33.6);
    expect(zc("BUDGET", "六")).toBe(33.6);
    expect(zc("BUDGET", "6")).toBe(33.6);
    expect(zc("BUDGET", "全力扩大有效投资")).toBe(33.6);
    expect(zc("BUDGET", "有效投资")).toBe(33.6);
    expect(zc("BUDGET", 1)).toBe(2.74);
  });
  it("gives the stated total and the sum of the areas, which differ by the overlap", () => {
    expect(zc("BUDGET", "合计")).toBe(49.25);
    expect(zc("BUDGET", "合计", null, "万元")).toBe(492500);
    expect(zc("BUDGET", "各领域合计")).toBe(69.49);
  });
  it("converts units", () => {
    expect(zc("BUDGET", "一", null, "万元")).toBe(27400);
    expect(zc("BUDGET", 1, null, "元")).toBe(274000000);
    expect(zc("BUDGET", 1, null, "亿元")).toBe(2.74);
  });
  it("gives an earmarked item by label or a unique part of it", () => {
    expect(zc("BUDGET", 2, "产业基金")).toBe(0.4);
    expect(zc("BUDGET", 2, "企业高质量发展")).toBe(1.32);
    expect(zc("BUDGET", 7, "乡村振兴", "万元")).toBe(45900);
    expect(zc("BUDGET", 2, "  ")).toBe(1.72);
  });
  it("names what was not found, and what is ambiguous", () => {
    expectError(zc("BUDGET", 9), "NA", "9");
    expectError(zc("BUDGET", "十"), "NA", "十");
    expectError(zc("BUDGET", 2, "发展"), "NA", "不唯一");
    expectError(zc("BUDGET", 2, "人才"), "NA", "人才");
    expectError(zc("BUDGET", "合计", "人才"), "NA", "合计");
    expectError(zc("BUDGET", "发展"), "NA", "不唯一");
  });
  it("rejects a bad unit or a missing area", () => {
    expectError(zc("BUDGET", 6, null, "美元"), "VALUE", "美元");
    expectError(zc("BUDGET", ""), "VALUE", "缺少参数");
    expectError(zc("BUDGET", "  "), "VALUE", "缺少参数");
  });
});

describe("ZC.VARIANCE, ZC.EXECRATE, ZC.PACE", () => {
  it("VARIANCE is actual − budget, positive over budget", () => {
    expect(zc("VARIANCE", 1, 3)).toBe(0.26);
    expect(zc("VARIANCE", 6, 300000, "万元")).toBe(-36000);
    expect(zc("VARIANCE", "合计", 50)).toBe(0.75);
    expect(zc("VARIANCE", 1, "")).toBe("");
  });
  it("EXECRATE is spent / budget", () => {
    expect(zc("EXECRATE", 6, 16.8)).toBe(0.5);
    expect(zc("EXECRATE", "六", 168000, "万元")).toBe(0.5);
    expect(zc("EXECRATE", 6, 10.08)).toBe(0.3);
    expect(zc("EXECRATE", 6, null)).toBe("");
    expectError(zc("EXECRATE", 6, "很多"), "VALUE", "很多");
  });
  it("PACE is execution rate − 序时进度 in 百分点", () => {
    expect(zc("PACE", 6, 10.08, "2025-06-30")).toBe(-20);
    expect(zc("PACE", "六", 168000, 45838, "万元")).toBe(0);
    expect(zc("PACE", 6, 33.6, "2025-06-30")).toBe(50);
    expect(zc("PACE", 6, null, "2025-06-30")).toBe("");
    expect(zc("PACE", 6, 10, null)).toBe("");
  });
});

describe("ZC.TIMEPROGRESS", () => {
  it("counts months by default, days on request", () => {
    expect(zc("TIMEPROGRESS", 45838)).toBe(0.5);
    expect(zc("TIMEPROGRESS", "2025-07-31")).toBe(7 / 12);
    expect(zc("TIMEPROGRESS", "2025-06-30", "day")).toBe(181 / 365);
    expect(zc("TIMEPROGRESS", "2025-06-30", "日")).toBe(181 / 365);
    expect(zc("TIMEPROGRESS", "2025-12-31")).toBe(1);
  });
  it("is 0 before the policy year and 1 after it", () => {
    expect(zc("TIMEPROGRESS", "2024-12-31")).toBe(0);
    expect(zc("TIMEPROGRESS", "2026-01-01")).toBe(1);
  });
  it("leaves a blank date blank and rejects bad input", () => {
    expect(zc("TIMEPROGRESS", null)).toBe("");
    expectError(zc("TIMEPROGRESS", "2025-06-30", "week"), "VALUE", "week");
    expectError(zc("TIMEPROGRESS", "2025-02-30"), "VALUE", "2025-02-30");
    expectError(zc("TIMEPROGRESS", 60), "VALUE");
  });
});

describe("ZC.TARGETS", () => {
  const header = ["编号", "指标", "目标值", "单位", "比较"];
  it("lists every target under a header row", () => {
    const all = zc("TARGETS") as unknown[][];
    expect(all[0]).toEqual(header);
    expect(all).toHaveLength(edition.targets.length + 1);
    expect(zc("TARGETS", "合计")).toEqual(all);
  });
  it("filters by area and article", () => {
    const area1 = zc("TARGETS", 1) as unknown[][];
    expect(area1.slice(1).every((row) => String(row[0]).match(/^(area1|art0[1-4])-/))).toBe(true);
    expect(area1[1]).toEqual(["area1-rd-intensity", "全市研发投入强度", 0.0312, "%", "~"]);
    expect(zc("TARGETS", 1, 1)).toEqual([header, ["art01-hitech-firms", "新增高新技术企业", 75, "家", ">="]]);
    expect(zc("TARGETS", null, "(十)")).toEqual([
      header,
      ["art10-trade-in-funds-rank", "消费品以旧换新国债资金使用量温州排名", 3, "名", "rank<="],
    ]);
  });
  it("shows a qualitative target with an empty figure", () => {
    const area7 = zc("TARGETS", 7) as unknown[][];
    expect(area7.find((row) => row[0] === "area7-income-ratio")).toEqual([
      "area7-income-ratio",
      "全市城乡居民收入倍差",
      "",
      "",
      "decrease",
    ]);
  });
  it("says when an article is not in the area, or not found", () => {
    expectError(zc("TARGETS", 1, 20), "NA", "第20条不属于领域一");
    expectError(zc("TARGETS", null, 38), "NA", "38");
    expectError(zc("TARGETS", 9), "NA", "9");
  });
});

describe("ZC.RESPONSIBLE", () => {
  it("joins an article's units with 、, lead first", () => {
    expect(zc("RESPONSIBLE", 9)).toBe("市经信局、市金融工作服务中心、市人行、市金融监管支局");
    expect(zc("RESPONSIBLE", "(十八)")).toBe("市交通运输局");
    expect(zc("RESPONSIBLE", "第九条")).toBe(zc("RESPONSIBLE", 9));
    expect(zc("RESPONSIBLE", "三十七")).toBe("市民政局、市医疗保障局、市总工会、市残联、市慈善总会");
  });
  it("names an article it cannot find", () => {
    expectError(zc("RESPONSIBLE", 38), "NA", "38");
    expectError(zc("RESPONSIBLE", null), "VALUE", "缺少参数");
  });
});

describe("zero divisors give #DIV/0!", () => {
  // The 2025 edition has no zero budget or target; an edition with one shows how the functions answer it.
  const zeroArea: Area = { ...edition.areas[0]!, no: 1, budgetYi: 0, budgetItems: [] };
  const zeroTarget: Target = { ...edition.targets[1]!, id: "zero-target", value: 0 };
  const cap: Target = { ...edition.targets[1]!, id: "cap-target", comparator: "<=", value: 5 };
  const data: EditionData = { ...edition, areas: [zeroArea], targets: [zeroTarget, cap] };
  const zc0 = functionsOf(data);
  it("in EXECRATE and PACE of a zero budget", () => {
    expectError(zc0("EXECRATE", 1, 5), "DIV0");
    expectError(zc0("PACE", 1, 5, "2025-06-30"), "DIV0");
  });
  it("in COMPLETION of a zero target, or a zero actual against an upper bound", () => {
    expectError(zc0("COMPLETION", "zero-target", 5), "DIV0");
    expectError(zc0("COMPLETION", "cap-target", 0), "DIV0");
    expect(zc0("COMPLETION", "cap-target", 4)).toBe(1.25);
  });
});

describe("the report sheet of the README (市科技局, 1–6月)", () => {
  const reportDate = "2025-06-30";
  const rows: [string, unknown, number | "", string][] = [
    ["area1-rd-intensity", "3.0%", 3 / 3.12, "已完成"],
    ["art01-hitech-firms", 40, 40 / 75, "达进度"],
    ["art02-tech-projects", 4, 0.4, "欠进度"],
    ["art02-keystone-projects", 2, 1, "已完成"],
    ["art02-enterprise-led-share", 0.82, 1.025, "已完成"],
    ["art07-tech-vice-presidents", null, "", "未填报"],
  ];
  it.each(rows)("%s: actual %p → completion %p, %s", (id, actual, completion, state) => {
    expect(zc("TARGET", id, "牵头单位")).toBe("市科技局");
    const rate = zc("COMPLETION", id, actual);
    if (completion === "") expect(rate).toBe("");
    else expect(rate).toBeCloseTo(completion, 12);
    expect(zc("STATUS", id, actual, reportDate)).toBe(state);
  });
});
