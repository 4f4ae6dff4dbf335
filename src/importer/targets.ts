/**
 * Quantitative targets: every figure of an area's preamble or article is read with its sentence, then either kept
 * as a target (indicator, value, unit, comparator, kind, words, exact quote, confidence and reasons) or excluded
 * with the rule that excluded it. The rules are the genre's, not one document's: reward standards, size
 * thresholds, programme names, deadlines, baselines and the document counting itself are not targets.
 */
import { findFigures, type Figure } from "../policy/figures";
import type { Comparator, TargetKind } from "../policy/types";
import { comparatorOfWords } from "../policy/validation/checks";
import type { Line } from "./structure";
import type { DraftTarget, Exclusion, ExclusionCategory, Unplaced } from "./types";

export type Zone = "summary" | "front" | "area" | "closing";

export interface Paragraph {
  line: Line;
  zone: Zone;
  area: number | null;
  article: number | null;
  /** An area's preamble: headline targets, including directions (持续下降). */
  preamble: boolean;
  /** Spans not read for figures (the 责任单位 clause). */
  skip: readonly (readonly [number, number])[];
  /** Offsets of figures a budget statement already used. */
  used: ReadonlySet<number>;
  /** The paragraph may be cut off (the excerpt's last article). */
  truncated: boolean;
}

export interface Candidate {
  target: Omit<DraftTarget, "id">;
  confidence: number;
  reasons: string[];
}

export interface TargetFindings {
  candidates: Candidate[];
  excluded: Exclusion[];
  unplaced: Unplaced[];
}

const GOVERNING = ["力争", "争取", "确保", "争创"] as const;
/** Qualifiers written right before the figure, longest first. */
const BEFORE = ["不低于", "不少于", "不超过", "控制在", "超过", "达到", "维持在", "保持在", "超", "达"] as const;
const WORD_OF: Record<string, string> = { 维持在: "维持", 保持在: "保持" };
const REWARD = /给予|予以|奖励|奖补|补助|补贴|资助|贴息|一次性|最高|每家|每项|每个|每人|每户|每年|每所|分别/;
const LEADING_NOISE = /^(?:(?:\d{4}年(?:度)?|全年|年内|其中|并|同时|此外|另外|以及|和|及|[,、:])\s*)+/;
const LEADING_VERBS = /^(?:力争|争取|确保|争创|计划|预计|努力|其中|并|同时|全年|实现|推动|带动|支撑|促进|累计)+/;
const TRAILING_WORDS =
  /(?:不低于|不少于|不超过|控制在|超过|达到|维持在|保持在|提高到|提升到|提高至|提升至|增加到|达|超|为|在|至|到)+$/;

interface Bracket {
  /** “…” or 《…》 around the position. */
  quoted: boolean;
  titled: boolean;
  /** Inside ( ) and the text inside. */
  paren: string | undefined;
  quoteText: string;
  quoteStart: number;
}

function bracketAt(text: string, at: number): Bracket {
  let quoteStart = -1;
  let titleStart = -1;
  let parenStart = -1;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === "“") quoteStart = i;
    else if (ch === "”") quoteStart = -1;
    else if (ch === "《") titleStart = i;
    else if (ch === "》") titleStart = -1;
    else if (ch === "(") parenStart = i;
    else if (ch === ")") parenStart = -1;
  }
  const close = (open: number, closer: string) => {
    const end = text.indexOf(closer, at);
    return open === -1 || end === -1 ? undefined : text.slice(open + 1, end);
  };
  const quoteText = close(quoteStart, "”");
  return {
    quoted: quoteText !== undefined,
    titled: close(titleStart, "》") !== undefined,
    paren: close(parenStart, ")"),
    quoteText: quoteText ?? "",
    quoteStart,
  };
}

type Verdict =
  | { kind: "target" }
  | { kind: "multi"; count: number }
  | { kind: "exclude"; category: ExclusionCategory; reason: string }
  | { kind: "ignore" };

const TARGET_CLASSES = new Set(["money", "percent", "count", "measure"]);

