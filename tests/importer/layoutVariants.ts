/**
 * Layout variants of a development text: the same document as the genre's other copies serve it. Each
 * transformation changes how the text is laid out or phrased, never what it sets, so the importer must draft the
 * same edition from every variant (tests/importer/variants.test.ts) — the way a re-post, a PDF copy or a
 * traditional-character mirror of an unseen document differs from the copy it was developed on.
 *
 * - layout: `original`; `repost` (a WeChat/news re-post: a headline and a news sentence in front, area headings
 *   without their numeral and 牵头 clause, each article's number alone on its line and its title on the next);
 *   `oneParagraph` (a web page that lost its paragraphs: one line, a space where each paragraph ended);
 *   `oneParagraphTight` (the same without the spaces); `pdfWrap` (a PDF copy wrapped at a fixed width).
 * - numbering: `paren` as written, `digit` (1. 2. … instead of (一)(二)…) or `tiao` (第一条 第二条 …).
 * - pdfSpaces: spaces around every number (2.74 亿元, 2025 年), as PDF copies give them.
 * - script: `simplified` or `traditional` (a mirror in traditional characters, OpenCC's cn → t).
 * - budget: `original`, or the area's budget sentence rewritten: `annual` (全年预算安排N亿元,其中,…),
 *   `categories` (市级财政2024年预算安排政府投资项目资金N亿元,交通类资金N亿元、…), `fields` (…领域资金N亿元),
 *   `mixed` (items under 1亿元 in 万元), `firstArticle` (the budget sentence moved into the first article).
 */
import * as OpenCC from "opencc-js";
import { parseChineseNumeral } from "../../src/policy/chineseNumeral";

export const LAYOUTS = ["original", "repost", "oneParagraph", "oneParagraphTight", "pdfWrap"] as const;
export const BUDGETS = ["original", "annual", "categories", "fields", "mixed", "firstArticle"] as const;

export interface Variant {
  layout: (typeof LAYOUTS)[number];
  numbering: "paren" | "digit" | "tiao";
  pdfSpaces: boolean;
  script: "simplified" | "traditional";
  budget: (typeof BUDGETS)[number];
}

export const ORIGINAL: Variant = {
  layout: "original",
  numbering: "paren",
  pdfSpaces: false,
  script: "simplified",
  budget: "original",
};

/** What a budget rewrite needs of the answer key: the statement and its items as the text writes them. */
export interface BudgetOfKey {
  area: number;
  budgetYi: number | null;
  budgetQuote: string | null;
  items: { label: string; yi: number; quote: string }[];
}

const AREA_LINE = /^([一二三四五六七八九十]{1,3})、(.*)$/;
const ARTICLE_LINE = /^[((]([一二三四五六七八九十百]{1,4})[))](.*)$/;
const DIGIT_ARTICLE = /^(\d{1,3})[.、．](?!\d)\s*(.*)$/;
const TIAO_ARTICLE = /^第([一二三四五六七八九十百]{1,4})条\s*(.*)$/;
const LEAD_CLAUSE = /[((][^()()]*牵头[^()()]*[))]/;

let toTraditional: ((s: string) => string) | undefined;

const amount = (yi: number, unit: "亿元" | "万元"): string =>
  unit === "亿元" ? `${yi}亿元` : `${Math.round(yi * 10000 * 100) / 100}万元`;

/** The rewritten statement of one area's budget, or undefined when the key has none to rewrite. */
function budgetSentence(b: BudgetOfKey, style: Variant["budget"]): string | undefined {
  if (b.budgetYi === null || b.budgetQuote === null) return undefined;
  const yi = b.budgetYi;
  // The rewrite names each item its own way (交通类资金, 科技领域资金): the label without the word for money.
  const items = b.items.map((i) => ({ ...i, label: i.label.replace(/(?:领域|类)?(?:资金|投入)$/, "") }));
  switch (style) {
    case "annual":
      return `全年预算安排${yi}亿元${items.length ? `,其中,${items.map((i) => `${i.label}${i.yi}亿元`).join(",")}` : ""}`;
    case "categories":
      return `市级财政2024年预算安排政府投资项目资金${yi}亿元${items.length ? `,${items.map((i) => `${i.label}类资金${i.yi}亿元`).join("、")}` : ""}`;
    case "fields":
      return `市财政预算安排资金${yi}亿元${items.length ? `,其中,${items.map((i) => `${i.label}领域资金${i.yi}亿元`).join(",")}` : ""}`;
    case "mixed":
      return `市财政预算安排资金${amount(yi, yi < 1 ? "万元" : "亿元")}${items.length ? `,其中,${items.map((i) => `${i.label}${amount(i.yi, i.yi < 1 ? "万元" : "亿元")}`).join(",")}` : ""}`;
    default:
      return undefined;
  }
}

