/**
 * A target's words: the qualifiers around its figure, its indicator cleaned of verbs and noise, and the directions
 * without a figure.
 */
import { type Figure } from "../policy/figures";
import type { Comparator } from "../policy/types";
import { type Verdict } from "./targetTypes";

export const GOVERNING = ["力争", "争取", "确保", "争创"] as const;
/** Qualifiers written right before the figure, longest first. */
export const BEFORE = ["不低于", "不少于", "不超过", "控制在", "超过", "达到", "维持在", "保持在", "超", "达"] as const;
export const WORD_OF: Record<string, string> = { 维持在: "维持", 保持在: "保持" };
export const REWARD = /给予|予以|奖励|奖补|补助|补贴|资助|贴息|一次性|最高|每家|每项|每个|每人|每户|每年|每所|分别/;
export const LEADING_NOISE = /^(?:(?:\d{4}年(?:度)?|全年|年内|其中|并|同时|此外|另外|以及|和|及|[,、:])\s*)+/;
export const LEADING_VERBS = /^(?:力争|争取|确保|争创|计划|预计|努力|其中|并|同时|全年|实现|推动|带动|支撑|促进|累计)+/;
export const TRAILING_WORDS =
  /(?:不低于|不少于|不超过|控制在|超过|达到|维持在|保持在|提高到|提升到|提高至|提升至|增加到|达|超|为|在|至|到)+$/;

export function cleanIndicator(text: string): string {
  let s = text.replace(LEADING_NOISE, "");
  let prev = "";
  while (prev !== s) {
    prev = s;
    s = s.replace(LEADING_VERBS, "").replace(LEADING_NOISE, "").replace(TRAILING_WORDS, "").trim();
  }
  return s.replace(/^[,、:]+|[,、:(]+$/g, "");
}

/**
 * The N subjects of a "3个80%" sentence, each with the shared tail: "A、B和C、D等要素投向…比重" → A…, B和C…, D…. The
 * enumeration comma separates the items first (an item may itself be "新增用地和存量用地"); 和/及 only when the
 * commas alone do not give N.
 */
export function splitSubjects(subject: string, n: number): string[] | undefined {
  const cut = subject.replace(/等[^、和及]*$/, "");
  const tail = subject.slice(cut.length).replace(/^等(?:要素|方面|领域)?/, "");
  for (const separator of [/、/, /、|和|及/]) {
    const parts = cut.split(separator).filter(Boolean);
    if (parts.length === n) return parts.map((p) => p + tail);
  }
  return undefined;
}

/**
 * Directions without a figure: drafted as kind qualitative, value null, comparator increase/decrease (the
 * dataset's 持续下降 and 保持稳定增长). A comparison with last year (超去年水平, 高于上年) is a target wherever it is
 * written; a bare trend (持续下降) only in an area's preamble, where the headline targets are — in an article it
 * describes a measure (降低物流成本).
 */
export const QUALITATIVE: readonly {
  re: RegExp;
  words: (m: RegExpExecArray) => string[];
  comparator: Comparator;
  inArticles: boolean;
}[] = [
  {
    re: /(持续|逐年|稳步|进一步)?(下降|降低)$/,
    words: (m) => [...(m[1] ? [m[1]] : []), m[2] ?? ""],
    comparator: "decrease",
    inArticles: false,
  },
  {
    re: /(保持|实现)?(稳定增长|持续增长|稳步增长)$/,
    words: (m) => [...(m[1] ? [m[1]] : []), m[2] ?? ""],
    comparator: "increase",
    inArticles: false,
  },
  {
    re: /(?:超过?|高于|好于|优于)(?:去年|上年)(?:同期)?(?:水平)?$/,
    words: (m) => [m[0]],
    comparator: "increase",
    inArticles: true,
  },
  {
    re: /低于(?:去年|上年)(?:同期)?(?:水平)?$/,
    words: (m) => [m[0]],
    comparator: "decrease",
    inArticles: true,
  },
];

export interface Raw {
  f: Figure;
  verdict: Verdict;
  ownStart: number;
  prefix: string;
  trailing: string;
  restEnd: number;
}

/**
 * The figure's own piece of the clause: from the previous target's piece (or the clause start, or a floor such as
 * the end of a direction already read) to the noun after the figure. Excluded figures (a threshold, a name) stay
 * inside the next target's wording.
 */
export function rawFigures(
  sentence: string,
  cStart: number,
  cEnd: number,
  figures: Figure[],
  verdictOf: (f: Figure) => Verdict,
  floors: readonly number[],
): Raw[] {
  const verdicts = figures.map(verdictOf);
  const isTarget = (i: number) => verdicts[i]?.kind === "target" || verdicts[i]?.kind === "multi";
  const out: Raw[] = [];
  let segStart = cStart;
  figures.forEach((f, i) => {
    const verdict = verdicts[i] ?? ({ kind: "ignore" } as const);
    let nextTarget: Figure | undefined;
    for (let k = i + 1; k < figures.length; k++)
      if (isTarget(k)) {
        nextTarget = figures[k];
        break;
      }
    const limit = Math.min(cEnd, nextTarget?.start ?? cEnd);
    let end = f.end;
    while (end < limit && sentence[end] !== "、") end++;
    // "新建、续建项目": a short piece before 、 is still the noun.
    if (sentence[end] === "、" && end - f.end > 0 && end - f.end < 3) {
      end++;
      while (end < limit && sentence[end] !== "、") end++;
    }
    const floor = Math.max(segStart, ...floors.filter((x) => x <= f.start));
    const prefixRaw = sentence.slice(floor, f.start);
    const noise = prefixRaw.length - prefixRaw.replace(LEADING_NOISE, "").length;
    const ownStart = floor + noise;
    out.push({
      f,
      verdict,
      ownStart,
      prefix: sentence.slice(ownStart, f.start),
      trailing: sentence.slice(f.end, end),
      restEnd: end,
    });
    if (isTarget(i)) segStart = sentence[end] === "、" ? end + 1 : end;
  });
  return out;
}

export function wordsOf(quote: string, prefix: string, f: Figure, figureText: string): string[] {
  const words: string[] = [];
  const at = quote.lastIndexOf(figureText);
  for (const w of GOVERNING) {
    const i = quote.indexOf(w);
    if (i !== -1 && i < at) words.push(w);
  }
  words.sort((a, b) => quote.indexOf(a) - quote.indexOf(b));
  const beforeWord = BEFORE.find((w) => prefix.endsWith(w));
  if (beforeWord) words.push(WORD_OF[beforeWord] ?? beforeWord);
  if (f.suffix === "以上" || f.suffix === "左右" || f.suffix === "以内" || f.suffix === "以下") words.push(f.suffix);
  return words;
}

export function nounLike(trailing: string): boolean {
  return /[\u4e00-\u9fff“]/.test(trailing) && !/^(?:的)/.test(trailing);
}

export function cleanTrailing(trailing: string): string {
  return trailing.replace(/^(?:以上|左右)/, "").replace(/[,、。;]+$/, "");
}
