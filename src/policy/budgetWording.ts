import type { EditionData } from "./types";

/**
 * Who pays and how the document words the areas' budgets, read from the budget quotes so that neither the
 * workbook nor the report names one edition's 市财政: `{ payer: "市财政", phrase: "市财政2025年预算安排资金" }` for
 * 乐清 2025, 县财政… for a county. `phrase` is undefined when the areas word it differently.
 *
 * @example budgetWording(yueqing2025).payer // "市财政"
 */
export function budgetWording(data: EditionData): { payer: string; phrase: string | undefined } {
  const phrases = data.areas.map((a) => /^(.*?)[\d.,]+(?:亿元|万元)/.exec(a.budgetQuote)?.[1] ?? "");
  const first = phrases[0] ?? "";
  const payer = /^[^\d,,。;]*?财政/.exec(first)?.[0] ?? "财政";
  return { payer, phrase: first !== "" && phrases.every((p) => p === first) ? first : undefined };
}
