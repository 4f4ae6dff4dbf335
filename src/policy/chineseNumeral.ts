/** The digits of a Chinese numeral (两 is 2), shared with the importer's reading of 三百五十. */
// Null prototype: `"constructor" in CHINESE_DIGITS` is false, so no text finds Object.prototype's members.
export const CHINESE_DIGITS: Readonly<Record<string, number>> = Object.assign(Object.create(null) as object, {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
});

/**
 * Reads a Chinese numeral below 100 as written in headings: 一 … 十 … 三十七.
 *
 * @example
 * parseChineseNumeral("三十七") // 37
 * parseChineseNumeral("十二") // 12
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === "") return undefined;
  const ten = text.indexOf("十");
  if (ten === -1) return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
  const tensText = text.slice(0, ten);
  const onesText = text.slice(ten + 1);
  const tens = tensText === "" ? 1 : tensText.length === 1 ? CHINESE_DIGITS[tensText] : undefined;
  const ones = onesText === "" ? 0 : onesText.length === 1 ? CHINESE_DIGITS[onesText] : undefined;
  if (tens === undefined || ones === undefined) return undefined;
  return tens * 10 + ones;
}

/** Writes 1…99 as a Chinese numeral. @example toChineseNumeral(37) // "三十七" */
export function toChineseNumeral(n: number): string {
  const names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return names[n] ?? "";
  const tens = Math.floor(n / 10);
  return (tens === 1 ? "" : (names[tens] ?? "")) + "十" + (names[n % 10] ?? "");
}
