import { DEFAULT_TOLERANCE } from "../engine";
import { columnLetter } from "../workbook/a1";

import { DATE_CELL, executionCol, PROGRESS_CELL, targetCol, type TargetColumn } from "./layout";
import { ANNUAL, COMPARATOR_SYMBOL, CUMULATIVE, ERROR_TEXT, NOT_A_DATE, NOT_A_NUMBER } from "./texts";

/**
 * The sheet's native formulas. They use classic functions only (IF, AND, OR, ISNUMBER, ISLOGICAL, LEN, TRIM, ABS, MIN,
 * YEAR, MONTH, DAY, EOMONTH, COUNTIFS, SUMIFS) so that Excel 2010, WPS and LibreOffice compute the same, and
 * each mirrors one engine function (completionRate, gap, status, executionRate, pace, budgetVariance,
 * timeProgress); the LibreOffice test checks them row by row against the engine.
 * Every row has the same formula with relative references, so sorting or moving rows keeps them right.
 */

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const S = (c: keyof typeof COMPARATOR_SYMBOL) => q(COMPARATOR_SYMBOL[c]);
const blank = (ref: string) => `LEN(TRIM(${ref}))=0`;
/**
 * "Not a number the user typed": text, or a boolean. LibreOffice stores a typed TRUE as 1 (ISNUMBER is TRUE
 * there, not in Excel or Gnumeric), so ISLOGICAL makes every engine answer 应填数字 alike.
 */
const notNumber = (ref: string) => `OR(NOT(ISNUMBER(${ref})),ISLOGICAL(${ref}))`;
const NAN = q(NOT_A_NUMBER);

/**
 * A criterion for COUNTIFS/SUMIFS that matches the text in `ref` exactly. A bare reference is read as a pattern: * ?
 * and ~ are wildcards and a leading < > = an operator, so a unit or area named with one would count other rows.
 */
export function exactCriterion(ref: string): string {
  return `"="&${wildcardsEscaped(ref)}`;
}

