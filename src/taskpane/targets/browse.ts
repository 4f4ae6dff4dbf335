/**
 * The targets browser's data, kept apart from React: one row per target with what the card shows and the text a
 * search matches, and the filters (area, article, responsible unit, free text).
 */
import { indexEdition, toChineseNumeral } from "../../engine";
import type { Comparator, EditionData, Target } from "../../policy/types";

export interface TargetRow {
  readonly target: Target;
  /** 责任单位 in the order written; the first leads. */
  readonly responsible: readonly string[];
  readonly areaTitle: string;
  /** The article's heading, or "" for an area's headline target. */
  readonly articleTitle: string;
  /** Normalised text a search matches: id, indicator, quote, area and article titles, units. */
  readonly haystack: string;
}

export interface TargetFilter {
  area: number | null;
  article: number | null;
  department: string | null;
  query: string;
}

export const emptyFilter: TargetFilter = { area: null, article: null, department: null, query: "" };

/** NFKC folds full-width letters, digits and brackets ((一) → (一)); case and spaces do not matter. */
export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function buildRows(edition: EditionData): TargetRow[] {
  const index = indexEdition(edition);
  return edition.targets.map((target) => {
    const responsible = index.responsibleOf(target);
    const areaTitle = index.area(target.area)?.title ?? "";
    const articleTitle = target.article === null ? "" : (index.article(target.article)?.title ?? "");
    const haystack = normalise(
      [target.id, target.indicator, target.quote, areaTitle, articleTitle, ...responsible, target.unit].join("\u0001"),
    );
    return { target, responsible, areaTitle, articleTitle, haystack };
  });
}

/** Every responsible unit once, in pinyin order (市财政局, 市发改局, …) as Chinese lists of units usually are. */
export function departmentsOf(rows: readonly TargetRow[]): string[] {
  const units = new Set(rows.flatMap((row) => row.responsible));
  const collator = new Intl.Collator("zh-CN-u-co-pinyin");
  return [...units].sort(collator.compare);
}

/** Search terms are separated by spaces and must all match (AND), each as a substring. */
export function filterRows(rows: readonly TargetRow[], filter: TargetFilter): TargetRow[] {
  const terms = filter.query
    .normalize("NFKC")
    .split(/\s+/)
    .map(normalise)
    .filter((term) => term.length > 0);
  return rows.filter(
    (row) =>
      (filter.area === null || row.target.area === filter.area) &&
      (filter.article === null || row.target.article === filter.article) &&
      (filter.department === null || row.responsible.includes(filter.department)) &&
      terms.every((term) => row.haystack.includes(term)),
  );
}

/** (一)…(三十七), as the document numbers its articles. */
export function articleLabel(no: number): string {
  return `(${toChineseNumeral(no)})`;
}

const comparatorSigns: Record<Comparator, string> = {
  ">=": "≥",
  ">": ">",
  "~": "≈",
  "<=": "≤",
  "rank<=": "前",
  decrease: "",
  increase: "",
};

/** The figure in a few characters: ≥ 75家, ≈ 3.12%, 前 10名; qualitative targets have none (""). */
export function figureText(target: Target): string {
  if (target.value === null) return "";
  const sign = comparatorSigns[target.comparator];
  const figure = `${target.value}${target.unit}`;
  return sign ? `${sign} ${figure}` : figure;
}
