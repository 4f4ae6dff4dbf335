/**
 * Figures as the genre writes them: an Arabic number (with decimals, a range, or a Chinese magnitude such as
 * 1万亿元) or a Chinese numeral (百个, 三分之二), its unit, and the qualifier after it (以上, 左右 …).
 */
import { CHINESE_DIGITS } from "../engine/chineseNumeral";
import { tidy } from "../engine/tidy";

/** What a unit measures; decides a target's kind and which exclusion rules apply. */
export type UnitClass = "money" | "percent" | "count" | "measure" | "time" | "class" | "none";

/** Units of the genre, longest first so that 万吨级 wins over 万吨 and 家次 over 家. */
const UNIT_TABLE: readonly (readonly [string, UnitClass])[] = (
  [
    ["万亿元", "money"],
    ["千万元", "money"],
    ["百万元", "money"],
    ["亿美元", "money"],
    ["万美元", "money"],
    ["亿元", "money"],
    ["万元", "money"],
    ["美元", "money"],
    ["元", "money"],
    ["个百分点", "percent"],
    ["%", "percent"],
    ["‰", "percent"],
    ["万人次", "count"],
    ["人次", "count"],
    ["万人", "count"],
    ["家次", "count"],
    ["台(套)", "count"],
    ["套(间)", "count"],
    ["个乡镇", "count"],
    ["个社区", "count"],
    ["个村", "count"],
    ["个月", "time"],
    ["家", "count"],
    ["项", "count"],
    ["人", "count"],
    ["名", "count"],
    ["个", "count"],
    ["场", "count"],
    ["台", "count"],
    ["套", "count"],
    ["户", "count"],
    ["幢", "count"],
    ["栋", "count"],
    ["张", "count"],
    ["把", "count"],
    ["条", "count"],
    ["所", "count"],
    ["座", "count"],
    ["处", "count"],
    ["批", "count"],
    ["次", "count"],
    ["件", "count"],
    ["辆", "count"],
    ["艘", "count"],
    ["只", "count"],
    ["头", "count"],
    ["间", "count"],
    ["床", "count"],
    ["款", "count"],
    ["支", "count"],
    ["对", "count"],
    ["万吨级", "class"],
    ["吨级", "class"],
    ["星级", "class"],
    ["级", "class"],
    ["版", "class"],
    ["届", "class"],
    ["期", "class"],
    ["号", "class"],
    ["类", "class"],
    ["大", "class"],
    ["方面", "class"],
    ["亿千瓦时", "measure"],
    ["万千瓦时", "measure"],
    ["千瓦时", "measure"],
    ["万千瓦", "measure"],
    ["千瓦", "measure"],
    ["兆瓦", "measure"],
    ["亿立方米", "measure"],
    ["万立方米", "measure"],
    ["立方米", "measure"],
    ["亿方", "measure"],
    ["万方", "measure"],
    ["万平方米", "measure"],
    ["平方米", "measure"],
    ["平方公里", "measure"],
    ["万亩", "measure"],
    ["亩", "measure"],
    ["公顷", "measure"],
    ["公里", "measure"],
    ["千米", "measure"],
    ["米", "measure"],
    ["万标箱", "measure"],
    ["标箱", "measure"],
    ["万吨", "measure"],
    ["吨", "measure"],
    ["倍", "percent"],
    ["年", "time"],
    ["月", "time"],
    ["日", "time"],
    ["天", "time"],
    ["小时", "time"],
    ["分钟", "time"],
    ["岁", "time"],
  ] as const satisfies readonly (readonly [string, UnitClass])[]
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const SUFFIXES = ["以上", "以下", "以内", "左右", "之内"] as const;

export interface Figure {
  /** Where the figure starts (its first digit or numeral) and ends (after unit and qualifier), in the sentence. */
  start: number;
  end: number;
  /** End of the unit, before the qualifier. */
  unitEnd: number;
  value: number;
  /** The number as written, e.g. 4.10, 百, 三分之二. */
  written: string;
  unit: string;
  unitClass: UnitClass;
  /** 以上, 左右, … written right after the unit, or "". */
  suffix: string;
  chinese: boolean;
  /** 0-3岁, 15-20年: a span, not a figure. */
  range: boolean;
  /** Touches a Latin letter or a + (3C, 415X, 1+4+N): a name, not a quantity. */
  lettered: boolean;
}

const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/**
 * Reads a Chinese integer numeral: 百 → 100, 三百五十 → 350, 十二 → 12, 一千 → 1000.
 *
 * @example
 * chineseInteger("三百五十") // 350
 */
export function chineseInteger(text: string): number | undefined {
  if (text === "") return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CHINESE_DIGITS[ch];
    } else if (ch in CN_UNIT) {
      total += (digit ?? 1) * (CN_UNIT[ch] ?? 0);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

function unitAt(text: string, at: number): readonly [string, UnitClass] | undefined {
  for (const entry of UNIT_TABLE) if (text.startsWith(entry[0], at)) return entry;
  return undefined;
}

const ARABIC = /(\d+(?:\.\d+)?)(?:[-—~～至到](\d+(?:\.\d+)?))?/g;
const FRACTION = /([一二三四五六七八九十]{1,3})分之([一二三四五六七八九十]{1,3})/g;
const CN_COUNT =
  /(?<![第每一二三四五六七八九十百千万])((?:[一二两三四五六七八九]?[十百千])+[一二三四五六七八九]?)(?=[个家项人场名座])/g;

/**
 * Every figure of a sentence, in order.
 *
 * @example
 * findFigures("新增高新技术企业75家以上")[0] // { value: 75, unit: "家", suffix: "以上", … }
 */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const start = m.index ?? 0;
    const numberEnd = start + m[0].length;
    const before = text[start - 1] ?? "";
    if (before === "." || /\d/.test(before)) continue;
    const unit = unitAt(text, numberEnd) ?? (["", "none"] as const);
    const unitEnd = numberEnd + unit[0].length;
    const suffix = SUFFIXES.find((s) => text.startsWith(s, unitEnd)) ?? "";
    const after = text[numberEnd] ?? "";
    out.push({
      start,
      end: unitEnd + suffix.length,
      unitEnd,
      value: Number(m[1]),
      written: m[1] ?? "",
      unit: unit[0],
      unitClass: unit[1],
      suffix,
      chinese: false,
      range: m[2] !== undefined,
      lettered: /[A-Za-z+]/.test(before) || (unit[0] === "" && /[A-Za-z+]/.test(after)),
    });
  }
  for (const m of text.matchAll(FRACTION)) {
    const denominator = chineseInteger(m[1] ?? "");
    const numerator = chineseInteger(m[2] ?? "");
    if (!denominator || numerator === undefined || numerator > denominator) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({
      start,
      end,
      unitEnd: end,
      value: numerator / denominator,
      written: m[0],
      unit: "",
      unitClass: "percent",
      suffix: "",
      chinese: true,
      range: false,
      lettered: false,
    });
  }
  for (const m of text.matchAll(CN_COUNT)) {
    const value = chineseInteger(m[1] ?? "");
    if (value === undefined || value < 10) continue;
    const start = m.index ?? 0;
    const numberEnd = start + m[0].length;
    const unit = unitAt(text, numberEnd) ?? (["", "none"] as const);
    const unitEnd = numberEnd + unit[0].length;
    const suffix = SUFFIXES.find((s) => text.startsWith(s, unitEnd)) ?? "";
    out.push({
      start,
      end: unitEnd + suffix.length,
      unitEnd,
      value,
      written: m[1] ?? "",
      unit: unit[0],
      unitClass: unit[1],
      suffix,
      chinese: true,
      range: false,
      lettered: false,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An amount in 亿元 from a figure in 亿元, 万元, 元 or 万亿元 (5782万元 → 0.5782); undefined for other units. */
export function toYi(value: number, unit: string): number | undefined {
  const factor: Record<string, number> = { 万亿元: 10000, 亿元: 1, 千万元: 0.1, 百万元: 0.01, 万元: 0.0001, 元: 1e-8 };
  const f = factor[unit];
  return f === undefined ? undefined : tidy(value * f);
}
