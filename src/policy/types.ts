/**
 * The shape of one policy edition (e.g. 《乐清市推动经济高质量发展若干政策(2025年版)》).
 *
 * An edition is data: a 2026年版 is a new file that satisfies {@link EditionData}, not new code.
 * Every figure carries a `quote`, an exact substring of the edition's seed text, so a reader can trace it.
 *
 * Units convention: amounts of money are in 亿元 (`…Yi`), as the document writes them; a percentage is stored as
 * written (3.12 with unit `%`) — hosts that write Excel cells convert it to a fraction (0.0312).
 */

/** How an actual value is compared with a target; the README's comparator table is the definition. */
export type Comparator = ">=" | ">" | "~" | "<=" | "rank<=" | "decrease" | "increase";

/** What a target counts: cumulative through the year (`count`, `amount`) or an annual state. */
export type TargetKind = "count" | "amount" | "ratio" | "growth" | "rank" | "qualitative";

export interface PolicyDocument {
  /** Stable edition id, e.g. `yueqing-2025`. */
  readonly id: string;
  /** The year the edition's targets and budgets apply to; 序时进度 is computed within it. */
  readonly year: number;
  readonly title: string;
  /** 文号, e.g. 乐政发〔2025〕4号; absent when the text has none (many web copies and 工作方案 omit it). */
  readonly docNumber?: string;
  readonly issuer: string;
  /** ISO date the document was signed (成文日期). */
  readonly signedDate: string;
  /** ISO date it was printed and issued (印发日期). */
  readonly printedDate: string;
  /** Validity as written, with its ISO bounds; absent when the text states none (then the edition's year holds). */
  readonly validity?: { readonly from: string; readonly to: string; readonly quote: string };
  /** 文号 of the provincial and Wenzhou policies this one implements. */
  readonly parentPolicies: readonly string[];
  /**
   * The stated total (支持总额) in 亿元 — not the sum of the areas: overlaps between areas are excluded. Absent
   * when the document states none (then the sum of the areas is the only total); with it comes its quote.
   */
  readonly totalBudgetYi?: number;
  /** The words that qualify the stated total, e.g. 除交叉重叠部分外. */
  readonly totalBudgetWords?: string;
  readonly totalBudgetQuote?: string;
}

/** Money the text earmarks inside an area's budget (e.g. 重点支持企业高质量发展1.32亿元). */
export interface BudgetItem {
  readonly label: string;
  readonly yi: number;
  /** The article the money belongs to, or null when the area's preamble splits its budget. */
  readonly article: number | null;
  readonly quote: string;
}

export interface Area {
  /** 1, 2, 3 … in heading order (8 areas in the 2025 edition, any number in another). */
  readonly no: number;
  /** The Chinese numeral of the heading: 一, 二 … (toChineseNumeral of `no`). */
  readonly numeral: string;
  readonly title: string;
  /** 牵头单位 of the area, as written in the heading's parentheses. */
  readonly lead: string;
  /** 市财政预算安排资金 in 亿元. */
  readonly budgetYi: number;
  readonly budgetQuote: string;
  readonly budgetItems: readonly BudgetItem[];
}

export interface Article {
  /** 1, 2, 3 …, the number written as (一), (二) … */
  readonly no: number;
  readonly area: number;
  /** Short title: the heading sentence before the first 。 */
  readonly title: string;
  /** 责任单位 in the order written; the first is the lead (列第一位的责任单位为牵头单位). */
  readonly responsible: readonly string[];
}

export interface Target {
  /** Stable, readable id, e.g. `a1-rd-intensity`; never reused for another indicator. */
  readonly id: string;
  readonly area: number;
  /** The article, or null for the headline targets of an area's preamble. */
  readonly article: number | null;
  /** The indicator as written (e.g. 新增高新技术企业). */
  readonly indicator: string;
  /** The figure as written (3.12 for 3.12%), or null for qualitative directions (持续下降). */
  readonly value: number | null;
  /** The unit as written: 家, 项, 人, 亿元, %, 名 (rank) …; empty for qualitative targets. */
  readonly unit: string;
  readonly comparator: Comparator;
  readonly kind: TargetKind;
  /** Qualifiers in the text: 力争, 争取, 确保, 以上, 左右, 超, 不低于, 不少于, 达 … */
  readonly words: readonly string[];
  /** An exact substring of the seed text that contains the figure. */
  readonly quote: string;
}

export interface EditionData {
  readonly document: PolicyDocument;
  readonly areas: readonly Area[];
  readonly articles: readonly Article[];
  readonly targets: readonly Target[];
  /**
   * The policy text the quotes are taken from, when the edition carries it (a file loaded by a user, a workbook's
   * embedded edition); bundled editions keep theirs in seeds/ so the add-in stays small.
   */
  readonly text?: string;
}
