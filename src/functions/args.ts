/**
 * Declarative argument specs (HyperFormula style): each function lists its arguments once, and the same list
 * drives parsing, blank handling and the argument names checked against functions.json. Everything here is a
 * value — errors included — so the formula layer can be tested without Excel.
 */
import {
  CalcError,
  findArea,
  findArticle,
  findTarget,
  isBlankInput,
  isCalcError,
  notAvailable,
  readAmountUnit,
  readDate,
  readNumber,
  readProgressBasis,
  unwrapSingle,
  valueError,
  type AmountUnit,
  type BudgetTotal,
  type CivilDate,
  type EditionIndex,
  type ProgressBasis,
} from "../engine";
import type { Area, Article, Target } from "../policy/types";
import { readTargetField, TARGET_FIELD_NAMES, type TargetField } from "./fields";
import { FunctionError } from "./messages";

export type FnError = CalcError | FunctionError;

export function isFnError(value: unknown): value is FnError {
  return value instanceof CalcError || value instanceof FunctionError;
}

/** A blank input whose function answers "" so an unfilled report row stays blank instead of showing 0%. */
export const BLANK: unique symbol = Symbol("blank");

export interface ArgSpec<T> {
  /** The parameter's name in functions.json. */
  readonly name: string;
  readonly optional: boolean;
  readonly read: (raw: unknown, index: EditionIndex) => T | FnError | typeof BLANK;
}

/** What a function returns in Excel; "" is also allowed wherever a blank input gives an empty result. */
export type ResultKind = "number" | "string" | "boolean" | "numberOrString" | "matrix";
export type Cell = number | string;
export type Value = number | string | boolean | Cell[][];

/**
 * A cell as a plain value: a 1×1 range becomes its value, and a rich cell value (with
 * allowCustomDataForDataTypeAny Excel passes entities and formatted numbers to `any` parameters as objects)
 * becomes its basic value or its text. Any other object becomes text, so no reader ever meets an object.
 */
export function cellValue(raw: unknown): unknown {
  const value = unwrapSingle(raw);
  if (typeof value !== "object" || value === null || isCalcError(value) || value instanceof Date) return value;
  const rich = value as { basicValue?: unknown; text?: unknown };
  const basic = "basicValue" in rich ? unwrapSingle(rich.basicValue) : rich.text;
  if (basic === null || typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") {
    return basic;
  }
  return isCalcError(basic) ? basic : "[object]";
}

function spec<T>(name: string, optional: boolean, read: ArgSpec<T>["read"]): ArgSpec<T> {
  return { name, optional, read };
}

function lookup<T>(name: string, find: (index: EditionIndex, v: unknown) => T | CalcError): ArgSpec<T> {
  // A required lookup leaves a blank to the engine, which answers with its `required` error.
  return spec(name, false, (raw, index) => {
    const value = cellValue(raw);
    return isCalcError(value) ? value : find(index, value);
  });
}

function optionalLookup<T>(name: string, find: (index: EditionIndex, v: unknown) => T | CalcError) {
  return spec<T | null>(name, true, (raw, index) => {
    const value = cellValue(raw);
    if (isCalcError(value)) return value;
    return isBlankInput(value) ? null : find(index, value);
  });
}

