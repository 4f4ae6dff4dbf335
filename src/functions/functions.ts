/**
 * The ZC custom functions as Excel registers them. The JSDoc below IS the metadata: CustomFunctionsMetadataPlugin
 * writes functions.json from it and appends the CustomFunctions.associate calls. Each function is a thin wrapper
 * that hands its raw arguments to its definition (definitions.ts); this file is the one place where error values
 * become CustomFunctions.Error. Parameters are untyped (`unknown` → "any") so a blank cell or an omitted optional
 * arrives as null instead of 0, and the engine's readers decide what the value means.
 */
// First: makes the appended CustomFunctions.associate calls harmless where there is no custom-functions runtime.
import "./runtimeGuard";
import { defaultEditionId, editionIds, getEdition } from "../policy";
import type { EditionData } from "../policy/types";
import { isFnError, type FnError, type Value } from "./args";
import { FUNCTIONS_BRIDGE_KEY, type FunctionsBridge } from "./bridge";
import { createEditionRegistry } from "./editions";
import { FunctionError } from "./messages";

const registry = createEditionRegistry(
  editionIds().flatMap((id) => getEdition(id) ?? []),
  defaultEditionId,
);

// The pane hands over the workbook's edition (validated) through this bridge; see bridge.ts.
const bridge: FunctionsBridge = {
  setWorkbookEdition: (data: EditionData | undefined) => registry.setWorkbookEdition(data),
  activeEditionId: () => registry.active().data.document.id,
};
(globalThis as Record<string, unknown>)[FUNCTIONS_BRIDGE_KEY] = bridge;

const CODES = { VALUE: "invalidValue", NA: "notAvailable", DIV0: "divisionByZero" } as const;

// Messages quote the user's input; a whole pasted paragraph would bury the point of the tooltip.
const MAX_MESSAGE = 200;

/** The one conversion of an error value to what Excel shows. */
export function toCustomFunctionsError(error: FnError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODES[error.code]];
  // Excel shows a custom message only with #VALUE! and #N/A.
  if (error.code === "DIV0") return new CustomFunctions.Error(code);
  const message = error.message;
  return new CustomFunctions.Error(code, message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);
}

function describe(thrown: unknown): string {
  try {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } catch {
    return "?";
  }
}

/** Runs a function for Excel: a value, or a thrown CustomFunctions.Error — never any other exception. */
function run<T>(name: string, args: readonly unknown[]): T {
  let result: Value | FnError;
  try {
    result = registry.evaluate(name, args);
  } catch (thrown) {
    result = new FunctionError("VALUE", "unexpected", [describe(thrown)]);
  }
  if (isFnError(result)) throw toCustomFunctionsError(result);
  return result as T;
}

const TARGET = "TARGET";
const COMPLETION = "COMPLETION";
const MET = "MET";
const GAP = "GAP";
const STATUS = "STATUS";
const BUDGET = "BUDGET";
const VARIANCE = "VARIANCE";
const EXECRATE = "EXECRATE";
const TIMEPROGRESS = "TIMEPROGRESS";
const PACE = "PACE";
const TARGETS = "TARGETS";
const RESPONSIBLE = "RESPONSIBLE";

/**
 * The official target value of the workbook's edition (percentages as fractions: 3.12% → 0.0312), or one of its fields.
 * @customfunction TARGET
 * @param id Target id, e.g. art01-hitech-firms; yueqing-2025/art01-hitech-firms picks the edition.
 * @param [field] value (default), indicator, unit, comparator, kind, area, article, quote, responsible or lead.
 * @returns The target value, or the field's text.
 */
export function target(id: unknown, field?: unknown): number | string {
  return run(TARGET, [id, field]);
}

/**
 * Completion rate of a target as a fraction, per its comparator (actual/target, target/rank, or vs last year).
 * @customfunction COMPLETION
 * @param id Target id.
 * @param actual The actual value (percent targets: 8% or 0.08). Blank gives a blank result.
 * @param [previous] Last year's value; required for decrease/increase targets.
 * @returns The completion rate (0.8 = 80%).
 */
export function completion(id: unknown, actual: unknown, previous?: unknown): number | string {
  return run(COMPLETION, [id, actual, previous]);
}

/**
 * Whether the actual value meets the target (超 excludes the figure; 左右 allows ±5% by default).
 * @customfunction MET
 * @param id Target id.
 * @param actual The actual value. Blank gives a blank result.
 * @param [previous] Last year's value; required for decrease/increase targets.
 * @param [tolerance] Relative tolerance for ~ (左右) targets, 0 to 1; default 0.05.
 * @returns TRUE or FALSE.
 */
