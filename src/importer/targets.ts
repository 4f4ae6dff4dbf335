/**
 * Quantitative targets: every figure of an area's preamble or article is read with its sentence, then either kept
 * as a target (indicator, value, unit, comparator, kind, words, exact quote, confidence and reasons) or excluded
 * with the rule that excluded it. The rules are the genre's, not one document's: reward standards, size
 * thresholds, programme names, deadlines, baselines and the document counting itself are not targets.
 */
import { findFigures } from "../policy/figures";
import { comparatorOfWords } from "../policy/validation/checks";
import type { Exclusion, Unplaced } from "./types";
import { type Candidate, type Paragraph, type TargetFindings } from "./targetTypes";
import { bracket, clausesOf, sentencesOf } from "./sentences";
import { TARGET_CLASSES, classify, kindOf } from "./classify";
import {
  GOVERNING,
  LEADING_NOISE,
  LEADING_VERBS,
  QUALITATIVE,
  REWARD,
  cleanIndicator,
  cleanTrailing,
  nounLike,
  rawFigures,
  splitSubjects,
  wordsOf,
} from "./targetWords";

export type { Candidate, Paragraph, TargetFindings, Zone } from "./targetTypes";

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
