/**
 * The edition file: one policy edition as JSON (schema/edition.schema.json is its definition, README
 * "版本文件" its guide). `cli dataset` prints it, `cli check` validates it, the pane loads it and the workbook carries
 * it in a Custom XML part. It round-trips {@link EditionData} losslessly, and its keys are written in a fixed order
 * so that printing a file read from disk gives the same bytes back.
 */
import { tidy } from "./tidy";
import type { Comparator, EditionData, TargetKind } from "./types";

/** Bumped only by a change old readers cannot read; readers refuse other versions with a message. */
export const EDITION_SCHEMA_VERSION = 1;

export interface EditionFile {
  readonly schemaVersion: typeof EDITION_SCHEMA_VERSION;
  readonly edition: {
    readonly id: string;
    readonly year: number;
    readonly title: string;
    readonly docNumber?: string;
    readonly issuer: string;
    readonly signedDate: string;
    readonly printedDate: string;
    readonly validity?: { readonly from: string; readonly to: string; readonly quote: string };
    readonly parentPolicies: readonly string[];
    /** The stated total, its words and quote: all three or none (a document that states no total). */
    readonly totalBudgetYi?: number;
    readonly totalBudgetWords?: string;
    readonly totalBudgetQuote?: string;
    /** Derived (the sum of the areas' budgetYi) and checked: a reader of the file sees both totals side by side. */
    readonly sumOfAreaBudgetsYi: number;
  };
  readonly areas: readonly {
    readonly no: number;
    readonly numeral: string;
    readonly title: string;
    readonly lead: string;
    readonly budgetYi: number;
    readonly budgetQuote: string;
    readonly budgetItems: readonly {
      readonly label: string;
      readonly yi: number;
      readonly article: number | null;
      readonly quote: string;
    }[];
  }[];
  readonly articles: readonly {
    readonly no: number;
    readonly area: number;
    readonly title: string;
    readonly responsible: readonly string[];
  }[];
  readonly targets: readonly {
    readonly id: string;
    readonly area: number;
    readonly article: number | null;
    readonly indicator: string;
    readonly value: number | null;
    readonly unit: string;
    readonly comparator: Comparator;
    readonly kind: TargetKind;
    readonly words: readonly string[];
    readonly quote: string;
  }[];
  /** The policy text every quote is taken from; optional, so a file can be checked against its own text. */
  readonly text?: string;
}

/** The sum of the areas' budgets, without float noise (69.49, not 69.49000000000001). */
export function sumOfAreaBudgetsYi(data: Pick<EditionData, "areas">): number {
  return tidy(data.areas.reduce((sum, area) => sum + area.budgetYi, 0));
}

/** The edition as its file, keys in the documented order; the text is written only when the edition has one. */
export function toEditionFile(data: EditionData): EditionFile {
  const { document: doc } = data;
  return {
    schemaVersion: EDITION_SCHEMA_VERSION,
    edition: {
      id: doc.id,
      year: doc.year,
      title: doc.title,
      ...(doc.docNumber === undefined ? {} : { docNumber: doc.docNumber }),
      issuer: doc.issuer,
      signedDate: doc.signedDate,
      printedDate: doc.printedDate,
      ...(doc.validity === undefined
        ? {}
        : { validity: { from: doc.validity.from, to: doc.validity.to, quote: doc.validity.quote } }),
      parentPolicies: [...doc.parentPolicies],
      ...(doc.totalBudgetYi === undefined
        ? {}
        : {
            totalBudgetYi: doc.totalBudgetYi,
            totalBudgetWords: doc.totalBudgetWords ?? "",
            totalBudgetQuote: doc.totalBudgetQuote ?? "",
          }),
      sumOfAreaBudgetsYi: sumOfAreaBudgetsYi(data),
    },
    areas: data.areas.map((area) => ({
      no: area.no,
      numeral: area.numeral,
      title: area.title,
      lead: area.lead,
      budgetYi: area.budgetYi,
      budgetQuote: area.budgetQuote,
      budgetItems: area.budgetItems.map((item) => ({
        label: item.label,
        yi: item.yi,
        article: item.article,
        quote: item.quote,
      })),
    })),
    articles: data.articles.map((article) => ({
      no: article.no,
      area: article.area,
      title: article.title,
      responsible: [...article.responsible],
    })),
    targets: data.targets.map((target) => ({
      id: target.id,
      area: target.area,
      article: target.article,
      indicator: target.indicator,
      value: target.value,
      unit: target.unit,
      comparator: target.comparator,
      kind: target.kind,
      words: [...target.words],
      quote: target.quote,
    })),
    ...(data.text === undefined ? {} : { text: data.text }),
  };
}

/** The edition a (validated) file describes; the inverse of {@link toEditionFile}. */
export function fromEditionFile(file: EditionFile): EditionData {
  const { sumOfAreaBudgetsYi: _derived, ...document } = file.edition;
  return {
    document,
    areas: file.areas,
    articles: file.articles,
    targets: file.targets,
    ...(file.text === undefined ? {} : { text: file.text }),
  };
}

/** The file as the CLI prints and writes it: two-space JSON and a final newline. */
export function serializeEditionFile(file: EditionFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
