import { DEFAULT_TOLERANCE } from "../engine";
import { columnLetter, quoteSheet } from "../workbook/a1";
import { COMPARATOR_SYMBOL, CUMULATIVE, ERROR_TEXT, NOT_A_NUMBER } from "./texts";

/**
 * Formulas of the monthly sheets (classic functions only: IF, AND, OR, ISNUMBER, ISNA, LEN, TRIM, ABS, INDEX,
 * MATCH, COUNT, COUNTIF, SUM, YEAR, MONTH). The monthly status of a target mirrors the engine's `status` with
 * m月底's 序时进度 (m/12); to keep twelve of them per row short, the parts that do not depend on the month's figure
 * are computed once per row in helper columns (下限, 上限, 排除, 名次下限, 序时基数, 序时方式, 判定):
 * met ⇔ 下限 ≤ x ≤ 上限 and x ≠ 排除 — ≥ e: [e, ∞); > e: [e, ∞) without e; ≤ e and 名次≤ e: (−∞, e];
 * ≈ e: [e − t, e + t] with t = 5% of |e| (+ the engine's slack); 上升: above 上年值; 下降: below it.
 */

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const S = (c: keyof typeof COMPARATOR_SYMBOL) => q(COMPARATOR_SYMBOL[c]);
const blank = (ref: string) => `LEN(TRIM(${ref}))=0`;
const BIG = "1E+307";

/** Row refs of the monthly targets sheet's official columns (absolute column, relative row). */
export interface MonthlyRowRefs {
  readonly id: string;
  readonly target: string;
  readonly unit: string;
  readonly cmp: string;
  readonly basis: string;
  readonly previous: string;
}

/** Row refs of the helper columns on the monthly status sheet. */
export interface HelperRefs {
  readonly lower: string;
  readonly upper: string;
  readonly excluded: string;
  readonly rankFloor: string;
  readonly base: string;
  readonly ratio: string;
  readonly verdict: string;
}

const tolerance = (r: MonthlyRowRefs) => `(${DEFAULT_TOLERANCE}*ABS(${r.target})+IF(${r.unit}="%",1E-14,1E-12))`;

export function lowerFormula(r: MonthlyRowRefs): string {
  const { target: e, cmp: g, previous: i } = r;
  return `IF(OR(${g}=${S(">=")},${g}=${S(">")}),${e},IF(${g}=${S("~")},${e}-${tolerance(r)},IF(${g}=${S("increase")},${i},-${BIG})))`;
}

export function upperFormula(r: MonthlyRowRefs): string {
  const { target: e, cmp: g, previous: i } = r;
  return `IF(OR(${g}=${S("<=")},${g}=${S("rank<=")}),${e},IF(${g}=${S("~")},${e}+${tolerance(r)},IF(${g}=${S("decrease")},${i},${BIG})))`;
}

/** The one value that does not meet even inside the bounds: the figure for 超 (>), last year's for 上升/下降. */
export function excludedFormula(r: MonthlyRowRefs): string {
  const { target: e, cmp: g, previous: i } = r;
  return `IF(${g}=${S(">")},${e},IF(OR(${g}=${S("increase")},${g}=${S("decrease")}),${i},""))`;
}

/** Ranks start at 1: a rank below it is 名次应≥1. */
export function rankFloorFormula(r: MonthlyRowRefs): string {
  return `IF(${r.cmp}=${S("rank<=")},1,-${BIG})`;
}

/** The target figure a cumulative row's completion rate is taken against; "" for annual rows (no 序时进度). */
export function baseFormula(r: MonthlyRowRefs): string {
  return `IF(AND(${r.basis}=${q(CUMULATIVE)},OR(${r.cmp}=${S(">=")},${r.cmp}=${S(">")},${r.cmp}=${S("~")},${r.cmp}=${S("<=")})),${r.target},"")`;
}

