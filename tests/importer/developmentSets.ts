/**
 * The importer's development sets as the tests and the bench read them: the corpus, corpus-more and the full 乐清
 * 2025 text, each document with its reference (answer key or the project's dataset) and what a budget rewrite of
 * a layout variant needs to know. And the part of a draft that a layout variant must not change.
 */
import path from "node:path";
import { referenceFromDataset, referenceFromKey, scoreDraft, type Reference } from "../../src/importer/score";
import { itemLabel } from "../../src/importer/budget";
import type { Draft } from "../../src/importer/types";
import { getEdition } from "../../src/policy";
import { toEditionFile } from "../../src/policy/editionFile";
import { corpusDir, corpusDocuments, yueqingText } from "../support/corpus";
import { BUDGETS, LAYOUTS, ORIGINAL, variantText, type BudgetOfKey, type Variant } from "./layoutVariants";

export interface DevelopmentDocument {
  set: "corpus" | "corpus-more" | "乐清 2025";
  slug: string;
  text: string;
  ref: Reference;
  budgets: BudgetOfKey[];
  issuer: string;
  title: string;
}

interface KeyShape {
  document: { title: string | null; issuer: string | null };
  areas: {
    no: number;
    budgetYi: number | null;
    budgetQuote: string | null;
    budgetItems: { label: string; yi: number; quote: string }[];
  }[];
}

function fromKey(set: DevelopmentDocument["set"], slug: string, text: string, key: unknown): DevelopmentDocument {
  const k = key as KeyShape;
  return {
    set,
    slug,
    text,
    ref: referenceFromKey(key as Parameters<typeof referenceFromKey>[0]),
    budgets: k.areas.map((a) => ({
      area: a.no,
      budgetYi: a.budgetYi,
      budgetQuote: a.budgetQuote,
      items: a.budgetItems.map((i) => ({ label: i.label, yi: i.yi, quote: i.quote })),
    })),
    issuer: k.document.issuer ?? "",
    title: k.document.title ?? "",
  };
}

/** Every development document: corpus, corpus-more, then 乐清 2025. */
export function developmentDocuments(): DevelopmentDocument[] {
  const more = path.join(path.dirname(corpusDir()), "corpus-more");
  const data = toEditionFile(getEdition("yueqing-2025")!);
  return [
    ...corpusDocuments().map((d) => fromKey("corpus", d.slug, d.text, d.key)),
    ...corpusDocuments(more).map((d) => fromKey("corpus-more", d.slug, d.text, d.key)),
    {
      set: "乐清 2025",
      slug: "yueqing-2025",
      text: yueqingText(),
      ref: referenceFromDataset(data),
      budgets: data.areas.map((a) => ({
        area: a.no,
        budgetYi: a.budgetYi,
        budgetQuote: a.budgetQuote,
        items: a.budgetItems.map((i) => ({ label: i.label, yi: i.yi, quote: i.quote })),
      })),
      issuer: data.edition.issuer,
      title: data.edition.title,
    },
  ];
}

/** An item's label without the words a budget rewrite adds or drops (支持, 类资金, 领域资金). */
const labelCore = (label: string) => itemLabel(label).replace(/(?:类|领域)?资金$|投入$/, "");

/**
 * What a layout must not change: the areas' budgets and items, the articles and their 责任单位, and every target's
 * place, figure, unit, comparator and kind. (The lead is compared only where the layout keeps the heading's 牵头
 * clause; indicator wording is the reviewer's to polish.)
 */
export function draftShape(draft: Draft, options: { leads: boolean }) {
  return {
    areas: draft.areas.map((a) => ({
      no: a.no,
      ...(options.leads ? { lead: a.lead } : {}),
      budgetYi: a.budgetYi,
      items: a.budgetItems.map((i) => `${labelCore(i.label)} ${i.yi}`).sort(),
    })),
    articles: draft.articles.map((a) => ({ no: a.no, area: a.area, responsible: a.responsible })),
    targets: draft.targets.map((t) => ({
      area: t.area,
      article: t.article,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      kind: t.kind,
    })),
  };
}

