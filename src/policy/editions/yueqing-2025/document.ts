import type { PolicyDocument } from "../../types";

/** 《乐清市推动经济高质量发展若干政策(2025年版)》, 乐政发〔2025〕4号. */
export const document = {
  id: "yueqing-2025",
  year: 2025,
  title: "乐清市推动经济高质量发展若干政策(2025年版)",
  docNumber: "乐政发〔2025〕4号",
  issuer: "乐清市人民政府",
  /** 成文日期: the signature line "乐清市人民政府 / 2025年3月6日". */
  signedDate: "2025-03-06",
  /** 印发日期: "乐清市人民政府办公室 / 2025年3月11日印发". */
  printedDate: "2025-03-11",
  validity: { from: "2025-01-01", to: "2025-12-31", quote: "均为2025年全年实施有效" },
  parentPolicies: ["浙政发〔2025〕3号", "温政发〔2025〕2号"],
  /**
   * The stated total. It is NOT the sum of the 8 areas' budgets (69.49): the document states the total
   * "除交叉重叠部分外" (net of money counted in more than one area), so the 20.24 difference is overlap, not an error.
   */
  totalBudgetYi: 49.25,
  totalBudgetWords: "除交叉重叠部分外",
  totalBudgetQuote: "市财政2025年预算安排资金除交叉重叠部分外,支持总额为49.25亿元",
} as const satisfies PolicyDocument;
