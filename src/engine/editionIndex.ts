import type { Area, Article, EditionData, Target } from "../policy/types";
import { tidy } from "../policy/tidy";

/** Lookups over one edition, built once, each O(1). */
export interface EditionIndex {
  readonly data: EditionData;
  readonly year: number;
  /** Ids are matched case-insensitively and trimmed: users type them into formulas. */
  target(id: string): Target | undefined;
  area(no: number): Area | undefined;
  article(no: number): Article | undefined;
  targetsOfArea(no: number): readonly Target[];
  targetsOfArticle(no: number): readonly Target[];
  /** The units answerable for a target: its article's 责任单位, or the area's 牵头单位 for a preamble target. */
  responsibleOf(target: Target): readonly string[];
  /** The first responsible unit (列第一位的责任单位为牵头单位). */
  leadOf(target: Target): string;
  /** Sum of the areas' budgets (69.49亿元 in 2025) — larger than the stated total, which excludes overlaps. */
  readonly sumOfAreaBudgetsYi: number;
  /** 交叉重叠: sum of the areas minus the stated total (20.24亿元 in 2025); null when the text states no total. */
  readonly overlapYi: number | null;
}

const cache = new WeakMap<EditionData, EditionIndex>();

/**
 * The index of an edition, memoised per edition object.
 *
 * @example
 * indexEdition(yueqing2025).target("area1-rd-intensity")?.value // 3.12
 * indexEdition(yueqing2025).sumOfAreaBudgetsYi // 69.49
 */
export function indexEdition(data: EditionData): EditionIndex {
  const cached = cache.get(data);
  if (cached) return cached;
  const byId = new Map(data.targets.map((t) => [t.id.toLowerCase(), t]));
  const areas = new Map(data.areas.map((a) => [a.no, a]));
  const articles = new Map(data.articles.map((a) => [a.no, a]));
  const byArea = groupBy(data.targets, (t) => t.area);
  const byArticle = groupBy(data.targets, (t) => t.article);
  const sum = tidy(data.areas.reduce((s, a) => s + a.budgetYi, 0));
  const responsibleOf = (t: Target): readonly string[] => {
    const article = t.article === null ? undefined : articles.get(t.article);
    if (article && article.responsible.length > 0) return article.responsible;
    const area = areas.get(t.area);
    return area ? [area.lead] : [];
  };
  const index: EditionIndex = {
    data,
    year: data.document.year,
    // Exact ids first: formulas copied from the pane hit the fast path, typed variants pay for normalising.
    target: (id) => byId.get(id) ?? byId.get(id.trim().toLowerCase()),
    area: (no) => areas.get(no),
    article: (no) => articles.get(no),
    targetsOfArea: (no) => byArea.get(no) ?? [],
    targetsOfArticle: (no) => byArticle.get(no) ?? [],
    responsibleOf,
    leadOf: (t) => responsibleOf(t)[0] ?? "",
    sumOfAreaBudgetsYi: sum,
    overlapYi: data.document.totalBudgetYi === undefined ? null : tidy(sum - data.document.totalBudgetYi),
  };
  cache.set(data, index);
  return index;
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