/** Splits a sentence into clauses at , : (outside brackets), keeping offsets. */
function clausesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if ("(“《".includes(ch)) depth++;
    else if (")”》".includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === "," || ch === ":")) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, text.length]);
  return out;
}

/** Where a figure stands: its sentence, its clause (and where that starts), the clause's figures, the paragraph. */
interface Place {
  sentence: string;
  clause: string;
  clauseStart: number;
  clauseFigures: readonly Figure[];
  p: Paragraph;
}

/**
 * Exclusion rules the genre needs beyond dates and names (each a named rule, its reason shown to the reviewer):
 * - `rewardCondition`: a figure in the condition of a reward (三年内该项目的专利技术产品累计销售额1000万元以上,
 *   给予…) — the clause reads as a condition (对/凡/累计/N年内/首次/单个…) and the next clause grants.
 * - `sizeInCount`: a size written before the thing counted (10亿元以上项目25个, 超10亿元项目25个): the count is
 *   the target, the size its class.
 * - `ownMeasures`: the document counting its own measures (等十项工作, 等10项重点工作, 十大行动).
 * - `projectPreparation`: figures inside a project named for its 前期 work (推进…D区1个万吨级油品码头项目前期).
 */
const CONDITION = /^(?:对|凡|经|如|若)|累计|[一二三两\d]年内|首次|单个|单笔|单项|当年(?:销售|营业|纳税)/;
const GRANT = /给予|予以|奖励|奖补|补助|补贴|资助/;
const OWN_MEASURES = /^(?:重点|主要|关键|专项)?(?:工作|措施|任务|举措|行动|工程|政策|改革)/;
const PREPARATION = /项目前期(?:工作)?$/;

