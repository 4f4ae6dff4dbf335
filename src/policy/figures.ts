/**
 * Figures as the genre writes them: an Arabic number (with decimals, a range, or a Chinese magnitude such as
 * 1万亿元) or a Chinese numeral (百个, 三家, 三分之二, 百分之五十), its unit, and the qualifier after it (以上,
 * 左右 …). The one reading of figures: the importer drafts targets with it and the edition validation checks
 * with it that a quote holds its figure, however the quote writes it (4.10% for 4.1, 1万亿元 for 10000亿元, a PDF
 * copy's 795 亿元).
 */
import { CHINESE_DIGITS } from "./chineseNumeral";
import { tidy } from "./tidy";

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

/** A PDF copy's space between a number and its unit (795 亿元, 2 项以上); the importer's text has none left. */
const GAP = /^[ \u00a0\u3000]+/;

/** The unit at `at` (after any PDF gap) and where it ends. */
function unitAt(text: string, at: number): { unit: string; unitClass: UnitClass; end: number } {
  const gap = GAP.exec(text.slice(at, at + 4))?.[0].length ?? 0;
  for (const entry of UNIT_TABLE)
    if (text.startsWith(entry[0], at + gap))
      return { unit: entry[0], unitClass: entry[1], end: at + gap + entry[0].length };
  return { unit: "", unitClass: "none", end: at };
}

function suffixAt(text: string, at: number): string {
  return SUFFIXES.find((s) => text.startsWith(s, at)) ?? "";
}

const ARABIC = /(\d+(?:\.\d+)?)(?:[-—~～至到](\d+(?:\.\d+)?))?/g;
const FRACTION = /([一二三四五六七八九十百]{1,3})分之([一二三四五六七八九十]{1,3})/g;
/**
 * 百个, 三百五十家, 三家: a Chinese count, only before a count unit (一带一路, 三农 are not figures), and not inside
 * 第…/每… or a longer numeral. The character before is matched (group 1) rather than looked behind, so the pattern
 * parses as ES5 (the legacy pane for Internet Explorer 11 reads figures too).
 */
