/**
 * Budgets: each area's 市财政预算安排资金 (in 亿元; 5782万元 → 0.5782) and the items the text splits off
 * (其中,…1.32亿元,…0.4亿元) or earmarks in an article (市财政安排0.88亿元支持高层次人才引育), and the stated total
 * of the closing paragraph (支持总额为49.25亿元). The first statement in an area — preamble or article — is the area's
 * budget; later ones are its items.
 */
import { tidy } from "../policy/tidy";
import { toYi } from "../policy/figures";
import type { Line } from "./structure";
import type { DraftBudgetItem } from "./types";

export interface BudgetFinding {
  yi: number;
  quote: string;
  /** 以上: the text gives a floor. */
  floor: boolean;
}

/** Offsets (in a line's text) of figures a budget statement used, so they are not read again as targets. */
export type Consumed = Map<Line, Set<number>>;

const AMOUNT = "(\\d+(?:\\.\\d+)?)(亿元|万元)";
/** What may stand between 财政 / 预算 and the amount: a year, 拟, and what the money is (政府投资项目资金), no figure. */
const WORDS = (n: number) => `[^,。;\\d]{0,${n}}?`;

/**
 * The budget sentence of the genre, as named rules (first match in a paragraph wins a span):
 * - `fiscal`: 市财政2025年预算安排资金2.74亿元 / 全市财政2024年预算拟安排78.25亿元 / 市级财政预算安排13.06亿元 /
 *   市级财政2024年预算安排政府投资项目资金64.96亿元 — 财政, a year, 安排, what the money is, the amount.
 * - `planned`: 全年预算安排18.2亿元 / 年度预算安排资金30亿元 — 预算安排 without the word 财政.
 * - `fundsAfter`: 安排58亿元财政资金保障… — the amount before the words 财政资金.
 * - `fundsBefore`: 统筹安排财政资金30亿元 / 安排各级财政资金30亿元以上 — the words 财政资金 before the amount.
 * - `pooled`: 统筹安排5000万元.
 */
export const BUDGET_STATEMENTS: readonly { rule: string; re: RegExp }[] = [
  {
    rule: "fiscal",
    re: new RegExp(
      `(?:[市区县省]级|全[市区县省]|本级|[市区县省])?财政${WORDS(12)}(?:\\d{4}年)?${WORDS(8)}安排(?:资金|专项资金)?${WORDS(12)}${AMOUNT}(以上)?`,
      "g",
    ),
  },
  {
    rule: "planned",
    re: new RegExp(`(?:全年|年度|今年|当年)?预算(?:拟|将)?安排(?:资金|专项资金)?${WORDS(12)}${AMOUNT}(以上)?`, "g"),
  },
  { rule: "fundsAfter", re: new RegExp(`(?:统筹)?安排${AMOUNT}(以上)?(?:的)?财政(?:专项)?资金`, "g") },
  {
    rule: "fundsBefore",
    re: new RegExp(`(?:统筹|整合)?安排(?:各级|市级|本级)?财政(?:专项)?资金${WORDS(4)}${AMOUNT}(以上)?`, "g"),
  },
  { rule: "pooled", re: new RegExp(`统筹安排(?:资金|专项资金)?${AMOUNT}(以上)?`, "g") },
];

export interface Statement {
  start: number;
  amountStart: number;
  end: number;
  yi: number;
  floor: boolean;
  /** The purpose written after the amount (支持重大项目建设), up to the clause's end. */
  purpose: string;
  clauseEnd: number;
}