function classify(f: Figure, place: Place): Verdict {
  const { sentence, clause, clauseStart, p } = place;
  const before = sentence.slice(Math.max(0, f.start - 6), f.start);
  const after = sentence.slice(f.end, f.end + 12);
  const unitAfter = sentence.slice(f.unitEnd, f.unitEnd + 4);
  const bracket = bracketAt(sentence, f.start);
  const clauseBefore = sentence.slice(clauseStart, f.start);
  // Dates, years, document numbers and ordinals are not figures at all.
  if (before.endsWith("第") || before.endsWith("〔") || (f.unit === "号" && before.endsWith("〕")))
    return { kind: "ignore" };
  if (f.unit === "年" && !f.range && f.value >= 1900 && f.value <= 2100) return { kind: "ignore" };
  if (f.unit === "月" && /^(?:底前|前|底|中旬|上旬|下旬|份前|末前|末)/.test(unitAfter))
    return { kind: "exclude", category: "deadline", reason: "期限(…月底前),不是目标" };
  if (f.unit === "月" && /^\d{1,2}日/.test(unitAfter)) return { kind: "ignore" };
  if (f.unit === "日" || (f.unit === "月" && /\d{4}年$/.test(before))) return { kind: "ignore" };
  if (p.zone === "summary") return { kind: "exclude", category: "summary", reason: "原文之前的报道摘要,不属于文件" };
  if (f.chinese && (bracket.quoted || bracket.titled)) return { kind: "ignore" };
  if (bracket.titled) return { kind: "exclude", category: "name", reason: "文件或方案名称中的数字" };
  const baseline = sentence.lastIndexOf("在", f.start);
  if (baseline !== -1 && sentence.indexOf("基础上", f.end) !== -1 && !/[,。;]/.test(sentence.slice(baseline, f.start)))
    return { kind: "exclude", category: "baseline", reason: "基数(在…基础上),不是目标" };
  if (bracket.quoted) {
    const multi = /^(\d+)个\d+(?:\.\d+)?%$/.exec(bracket.quoteText);
    const verb = /(?:提高到|提升到|提高至|提升至|达到|实现|保持)$/.test(sentence.slice(0, bracket.quoteStart));
    if (multi && verb && f.unit === "%") return { kind: "multi", count: Number(multi[1]) };
    if (multi && verb) return { kind: "ignore" };
    return { kind: "exclude", category: "name", reason: "引号中的名称或口号(如“551”“1+4+N”)" };
  }
  if (f.lettered) return { kind: "exclude", category: "name", reason: "与字母或“+”相连的名称(如3C、415X)" };
  if (f.range) return { kind: "exclude", category: "period", reason: "范围或年龄段(如0-3岁、15-20年),不是目标" };
  if (f.unitClass === "class") {
    if (f.unit.endsWith("级"))
      return { kind: "exclude", category: "threshold", reason: "规模等级(如10万吨级),不是目标" };
    if (f.unit === "类" || f.unit === "大" || f.unit === "方面")
      return { kind: "exclude", category: "selfCount", reason: "类别或方面的个数,不是目标" };
    return { kind: "exclude", category: "name", reason: "版本、届次或期数" };
  }
  if (/(?:上述|以下|本政策|本文件|前述|以上)$/.test(before) || /^个?(?:领域|方面)/.test(unitAfter))
    return { kind: "exclude", category: "selfCount", reason: "文件自身的条数或领域数" };
  if (f.unit === "条" && /政策|新政|措施|举措|意见|条款|细则/.test(sentence.slice(Math.max(0, f.start - 8), f.end + 6)))
    return { kind: "exclude", category: "selfCount", reason: "政策条数(文件或政策名称),不是目标" };
  if (f.unit === "张" && /^[^,。;、]{0,10}清单/.test(after))
    return { kind: "exclude", category: "selfCount", reason: "清单张数(文件结构),不是目标" };
  if (f.unitClass === "time") {
    if ((f.unit === "天" || f.unit === "小时" || f.unit === "分钟") && /压缩|缩短|控制|以内|之内/.test(clause))
      return { kind: "target" };
    return { kind: "exclude", category: "period", reason: "年限、时长或年龄(如20年以上住宅),不是目标" };
  }
  if (!TARGET_CLASSES.has(f.unitClass) || (f.unit === "" && !f.chinese))
    return { kind: "exclude", category: "noUnit", reason: "没有计量单位" };
  const next = sentence[f.end] ?? "";
  const nounFollows = next !== "" && !/[,、。;)”:]/.test(next);
  const sized = f.unitClass === "money" || f.unitClass === "measure";
  if (PREPARATION.test(clause))
    return { kind: "exclude", category: "name", reason: "项目前期工作中的项目名称或规模,不是目标" };
  if (f.unitClass === "count" && (/等$/.test(before) || f.chinese) && OWN_MEASURES.test(sentence.slice(f.end)))
    return { kind: "exclude", category: "selfCount", reason: "文件自身的工作或措施项数(等N项工作),不是目标" };
  if (sized && nounFollows && place.clauseFigures.some((o) => o.start > f.end && o.unitClass === "count"))
    return { kind: "exclude", category: "threshold", reason: "计数中的规模门槛(如10亿元以上项目25个),目标是个数" };
  if (CONDITION.test(clause) && !GRANT.test(sentence.slice(clauseStart, f.start))) {
    const nextClause = clausesOf(sentence).find(([a]) => a > f.end);
    const grantsNext = nextClause !== undefined && GRANT.test(sentence.slice(nextClause[0], nextClause[1]));
    if (grantsNext || /^(?:以上)?的,?[^。]*?给予/.test(sentence.slice(f.end)))
      return { kind: "exclude", category: "reward", reason: "奖励的条件(达到…给予奖励),不是目标" };
  }
  if (sized && (f.suffix === "以上" || f.suffix === "以下") && nounFollows)
    return { kind: "exclude", category: "threshold", reason: "规模门槛(如亿元以上项目),不是目标" };
  if (sized && (f.suffix === "以上" || f.suffix === "以下") && /^(?:对|针对|对于|凡)/.test(clause))
    return { kind: "exclude", category: "threshold", reason: "适用条件中的门槛,不是目标" };
  if (next === "的" && /^的[\u4e00-\u9fff]/.test(after) && f.suffix !== "")
    return { kind: "exclude", category: "threshold", reason: "条件(…以上的),不是目标" };
  if (
    (f.unitClass === "money" || f.unitClass === "percent") &&
    REWARD.test(clause) &&
    !/^(?:争取|力争|确保)/.test(clause.replace(/^\d{4}年/, ""))
  )
    return { kind: "exclude", category: "reward", reason: "奖励或补助标准(给予…),不是目标" };
  if (f.unitClass === "percent" && /按[^,。;]*的$/.test(clauseBefore))
    return { kind: "exclude", category: "reward", reason: "按比例计算的标准,不是目标" };
  if (p.zone === "front" || p.zone === "closing")
    return {
      kind: "exclude",
      category: "selfCount",
      reason: p.zone === "front" ? "在领域之前(通知或前言)" : "在结尾部分(总述)",
    };
  return { kind: "target" };
}