export function met(id: unknown, actual: unknown, previous?: unknown, tolerance?: unknown): boolean | string {
  return run(MET, [id, actual, previous, tolerance]);
}

/**
 * Actual minus target, in the target's unit; for percentage targets in percentage points.
 * @customfunction GAP
 * @param id Target id.
 * @param actual The actual value. Blank gives a blank result.
 * @returns The gap (negative = short of the target).
 */
export function gap(id: unknown, actual: unknown): number | string {
  return run(GAP, [id, actual]);
}

/**
 * Progress status: 已完成, 达进度, 欠进度, 未完成 or 未填报; with a date, cumulative targets are compared with 序时进度.
 * @customfunction STATUS
 * @param id Target id.
 * @param actual The actual value; blank gives 未填报.
 * @param [date] Report date (Excel date or 2025-06-30); blank for a whole-year view.
 * @param [previous] Last year's value, for decrease/increase targets.
 * @returns The status word.
 */
export function status(id: unknown, actual: unknown, date?: unknown, previous?: unknown): string {
  return run(STATUS, [id, actual, date, previous]);
}

/**
 * The official budget: an area by number, numeral or title, one of its items, 合计 (49.25) or 各领域合计 (69.49).
 * @customfunction BUDGET
 * @param area Area: 1-8, 一-八, its title, 合计 or 各领域合计.
 * @param [item] A budget item of the area, by label or a unique part of it.
 * @param [unit] 亿元 (default), 万元 or 元.
 * @returns The budget in the unit.
 */
export function budget(area: unknown, item?: unknown, unit?: unknown): number {
  return run(BUDGET, [area, item, unit]);
}

/**
 * Budget variance: actual minus budget (positive = over budget).
 * @customfunction VARIANCE
 * @param area Area: 1-8, 一-八, its title, 合计 or 各领域合计.
 * @param actual The actual amount, in the unit. Blank gives a blank result.
 * @param [unit] 亿元 (default), 万元 or 元.
 * @returns The variance in the unit.
 */
export function variance(area: unknown, actual: unknown, unit?: unknown): number | string {
  return run(VARIANCE, [area, actual, unit]);
}

/**
 * Budget execution rate: spent / budget.
 * @customfunction EXECRATE
 * @param area Area: 1-8, 一-八, its title, 合计 or 各领域合计.
 * @param spent The amount spent, in the unit. Blank gives a blank result.
 * @param [unit] 亿元 (default), 万元 or 元.
 * @returns The execution rate (0.5 = 50%).
 */
export function execrate(area: unknown, spent: unknown, unit?: unknown): number | string {
  return run(EXECRATE, [area, spent, unit]);
}

/**
 * 序时进度: the share of the policy year elapsed at a date, as a fraction.
 * @customfunction TIMEPROGRESS
 * @param date The report date (Excel date or 2025-06-30). Blank gives a blank result.
 * @param [basis] month (default) or day.
 * @returns The time progress (0.5 = 50%).
 */
export function timeprogress(date: unknown, basis?: unknown): number | string {
  return run(TIMEPROGRESS, [date, basis]);
}

/**
 * Execution rate minus 序时进度, in percentage points (negative = behind).
 * @customfunction PACE
 * @param area Area: 1-8, 一-八, its title, 合计 or 各领域合计.
 * @param spent The amount spent, in the unit. Blank gives a blank result.
 * @param date The report date (Excel date or 2025-06-30).
 * @param [unit] 亿元 (default), 万元 or 元.
 * @returns Percentage points ahead (+) or behind (-).
 */
export function pace(area: unknown, spent: unknown, date: unknown, unit?: unknown): number | string {
  return run(PACE, [area, spent, date, unit]);
}

/**
 * The targets as a spilled table: a header row (编号, 指标, 目标值, 单位, 比较), then one row per target.
 * @customfunction TARGETS
 * @param [area] Area to list (1-8, 一-八 or title); blank for all.
 * @param [article] Article to list (1-37 or (一)-(三十七)).
 * @returns The table.
 */
export function targets(area?: unknown, article?: unknown): unknown[][] {
  return run(TARGETS, [area, article]);
}

/**
 * The responsible units of an article, lead first, joined with 、.
 * @customfunction RESPONSIBLE
 * @param article Article: 1-37, (一)-(三十七) or 第九条.
 * @returns The units.
 */
export function responsible(article: unknown): string {
  return run(RESPONSIBLE, [article]);
}

/**
 * The edition ZC formulas compute with (the workbook's, else the default bundled one): its id, or a field.
 * @customfunction EDITION
 * @param [field] id (default), title, docNumber, year or issuer; "edition-id/field" asks about another edition.
 * @returns The id or the field.
 */
export function edition(field?: unknown): number | string {
  return run("EDITION", [field]);
}
