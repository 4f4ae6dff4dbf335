import { describeInput, isBlankInput } from "./describeInput";
import { isCalcError, notAvailable, type CalcError } from "./errors";
import type { EditionIndex } from "./editionIndex";
import { findArea } from "./findArea";
import { unwrapSingle } from "./readNumber";

/**
 * 预算安排 in 亿元 as the document states it: an area's budget, one of its earmarked items (by exact label or
 * a unique part of it), the stated total `合计` (49.25) or the sum of the areas `各领域合计` (69.49).
 *
 * @example
 * officialBudget(index, 6) // 33.6
 * officialBudget(index, 2, "产业基金") // 0.4
 * officialBudget(index, "合计") // 49.25
 */
export function officialBudget(index: EditionIndex, areaRef: unknown, itemRef?: unknown): number | CalcError {
  const area = findArea(index, areaRef);
  if (isCalcError(area)) return area;
  const item = unwrapSingle(itemRef);
  if (isCalcError(item)) return item;
  const noItem = isBlankInput(item);
  if (area === "合计" || area === "各领域合计") {
    if (!noItem) return notAvailable("itemOfTotal", area);
    if (area === "各领域合计") return index.sumOfAreaBudgetsYi;
    // No stated total is not a total of 0: the formula says so, and 各领域合计 is the figure to use.
    return index.data.document.totalBudgetYi ?? notAvailable("noStatedTotal");
  }
  if (noItem) return area.budgetYi;
  const text = describeInput(item).normalize("NFKC").trim();
  const exact = area.budgetItems.find((i) => i.label === text);
  if (exact) return exact.yi;
  const partial = area.budgetItems.filter((i) => i.label.includes(text));
  if (partial.length === 1 && partial[0]) return partial[0].yi;
  if (partial.length > 1) return notAvailable("ambiguousItem", text, partial.map((i) => i.label).join("、"));
  return notAvailable("unknownItem", area.no, text);
}
