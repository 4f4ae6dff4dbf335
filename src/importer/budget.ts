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
const STATEMENTS: readonly RegExp[] = [
  // 市财政2025年预算安排资金2.74亿元 / 全市财政2024年预算拟安排78.25亿元 / 市级财政预算安排13.06亿元
  new RegExp(
    `(?:[市区县省]级|全[市区县省]|本级|[市区县省])?财政[^,。;\\d]{0,12}?(?:\\d{4}年)?[^,。;\\d]{0,8}?安排(?:资金|专项资金)?[^,。;\\d]{0,6}?${AMOUNT}(以上)?`,
    "g",
  ),
  // 安排58亿元财政资金保障…
  new RegExp(`(?:统筹)?安排${AMOUNT}(以上)?(?:的)?财政资金`, "g"),
  // 统筹安排5000万元
  new RegExp(`统筹安排(?:资金|专项资金)?${AMOUNT}(以上)?`, "g"),
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
  for (const re of STATEMENTS) {
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

const ITEM = /^(.*?)(\d+(?:\.\d+)?)(亿元|万元)$/;

/** 重点支持企业高质量发展 → 企业高质量发展: the label is what the money is for. */
export function itemLabel(text: string): string {
  return text
    .replace(/^(?:其中)?[,:]?/, "")
    .replace(/^(?:重点|主要)?(?:支持|用于|保障|投入|安排)/, "")
    .trim();
}

/** The items of a 其中 list that follows a budget statement: "其中,A 1.32亿元,B 0.4亿元". */
export function readItems(
  text: string,
  from: number,
): { items: { label: string; yi: number; quote: string; at: number }[] } {
  const rest = text.slice(from);
  const lead = /^(?:[^。]{0,3}?[。,]?)?其中[,:]?/.exec(rest);
  if (!lead) return { items: [] };
  const start = from + lead[0].length;
  const sentenceEnd = text.indexOf("。", start);
  const body = text.slice(start, sentenceEnd === -1 ? text.length : sentenceEnd);
  const items: { label: string; yi: number; quote: string; at: number }[] = [];
  let offset = start;
  for (const segment of body.split(/[,;]/)) {
    const m = ITEM.exec(segment);
    const yi = m ? toYi(Number(m[2]), m[3] ?? "") : undefined;
    if (!m || yi === undefined || itemLabel(m[1] ?? "") === "") break;
    items.push({ label: itemLabel(m[1] ?? ""), yi, quote: segment, at: offset + (m[1] ?? "").length });
    offset += segment.length + 1;
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