/** 1: completion = x ÷ 基数; −1: 基数 ÷ x (≤, smaller is better). */
export function ratioFormula(r: MonthlyRowRefs): string {
  return `IF(${r.cmp}=${S("<=")},-1,1)`;
}

/** What a row says whatever the month's figure: 未填报 / 应填数字 for 上年值 of 上升/下降, — without a figure. */
export function verdictFormula(r: MonthlyRowRefs): string {
  const { target: e, cmp: g, previous: i } = r;
  return (
    `IF(${blank(r.id)},"",IF(OR(${g}=${S("increase")},${g}=${S("decrease")}),` +
    `IF(${blank(i)},"未填报",IF(NOT(ISNUMBER(${i})),${q(NOT_A_NUMBER)},"")),` +
    `IF(${blank(e)},${q(ERROR_TEXT.qualitativeNoValue ?? "")},"")))`
  );
}

/**
 * 状态 of month `month` from its figure `x` (engine status at m月底). Completion is (x ÷ 基数)^方式: x ÷ 基数, or
 * 基数 ÷ x for ≤ targets (方式 −1), compared with m/12; 12月底 is the year's end, where not met is 未完成.
 */
export function monthStatusFormula(_id: string, x: string, h: HelperRefs, month: number): string {
  const judged =
    month >= 12
      ? `"未完成"`
      : `IF(ISNUMBER(${h.base}),IF((${x}/${h.base})^${h.ratio}>=${month}/12,"达进度","欠进度"),"未完成")`;
  return (
    `IF(TRIM(${x})="","未填报",IF(NOT(ISNUMBER(${x})),${q(NOT_A_NUMBER)},` +
    `IF(LEN(${h.verdict})>0,${h.verdict},IF(${x}<${h.rankFloor},${q(ERROR_TEXT.badRank ?? "")},` +
    `IF(AND(${x}>=${h.lower},${x}<=${h.upper},${x}<>${h.excluded}),"已完成",${judged})))))`
  );
}

/**
 * 上年值 on the monthly sheet: 目标任务's, by 编号 (MATCH), so the two sheets can be sorted independently.
 * Blank when 目标任务 has no such row or its cell is blank.
 */
export function lookupFormula(idRef: string, sheet: string, keyColumn: number, valueColumn: number): string {
  const s = quoteSheet(sheet);
  const keys = `${s}!$${columnLetter(keyColumn)}:$${columnLetter(keyColumn)}`;
  const values = `${s}!$${columnLetter(valueColumn)}:$${columnLetter(valueColumn)}`;
  const m = `MATCH(${idRef},${keys},0)`;
  return `IF(ISNA(${m}),"",IF(LEN(TRIM(INDEX(${values},${m})))=0,"",INDEX(${values},${m})))`;
}

/**
 * The report month: the latest month up to the 报告日期's month (within `year`) in which either monthly sheet
 * holds a number — engine reportMonth. A blank or invalid 报告日期 reaches 12月.
 */
export function reportMonthFormula(
  dateRef: string,
  year: number,
  columnsByMonth: (month: number) => readonly string[],
): string {
  const last = `IF(NOT(ISNUMBER(${dateRef})),12,IF(YEAR(${dateRef})<${year},0,IF(YEAR(${dateRef})>${year},12,MONTH(${dateRef}))))`;
  let f = "0";
  for (let m = 1; m <= 12; m++) {
    const filled = columnsByMonth(m)
      .map((c) => `COUNT(${c})`)
      .join("+");
    f = `IF(AND(${last}>=${m},${filled}>0),${m},${f})`;
  }
  return f;
}

/** 本期数: the figure of the report month (cell `monthRef`), blank while that cell (or the month) is blank. */
export function currentFigureFormula(monthRef: string, firstMonth: string, lastMonth: string): string {
  const at = `INDEX(${firstMonth}:${lastMonth},${monthRef})`;
  return `IF(${monthRef}=0,"",IF(LEN(TRIM(${at}))=0,"",${at}))`;
}
