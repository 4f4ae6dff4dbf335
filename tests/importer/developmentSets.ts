/**
 * The importer's development sets as the tests and the bench read them: the corpus, corpus-more and the full 乐清
 * 2025 text, each document with its reference (answer key or the project's dataset) and what a budget rewrite of
 * a layout variant needs to know. And the part of a draft that a layout variant must not change.
 */
import path from "node:path";
import { referenceFromDataset, referenceFromKey, type Reference } from "../../src/importer/score";
import { itemLabel } from "../../src/importer/budget";
import type { Draft } from "../../src/importer/types";
import { getEdition } from "../../src/policy";
import { toEditionFile } from "../../src/policy/editionFile";
import { corpusDir, corpusDocuments, yueqingText } from "../support/corpus";
import type { BudgetOfKey } from "./layoutVariants";

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
