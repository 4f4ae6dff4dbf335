import { fromYi, toYi } from "../engine";
import { readInput, type RawCell } from "../workbook/cells";
import type { Scalar } from "../workbook/model";
import type { AmountUnit, BuildContext } from "./context";
import { DATE_CELL, DUPLICATE_TARGET, HEADER_ROW, headerKey, ORPHAN_AREA, ORPHAN_TARGET } from "./layout";
import { earlierFormulas } from "./formulas";
import { isOurTitle } from "./sheetBuilder";
import { sameScalar } from "../workbook/same";
import { hasContent } from "../workbook/cells";
import type { KeyedTable } from "../workbook/keyedTable";
import { areaOfLabel } from "./read";
import type { CellSpec } from "../workbook/model";

/**
 * How the keyed tables find and flag their rows, shared by every sheet keyed the same way: one row per target
 * (目标任务, 月度填报, 绩效监控) or per area (预算执行, 月度支出), wherever the user moved it.
 */
type RowKeying<Key extends string> = Pick<
  KeyedTable<Key>,
  "keyColumn" | "canonical" | "order" | "orphanFlag" | "duplicateFlag" | "rewriteKey"
>;

/** Rows by 编号, in edition order; the 编号 is the user's key and never rewritten. */
export function targetKeyedOptions(ctx: BuildContext): RowKeying<"编号"> {
  const { index, data } = ctx;
  return {
    keyColumn: "编号",
    canonical: (value) =>
      typeof value === "string" || typeof value === "number" ? index.target(String(value))?.id : undefined,
    order: data.targets.map((t) => t.id),
    orphanFlag: ORPHAN_TARGET,
    duplicateFlag: DUPLICATE_TARGET,
    rewriteKey: false,
  };
}

/**
 * Rows by area, found by its label (or its number), in edition order; the label is official text brought up to
 * date. A second row of the same area is flagged as one the edition does not have.
 */
export function areaKeyedOptions(ctx: BuildContext): RowKeying<"领域"> {
  const { index, data } = ctx;
  return {
    keyColumn: "领域",
    canonical: (value) => {
      const no = typeof value === "string" ? areaOfLabel(value.trim(), index) : undefined;
      return no === undefined ? undefined : String(no);
    },
    order: data.areas.map((a) => String(a.no)),
    orphanFlag: ORPHAN_AREA,
    duplicateFlag: ORPHAN_AREA,
    rewriteKey: true,
  };
}

/**
 * A typed amount in the unit asked for on an explicit unit switch (万元 ↔ 亿元): undefined when the sheet keeps its
 * unit, or the cell holds no typed number (a formula, a text, nothing).
 */
export function switchedAmount(
  sheetUnit: AmountUnit | undefined,
  amountUnit: AmountUnit,
): (cell: RawCell | undefined) => number | undefined {
  return (cell) => {
    if (sheetUnit === undefined || sheetUnit === amountUnit || !cell || cell.formula !== undefined) return undefined;
    const input = readInput(cell.value);
    return input.kind === "number" ? fromYi(toYi(input.value, sheetUnit), amountUnit) : undefined;
  };
}

/** The `convert` of an area-keyed table: its amount columns' typed numbers rewritten on a unit switch. */
export function convertAmounts<K extends string>(
  isAmount: (column: K) => boolean,
  switched: (cell: RawCell | undefined) => number | undefined,
): NonNullable<KeyedTable<K>["convert"]> {
  return (column, cell): CellSpec | undefined => {
    if (!isAmount(column)) return undefined;
    const value = switched(cell);
    return value === undefined ? undefined : { value, numFmt: "#,##0.00" };
  };
}

/** 核对 of a row whose formula cells the user typed over. */
export const OVERRIDE_NOTE = "手工覆盖";

/** The product's layout of every keyed table: where the header is, how headers read, the 核对 column. */
export function keyedLayout<K extends string>(
  headerRow: number = HEADER_ROW,
): Pick<
  KeyedTable<K>,
  "headerRow" | "headerKey" | "isOurTitle" | "dateCell" | "checkColumn" | "overrideNote" | "earlierFormulas"
> {
  return {
    headerRow,
    headerKey,
    isOurTitle,
    dateCell: DATE_CELL,
    checkColumn: "核对" as K,
    overrideNote: OVERRIDE_NOTE,
    earlierFormulas,
  };
}

/** A formula in 实际值 / 支出数 that is ours: it looks the row up on the monthly sheet (any version of it). */
export function followsSheet(formula: string, sheet: string): boolean {
  return formula.includes(sheet) && /MATCH\(/i.test(formula);
}

/**
 * 实际值 / 支出数 as it will be after the refresh: with the monthly sheets, 本期数 (`figure`, what the formula
 * shows) — unless the cell keeps what the user typed over it (手工覆盖); without them, what was typed.
 */
export function valueAsItWillBe(
  cell: RawCell | undefined,
  how: {
    readonly monthly: boolean;
    readonly restore: boolean;
    /** The report month's figure on the monthly sheet. */
    readonly figure: Scalar;
    /** The monthly sheet's name, as the formula names it. */
    readonly sheet: string;
    /** The typed value as it counts (a 支出数 converted on a unit switch). */
    readonly typed: unknown;
  },
): unknown {
  if (!how.monthly) return how.typed;
  if (!hasContent(cell) || how.restore) return how.figure;
  if (cell.formula !== undefined) return followsSheet(cell.formula, how.sheet) ? how.figure : how.typed;
  return sameScalar(how.typed, how.figure) ? how.figure : how.typed;
}
