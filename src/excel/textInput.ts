/**
 * Text as Office.js must receive it to store text. Excel parses what `range.formulas` and `range.values` receive as
 * if typed: `=…`, `+…`, `-…` and `@…` become formulas (`=HYPERLINK("http://…")`, `=cmd|' /C calc'!A0`), a leading
 * apostrophe is eaten. An edition, a colleague's workbook or a policy text is someone else's: every string constant
 * the writers send goes through {@link textInput}, so formulas come only from the product's formula builders.
 * Excel stores `'…` as the text after the apostrophe (the quote prefix), in every version and on the web.
 */
// No "u" flag: every character is in the BMP, and the legacy pane (Internet Explorer 11) must parse this file as ES5.
const PARSED_AS_INPUT = /^[\s\u3000]*[=+\-@'＝＋－＠]/;

/**
 * @example
 * textInput("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * textInput("研发经费投入") // "研发经费投入"
 */
export function textInput(text: string): string {
  return PARSED_AS_INPUT.test(text) ? `'${text}` : text;
}

/** A constant cell for `formulas`/`values`: strings through {@link textInput}, numbers and booleans as they are. */
export function constantInput<T>(value: T): T | string {
  return typeof value === "string" ? textInput(value) : value;
}
