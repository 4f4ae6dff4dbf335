import { parseChineseNumeral } from "../policy/chineseNumeral";
import { describeInput, isBlankInput } from "./describeInput";
import { isCalcError, notAvailable, valueError, type CalcError } from "./errors";
import type { EditionIndex } from "./editionIndex";
import { unwrapSingle } from "./readNumber";
import type { Area } from "../policy/types";

/** The stated total (合计, 49.25亿元 in 2025) or the plain sum of the areas (各领域合计, 69.49亿元). */
export type BudgetTotal = "合计" | "各领域合计";

// A Map, not an object literal: a typed "__proto__" or "constructor" must not find Object.prototype's members.
const TOTAL_WORDS: ReadonlyMap<string, BudgetTotal> = new Map([
  ["合计", "合计"],
  ["总额", "合计"],
  ["文件总额", "合计"],
  ["total", "合计"],
  ["各领域合计", "各领域合计"],
  ["领域合计", "各领域合计"],
  ["sum", "各领域合计"],
]);

/**
 * An area by number (6), numeral (六, 六、), title or a unique part of it (扩大有效投资), or one of the
 * totals `合计` / `各领域合计`.
 *
 * @example
 * findArea(index, "六").budgetYi // 33.6
 * findArea(index, "有效投资").no // 6
 */
export function findArea(index: EditionIndex, input: unknown): Area | BudgetTotal | CalcError {
  const ref = unwrapSingle(input);
  const unknown = (what: string) => notAvailable("unknownArea", what, areaRange(index));
  if (isCalcError(ref)) return ref;
  if (isBlankInput(ref)) return valueError("required", "area");
  if (typeof ref === "number") {
    return (Number.isInteger(ref) && index.area(ref)) || unknown(String(ref));
  }
  if (typeof ref !== "string") return unknown(describeInput(ref));
  const text = ref
    .normalize("NFKC")
    .trim()
    .replace(/[、.,]$/, "");
  const total = TOTAL_WORDS.get(text.toLowerCase());
  if (total) return total;
  const no = /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text.replace(/^领域/, ""));
  if (no !== undefined) return index.area(no) ?? unknown(describeInput(ref));
  const areas = index.data.areas;
  const exact = areas.find((a) => a.title === text);
  if (exact) return exact;
  const partial = areas.filter((a) => a.title.includes(text));
  if (partial.length === 1 && partial[0]) return partial[0];
  if (partial.length > 1) {
    return notAvailable("ambiguousArea", describeInput(ref), partial.map((a) => a.title).join("、"));
  }
  return unknown(describeInput(ref));
}

/** The areas a user may name, as a message shows them: 1–8、一–八 (2025), 1、一 (a one-area edition). */
function areaRange(index: EditionIndex): string {
  const areas = index.data.areas;
  const first = areas[0];
  const last = areas[areas.length - 1];
  if (first === undefined || last === undefined) return "";
  return first === last ? `${first.no}、${first.numeral}` : `${first.no}–${last.no}、${first.numeral}–${last.numeral}`;
}