/** The text in `ref` with * ? ~ escaped, for MATCH(…,0), which reads them as wildcards too. */
export function wildcardsEscaped(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref},"~","~~"),"*","~*"),"?","~?")`;
}

function targetRefs(row: number) {
  const ref = (key: TargetColumn) => `${columnLetter(targetCol(key))}${row}`;
  return {
    target: ref("目标值"),
    unit: ref("单位"),
    cmp: ref("比较"),
    basis: ref("口径"),
    prev: ref("上年值"),
    actual: ref("实际值"),
    rate: ref("完成率"),
  };
}

/** 序时进度 by month of the date in B2 within `year`, clamped to [0, 1] (engine timeProgress, basis "month"). */
export function progressFormula(year: number): string {
  const d = DATE_CELL;
  return (
    `IF(${blank(d)},"",IF(${notNumber(d)},${q(NOT_A_DATE)},` +
    `IF(YEAR(${d})<${year},0,IF(YEAR(${d})>${year},1,(MONTH(${d})-1+DAY(${d})/DAY(EOMONTH(${d},0)))/12))))`
  );
}

/** 完成率 (engine completionRate); blank while 实际值 is blank. */
export function completionFormula(row: number): string {
  const { target: e, cmp: g, prev: i, actual: j } = targetRefs(row);
  const direction = `OR(${g}=${S("decrease")},${g}=${S("increase")})`;
  return (
    `IF(${blank(j)},"",IF(${notNumber(j)},${NAN},` +
    `IF(${direction},IF(${blank(i)},${q(ERROR_TEXT.needsPrevious ?? "")},IF(${notNumber(i)},${NAN},` +
    `IF(${g}=${S("increase")},IF(${j}>${i},1,0),IF(${j}<${i},1,0)))),` +
    `IF(${blank(e)},${q(ERROR_TEXT.qualitativeNoValue ?? "")},` +
    `IF(${g}=${S("rank<=")},IF(${j}<1,${q(ERROR_TEXT.badRank ?? "")},MIN(1,${e}/${j})),` +
    `IF(${g}=${S("<=")},IF(${j}=0,${q(ERROR_TEXT.zeroActual ?? "")},${e}/${j}),` +
    `IF(${e}=0,${q(ERROR_TEXT.zeroTarget ?? "")},${j}/${e})))))))`
  );
}

/**
 * 差距 (engine gap): actual − target; in 百分点 for targets the sheet shows as percentages — unit % and the
 * unitless annual ratios (三分之二) — blank while 实际值 is blank.
 */
export function gapFormula(row: number): string {
  const { target: e, unit: f, basis: h, actual: j } = targetRefs(row);
  return (
    `IF(${blank(j)},"",IF(${notNumber(j)},${NAN},` +
    `IF(${blank(e)},${q(ERROR_TEXT.qualitativeNoValue ?? "")},` +
    `IF(OR(${f}="%",AND(${f}="",${h}=${q(ANNUAL)})),(${j}-${e})*100,${j}-${e}))))`
  );
}

/** 状态 (engine status with the sheet's 序时进度 and the engine's default ±5% tolerance for 左右). */
export function statusFormula(row: number): string {
  const { target: e, unit: f, cmp: g, basis: h, prev: i, actual: j, rate: k } = targetRefs(row);
  const tp = PROGRESS_CELL;
  const direction = `OR(${g}=${S("decrease")},${g}=${S("increase")})`;
  // The engine adds 1e-12 of slack in the target's own scale; percentages are stored here as fractions.
  const slack = `IF(${f}="%",1E-14,1E-12)`;
  const met =
    `OR(AND(${g}=${S(">=")},${j}>=${e}),AND(${g}=${S(">")},${j}>${e}),AND(${g}=${S("<=")},${j}<=${e}),` +
    `AND(${g}=${S("rank<=")},${j}<=${e}),AND(${g}=${S("~")},ABS(${j}-${e})<=${DEFAULT_TOLERANCE}*ABS(${e})+${slack}),` +
    `AND(${g}=${S("increase")},${j}>${i}),AND(${g}=${S("decrease")},${j}<${i}))`;
  return (
    `IF(${blank(j)},"未填报",IF(${notNumber(j)},${NAN},` +
    `IF(AND(${direction},${blank(i)}),"未填报",IF(AND(${direction},${notNumber(i)}),${NAN},` +
    `IF(AND(NOT(${direction}),${blank(e)}),${q(ERROR_TEXT.qualitativeNoValue ?? "")},` +
    `IF(AND(${g}=${S("rank<=")},${j}<1),${q(ERROR_TEXT.badRank ?? "")},` +
    `IF(${met},"已完成",` +
    `IF(AND(ISNUMBER(${tp}),${tp}<1,${h}=${q(CUMULATIVE)}),IF(ISNUMBER(${k}),IF(${k}>=${tp},"达进度","欠进度"),${k}),` +
    `"未完成"))))))))`
  );
}

export { ANNUAL, CUMULATIVE };

function executionRefs(row: number) {
  const ref = (key: Parameters<typeof executionCol>[0]) => `${columnLetter(executionCol(key))}${row}`;
  return { budget: ref("预算数"), spent: ref("支出数"), rate: ref("执行率"), progress: ref("序时进度") };
}

/** 执行率 (engine executionRate). */
export function executionRateFormula(row: number): string {
  const { budget: b, spent: c } = executionRefs(row);
  return `IF(${blank(c)},"",IF(${notNumber(c)},${NAN},` + `IF(${b}=0,${q(ERROR_TEXT.zeroBudget ?? "")},${c}/${b})))`;
}

/** The sheet's 序时进度 repeated on each row, so the row reads on its own when printed or filtered. */
export function rowProgressFormula(): string {
  return `IF(ISNUMBER(${PROGRESS_CELL}),${PROGRESS_CELL},"")`;
}

/** 进度差 in 百分点 (engine pace). */
export function paceFormula(row: number): string {
  const { rate: d, progress: e } = executionRefs(row);
  return `IF(AND(ISNUMBER(${d}),ISNUMBER(${e})),(${d}-${e})*100,"")`;
}

/** 差额 = 支出数 − 预算数 (engine budgetVariance). */
export function varianceFormula(row: number): string {
  const { budget: b, spent: c } = executionRefs(row);
  return `IF(${notNumber(c)},"",${c}-${b})`;
}

/** A cell reference as the product's formulas write it (relative or anchored). */
const REF = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const EXACT_CRITERION = new RegExp(
  String.raw`"="&SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\((${REF}),"~","~~"\),"\*","~\*"\),"\?","~\?"\)`,
  "g",
);

/**
 * A product formula as earlier versions of the product wrote it, from the text this version writes: a refresh
 * recognises those as the product's own (to be upgraded), not as a formula the user typed. Version 0.1 read a
 * LibreOffice TRUE as a number (no ISLOGICAL) and gave 百分点 for unit % only.
 * @example earlierFormulas('IF(OR(NOT(ISNUMBER(C5)),ISLOGICAL(C5)),"",C5-B5)') // ['IF(ISNUMBER(C5),C5-B5,"")']
 */
export function earlierFormulas(formula: string): string[] {
  // Earlier versions gave COUNTIFS/SUMIFS the bare reference as criterion (see exactCriterion).
  const bare = formula.replace(EXACT_CRITERION, "$1");
  const v01 = bare
    .replace(new RegExp(String.raw`OR\(NOT\(ISNUMBER\((${REF})\)\),ISLOGICAL\(\1\)\)`, "g"), "NOT(ISNUMBER($1))")
    .replace(new RegExp(String.raw`OR\((${REF})="%",AND\(\1="",(${REF})="${ANNUAL}"\)\)`, "g"), '$1="%"')
    .replace(new RegExp(String.raw`^IF\(NOT\(ISNUMBER\((${REF})\)\),"",\1-(${REF})\)$`), 'IF(ISNUMBER($1),$1-$2,"")')
    // Before 支出数 followed 月度支出: an area's 支出数 counted as filled with COUNTIFS(…,"<>").
    .replace(
      /\(COUNTIFS\(([^,()]+),([^,()]+),([^,()]+),"\?\*"\)\+COUNTIFS\(\1,\2,\3,">-1E\+307"\)\)/g,
      'COUNTIFS($1,$2,$3,"<>")',
    );
  return [...new Set([bare, v01])].filter((f) => f !== formula);
}
