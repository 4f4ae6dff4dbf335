/**
 * Target ids: readable (`area1-rd-intensity` for an area's headline target, `art09-specialized-sme` for an
 * article's) and stable — a target that matches one of the previous edition (same unit, and close wording or the
 * same article and figure) keeps its id, so formulas written against last year's ids keep working; an id is never reused for another
 * indicator.
 */
import type { DraftTarget } from "./types";

/** Words of the genre's indicators and their English slug pieces, most specific first. */
const GLOSSARY: readonly (readonly [string, string])[] = [
  ["研发投入强度", "rd-intensity"],
  ["高新技术企业", "hitech-firms"],
  ["专精特新", "specialized-sme"],
  ["规上工业增加值", "industrial-value-added"],
  ["数字经济核心产业", "digital-core"],
  ["服务业增加值", "service-value-added"],
  ["社会消费品零售总额", "retail-sales"],
  ["固定资产投资", "fai"],
  ["综合交通投资", "transport-investment"],
  ["工业投资", "industrial-investment"],
  ["实际使用外资", "fdi"],
  ["实际利用外资", "fdi"],
  ["货物贸易出口", "goods-export"],
  ["服务贸易", "services-trade"],
  ["出口", "export"],
  ["城镇化率", "urbanization-rate"],
  ["收入倍差", "income-ratio"],
  ["居民收入", "income"],
  ["专项债", "special-bonds"],
  ["政策性贷款", "policy-loans"],
  ["贷款", "loans"],
  ["产业基金", "industry-fund"],
  ["工业互联网", "industrial-internet"],
  ["智能工厂", "smart-factories"],
  ["领军企业", "leading-firms"],
  ["首贷户", "first-loan-firms"],
  ["卓越工程师", "excellent-engineers"],
  ["科技副总", "tech-vice-presidents"],
  ["人才", "talent"],
  ["重点实验室", "key-labs"],
  ["孵化器", "incubators"],
  ["科技项目", "tech-projects"],
  ["攻关项目", "tech-projects"],
  ["科创强基", "keystone-projects"],
  ["重大项目", "key-projects"],
  ["重点项目", "key-projects"],
  ["建设项目", "projects"],
  ["完成投资", "investment"],
  ["用地", "land"],
  ["用林", "forest-land"],
  ["林地", "forest-land"],
  ["耕地", "farmland"],
  ["农田", "farmland"],
  ["农机", "farm-machinery"],
  ["电量", "electricity"],
  ["绿电", "green-power"],
  ["天然气", "gas"],
  ["能源", "energy"],
  ["集装箱", "containers"],
  ["泊位", "berths"],
  ["公路", "roads"],
  ["道路", "roads"],
  ["文旅活动", "culture-tourism-events"],
  ["促销活动", "promotion-events"],
  ["赛事", "sports-events"],
  ["活动", "events"],
  ["订单", "orders"],
  ["外贸企业", "trade-firms"],
  ["对外投资", "outward-investment"],
  ["软件", "software"],
  ["检验检测", "testing-institutions"],
  ["工业设计中心", "industrial-design-centers"],
  ["保障性租赁住房", "affordable-rental-housing"],
  ["住房", "housing"],
  ["城中村", "urban-village-renovation"],
  ["电梯", "elevators"],
  ["托位", "childcare-places"],
  ["养老", "elderly-care"],
  ["床位", "beds"],
  ["就诊率", "visit-rate"],
  ["临床重点专科", "key-specialty"],
  ["卫生院", "health-centers"],
  ["医疗", "medical"],
  ["就业", "employment"],
  ["残疾人", "disabled"],
  ["慈善", "charity"],
  ["随迁子女", "migrant-children"],
  ["占比", "share"],
  ["比例", "share"],
  ["比重", "share"],
  ["覆盖率", "coverage"],
  ["增长", "growth"],
  ["企业", "firms"],
  ["项目", "projects"],
  ["平台", "platforms"],
];

/** The English slug of an indicator, from the glossary, or "" when no word is known. */
export function slugOf(indicator: string): string {
  const pieces: string[] = [];
  let rest = indicator;
  for (const [word, slug] of GLOSSARY) {
    if (pieces.length >= 2) break;
    if (rest.includes(word) && !pieces.some((p) => p.includes(slug) || slug.includes(p))) {
      pieces.push(slug);
      rest = rest.replace(word, " ");
    }
  }
  return pieces.join("-");
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

function commonBigrams(a: string, b: string): number {
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of bigrams(a)) common += Math.min(n, gb.get(g) ?? 0);
  return common;
}

/** Character-bigram overlap (Dice) of two indicators: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return a === b ? 1 : (2 * commonBigrams(a, b)) / total;
}

/**
 * How much of the shorter indicator the longer one holds (bigram overlap coefficient): 举办国家级体育赛事 is nearly
 * all in 举办乐清半程马拉松、全国公路自行车职业联赛等国家级体育赛事 though their Dice similarity is low.
 */