function kindOf(f: Figure, indicator: string, context: string): TargetKind {
  const perCapita = /每[千万百十]|人均|万人|千人|每/.test(indicator);
  if (f.unitClass === "percent") return /增长|增速|增幅/.test(context) ? "growth" : "ratio";
  if (f.unitClass === "money" || f.unitClass === "measure") return perCapita ? "ratio" : "amount";
  return perCapita ? "ratio" : "count";
}

function cleanIndicator(text: string): string {
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
function splitSubjects(subject: string, n: number): string[] | undefined {
  const cut = subject.replace(/等[^、和及]*$/, "");
  const tail = subject.slice(cut.length).replace(/^等(?:要素|方面|领域)?/, "");
  for (const separator of [/、/, /、|和|及/]) {
    const parts = cut.split(separator).filter(Boolean);
    if (parts.length === n) return parts.map((p) => p + tail);
  }
  return undefined;
}

function sentencesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ("。;!?".includes(text[i] ?? "")) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/**
 * Directions without a figure: drafted as kind qualitative, value null, comparator increase/decrease (the
 * dataset's 持续下降 and 保持稳定增长). A comparison with last year (超去年水平, 高于上年) is a target wherever it is
 * written; a bare trend (持续下降) only in an area's preamble, where the headline targets are — in an article it
 * describes a measure (降低物流成本).
 */
const QUALITATIVE: readonly {
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

interface Raw {
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
function rawFigures(
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

function wordsOf(quote: string, prefix: string, f: Figure, figureText: string): string[] {
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

/**
 * Reads the targets of every paragraph and explains every figure it did not take.
 *
 * @example
 * findTargets([{ line: { index: 0, text: "新增高新技术企业75家以上。" }, zone: "area", area: 1, article: 1, … }]).candidates[0].target.value // 75
 */
export function findTargets(paragraphs: readonly Paragraph[]): TargetFindings {
  const candidates: Candidate[] = [];
  const excluded: Exclusion[] = [];
  const unplaced: Unplaced[] = [];
  for (const p of paragraphs) {
    const text = p.line.text;
    for (const [sStart, sEnd] of sentencesOf(text)) {
      const sentence = text.slice(sStart, sEnd);
      const skipped = (at: number) =>
        p.skip.some(([a, b]) => sStart + at >= a && sStart + at < b) || p.used.has(sStart + at);
      // 一个平台, 两家银行: a small Chinese count in this genre describes, it does not set a target.
      const figures = findFigures(sentence).filter(
        (f) => !skipped(f.start) && !(f.chinese && f.unitClass === "count" && f.value < 10),
      );
      let previousIndicator = "";
      const rank = /(?:列|位列|进入|位居|保持|居|排名|排)([^,。;]{0,10}?)前(\d{1,3})(?:位|名)?/.exec(sentence);
      if (rank && p.zone === "area" && p.area !== null) {
        const value = Number(rank[2]);
        const clauseStart = Math.max(0, ...[",", ":"].map((c) => sentence.lastIndexOf(c, rank.index ?? 0) + 1));
        const raw = sentence.slice(clauseStart, (rank.index ?? 0) + rank[0].length);
        const quote = raw.replace(LEADING_NOISE, "");
        const words = [...GOVERNING.filter((w) => quote.includes(w)), "前"];
        const indicator = `${cleanIndicator(sentence.slice(clauseStart, rank.index ?? 0))}${rank[1] ?? ""}排名`;
        candidates.push({
          target: {
            area: p.area,
            article: p.article,
            indicator,
            value,
            unit: "名",
            comparator: "rank<=",
            kind: "rank",
            words,
            quote,
          },
          confidence: 0.8,
          reasons: ["名次目标(前N)"],
        });
      }
      const rankAt = rank ? (rank.index ?? 0) + rank[0].lastIndexOf(rank[2] ?? "") : -1;
      for (const [cStart, cEnd] of clausesOf(sentence)) {
        const clause = sentence.slice(cStart, cEnd);
        const inClause = figures.filter((f) => f.start >= cStart && f.start < cEnd);
        const floors: number[] = [];
        if (p.zone === "area" && p.area !== null) {
          let subStart = cStart;
          for (const sub of clause.split("、")) {
            const subEnd = subStart + sub.length;
            const hasFigure = inClause.some((f) => f.start >= subStart && f.start < subEnd);
            for (const q of QUALITATIVE) {
              const m = q.re.exec(sub);
              if (!m || hasFigure || (!p.preamble && !q.inArticles)) continue;
              const body = sub.slice(0, m.index);
              const lead = body.length - body.replace(LEADING_NOISE, "").length;
              const indicator = cleanIndicator(body);
              if (indicator.length < 2) continue;
              const quote = sentence.slice(subStart + lead, subStart + m.index + m[0].length);
              previousIndicator = indicator;
              floors.push(subEnd + 1);
              candidates.push({
                target: {
                  area: p.area,
                  article: p.article,
                  indicator,
                  value: null,
                  unit: "",
                  comparator: q.comparator,
                  kind: "qualitative",
                  words: q.words(m),
                  quote,
                },
                confidence: 0.7,
                reasons: ["定性指标(只有方向,没有数值)"],
              });
            }
            subStart = subEnd + 1;
          }
        }
        const raws = rawFigures(
          sentence,
          cStart,
          cEnd,
          inClause,
          (f) =>
            f.start === rankAt
              ? { kind: "ignore" }
              : classify(f, { sentence, clause, clauseStart: cStart, clauseFigures: inClause, p }),
          floors,
        );
        const governing = GOVERNING.find((w) => {
          const at = clause.indexOf(w);
          const first = raws.find((r) => r.verdict.kind === "target" || r.verdict.kind === "multi");
          return at !== -1 && first !== undefined && cStart + at < first.f.start;
        });
        let group: Candidate[] = [];
        let groupStart = -1;
        let groupSubject = "";
        raws.forEach((r, i) => {
          const { f, verdict, prefix, trailing } = r;
          const figureText = sentence.slice(f.start, f.end);
          if (verdict.kind === "ignore") return;
          const nounAfter = trailing !== "" && nounLike(trailing);
          const indicatorOwn = cleanIndicator(prefix) + (nounAfter ? cleanTrailing(trailing) : "");
          if (verdict.kind === "exclude") {
            const quote = sentence.slice(r.ownStart, Math.max(r.restEnd, f.end)) || figureText;
            if (
              (p.zone === "front" || p.zone === "closing") &&
              TARGET_CLASSES.has(f.unitClass) &&
              f.unit !== "" &&
              verdict.category !== "selfCount"
            )
              unplaced.push({ quote, reason: verdict.reason });
            const words = wordsOf(quote, prefix, f, figureText);
            excluded.push({
              area: p.area,
              article: p.article,
              figure: figureText,
              value: f.value,
              unit: f.unit,
              quote,
              category: verdict.category,
              reason: verdict.reason,
              ...(p.area !== null && TARGET_CLASSES.has(f.unitClass)
                ? {
                    candidate: {
                      area: p.area,
                      article: p.article,
                      indicator: indicatorOwn || figureText,
                      value: f.value,
                      unit: f.unit,
                      comparator: comparatorOfWords(words),
                      kind: kindOf(f, indicatorOwn, quote),
                      words,
                      quote,
                    },
                  }
                : {}),
            });
            return;
          }
          const reasons: string[] = [];
          let confidence = 0.92;
          const inList = group.length > 0 && prefix.trim() === "";
          let quoteStart = inList ? groupStart : r.ownStart;
          if (governing && !GOVERNING.some((w) => prefix.includes(w))) {
            const at = sentence.indexOf(governing, cStart);
            if (at !== -1 && at < quoteStart) quoteStart = at;
          }
          const closes = sentence[f.end] === ")" && bracket(sentence, f.start) ? 1 : 0;
          const quoteEnd = nounAfter ? r.restEnd : f.end + closes;
          const quote = sentence.slice(quoteStart, quoteEnd);
          const words = wordsOf(quote, prefix, f, figureText);
          let indicator = indicatorOwn;
          if (nounAfter) confidence -= 0.04;
          if (inList) {
            indicator = group[0]?.target.indicator ?? indicator;
            reasons.push("一组数字共用一个指标,按顺序对应");
            confidence -= 0.12;
          } else if (indicator.length <= 2 && previousIndicator !== "") {
            indicator = previousIndicator.replace(/(?:增长|增速|完成)+$/, "") + indicator;
            reasons.push("指标名称取自前文");
            confidence -= 0.1;
          }
          if (indicator === "") {
            indicator = sentence.slice(Math.max(cStart, f.start - 12), f.start) || figureText;
            reasons.push("未能读出指标名称");
            confidence -= 0.35;
          }
          if (f.chinese) {
            reasons.push("中文数字");
            confidence -= 0.25;
          }
          if (bracket(sentence, f.start)) {
            reasons.push("括号中的数字");
            confidence -= 0.15;
          }
          if (f.unitClass === "money" && f.unit === "万元") {
            reasons.push("万元金额,可能是预算内的安排而非目标");
            confidence -= 0.1;
          }
          if ((f.unitClass === "money" || f.unitClass === "percent") && REWARD.test(clause)) {
            reasons.push("句中有奖励、补助字样");
            confidence -= 0.25;
          }
          if (/[一二三两\d]年内/.test(clause) && /累计/.test(clause)) {
            reasons.push("N年内累计:可能是条件而非年度目标");
            confidence -= 0.3;
          }
          if (p.truncated) {
            reasons.push("条款在摘录末尾,可能不完整");
            confidence -= 0.05;
          }
          const kind = kindOf(f, indicator, sentence.slice(r.ownStart, Math.min(cEnd, r.restEnd + 4)));
          if (verdict.kind === "multi") {
            // The subject is the sentence's first clause: "A、B、C等要素投向…比重,在…基础上进一步提高到“3个80%”".
            const all = clausesOf(sentence);
            const here = all.findIndex(([a]) => a === cStart);
            const [hStart, hEnd] = here > 0 ? (all[here - 1] ?? [cStart, f.start]) : [cStart, f.start];
            const head = sentence.slice(hStart, hEnd);
            const lead = hStart + head.length - head.replace(LEADING_NOISE, "").length;
            const subject = cleanIndicator(head);
            const items = splitSubjects(subject, verdict.count);
            const close = sentence.indexOf("”", f.end);
            const wholeQuote = sentence.slice(lead, close === -1 ? f.end : close + 1);
            const multiWords = wordsOf(wholeQuote, "", f, figureText);
            // Subjects that do not split into N: one row for the sentence, not N copies of it — the reviewer adds
            // the others once they see which they are.
            const rows = items ? verdict.count : 1;
            for (let k = 0; k < rows; k++) {
              candidates.push({
                target: {
                  area: p.area ?? 0,
                  article: p.article,
                  indicator: items?.[k] ?? (subject || "指标"),
                  value: f.value,
                  unit: f.unit,
                  comparator: comparatorOfWords(multiWords),
                  kind: "ratio",
                  words: multiWords,
                  quote: wholeQuote,
                },
                confidence: items ? 0.6 : 0.3,
                reasons: [
                  "“N个X%”:一个数字对应几个指标",
                  ...(items ? [] : [`未能分出${verdict.count}个指标的名称,只列一行,请补全`]),
                ],
              });
            }
            return;
          }
          const figureCount = (indicator.match(/率|比例|比重|增速/g) ?? []).length;
          if (!inList && /和|、/.test(indicator) && figureCount >= 2 && raws[i + 1]?.prefix.trim() !== "") {
            reasons.push("一个数字对应两个指标");
            confidence -= 0.3;
          }
          const candidate: Candidate = {
            target: {
              area: p.area ?? 0,
              article: p.article,
              indicator,
              value: f.value,
              unit: f.unit,
              comparator: comparatorOfWords(words),
              kind,
              words,
              quote,
            },
            confidence: Math.max(0.05, Math.round(confidence * 100) / 100),
            reasons,
          };
          candidates.push(candidate);
          const next = raws[i + 1];
          const continues =
            next !== undefined && next.verdict.kind === "target" && sentence.slice(f.end, next.f.start) === "、";
          if (!inList) {
            group = [candidate];
            groupStart = quoteStart;
            groupSubject = cleanIndicator(prefix);
          } else group.push(candidate);
          if (!continues) {
            if (group.length > 1) finishList(group, groupSubject, quote, f.suffix);
            group = [];
          }
          previousIndicator = indicator;
        });
      }
    }
  }
  return { candidates: dropRestatements(candidates, excluded), excluded, unplaced };
}

/** 维持在90%、76%以上: one quote, the closing qualifier for every figure, and the subjects split in order. */
function finishList(group: Candidate[], subject: string, quote: string, suffix: string): void {
  const parts = splitSubjects(subject, group.length);
  for (const [k, c] of group.entries()) {
    const words = suffix !== "" && !c.target.words.includes(suffix) ? [...c.target.words, suffix] : c.target.words;
    c.target = {
      ...c.target,
      quote,
      words,
      comparator: comparatorOfWords(words),
      indicator: parts?.[k] ?? c.target.indicator,
    };
  }
}

function bracket(sentence: string, at: number): boolean {
  const open = sentence.lastIndexOf("(", at);
  const close = sentence.lastIndexOf(")", at);
  return open > close && sentence.indexOf(")", at) !== -1;
}

function nounLike(trailing: string): boolean {
  return /[\u4e00-\u9fff“]/.test(trailing) && !/^(?:的)/.test(trailing);
}

function cleanTrailing(trailing: string): string {
  return trailing.replace(/^(?:以上|左右)/, "").replace(/[,、。;]+$/, "");
}

/** The same figure said again for the same thing (紧盯百个省“千项万亿”工程项目) is one target. */
function dropRestatements(candidates: Candidate[], excluded: Exclusion[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const core = (s: string) =>
      s
        .replace(LEADING_VERBS, "")
        .replace(/^(?:紧盯|围绕|聚焦|滚动推进|推进|抓好)/, "")
        .replace(/建设$/, "");
    const twin = kept.find(
      (k) =>
        k.target.area === c.target.area &&
        k.target.value === c.target.value &&
        k.target.unit === c.target.unit &&
        k.target.value !== null &&
        k.target.quote !== c.target.quote &&
        core(c.target.indicator).length >= 4 &&
        (core(k.target.indicator).includes(core(c.target.indicator)) ||
          core(c.target.indicator).includes(core(k.target.indicator))),
    );
    if (twin) {
      excluded.push({
        area: c.target.area,
        article: c.target.article,
        figure: `${c.target.value}${c.target.unit}`,
        value: c.target.value,
        unit: c.target.unit,
        quote: c.target.quote,
        category: "restatement",
        reason: `重述前文的目标(${twin.target.quote})`,
        candidate: c.target,
      });
    } else kept.push(c);
  }
  return kept;
}