/** One row of the bench and the floors: a set of documents scored together. */
export interface SetScore {
  name: string;
  documents: number;
  expected: number;
  found: number;
  matched: number;
  comparatorsRight: number;
  budgets: { exact: number; expected: number };
  /** Null where the variant rewrites the item labels (the key's labels no longer apply). */
  items: { exact: number; expected: number } | null;
  /** Null where the variant drops the heading's 牵头 clause (a re-post). */
  leads: { exact: number; expected: number } | null;
  missed: string[];
  extra: string[];
}

/** A fixed stream of numbers in [0, 1): the same random combinations every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The variants the bench and the floors score: each transformation alone, then random combinations. */
export function scoredVariants(combinations = 3): { name: string; variants: Variant[] }[] {
  const singles: { name: string; variant: Variant }[] = [
    ...LAYOUTS.slice(1).map((layout) => ({ name: layout, variant: { ...ORIGINAL, layout } })),
    { name: "1. numbering", variant: { ...ORIGINAL, numbering: "digit" } },
    { name: "第一条 numbering", variant: { ...ORIGINAL, numbering: "tiao" } },
    { name: "PDF spaces", variant: { ...ORIGINAL, pdfSpaces: true } },
    { name: "traditional", variant: { ...ORIGINAL, script: "traditional" } },
    ...BUDGETS.slice(1).map((budget) => ({ name: `budget ${budget}`, variant: { ...ORIGINAL, budget } })),
  ];
  const random = seeded(19);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const mixed: Variant[] = Array.from({ length: combinations }, () => ({
    layout: pick(LAYOUTS),
    numbering: pick(["paren", "digit", "tiao"] as const),
    pdfSpaces: random() < 0.5,
    script: pick(["simplified", "traditional"] as const),
    budget: pick(BUDGETS),
  }));
  return [
    ...singles.map((s) => ({ name: `variants: ${s.name}`, variants: [s.variant] })),
    { name: `variants: ${combinations} random mixes`, variants: mixed },
  ];
}

/** Scores each development set, and each set of variants over every development document. */
export function setScores(
  importText: (text: string) => Draft,
  options: { combinations?: number; variants?: boolean } = {},
): SetScore[] {
  const documents = developmentDocuments();
  const empty = (name: string): SetScore => ({
    name,
    documents: 0,
    expected: 0,
    found: 0,
    matched: 0,
    comparatorsRight: 0,
    budgets: { exact: 0, expected: 0 },
    items: { exact: 0, expected: 0 },
    leads: { exact: 0, expected: 0 },
    missed: [],
    extra: [],
  });
  const add = (row: SetScore, doc: DevelopmentDocument, text: string, v: Variant) => {
    const s = scoreDraft(importText(text), doc.ref);
    row.documents++;
    row.expected += s.targets.expected;
    row.found += s.targets.found;
    row.matched += s.targets.matched;
    row.comparatorsRight += s.comparators.right;
    row.budgets.exact += s.budgets.exact;
    row.budgets.expected += s.budgets.expected;
    if (v.budget !== "original") row.items = null;
    if (row.items) {
      row.items.exact += s.items.exact;
      row.items.expected += s.items.expected;
    }
    if (v.layout === "repost") row.leads = null;
    if (row.leads) {
      row.leads.exact += s.leads.exact;
      row.leads.expected += s.leads.expected;
    }
    row.missed.push(...s.missed.map((m) => `${doc.slug} ${m}`));
    row.extra.push(...s.extra.map((m) => `${doc.slug} ${m}`));
  };
  const rows: SetScore[] = [];
  for (const set of ["corpus", "corpus-more", "乐清 2025"] as const) {
    const row = empty(set);
    for (const doc of documents.filter((d) => d.set === set)) add(row, doc, doc.text, ORIGINAL);
    rows.push(row);
  }
  if (options.variants === false) return rows;
  for (const { name, variants } of scoredVariants(options.combinations)) {
    const row = empty(name);
    for (const v of variants) for (const doc of documents) add(row, doc, variantText(doc.text, v, doc), v);
    rows.push(row);
  }
  return rows;
}
