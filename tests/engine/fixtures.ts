import type { Comparator, Target, TargetKind } from "../../src/policy/types";

/** Targets shaped like the document's own, for engine tests that must not depend on the dataset's ids. */
export function target(
  comparator: Comparator,
  value: number | null,
  unit: string,
  kind: TargetKind,
  indicator = "测试指标",
): Target {
  return {
    id: `t-${indicator}`,
    area: 1,
    article: null,
    indicator,
    value,
    unit,
    comparator,
    kind,
    words: [],
    quote: "",
  };
}

export const hitechFirms = target(">=", 75, "家", "count", "新增高新技术企业"); // 75家以上
export const specializedSme = target(">", 38, "家", "count", "省级以上专精特新中小企业"); // 超38家
export const rdIntensity = target("~", 3.12, "%", "ratio", "研发投入强度"); // 3.12%左右
export const industryGrowth = target(">=", 10, "%", "growth", "规上工业增加值增长"); // 增长10%以上
export const tradeInRank = target("rank<=", 3, "名", "rank", "以旧换新国债资金使用量"); // 列温州前3
export const incomeRatio = target("decrease", null, "", "qualitative", "城乡居民收入倍差"); // 持续下降
export const investmentUp = target("increase", null, "", "qualitative", "固定资产投资"); // 保持稳定增长
export const capped = target("<=", 5, "%", "ratio", "假设的上限指标"); // 以内 (no such target in 2025)
export const transportInvest = target(">=", 106.5, "亿元", "amount", "综合交通投资"); // 106.5亿元以上
