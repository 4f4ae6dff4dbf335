/**
 * What the importer produces: a draft edition in the edition file format (the shape `cli dataset` prints), plus a
 * separate `draft` part that only the review needs (confidence, reasons, what was excluded and why). Dropping
 * `draft` leaves the edition.
 */
import type { Comparator, TargetKind } from "../policy/types";

export interface DraftDocument {
  id: string;
  year: number;
  title: string;
  /** Absent when the text has none. */
  docNumber?: string;
  issuer: string;
  signedDate: string;
  printedDate: string;
  /** Absent when the text states none (the edition's year holds). */
  validity?: { from: string; to: string; quote: string };
  parentPolicies: string[];
  /** The stated total, its words and quote; absent when the text states none. */
  totalBudgetYi?: number;
  totalBudgetWords?: string;
  totalBudgetQuote?: string;
  sumOfAreaBudgetsYi: number;
}

export interface DraftBudgetItem {
  label: string;
  yi: number;
  article: number | null;
  quote: string;
}

export interface DraftArea {
  no: number;
  numeral: string;
  title: string;
  lead: string;
  budgetYi: number;
  budgetQuote: string;
  budgetItems: DraftBudgetItem[];
}

export interface DraftArticle {
  no: number;
  area: number;
  title: string;
  responsible: string[];
}

export interface DraftTarget {
  id: string;
  area: number;
  article: number | null;
  indicator: string;
  value: number | null;
  unit: string;
  comparator: Comparator;
  kind: TargetKind;
  words: string[];
  quote: string;
}

/** Why a figure of the text is not a target (the review lists these, so a wrong exclusion can be undone). */
export type ExclusionCategory =
  | "reward" // 给予最高50万元奖励: a subsidy standard
  | "threshold" // 亿元以上项目, 10万吨级: a size class
  | "name" // “551”, “1+4+N”, 《…(2024-2026年)》: a programme or title
  | "deadline" // 6月底前
  | "baseline" // 在2024年“3个70%”基础上
  | "selfCount" // 上述8个领域, 66条政策: the document counting itself
  | "summary" // a journalist's summary in front of the text
  | "restatement" // the same figure said again
  | "budget" // a budget figure outside an area (the stated total)
  | "period" // 三年行动, 20年以上住宅, 0-3岁
  | "noUnit"; // a number without a unit a target could have

export interface Exclusion {
  area: number | null;
  article: number | null;
  /** The figure as written, e.g. 50万元. */
  figure: string;
  value: number | null;
  unit: string;
  quote: string;
  category: ExclusionCategory;
  reason: string;
  /** If a reviewer restores it: the target it would become. */
  candidate?: Omit<DraftTarget, "id">;
}

/** A statement the importer could not place in the structure (no area around it, a heading it could not read). */
export interface Unplaced {
  quote: string;
  reason: string;
}

export interface Confidence {
  /** 0–1: how sure the importer is that the item is right as drafted. */
  confidence: number;
  /** Why it is less than sure (Chinese, for the reviewer). */
  reasons: string[];
}

export interface DraftPart {
  importer: "zhengce-mubiao-importer";
  version: 1;
  /** What the importer could not read and which document fields are missing (reviewer must fill). */
  missing: string[];
  document: Confidence;
  areas: (Confidence & { no: number })[];
  articles: (Confidence & { no: number })[];
  /** One per target, same order as `targets`. */
  targets: (Confidence & { id: string; previousId?: string })[];
  excluded: Exclusion[];
  unplaced: Unplaced[];
  /** Overall messages: e.g. 未找到领域标题 (text not of the genre). */
  messages: string[];
}

export interface Draft {
  schemaVersion: 1;
  edition: DraftDocument;
  areas: DraftArea[];
  articles: DraftArticle[];
  targets: DraftTarget[];
  /** The normalised text every quote is an exact substring of. */
  text: string;
  draft: DraftPart;
}

export interface ImportOptions {
  /** The previous edition (file format or `cli dataset` shape): matching targets keep their ids. */
  previous?: {
    targets: readonly {
      id: string;
      area: number;
      article: number | null;
      indicator: string;
      unit: string;
      /** The figure and the quote, when the previous edition has them: they let a reworded indicator match. */
      value?: number | null;
      quote?: string;
    }[];
  };
  /** Override the edition id (otherwise place-year from the issuer). */
  id?: string;
}
