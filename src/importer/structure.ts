/**
 * The skeleton of the genre: a notice and preamble (front matter), areas headed 一、…, each with a preamble and
 * articles numbered (一) or 1., and closing paragraphs (上述…, 本文件…, 抄送). Works on the normalised text's lines.
 */
import { parseChineseNumeral, toChineseNumeral } from "../policy/chineseNumeral";

export interface Line {
  /** Index of the line in the normalised text. */
  index: number;
  text: string;
}

export interface ArticleBlock {
  /** The number as written: (十二) → 12, 3. → 3. */
  written: number;
  /** The number the edition uses (equals `written` unless the numbering restarts in each area). */
  no: number;
  heading: string;
  title: string;
  lines: Line[];
}

export interface AreaBlock {
  no: number;
  numeral: string;
  heading: string;
  title: string;
  /** The lead unit as written (市科技局), or "" when the heading names none. */
  lead: string;
  /** Preamble paragraphs before the first article (the heading's own remainder included). */
  preamble: Line[];
  articles: ArticleBlock[];
}

export interface Structure {
  /** Why the skeleton was read from layout rather than from the genre's numbering (the review says so). */
  layoutDoubts: string[];
  /** Lines before the document starts (a journalist's summary), excluded from everything. */
  summary: Line[];
  front: Line[];
  areas: AreaBlock[];
  closing: Line[];
  /** The article that ends the text mid-sentence, if any (an excerpt cut off). */
  truncatedArticle: number | null;
}

const AREA = /^([一二三四五六七八九十]{1,3})、(.*)$/;
const ARTICLE_PAREN = /^\(([一二三四五六七八九十百]{1,4})\)(.*)$/;
const ARTICLE_DIGIT = /^(\d{1,3})[.、](?!\d)(.*)$/;
/** 第一条 / 第1条: the numbering of a re-post that counts the policy's 条. */
const ARTICLE_TIAO = /^第([一二三四五六七八九十百]{1,4}|\d{1,3})条[、.:\s]?(.*)$/;
const LEAD = /[((]\s*(?:由)?([^()()]*?(?:〈[^〉]*〉)?[^()()]*?)牵头(?:实施|负责|落实)?\s*[))]/;
/** Closing paragraphs: the document speaking about itself or its implementation after the last article. */
const CLOSING =
  /^(?:上述|以上|本(?:文件|政策|意见|方案|措施|通知)|各(?:地|部门|县|领域政策|单位|级)|附件|抄送|[^,。]{2,20}印发$|\d{4}年\d{1,2}月\d{1,2}日印发$)/;
/** The line where a re-post's original text starts. */
const ORIGINAL_STARTS = /(?:原文如下|全文如下|以下为原文|政策原文)[::]?$/;

/**
 * Where the notice starts: its title (…关于印发…的通知), its 文号 alone on a line, the addressees (各…:), or the
 * document's title.
 * Anything before it that reads as news (a headline with !, 近日/日前, 记者, …印发《…》) is a re-post's own text.
 */
const NOTICE_STARTS = new RegExp(
  [
    "关于印发.{4,80}(?:的通知)?$",
    "^[\\u4e00-\\u9fff]{1,8}〔\\d{4}〕\\d{1,4}号$",
    "^各[^。]{2,80}[::]$",
    // …or, without a notice, the document's own title line.
    "^[^,。!!《》]{4,60}(?:若干政策|政策举措|实施意见|落实方案|工作方案|若干措施)(?:\\(\\d{4}年版\\))?",
  ].join("|"),
);
const NEWS = /[!!]|^(?:近日|日前|昨天|今天|记者)|印发了?《[^》]+》[,。]?(?:从|提出|明确|共|围绕)?/;

type ArticleStyle = "paren" | "digit" | "tiao";