/** The span of the budget statement and its items in the text, when they are one run inside one sentence. */
function budgetSpan(text: string, b: BudgetOfKey): [number, number] | undefined {
  if (b.budgetQuote === null) return undefined;
  const start = text.indexOf(b.budgetQuote);
  if (start === -1 || text.indexOf(b.budgetQuote, start + 1) !== -1) return undefined;
  let end = start + b.budgetQuote.length;
  for (const item of b.items) {
    const at = text.indexOf(item.quote, end);
    if (at === -1 || /[。\n]/.test(text.slice(end, at))) return undefined;
    end = at + item.quote.length;
  }
  return [start, end];
}

function rewriteBudgets(text: string, budgets: readonly BudgetOfKey[], style: Variant["budget"]): string {
  let out = text;
  for (const b of budgets) {
    const span = budgetSpan(out, b);
    if (!span) continue;
    if (style === "firstArticle") {
      out = moveIntoFirstArticle(out, b, span);
      continue;
    }
    const sentence = budgetSentence(b, style);
    if (sentence === undefined) continue;
    out = out.slice(0, span[0]) + sentence + out.slice(span[1]);
  }
  return out;
}

/** The sentence holding the budget, when it is the area preamble's, goes to the start of the first article's body. */
function moveIntoFirstArticle(text: string, b: BudgetOfKey, span: [number, number]): string {
  const lines = text.split("\n");
  let offset = 0;
  let at = -1;
  for (let i = 0; i < lines.length; i++) {
    const len = (lines[i] ?? "").length + 1;
    if (span[0] >= offset && span[0] < offset + len) at = i;
    offset += len;
  }
  if (at === -1 || ARTICLE_LINE.test(lines[at] ?? "") || DIGIT_ARTICLE.test(lines[at] ?? "")) return text;
  const line = lines[at] ?? "";
  const lineStart = lines.slice(0, at).reduce((t, l) => t + l.length + 1, 0);
  const s0 = span[0] - lineStart;
  const s1 = span[1] - lineStart;
  const sentenceStart = Math.max(0, line.lastIndexOf("。", s0) + 1);
  const stop = line.indexOf("。", s1);
  const sentenceEnd = stop === -1 ? line.length : stop + 1;
  const sentence = line.slice(sentenceStart, sentenceEnd);
  const article = lines.findIndex((l, i) => i > at && (ARTICLE_LINE.test(l) || DIGIT_ARTICLE.test(l)));
  if (article === -1 || lines.slice(at + 1, article).some((l) => AREA_LINE.test(l))) return text;
  const rest = line.slice(0, sentenceStart) + line.slice(sentenceEnd);
  const head = lines[article] ?? "";
  const titleEnd = head.indexOf("。");
  if (titleEnd === -1 || b.area < 1) return text;
  const finished = /[。]$/.test(sentence) ? sentence : `${sentence}。`;
  lines[article] = head.slice(0, titleEnd + 1) + finished + head.slice(titleEnd + 1);
  if (rest.trim() === "") lines.splice(at, 1);
  else lines[at] = rest;
  return lines.join("\n");
}

function renumber(text: string, style: "digit" | "tiao"): string {
  return text
    .split("\n")
    .map((line) => {
      const m = ARTICLE_LINE.exec(line);
      if (!m) return line;
      const n = parseChineseNumeral(m[1] ?? "");
      if (n === undefined) return line;
      return style === "digit" ? `${n}.${m[2] ?? ""}` : `第${m[1]}条 ${m[2] ?? ""}`;
    })
    .join("\n");
}

