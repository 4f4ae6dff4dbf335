import { columnLetter } from "../workbook/a1";
import { DUPLICATE_TARGET, ORPHAN_TARGET } from "./layout";
import type { IndicatorClass } from "../engine";
import {
  AREA_HEADER_ROW,
  areaCol,
  selfEvaluationCol,
  settingCol,
  SETTINGS_ROW,
  type AreaColumn,
  type SelfEvaluationColumn,
  type SettingKey,
} from "./selfEvaluationLayout";
import { exactCriterion, wildcardsEscaped } from "./formulas";
import { NOT_A_NUMBER } from "./texts";

/**
 * 绩效自评's formulas, each the sheet's form of one engine function: the weight (indicatorWeights), a line's score
 * (scoreByCompletion: weight × completion capped at 100 %, nothing reported earns 0), the 满意度 score (满意度 ÷ its
 * full mark), the total and the grade (gradeOf). Classic functions only (IF, AND, OR, ISNUMBER, ISLOGICAL, LEN,
 * TRIM, MIN, MAX, ROUND, ISTEXT, COUNTIFS, SUMIFS, SUMPRODUCT), so Excel 2010, WPS and LibreOffice give the same; the LibreOffice test
 * compares them with areaSelfEvaluation. The table's rows are found by 领域 and 类别 (COUNTIFS/SUMIFS over the
 * table's column down to {@link TABLE_ROOM} rows below its header), so sorting the table or rows appended below it
 * keep every score right. Not whole columns: LibreOffice then scans a million rows at every edit (seven times the
 * time of a typed month on this sheet).
 */

/** Rows below the table's header that its sums read: room for every target of the largest editions and more. */
export const TABLE_ROOM = 10_000;

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
const T = (key: SelfEvaluationColumn) => columnLetter(selfEvaluationCol(key));
/** A setting's cell, anchored (a refresh relocates it with the block when rows were inserted above). */
export const settingRef = (key: SettingKey) => `$${columnLetter(settingCol(key))}$${SETTINGS_ROW}`;
const A = (key: AreaColumn, row: number) => `${columnLetter(areaCol(key))}${row}`;
const notNumber = (ref: string) => `OR(NOT(ISNUMBER(${ref})),ISLOGICAL(${ref}))`;

/** What the total shows while one of the area's indicators cannot be scored (its 得分 shows why). */
export const CANNOT_SCORE = "有指标不能评分";

/** Shown in 等级 when the bands do not satisfy 100 ≥ 优 > 良 > 中 > 0. */
export const BAD_BANDS = "分数线有误";