/** A line that ends a sentence or a clause; an area heading without its numeral ends with none of these. */
const ENDS_SENTENCE = /[。;;,,::!!??”]$/;
/** The preamble's last sentence: 现制定以下政策 / 制定如下承接落实方案 — the first area follows. */
const PREAMBLE_ENDS = /(?:制定|提出|出台)(?:以下|如下)[^。]{0,12}。$/;
/** Lines of the notice that are short and unpunctuated but are not headings: the issuer, a date, a notice title. */
const NOT_A_HEADING = /(?:人民政府|办公室|委员会|管委会|通知|印发|公开发布\)?)$|^\d{4}年\d{1,2}月\d{1,2}日$|^[(〔]?\d/;

/**
 * Area heading without its numeral (a re-post drops 一、 and often the 牵头 clause): the last short line without
 * sentence punctuation before a run of articles, provided the text has no numbered area heading at all. Returns the
 * indices of such lines, in order.
 */
function unnumberedHeadings(lines: readonly Line[], style: (text: string) => boolean): number[] {
  const out: number[] = [];
  let candidate = -1;
  // An excerpt may end inside an area without articles: after the preamble's 制定以下政策 (or the last article),
  // the first heading-like line still opens an area.
  let after = lines.findIndex((l) => PREAMBLE_ENDS.test(l.text));
  let tail = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (style(text)) {
      if (candidate !== -1) out.push(candidate);
      candidate = -1;
      after = i;
      tail = -1;
      continue;
    }
    const bare = text.replace(LEAD, "");
    const headingLike = bare.length >= 2 && bare.length <= 30 && !ENDS_SENTENCE.test(bare) && !NOT_A_HEADING.test(bare);
    if (headingLike) candidate = i;
    // …and a paragraph follows it (a cut-off last line is not a heading).
    const opensParagraph = /[。]$/.test(lines[i + 1]?.text ?? "");
    if (headingLike && opensParagraph && after !== -1 && i > after && tail === -1) tail = i;
  }
  if (tail !== -1 && !out.includes(tail) && (out.length === 0 || tail > (out.at(-1) ?? 0))) out.push(tail);
  return out;
}

function articleMatch(
  text: string,
  style: ArticleStyle | undefined,
): { style: ArticleStyle; no: number; rest: string } | undefined {
  if (style === undefined || style === "tiao") {
    const m = ARTICLE_TIAO.exec(text);
    const written = m?.[1] ?? "";
    const no = /^\d/.test(written) ? Number(written) : parseChineseNumeral(written);
    if (m && no !== undefined) return { style: "tiao", no, rest: m[2] ?? "" };
  }
  if (style === undefined || style === "paren") {
    const m = ARTICLE_PAREN.exec(text);
    const no = m ? parseChineseNumeral(m[1] ?? "") : undefined;
    if (m && no !== undefined) return { style: "paren", no, rest: m[2] ?? "" };
  }
  if (style === undefined || style === "digit") {
    const m = ARTICLE_DIGIT.exec(text);
    if (m) return { style: "digit", no: Number(m[1]), rest: m[2] ?? "" };
  }
  return undefined;
}

/** Heading sentence: up to the first 。 (or the whole line when it has none and is short). */
function titleOf(rest: string): string {
  const stop = rest.search(/[。;:]/);
  if (stop > 0) return rest.slice(0, stop);
  return rest.length <= 40 ? rest : rest.slice(0, 40);
}

/** The title of an area heading that runs on into text: up to its closing 政策 / 措施 / 举措. */
const HEADING_RUN_ON = /^(.{2,24}?(?:政策|措施|举措))(?=[^,。、;)])/;

/** Splits an area heading into its title, its lead and any preamble text run onto the same line. */
function readAreaHeading(rest: string): { title: string; lead: string; remainder: string } {
  const lead = LEAD.exec(rest);
  if (lead && lead.index !== undefined && lead.index <= 60) {
    return {
      title: rest.slice(0, lead.index).trim(),
      lead: (lead[1] ?? "").trim(),
      remainder: rest.slice(lead.index + lead[0].length).trim(),
    };
  }
  const stop = rest.search(/[。]/);
  // A heading run into its preamble (a copy that lost its paragraphs): the title ends with the genre's 政策/措施.
  const runOn = stop === -1 || stop > 30 ? HEADING_RUN_ON.exec(rest) : null;
  if (runOn) return { title: runOn[1] ?? "", lead: "", remainder: rest.slice((runOn[1] ?? "").length).trim() };
  if (stop > 0 && stop < rest.length - 1) {
    return { title: rest.slice(0, stop), lead: "", remainder: rest.slice(stop + 1).trim() };
  }
  return { title: rest.replace(/[。]$/, ""), lead: "", remainder: "" };
}