export const arg = {
  target: (name: string) => lookup<Target>(name, findTarget),
  area: (name: string) => lookup<Area | BudgetTotal>(name, findArea),
  optionalArea: (name: string) => optionalLookup<Area | BudgetTotal>(name, findArea),
  article: (name: string) => lookup<Article>(name, findArticle),
  optionalArticle: (name: string) => optionalLookup<Article>(name, findArticle),

  /** A number whose blank makes the function answer "" (the row is not filled in yet). */
  number: (name: string): ArgSpec<number> => spec(name, false, (raw) => readNumber(cellValue(raw)) ?? BLANK),
  /** A required number whose blank the function itself interprets (STATUS → 未填报). */
  numberOrNull: (name: string): ArgSpec<number | null> => spec(name, false, (raw) => readNumber(cellValue(raw))),
  optionalNumber: (name: string): ArgSpec<number | null> => spec(name, true, (raw) => readNumber(cellValue(raw))),

  /** A date whose blank makes the function answer "". */
  date: (name: string): ArgSpec<CivilDate> => spec(name, false, (raw) => readDate(cellValue(raw)) ?? BLANK),
  optionalDate: (name: string): ArgSpec<CivilDate | null> => spec(name, true, (raw) => readDate(cellValue(raw))),

  /** Free text the engine matches (a budget item's label); blank → null. */
  optionalText: (name: string): ArgSpec<string | null> =>
    spec(name, true, (raw) => {
      const value = cellValue(raw);
      if (isCalcError(value)) return value;
      return isBlankInput(value) ? null : String(value);
    }),

  amountUnit: (name: string): ArgSpec<AmountUnit> =>
    spec(name, true, (raw) => {
      const value = cellValue(raw);
      return isCalcError(value) ? value : readAmountUnit(value);
    }),

  basis: (name: string): ArgSpec<ProgressBasis> =>
    spec(name, true, (raw) => {
      const value = cellValue(raw);
      if (isCalcError(value)) return value;
      return readProgressBasis(value) ?? valueError("unknownBasis", String(value));
    }),

  field: (name: string): ArgSpec<TargetField> =>
    spec(name, true, (raw) => {
      const value = cellValue(raw);
      if (isCalcError(value)) return value;
      if (isBlankInput(value)) return "value";
      const field = typeof value === "string" ? readTargetField(value) : undefined;
      return field ?? notAvailable("unknownField", String(value), TARGET_FIELD_NAMES);
    }),
};

type Parsed<S extends readonly ArgSpec<unknown>[]> = { [K in keyof S]: S[K] extends ArgSpec<infer T> ? T : never };

export interface FunctionDef {
  readonly id: string;
  readonly args: readonly ArgSpec<unknown>[];
  readonly result: ResultKind;
  /** Reads the raw Excel arguments by the spec and runs; never throws, never returns NaN, ±Infinity or undefined. */
  readonly evaluate: (raw: readonly unknown[]) => Value | FnError;
}

/**
 * Defines a function from its argument list and a body over the parsed arguments. The first argument error is
 * the answer (so a mistyped id shows even on an unfilled row); then a blank `empty` argument answers "".
 */
export function defineFunction<const S extends readonly ArgSpec<unknown>[]>(
  index: EditionIndex,
  id: string,
  args: S,
  result: ResultKind,
  body: (...parsed: Parsed<S>) => Value | FnError,
): FunctionDef {
  const evaluate = (raw: readonly unknown[]): Value | FnError => {
    const parsed: unknown[] = [];
    let blank = false;
    for (let i = 0; i < args.length; i++) {
      const value = (args[i] as ArgSpec<unknown>).read(raw[i], index);
      if (isFnError(value)) return value;
      if (value === BLANK) blank = true;
      parsed.push(value);
    }
    if (blank) return "";
    return settle(body(...(parsed as Parsed<S>)));
  };
  return { id, args, result, evaluate };
}

/**
 * The last guard before Excel: finite numbers only, and −0 as 0. Rounding stays the engine's business (it tidies
 * figures such as gaps and amounts, not ratios), so a rate of 2/3 reaches Excel at full precision.
 */
function settle(value: Value | FnError): Value | FnError {
  if (typeof value === "number") return settleNumber(value);
  if (Array.isArray(value)) {
    const rows: Cell[][] = [];
    for (const row of value) {
      const cells: Cell[] = [];
      for (const cell of row) {
        const settled = typeof cell === "number" ? settleNumber(cell) : cell;
        if (isFnError(settled)) return settled;
        cells.push(settled);
      }
      rows.push(cells);
    }
    return rows;
  }
  if (value === undefined || value === null) return new FunctionError("VALUE", "unexpected", [String(value)]);
  return value;
}

function settleNumber(value: number): number | FunctionError {
  if (!Number.isFinite(value)) return new FunctionError("VALUE", "resultNotFinite");
  return value === 0 ? 0 : value;
}