function clauseEndFrom(text: string, at: number): number {
  const m = /[,。;]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/** The budget statements of one paragraph, in order. */
export function findStatements(text: string): Statement[] {
  const found: Statement[] = [];
  for (const { re } of BUDGET_STATEMENTS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
      const yi = toYi(Number(m[1]), m[2] ?? "");
      if (yi === undefined) continue;
      const end = start + m[0].length;
      const clauseEnd = clauseEndFrom(text, end);
      found.push({
        start,
        amountStart: start + m[0].indexOf(m[1] ?? ""),
        end,
        yi,
        floor: m[3] === "以上",
        purpose: text.slice(end, clauseEnd),
        clauseEnd,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One budget item: a label and its amount, ended by 、 , ; or the sentence (the label may itself hold 、). */
const ITEM = /^[,、;]?([^,;。]*?)(\d+(?:\.\d+)?)(亿元|万元)(?=[,、;。]|$)/;
/** A label that names money (交通类资金, 科技创新投入, 人才专项经费): items without 其中 must have one. */
const MONEY_LABEL = /(?:资金|投入|经费|专项)$/;

/** 重点支持企业高质量发展 → 企业高质量发展: the label is what the money is for. */
export function itemLabel(text: string): string {
  return text
    .replace(/^(?:其中)?[,:]?/, "")
    .replace(/^(?:重点|主要)?(?:支持|用于|保障|投入|安排)/, "")
    .trim();
}

export interface BudgetItemFinding {
  label: string;
  yi: number;
  quote: string;
  at: number;
}

/**
 * The items that follow a budget statement, to the end of its sentence: "其中,A 1.32亿元,B 0.4亿元" or, without
 * 其中, a run of money-named items "交通类资金39.91亿元、城建类资金9.83亿元". Amounts may mix 亿元 and 万元. Without
 * 其中 every label must name money, so that a target written after the budget (力争完成投资182亿元) is not an item.
 */
export function readItems(text: string, from: number): { items: BudgetItemFinding[] } {
  const rest = text.slice(from);
  const lead = /^(?:[^。]{0,3}?[。,]?)?其中[,:]?/.exec(rest);
  const bare = lead ? undefined : /^[,、;]/.exec(rest);
  if (!lead && !bare) return { items: [] };
  const start = from + (lead ? lead[0].length : 0);
  const sentenceEnd = text.indexOf("。", start);
  const stop = sentenceEnd === -1 ? text.length : sentenceEnd;
  const items: BudgetItemFinding[] = [];
  let offset = start;
  while (offset < stop) {
    const m = ITEM.exec(text.slice(offset, stop));
    if (!m) break;
    const yi = toYi(Number(m[2]), m[3] ?? "");
    const label = itemLabel(m[1] ?? "");
    if (yi === undefined || label === "" || (!lead && !MONEY_LABEL.test(m[1] ?? ""))) break;
    const separator = /^[,、;]/.test(m[0]) ? 1 : 0;
    items.push({ label, yi, quote: m[0].slice(separator), at: offset + separator + (m[1] ?? "").length });
    offset += m[0].length;
  }
  return { items };
}

export interface AreaBudget {
  yi: number;
  quote: string;
  floor: boolean;
  items: DraftBudgetItem[];
  /** Why the budget needs a look (items above the budget …). */
  reasons: string[];
}

/**
 * An area's budget and items from its paragraphs (preamble first, then articles), marking the figures used.
 *
 * @example
 * readAreaBudget([{ line, article: null }], consumed).yi // 2.74 for "市财政2025年预算安排资金2.74亿元"
 */
export function readAreaBudget(
  paragraphs: readonly { line: Line; article: number | null; skip?: readonly [number, number] }[],
  consumed: Consumed,
): AreaBudget {
  const budget: AreaBudget = { yi: 0, quote: "", floor: false, items: [], reasons: [] };
  let found = false;
  const markUsed = (line: Line, at: number) => {
    const set = consumed.get(line) ?? new Set<number>();
    set.add(at);
    consumed.set(line, set);
  };
  for (const { line, article, skip } of paragraphs) {
    for (const s of findStatements(line.text)) {
      if (skip && s.start >= skip[0] && s.start < skip[1]) continue;
      markUsed(line, s.amountStart);
      if (!found) {
        found = true;
        budget.yi = s.yi;
        budget.floor = s.floor;
        budget.quote = line.text.slice(s.start, s.clauseEnd);
        if (s.floor) budget.reasons.push("预算写的是下限(以上)");
        for (const item of readItems(line.text, s.clauseEnd).items) {
          markUsed(line, item.at);
          budget.items.push({ label: item.label, yi: item.yi, article, quote: item.quote });
        }
      } else {
        const label = itemLabel(s.purpose) || itemLabel(line.text.slice(s.end, s.clauseEnd));
        budget.items.push({
          label: label || "专项资金",
          yi: s.yi,
          article,
          quote: line.text.slice(s.start, s.clauseEnd),
        });
        if (label === "") budget.reasons.push(`第${article ?? "?"}条的财政安排未写用途`);
      }
    }
  }
  const sum = tidy(budget.items.reduce((t, i) => t + i.yi, 0));
  if (found && sum > budget.yi) budget.reasons.push(`预算项目合计 ${sum}亿元 超过领域预算 ${budget.yi}亿元`);
  return budget;
}

const TOTAL = new RegExp(
  `(?:(?:[市区县省]级?|全[市区县省])?财政[^。]{0,40}?)?(?:支持总额|资金总额|总额|合计|共计|总计)(?:为|达|安排)?${AMOUNT}`,
);

/** The stated total of the closing paragraphs (支持总额为49.25亿元) with its qualifying words. */
export function readTotal(
  lines: readonly Line[],
): { yi: number; quote: string; words: string; line?: Line; at: number } | undefined {
  for (const line of lines) {
    const m = TOTAL.exec(line.text);
    if (!m) continue;
    const yi = toYi(Number(m[1]), m[2] ?? "");
    if (yi === undefined) continue;
    const start = m.index ?? 0;
    const quote = m[0];
    const words = /除[^,。]{1,12}外/.exec(quote)?.[0] ?? "";
    return { yi, quote, words, line, at: start + quote.lastIndexOf(m[1] ?? "") };
  }
  return undefined;
}
