import type { Area } from "../../types";

/**
 * The 8 areas (一…八): heading without its "(由…牵头)", the lead unit, and the 市财政2025年预算安排资金 of each.
 *
 * budgetItems are the sums the text itself splits off or earmarks inside an area's budget; an item's `article` is
 * null when the area's preamble does the split (其中,…), and the article's number when the article earmarks it.
 * Area 6's "33.6亿元支持重大项目建设" states the purpose of the whole budget rather than splitting it, so it has no
 * item (its budgetQuote keeps the words).
 *
 * The budgets add up to 69.49 while the stated total is 49.25 (除交叉重叠部分外): both are kept as written.
 */
export const areas = [
  {
    no: 1,
    numeral: "一",
    title: "推进教育科技人才一体发展",
    lead: "市科技局",
    budgetYi: 2.74,
    budgetQuote: "市财政2025年预算安排资金2.74亿元",
    budgetItems: [{ label: "高层次人才引育", yi: 0.88, article: 3, quote: "市财政安排0.88亿元支持高层次人才引育" }],
  },
  {
    no: 2,
    numeral: "二",
    title: "加快先进制造业发展",
    lead: "市经信局",
    budgetYi: 1.72,
    budgetQuote: "市财政2025年预算安排资金1.72亿元",
    budgetItems: [
      { label: "企业高质量发展", yi: 1.32, article: null, quote: "重点支持企业高质量发展1.32亿元" },
      { label: "产业基金撬动产业发展", yi: 0.4, article: null, quote: "产业基金撬动产业发展0.4亿元" },
    ],
  },
  {
    no: 3,
    numeral: "三",
    title: "推进服务业高质量发展",
    lead: "市发改局",
    budgetYi: 0.62,
    budgetQuote: "市财政2025年预算安排资金0.62亿元",
    budgetItems: [
      { label: "文旅事业发展", yi: 0.43, article: null, quote: "重点支持文旅事业发展0.43亿元" },
      { label: "服务业平台发展", yi: 0.19, article: null, quote: "支持服务业平台发展0.19亿元" },
    ],
  },
  {
    no: 4,
    numeral: "四",
    title: "推进一流强港和交通强市建设",
    lead: "市交通运输局",
    budgetYi: 8.14,
    budgetQuote: "市财政2025年预算安排资金8.14亿元",
    budgetItems: [],
  },
  {
    no: 5,
    numeral: "五",
    title: "推进高水平对外开放",
    lead: "市商务局",
    budgetYi: 0.51,
    budgetQuote: "市财政2025年预算安排资金0.51亿元",
    budgetItems: [],
  },
  {
    no: 6,
    numeral: "六",
    title: "全力扩大有效投资",
    lead: "市发改局",
    budgetYi: 33.6,
    budgetQuote: "市财政2025年预算安排资金33.6亿元支持重大项目建设",
    budgetItems: [],
  },
  {
    no: 7,
    numeral: "七",
    title: "推进城乡融合发展",
    lead: "市农业农村局",
    budgetYi: 7.65,
    budgetQuote: "市财政2025年预算安排资金7.65亿元",
    budgetItems: [
      { label: "城乡融合发展", yi: 3.06, article: null, quote: "重点支持城乡融合发展3.06亿元" },
      { label: "乡村振兴", yi: 4.59, article: null, quote: "乡村振兴4.59亿元" },
    ],
  },
  {
    no: 8,
    numeral: "八",
    title: "保障和改善民生",
    lead: "市人力社保局",
    budgetYi: 14.51,
    budgetQuote: "市财政2025年预算安排资金14.51亿元",
    budgetItems: [],
  },
] as const satisfies readonly Area[];