const CN_COUNT =
  /(^|[^第每一二三四五六七八九十百千万])((?:[一二两三四五六七八九]?[十百千])+[一二三四五六七八九]?|[一二两三四五六七八九])(?=[个家项人场名座所])/g;

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
    const { unit, unitClass, end: unitEnd } = unitAt(text, numberEnd);
    const suffix = suffixAt(text, unitEnd);
    const after = text[numberEnd] ?? "";
    out.push({
      start,
      end: unitEnd + suffix.length,
      unitEnd,
      value: Number(m[1]),
      written: m[1] ?? "",
      unit,
      unitClass,
      suffix,
      chinese: false,
      range: m[2] !== undefined,
      lettered: /[A-Za-z+]/.test(before) || (unit === "" && /[A-Za-z+]/.test(after)),
    });
  }
  for (const m of text.matchAll(FRACTION)) {
    const denominator = chineseInteger(m[1] ?? "");
    const numerator = chineseInteger(m[2] ?? "");
    if (!denominator || numerator === undefined || numerator > denominator) continue;
    const start = m.index ?? 0;
    const unitEnd = start + m[0].length;
    const suffix = suffixAt(text, unitEnd);
    // 百分之五十 is 50%, 三分之二 a bare fraction.
    const percent = m[1] === "百";
    out.push({
      start,
      end: unitEnd + suffix.length,
      unitEnd,
      value: percent ? numerator : numerator / denominator,
      written: m[0],
      unit: percent ? "%" : "",
      unitClass: "percent",
      suffix,
      chinese: true,
      range: false,
      lettered: false,
    });
  }
  for (const m of text.matchAll(CN_COUNT)) {
    const numeral = m[2] ?? "";
    const value = chineseInteger(numeral);
    if (value === undefined) continue;
    const start = (m.index ?? 0) + (m[1] ?? "").length;
    const numberEnd = start + numeral.length;
    const { unit, unitClass, end: unitEnd } = unitAt(text, numberEnd);
    const suffix = suffixAt(text, unitEnd);
    out.push({
      start,
      end: unitEnd + suffix.length,
      unitEnd,
      value,
      written: numeral,
      unit,
      unitClass,
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

const MAGNITUDES: readonly (readonly [string, number])[] = [
  ["万亿", 1e12],
  ["千万", 1e7],
  ["百万", 1e6],
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];

/**
 * A unit as its base and the factor to it, so that figures written in different magnitudes compare.
 *
 * @example
 * unitScale("万亿元") // ["元", 1e12]
 * unitScale("亿千瓦时") // ["瓦时", 1e11]
 * unitScale("家") // ["家", 1]
 */
export function unitScale(unit: string): readonly [string, number] {
  for (const [prefix, factor] of MAGNITUDES)
    if (unit.startsWith(prefix) && unit.length > prefix.length) {
      const [base, more] = unitScale(unit.slice(prefix.length));
      return [base, factor * more];
    }
  return [unit, 1];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether a quote writes a figure of `value` in `unit`, however the genre writes it: 4.10% for 4.1, 1万亿元 for
 * 10000亿元 (and 5782万元 for 0.5782亿元), 百个 for 100个, 三家 for 3家, 三分之二 for 2/3, 百分之五十 for 50%, a PDF
 * copy's 795 亿元; a rank (`rank: true`) as 前3.
 *
 * @example
 * quoteHoldsFigure("计划完成投资1万亿元以上", 10000, "亿元") // true
 * quoteHoldsFigure("研发投入强度达到4.10%", 4.1, "%") // true
 * quoteHoldsFigure("新增高新技术企业75家以上", 80, "家") // false
 */
export function quoteHoldsFigure(
  quote: string,
  value: number,
  unit: string,
  options: { rank?: boolean } = {},
): boolean {
  const [base, factor] = unitScale(unit);
  return findFigures(quote).some((f) => {
    if (options.rank && quote[f.start - 1] === "前" && ["", "名", "位"].includes(f.unit) && close(f.value, value))
      return true;
    const [fBase, fFactor] = unitScale(f.unit);
    if (fBase === base && close(f.value * fFactor, value * factor)) return true;
    // A unit the table does not know (艘次 read as 艘): the figure followed by the unit as the target writes it.
    const rest = quote.slice(f.start + f.written.length);
    return close(f.value, value) && rest.replace(GAP, "").startsWith(unit);
  });
}

/** A figure as a person types it into a cell: its value, the unit written after it, and whether 第 came before. */
export interface TypedFigure {
  readonly value: number;
  /** The unit as typed (家, 亿元, %, 名 …), "" for a bare number. */
  readonly unit: string;
  readonly unitClass: UnitClass;
  /** 第3名: written as a place. */
  readonly ordinal: boolean;
}

/** Thousands separators as typed (1,234 or 1，234 before NFKC): dropped before reading. */
const GROUPING = /(\d),(?=\d{3}(?!\d))/g;

/**
 * Reads one cell as a person types a figure into it — `12`, `１２`, `12家`, `十二家`, `3.3%`, `1,234`, `第3名`,
 * `1.2亿元`, `-2.5%` — with the same figure grammar the importer uses. The cell must be that figure and nothing
 * else: `约12家`, `12家左右`, `10-12`, `待统计`, `—` are no figure (undefined), so a guess never becomes a number.
 * Units are returned as typed; converting them to a target's unit is the caller's decision.
 *
 * @example
 * readTypedFigure("１２家") // { value: 12, unit: "家", unitClass: "count", ordinal: false }
 * readTypedFigure("第3名") // { value: 3, unit: "名", unitClass: "count", ordinal: true }
 * readTypedFigure("约12家") // undefined
 */
export function readTypedFigure(typed: string): TypedFigure | undefined {
  let text = typed.normalize("NFKC").trim().replace(GROUPING, "$1");
  let sign = 1;
  if (/^[-−]/.test(text)) {
    sign = -1;
    text = text.slice(1).trimStart();
  } else if (text.startsWith("+")) text = text.slice(1).trimStart();
  const ordinal = text.startsWith("第");
  if (ordinal) text = text.slice(1);
  const figures = findFigures(text);
  const figure = figures[0];
  if (figures.length !== 1 || !figure || figure.start !== 0 || figure.end !== text.length) return undefined;
  if (figure.range || figure.lettered || figure.suffix !== "") return undefined;
  // A unit the table does not know (12家企业, 12abc) leaves text after the figure: not a figure.
  if (figure.unitEnd !== text.length) return undefined;
  if (ordinal && !["", "名", "位"].includes(figure.unit)) return undefined;
  return { value: tidy(sign * figure.value), unit: figure.unit, unitClass: figure.unitClass, ordinal };
}
