import type { EditionData } from "./types";

/** Rounds away float noise from sums of decimals (69.49000000000001 → 69.49). */
function roundDecimal(x: number): number {
  return Number(x.toFixed(10));
}

/**
 * The edition as plain JSON, for `cli dataset` and other tools. Keys are built in a fixed order, so the output
 * is stable; quotes of budgets and items stay in the typed data (targets keep theirs).
 */
export function toDatasetJson(data: EditionData) {
  const { document: doc } = data;
  return {
    edition: {
      id: doc.id,
      year: doc.year,
      title: doc.title,
      docNumber: doc.docNumber,
      issuer: doc.issuer,
      signedDate: doc.signedDate,
      printedDate: doc.printedDate,
      parentPolicies: [...doc.parentPolicies],
      totalBudgetYi: doc.totalBudgetYi,
      sumOfAreaBudgetsYi: roundDecimal(data.areas.reduce((sum, area) => sum + area.budgetYi, 0)),
    },
    areas: data.areas.map((area) => ({
      no: area.no,
      title: area.title,
      lead: area.lead,
      budgetYi: area.budgetYi,
      budgetItems: area.budgetItems.map((item) => ({ label: item.label, yi: item.yi, article: item.article })),
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
  };
}

export type DatasetJson = ReturnType<typeof toDatasetJson>;