/** The formulas of a sheet whose 指标评分 header is on row `header`, below `areas` area rows. */
export function selfEvaluationFormulas({ header, areas }: { readonly header: number; readonly areas: number }) {
  const whole = (key: SelfEvaluationColumn) => `$${T(key)}$${header + 1}:$${T(key)}$${header + TABLE_ROOM}`;
  /** Rows of the table that count: the area's, not flagged as kept for a target the edition no longer has. */
  function rowsOf(area: string, cls?: string): string {
    const byClass = cls === undefined ? "" : `,${whole("类别")},${q(cls)}`;
    return (
      `${whole("领域")},${exactCriterion(area)}${byClass},` +
      `${whole("核对")},${q(`<>${ORPHAN_TARGET}`)},${whole("核对")},${q(`<>${DUPLICATE_TARGET}`)}`
    );
  }

  /**
   * The weight of each indicator of a class in the area of an area row: the class's points shared equally among
   * the area's indicators of that class; an area with one class only shares 产出 + 效益 among all its indicators
   * (engine indicatorWeights). 0 while the area has none of the class.
   */
  function shareFormula(row: number, cls: IndicatorClass): string {
    const area = `$${A("领域", row)}`;
    const count = (c: IndicatorClass) => `COUNTIFS(${rowsOf(area, c)})`;
    const other: IndicatorClass = cls === "产出" ? "效益" : "产出";
    const pool = `(${settingRef("产出")}+${settingRef("效益")})`;
    return `IF(${count(cls)}=0,0,IF(${count(other)}=0,${pool},${settingRef(cls)})/${count(cls)})`;
  }

  /**
   * An indicator's weight: its area row's share for its class (found by 领域 among the area rows, which a refresh
   * keeps lined up with the edition's areas); 0 for a row without a valid class or area.
   */
  function weightFormula(row: number): string {
    const first = AREA_HEADER_ROW + 1;
    const last = AREA_HEADER_ROW + areas;
    const column = (key: AreaColumn) =>
      `$${columnLetter(areaCol(key))}$${first}:$${columnLetter(areaCol(key))}$${last}`;
    const m = `MATCH(${wildcardsEscaped(`$${T("领域")}${row}`)},${column("领域")},0)`;
    const cls = `TRIM($${T("类别")}${row})`;
    return (
      `IF(ISNA(${m}),0,IF(${cls}="产出",INDEX(${column("产出每项权重")},${m}),` +
      `IF(${cls}="效益",INDEX(${column("效益每项权重")},${m}),0)))`
    );
  }

  /** A line's points from its completion cell and weight cell: blank completion earns 0, a text is shown as is. */
  function lineScore(completion: string, weight: string): string {
    return `IF(ISNUMBER(${completion}),${weight}*MIN(1,MAX(0,${completion})),IF(LEN(${completion})=0,0,${completion}))`;
  }

  /** An indicator's score on its row of the table. */
  function indicatorScoreFormula(row: number): string {
    return lineScore(`${T("完成率")}${row}`, `${T("权重")}${row}`);
  }

  /** 预算执行率's score on an area row. */
  function executionScoreFormula(row: number): string {
    return lineScore(A("预算执行率", row), settingRef("预算执行率"));
  }

  /** A class's points on an area row: the sum of its indicators' scores (texts are left to the total to report). */
  function classScoreFormula(row: number, cls: "产出" | "效益"): string {
    return `SUMIFS(${whole("得分")},${rowsOf(`$${A("领域", row)}`, cls)})`;
  }

  /** The 满意度 score: blank earns 0; 满意度 ÷ full mark, capped at 100 %. */
  function satisfactionScoreFormula(row: number): string {
    const s = A("满意度", row);
    return (
      `IF(LEN(TRIM(${s}))=0,0,IF(${notNumber(s)},${q(NOT_A_NUMBER)},` +
      `${settingRef("满意度")}*MIN(1,MAX(0,${s}/${settingRef("满意度满分线")}))))`
    );
  }

  /**
   * The area's total: the four parts, rounded as the engine tidies (12 significant digits); a text where a part
   * cannot be scored — an indicator whose 完成率 is an error text, or a 满意度 that is not a number.
   */
  function totalFormula(row: number): string {
    const e = A("执行率得分", row);
    const s = A("满意度得分", row);
    // ISTEXT, not COUNTIFS(…,"?*"): LibreOffice's wildcard matches numbers too.
    const counted = (key: SelfEvaluationColumn, text: string) => `(${whole(key)}<>${q(text)})`;
    const failed =
      `SUMPRODUCT((${whole("领域")}=$${A("领域", row)})*ISTEXT(${whole("得分")})*` +
      `${counted("核对", ORPHAN_TARGET)}*${counted("核对", DUPLICATE_TARGET)})>0`;
    return (
      `IF(${failed},${q(CANNOT_SCORE)},IF(NOT(ISNUMBER(${e})),${e},IF(NOT(ISNUMBER(${s})),${s},` +
      `ROUND(${e}+${A("产出指标得分", row)}+${A("效益指标得分", row)}+${s},9))))`
    );
  }

  /** The grade: 优 from its band up, then 良, 中, else 差 (each lower bound inclusive). */
  function gradeFormula(row: number): string {
    const t = A("总分", row);
    const [a, b, c] = [settingRef("优"), settingRef("良"), settingRef("中")];
    return (
      `IF(NOT(ISNUMBER(${t})),"",IF(NOT(AND(${a}<=100,${a}>${b},${b}>${c},${c}>0)),${q(BAD_BANDS)},` +
      `IF(${t}>=${a},"优",IF(${t}>=${b},"良",IF(${t}>=${c},"中","差")))))`
    );
  }

  return {
    share: shareFormula,
    weight: weightFormula,
    indicatorScore: indicatorScoreFormula,
    executionScore: executionScoreFormula,
    classScore: classScoreFormula,
    satisfactionScore: satisfactionScoreFormula,
    total: totalFormula,
    grade: gradeFormula,
  };
}