/**
 * Reads the skeleton. Never fails: a text without any 一、 heading gives no areas (the caller says so).
 *
 * @example
 * readStructure(["一、扩大有效投资政策(由市发改委牵头实施)", "(一)加大财政支持力度。…"]).areas[0].lead // "市发改委"
 */
export function readStructure(texts: readonly string[]): Structure {
  const lines: Line[] = texts.map((text, index) => ({ index, text }));
  let begin = 0;
  const marker = lines.findIndex((l) => ORIGINAL_STARTS.test(l.text));
  if (marker !== -1 && marker < lines.length - 1) begin = marker + 1;
  else {
    // A re-post without 原文如下: a headline and a news sentence in front of the notice.
    const notice = lines.slice(0, 12).findIndex((l) => NOTICE_STARTS.test(l.text));
    if (notice > 0 && lines.slice(0, notice).some((l) => NEWS.test(l.text))) begin = notice;
  }
  const summary = lines.slice(0, begin);
  const layoutDoubts: string[] = [];
  const body = lines.slice(begin);
  // A re-post without numbered area headings: the headings are read from the layout and numbered in order.
  const inferred = new Map<number, number>();
  if (!body.some((l) => AREA.test(l.text))) {
    const found = unnumberedHeadings(body, (t) => articleMatch(t, undefined) !== undefined);
    found.forEach((at, k) => inferred.set(at, k + 1));
    if (found.length > 0) layoutDoubts.push("领域标题没有序号(一、),按版式推断");
  }
  const front: Line[] = [];
  const areas: AreaBlock[] = [];
  const closing: Line[] = [];
  let style: ArticleStyle | undefined;
  let area: AreaBlock | undefined;
  let article: ArticleBlock | undefined;
  let inClosing = false;
  for (const [at, line] of body.entries()) {
    const inferredNo = inferred.get(at);
    const areaHead =
      inferredNo !== undefined ? [line.text, toChineseNumeral(inferredNo), line.text] : AREA.exec(line.text);
    const areaNo = inferredNo ?? (areaHead ? parseChineseNumeral(areaHead[1] ?? "") : undefined);
    if (areaHead && areaNo !== undefined && (area === undefined || areaNo === area.no + 1 || areaNo > area.no)) {
      const heading = readAreaHeading(areaHead[2] ?? "");
      area = {
        no: areaNo,
        numeral: areaHead[1] ?? "",
        heading: line.text.slice(0, line.text.length - heading.remainder.length).trim(),
        title: heading.title,
        lead: heading.lead,
        preamble: [],
        articles: [],
      };
      areas.push(area);
      article = undefined;
      inClosing = false;
      if (heading.remainder !== "") {
        const offset = line.text.lastIndexOf(heading.remainder);
        area.preamble.push({ index: line.index, text: line.text.slice(offset) });
      }
      continue;
    }
    if (area === undefined) {
      front.push(line);
      continue;
    }
    if (inClosing) {
      closing.push(line);
      continue;
    }
    const art = articleMatch(line.text, style);
    if (art) {
      style ??= art.style;
      article = { written: art.no, no: art.no, heading: line.text, title: titleOf(art.rest.trim()), lines: [line] };
      area.articles.push(article);
      continue;
    }
    if (article !== undefined && CLOSING.test(line.text)) {
      inClosing = true;
      closing.push(line);
      continue;
    }
    if (article) article.lines.push(line);
    else area.preamble.push(line);
  }
  // Numbering restarted in each area (1. 2. … then 1. again): the edition needs one number per article.
  const all = areas.flatMap((a) => a.articles);
  if (new Set(all.map((a) => a.written)).size !== all.length) all.forEach((a, i) => (a.no = i + 1));
  const last = areas[areas.length - 1]?.articles.at(-1);
  const lastText = last?.lines.at(-1)?.text ?? "";
  const truncatedArticle = last && closing.length === 0 && !/[。)]$/.test(lastText) ? last.no : null;
  return { layoutDoubts, summary, front, areas, closing, truncatedArticle };
}