/** A WeChat/news re-post: headline, news sentence, headings without numeral or lead, numbers on their own lines. */
function toRepost(text: string, issuer: string, title: string): string {
  const out: string[] = [`重磅!${issuer || "市政府"}印发《${title || "推动经济高质量发展若干政策"}》`];
  out.push(
    `近日,${issuer || "市政府"}印发《${title || "若干政策"}》,从8个方面推出37条政策举措,全力推动经济高质量发展。`,
  );
  for (const line of text.split("\n")) {
    const area = AREA_LINE.exec(line);
    if (area) {
      const rest = (area[2] ?? "").trim();
      const lead = LEAD_CLAUSE.exec(rest);
      if (lead && lead.index !== undefined) {
        out.push(rest.slice(0, lead.index).trim());
        const remainder = rest.slice(lead.index + lead[0].length).trim();
        if (remainder !== "") out.push(remainder);
      } else {
        const stop = rest.indexOf("。");
        if (stop > 0 && stop < rest.length - 1) out.push(rest.slice(0, stop), rest.slice(stop + 1));
        else out.push(rest.replace(/。$/, ""));
      }
      continue;
    }
    const art = ARTICLE_LINE.exec(line) ?? DIGIT_ARTICLE.exec(line) ?? TIAO_ARTICLE.exec(line);
    if (art) {
      // A WeChat layout writes 1 as 01.
      const written = line.slice(0, line.length - (art[2] ?? "").length).trim();
      const number = /^\d[.、．]?$/.test(written) ? `0${written}` : written;
      const rest = (art[2] ?? "").trim();
      const stop = rest.indexOf("。");
      out.push(number.replace(/[.、．]$/, ""));
      if (stop > 0 && stop <= 40) {
        out.push(rest.slice(0, stop));
        if (rest.slice(stop + 1).trim() !== "") out.push(rest.slice(stop + 1));
      } else out.push(rest);
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

function toOneParagraph(text: string, separator: string): string {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .join(separator);
}

/** A PDF copy: every line wrapped at 38 characters. */
function toPdfWrap(text: string): string {
  const width = 38;
  return text
    .split("\n")
    .flatMap((line) => {
      const parts: string[] = [];
      for (let i = 0; i < line.length; i += width) parts.push(line.slice(i, i + width));
      return parts.length ? parts : [line];
    })
    .join("\n");
}

/** Spaces around numbers, as a PDF's text layer gives them: "2025 年", "2.74 亿元", "达到 3.12%". */
function withPdfSpaces(text: string): string {
  return text.replace(/(\d+(?:\.\d+)?)/g, (m, _d, at: number, s: string) => {
    const before = s[at - 1] ?? "\n";
    const after = s[at + m.length] ?? "\n";
    const cjk = (c: string) => /[\u4e00-\u9fff]/.test(c);
    return `${cjk(before) ? " " : ""}${m}${cjk(after) ? " " : ""}`;
  });
}

function traditional(text: string): string {
  toTraditional ??= OpenCC.Converter({ from: "cn", to: "t" });
  return toTraditional(text);
}

/** The text of one variant of a development text. */
export function variantText(
  text: string,
  v: Variant,
  known: { budgets: readonly BudgetOfKey[]; issuer: string; title: string },
): string {
  let out = text.replace(/\r\n?/g, "\n");
  if (v.budget !== "original") out = rewriteBudgets(out, known.budgets, v.budget);
  if (v.numbering !== "paren") out = renumber(out, v.numbering);
  if (v.layout === "repost") out = toRepost(out, known.issuer, known.title);
  if (v.layout === "oneParagraph") out = toOneParagraph(out, " ");
  if (v.layout === "oneParagraphTight") out = toOneParagraph(out, "");
  if (v.layout === "pdfWrap") out = toPdfWrap(out);
  if (v.pdfSpaces) out = withPdfSpaces(out);
  if (v.script === "traditional") out = traditional(out);
  return out;
}

export const describeVariant = (v: Variant): string =>
  [v.layout, v.numbering, v.pdfSpaces ? "pdfSpaces" : "", v.script, `budget:${v.budget}`].filter(Boolean).join(" ");
