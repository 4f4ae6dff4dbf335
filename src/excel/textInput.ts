/**
 * Text as Office.js must receive it to stay text. Excel parses what `range.formulas` and `range.values` receive as
 * if typed: `=…`, `+…`, `-…` and `@…` become formulas (`=HYPERLINK("http://…")`, `=cmd|' /C calc'!A0`); `0012`,
 * `1e5`, `3.12%`, `1,000`, `(12)` become numbers, `2025-06-30`, `6/30`, `2025年6月30日`, `10:30`, `Jun 30` dates and
 * times, `TRUE` a boolean, `#N/A` an error; a leading apostrophe is eaten. An edition, a colleague's workbook or a
 * policy text is someone else's: every string constant the writers send goes through {@link textInput}, so formulas
 * come only from the product's formula builders and a department code `0012` stays `0012`.
 *
 * The technique is the quote prefix: Excel stores `'…` as the text after the apostrophe, in every version and on the
 * web, whatever the cell's number format, and the file route writes the same text (a string cell). A number format
 * `@` would need a request of its own per range and would turn what a user later types there into text too.
 * Escaping more than Excel would convert costs nothing (the stored text is the same), so the rule is broad: any
 * text beginning with a digit, a decimal point, "(", a currency sign or "#".
 */
// No "u" flag: every character is in the BMP, and the legacy pane (Internet Explorer 11) must parse this file as ES5.
const PARSED_AS_INPUT =
  /^[\s\u3000]*(?:[=+\-@'＝＋－＠0-9０-９.．($¥￥€£#]|(?:true|false)[\s\u3000]*$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d|(?:上午|下午)[\s\u3000]*\d)/i;

/**
 * @example
 * textInput("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * textInput("0012") // "'0012"
 * textInput("研发经费投入") // "研发经费投入"
 */
export function textInput(text: string): string {
  return PARSED_AS_INPUT.test(text) ? `'${text}` : text;
}

/** A constant cell for `formulas`/`values`: strings through {@link textInput}, numbers and booleans as they are. */
export function constantInput<T>(value: T): T | string {
  return typeof value === "string" ? textInput(value) : value;
}
