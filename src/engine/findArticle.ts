import { parseChineseNumeral, toChineseNumeral } from "../policy/chineseNumeral";
import { describeInput, isBlankInput } from "./describeInput";
import { isCalcError, notAvailable, valueError, type CalcError } from "./errors";
import type { EditionIndex } from "./editionIndex";
import { unwrapSingle } from "./readNumber";
import type { Article } from "../policy/types";

/**
 * An article by number (9), numeral as headed ((九), （九）, 九) or 第九条.
 *
 * @example
 * findArticle(index, "(九)").title // 支持企业高质量发展
 */
export function findArticle(index: EditionIndex, input: unknown): Article | CalcError {
  const ref = unwrapSingle(input);
  if (isCalcError(ref)) return ref;
  if (isBlankInput(ref)) return valueError("required", "article");
  let no: number | undefined;
  if (typeof ref === "number") no = Number.isInteger(ref) ? ref : undefined;
  else if (typeof ref === "string") {
    const text = ref
      .normalize("NFKC")
      .trim()
      .replace(/^\((.*)\)$/, "$1")
      .replace(/^第(.*)条$/, "$1");
    no = /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
  }
  return (
    (no !== undefined && index.article(no)) || notAvailable("unknownArticle", describeInput(ref), articleRange(index))
  );
}

/** The articles a user may name, as a message shows them: 1–37 或(一)–(三十七). */
function articleRange(index: EditionIndex): string {
  const articles = index.data.articles;
  const first = articles[0]?.no;
  const last = articles[articles.length - 1]?.no;
  if (first === undefined || last === undefined) return "";
  return `${first}–${last} 或(${toChineseNumeral(first)})–(${toChineseNumeral(last)})`;
}
