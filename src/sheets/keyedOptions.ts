import { fromYi, toYi } from "../engine";
import { readInput, type RawCell } from "../workbook/cells";
import type { AmountUnit, BuildContext } from "./context";
import { DUPLICATE_TARGET, ORPHAN_AREA, ORPHAN_TARGET } from "./layout";
import type { KeyedTable } from "./patchPlan";
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
