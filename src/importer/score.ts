/**
 * Scores a draft against an answer key: the corpus keys (../shared/corpus/keys) or an edition's own dataset. One
 * module for the bench and the tests, so both measure the same thing.
 *
 * A target matches when area, article, value and unit are the same (each reference target matches at most one
 * draft target). Budgets and leads are exact per area; items exact when the set of (label, 亿元) is the same —
 * labels compared without their leading verb (重点支持/支持/用于), which the keys write differently; responsible units
 * exact per article (same units, same order).
 */
import { tidy } from "../policy/tidy";
import { itemLabel } from "./budget";
import type { EditionFile } from "../policy/editionFile";
import type { Draft } from "./types";

export interface Reference {
  areas: { no: number; lead: string | null; budgetYi: number | null; items: { label: string; yi: number }[] }[];
  articles: { no: number; area: number; responsible: string[] }[];
  targets: {
    area: number;
    article: number | null;
    value: number | null;
    unit: string;
    comparator: string;
    quote?: string;
  }[];
}

interface KeyJson {
  areas: { no: number; lead: string | null; budgetYi: number | null; budgetItems: { label: string; yi: number }[] }[];
  articles: { no: number; area: number; responsible: string[] }[];
  targets: {
    area: number;
    article: number | null;
    value: number | null;
    unit: string;
    comparator: string;
    quote: string;
  }[];
}

type DatasetJson = Pick<EditionFile, "areas" | "articles" | "targets">;

/** The reference of a corpus key file (keys/<slug>.json). */
export function referenceFromKey(key: KeyJson): Reference {
  return {
    areas: key.areas.map((a) => ({
      no: a.no,
      lead: a.lead,
      budgetYi: a.budgetYi,
      items: a.budgetItems.map((i) => ({ label: i.label, yi: i.yi })),
    })),
    articles: key.articles.map((a) => ({ no: a.no, area: a.area, responsible: [...a.responsible] })),
    targets: key.targets.map((t) => ({
      area: t.area,
      article: t.article,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      quote: t.quote,
    })),
  };
}

/** The reference of an edition in the `cli dataset` / edition file shape. */
export function referenceFromDataset(data: DatasetJson): Reference {
  return {
    areas: data.areas.map((a) => ({
      no: a.no,
      lead: a.lead === "" ? null : a.lead,
      budgetYi: a.budgetYi === 0 ? null : a.budgetYi,
      items: a.budgetItems.map((i) => ({ label: i.label, yi: i.yi })),
    })),
    articles: data.articles.map((a) => ({ no: a.no, area: a.area, responsible: [...a.responsible] })),
    targets: data.targets.map((t) => ({
      area: t.area,
      article: t.article,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      quote: t.quote,
    })),
  };
}

export interface Score {
  targets: { expected: number; found: number; matched: number; recall: number; precision: number };
  comparators: { matched: number; right: number; accuracy: number };
  budgets: { expected: number; exact: number };
  items: { expected: number; exact: number };
  leads: { expected: number; exact: number };
  responsible: { expected: number; exact: number; rate: number };
  /** Reference targets the draft missed, and draft targets the reference does not have. */
  missed: string[];
  extra: string[];
  wrong: string[];
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function scoreDraft(draft: Pick<Draft, "areas" | "articles" | "targets">, ref: Reference): Score {
  const unmatched = [...draft.targets];
  let matched = 0;
  let right = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const t of ref.targets) {
    const at = unmatched.findIndex(
      (d) => d.area === t.area && d.article === t.article && d.unit === t.unit && sameValue(d.value, t.value),
    );
    if (at === -1) {
      missed.push(`${t.area}/${t.article ?? "-"} ${t.value ?? ""}${t.unit} ${t.quote ?? ""}`);
      continue;
    }
    const [d] = unmatched.splice(at, 1);
    matched++;
    if (d?.comparator === t.comparator) right++;
    else wrong.push(`${t.area}/${t.article ?? "-"} ${t.value}${t.unit}: ${d?.comparator} ≠ ${t.comparator}`);
  }
  const extra = unmatched.map((d) => `${d.area}/${d.article ?? "-"} ${d.value ?? ""}${d.unit} ${d.quote}`);
  const areaOf = new Map(draft.areas.map((a) => [a.no, a]));
  let budgets = 0;
  let items = 0;
  let leads = 0;
  for (const a of ref.areas) {
    const d = areaOf.get(a.no);
    if ((a.budgetYi ?? 0) === tidy(d?.budgetYi ?? -1) || (a.budgetYi === null && d !== undefined && d.budgetYi === 0))
      budgets++;
    const key = (i: { label: string; yi: number }) => `${itemLabel(i.label)}|${tidy(i.yi)}`;
    const want = a.items.map(key).sort().join("\n");
    const got = (d?.budgetItems ?? []).map(key).sort().join("\n");
    if (d !== undefined && want === got) items++;
    if (d !== undefined && (a.lead ?? "") === d.lead) leads++;
  }
  let responsible = 0;
  const articleOf = new Map(draft.articles.map((a) => [`${a.area}|${a.no}`, a]));
  for (const a of ref.articles) {
    const d = articleOf.get(`${a.area}|${a.no}`);
    if (d && d.responsible.join("、") === a.responsible.join("、")) responsible++;
  }
  return {
    targets: {
      expected: ref.targets.length,
      found: draft.targets.length,
      matched,
      recall: ratio(matched, ref.targets.length),
      precision: ratio(matched, draft.targets.length),
    },
    comparators: { matched, right, accuracy: ratio(right, matched) },
    budgets: { expected: ref.areas.length, exact: budgets },
    items: { expected: ref.areas.length, exact: items },
    leads: { expected: ref.areas.length, exact: leads },
    responsible: { expected: ref.articles.length, exact: responsible, rate: ratio(responsible, ref.articles.length) },
    missed,
    extra,
    wrong,
  };
}