export function coverage(a: string, b: string): number {
  if (a === b) return 1;
  return commonBigrams(a, b) / Math.max(1, Math.min(a.length, b.length) - 1);
}

export interface PreviousTarget {
  id: string;
  area: number;
  article: number | null;
  indicator: string;
  unit: string;
  value?: number | null;
  quote?: string;
}

/** How close is close: indicators sharing most of their wording, same unit. */
const CLOSE = 0.6;
/** How much of the shorter indicator the longer must hold for a reworded target (same article and figure). */
const CORE = 0.75;

/**
 * How well a drafted target matches a previous one (undefined: not the same target). The unit must be the same.
 * Wording is the Dice similarity (plus 0.3 when one indicator contains the other); the same article adds 0.15.
 * When article, unit and figure all agree, the wording only has to hold the indicator's core (CORE): an edition may
 * reword 举办国家级体育赛事3场 as 举办乐清半程马拉松、…等国家级体育赛事3场, and the same figure under the same heading,
 * mostly the same words, is the same target. The same quote adds a little, for targets one sentence states together.
 */
export function matchScore(
  t: Pick<PreviousTarget, "area" | "article" | "indicator" | "unit" | "value" | "quote">,
  p: PreviousTarget,
): number | undefined {
  if (p.unit !== t.unit) return undefined;
  const contains = p.indicator.includes(t.indicator) || t.indicator.includes(p.indicator);
  const samePlace = p.area === t.area && p.article === t.article;
  const sameFigure = p.value !== undefined && p.value !== null && p.value === t.value;
  let wording = similarity(p.indicator, t.indicator) + (contains ? 0.3 : 0);
  const held = coverage(p.indicator, t.indicator);
  if (samePlace && sameFigure && held >= CORE) wording = Math.max(wording, held);
  const sameQuote = p.quote !== undefined && p.quote !== "" && p.quote === t.quote;
  const s = wording + (samePlace ? 0.15 : 0);
  if (s < CLOSE) return undefined;
  return s + (sameQuote ? 0.05 : 0) + (p.area === t.area ? 0.02 : 0);
}

/** Each target's position among its article's targets (the article's first target is 0). */
function positionsInArticle(targets: readonly { area: number; article: number | null }[]): number[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const key = `${t.area}:${t.article ?? "-"}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  });
}

/**
 * Gives every target its id: the previous edition's when it matches (matchScore: same unit; close wording, or the
 * same article and figure with the indicator's core in common), else a new readable one that no previous target
 * used. The best pairs are taken first; between equally good ones, the pair at the same position in its article
 * (targets one sentence states together keep their order).
 *
 * @example
 * assignIds([{ area: 1, article: 1, indicator: "新增高新技术企业", unit: "家", … }], [{ id: "art01-hitech-firms", … }])
 * // ids: ["art01-hitech-firms"], previous: ["art01-hitech-firms"]
 */
export function assignIds(
  targets: readonly Omit<DraftTarget, "id">[],
  previous: readonly PreviousTarget[] = [],
): { ids: string[]; previous: (string | undefined)[] } {
  const ids: (string | undefined)[] = targets.map(() => undefined);
  const matched: (string | undefined)[] = targets.map(() => undefined);
  const pairs: { t: number; p: number; score: number; shift: number }[] = [];
  const targetPositions = positionsInArticle(targets);
  const previousPositions = positionsInArticle(previous);
  targets.forEach((t, ti) =>
    previous.forEach((p, pi) => {
      const score = matchScore(t, p);
      if (score === undefined) return;
      const shift = Math.abs((targetPositions[ti] ?? 0) - (previousPositions[pi] ?? 0));
      pairs.push({ t: ti, p: pi, score, shift });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.shift - b.shift);
  const usedPrevious = new Set<number>();
  for (const pair of pairs) {
    if (ids[pair.t] !== undefined || usedPrevious.has(pair.p)) continue;
    const id = previous[pair.p]?.id;
    if (id === undefined) continue;
    ids[pair.t] = id;
    matched[pair.t] = id;
    usedPrevious.add(pair.p);
  }
  const taken = new Set<string>([...previous.map((p) => p.id.toLowerCase())]);
  for (const id of ids) if (id) taken.add(id.toLowerCase());
  const counters = new Map<string, number>();
  targets.forEach((t, i) => {
    if (ids[i] !== undefined) return;
    const prefix = t.article === null ? `area${t.area}` : `art${String(t.article).padStart(2, "0")}`;
    const slug = slugOf(t.indicator);
    let id = slug ? `${prefix}-${slug}` : "";
    if (id === "" || taken.has(id)) {
      const base = slug ? `${prefix}-${slug}` : `${prefix}-t`;
      let n = counters.get(base) ?? (slug ? 2 : 1);
      while (taken.has(`${base}${slug ? "-" : ""}${n}`)) n++;
      id = `${base}${slug ? "-" : ""}${n}`;
      counters.set(base, n + 1);
    }
    taken.add(id);
    ids[i] = id;
  });
  return { ids: ids.map((id) => id ?? ""), previous: matched };
}
