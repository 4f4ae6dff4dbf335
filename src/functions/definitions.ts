/**
 * The ZC functions over one edition: each is its argument list and a few lines that hand the parsed values to
 * the engine. Excel-side scale (percentages as fractions, amounts in a chosen unit) is converted here and only
 * here; the calculations themselves are the engine's.
 */
import {
  budgetVariance,
  completionRate,
  executionRate,
  figureOf,
  fromExcelValue,
  fromYi,
  gap,
  isCalcError,
  isMet,
  DEFAULT_TOLERANCE,
  officialBudget,
  pace,
  status,
  timeProgress,
  toExcelValue,
  valueError,
  type AmountUnit,
  type BudgetTotal,
  type CalcError,
  type EditionIndex,
} from "../engine";
import type { Area, Target } from "../policy/types";
import { arg, defineFunction, type Cell, type FnError, type FunctionDef } from "./args";
import { readEditionField, type TargetField } from "./fields";
import { FunctionError } from "./messages";

/** The header row of ZC.TARGETS, as finance staff head such a table. */
export const TARGETS_HEADER = ["编号", "指标", "目标值", "单位", "比较"] as const;

/** Every ZC function, in the order of the reference (catalog.ts and the README follow it). */
export function createFunctions(index: EditionIndex): readonly FunctionDef[] {
  /** A cell value in the target's own scale (0.08 → 8 for a % target); overflow is an error, not Infinity. */
  const inTargetScale = (target: Target, excel: number): number | CalcError => {
    const value = fromExcelValue(target, excel);
    return Number.isFinite(value) ? value : valueError("notFinite");
  };
  const previousInScale = (target: Target, previous: number | null) =>
    previous === null ? null : inTargetScale(target, previous);

  /** The budget of an area, one of its items, or a total, in the requested unit, as the document states it. */
  const budgetIn = (area: Area | BudgetTotal, unit: AmountUnit, item: string | null = null): number | CalcError => {
    // The area is already resolved; its number (or the total's word) finds it again in O(1).
    const yi = officialBudget(index, typeof area === "string" ? area : area.no, item);
    return isCalcError(yi) ? yi : fromYi(yi, unit);
  };

  const yearProgress = (date: Parameters<typeof timeProgress>[0]) => timeProgress(date, index.year, "month");

  const targetField = (target: Target, field: TargetField): Cell | CalcError => {
    switch (field) {
      case "value": {
        const figure = figureOf(target);
        return isCalcError(figure) ? figure : toExcelValue(target, figure);
      }
      case "indicator":
        return target.indicator;
      case "unit":
        return target.unit;
      case "comparator":
        return target.comparator;
      case "kind":
        return target.kind;
      case "area":
        return target.area;
      case "article":
        return target.article ?? "";
      case "quote":
        return target.quote;
      case "responsible":
        return index.responsibleOf(target).join("、");
      case "lead":
        return index.leadOf(target);
    }
  };

  const targetRow = (target: Target): Cell[] => [
    target.id,
    target.indicator,
    target.value === null ? "" : toExcelValue(target, target.value),
    target.unit,
    target.comparator,
  ];

  return [
    defineFunction(index, "TARGET", [arg.target("id"), arg.field("field")], "numberOrString", targetField),

    defineFunction(
      index,
      "COMPLETION",
      [arg.target("id"), arg.number("actual"), arg.optionalNumber("previous")],
      "number",
      (target, actual, previous) => {
        const a = inTargetScale(target, actual);
        const p = previousInScale(target, previous);
        if (isCalcError(a)) return a;
        if (isCalcError(p)) return p;
        return completionRate(target, a, p);
      },
    ),

    defineFunction(
      index,
      "MET",
      [arg.target("id"), arg.number("actual"), arg.optionalNumber("previous"), arg.optionalNumber("tolerance")],
      "boolean",
      (target, actual, previous, tolerance) => {
        const a = inTargetScale(target, actual);
        const p = previousInScale(target, previous);
        if (isCalcError(a)) return a;
        if (isCalcError(p)) return p;
        return isMet(target, a, p, tolerance ?? DEFAULT_TOLERANCE);
      },
    ),

    defineFunction(index, "GAP", [arg.target("id"), arg.number("actual")], "number", (target, actual) => {
      const a = inTargetScale(target, actual);
      return isCalcError(a) ? a : gap(target, a);
    }),

    defineFunction(
      index,
      "STATUS",
      [arg.target("id"), arg.numberOrNull("actual"), arg.optionalDate("date"), arg.optionalNumber("previous")],
      "string",
      (target, actual, date, previous) => {
        const a = actual === null ? null : inTargetScale(target, actual);
        const p = previousInScale(target, previous);
        if (isCalcError(a)) return a;
        if (isCalcError(p)) return p;
        return status(target, a, { previous: p, timeProgress: date === null ? null : yearProgress(date) });
      },
    ),

    defineFunction(
      index,
      "BUDGET",
      [arg.area("area"), arg.optionalText("item"), arg.amountUnit("unit")],
      "number",
      (area, item, unit) => budgetIn(area, unit, item),
    ),

    defineFunction(
      index,
      "VARIANCE",
      [arg.area("area"), arg.number("actual"), arg.amountUnit("unit")],
      "number",
      (area, actual, unit) => {
        const budget = budgetIn(area, unit);
        return isCalcError(budget) ? budget : budgetVariance(budget, actual);
      },
    ),

    defineFunction(
      index,
      "EXECRATE",
      [arg.area("area"), arg.number("spent"), arg.amountUnit("unit")],
      "number",
      (area, spent, unit) => {
        const budget = budgetIn(area, unit);
        return isCalcError(budget) ? budget : executionRate(budget, spent);
      },
    ),

    defineFunction(index, "TIMEPROGRESS", [arg.date("date"), arg.basis("basis")], "number", (date, basis) =>
      timeProgress(date, index.year, basis),
    ),

    defineFunction(
      index,
      "PACE",
      [arg.area("area"), arg.number("spent"), arg.date("date"), arg.amountUnit("unit")],
      "number",
      (area, spent, date, unit) => {
        const budget = budgetIn(area, unit);
        if (isCalcError(budget)) return budget;
        const rate = executionRate(budget, spent);
        return isCalcError(rate) ? rate : pace(rate, yearProgress(date));
      },
    ),

    defineFunction(
      index,
      "TARGETS",
      [arg.optionalArea("area"), arg.optionalArticle("article")],
      "matrix",
      (area, article): Cell[][] | FnError => {
        // A total (合计) names no single area, so it lists every area's targets.
        const single = area === null || typeof area === "string" ? null : area;
        if (article !== null && single !== null && article.area !== single.no) {
          return new FunctionError("NA", "articleNotInArea", [article.no, single.numeral]);
        }
        const targets =
          article !== null
            ? index.targetsOfArticle(article.no)
            : single !== null
              ? index.targetsOfArea(single.no)
              : index.data.targets;
        return [[...TARGETS_HEADER], ...targets.map(targetRow)];
      },
    ),

    defineFunction(index, "RESPONSIBLE", [arg.article("article")], "string", (article) =>
      article.responsible.join("、"),
    ),

    defineFunction(index, "EDITION", [arg.optionalText("field")], "numberOrString", (text) => {
      const field = text === null ? "id" : readEditionField(text);
      if (field === undefined) return new FunctionError("NA", "unknownEditionField", [text ?? ""]);
      const value = index.data.document[field];
      if (value === undefined) return new FunctionError("NA", "editionFieldAbsent", [index.data.document.id, "文号"]);
      return value;
    }),
  ];
}
