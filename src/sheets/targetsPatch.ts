import type { Target } from "../policy/types";
import { toScalar } from "../workbook/cells";
import { patchKeyed, type KeyedSheet } from "../workbook/keyedTable";
import type { Scalar } from "../workbook/model";
import type { SheetPatch } from "../workbook/patch";
import { sameScalar } from "../workbook/same";
import { keptCarryOverNote } from "./carryOver";
import type { BuildContext } from "./context";
import { evaluateTarget } from "./evaluate";
import { KEY_TABLE } from "./identity";
import { keyedLayout, targetKeyedOptions, valueAsItWillBe } from "./keyedOptions";
import { targetColumns } from "./layout";
import { sheetProgress } from "./reportDate";
import type { TargetRowOut } from "./targets";

/**
 * Refreshing 目标任务 in place (the builder is targets.ts): rows by 编号 wherever the user sorted them; with the
 * monthly sheets, 实际值 is the formula showing 月度填报's 本期数 (`current`), and a typed 实际值 equal to it is
 * taken over by the formula (it lives in its month now).
 */
export function patchTargets(
  ctx: BuildContext,
  on: KeyedSheet,
  current: ReadonlyMap<string, Scalar>,
): { patch: SheetPatch; rowsOut: TargetRowOut[] } {
  const { index } = ctx;
  const progress = sheetProgress(on.existing, index.year);
  const monthly = ctx.monthly === true;
  const out = patchKeyed(
    {
      key: "目标任务",
      tableName: KEY_TABLE.目标任务,
      columns: targetColumns(monthly),
      ...targetKeyedOptions(ctx),
      ...keyedLayout(),
      headerProbe: ["编号", "实际值"],
      results: (id, input) => {
        const target = index.target(id) as Target;
        const cell = input("实际值");
        const actual = valueAsItWillBe(cell, {
          monthly,
          restore: on.restore,
          figure: current.get(id) ?? "",
          sheet: ctx.names.月度填报,
          typed: toScalar(cell?.value),
        });
        const r = evaluateTarget(target, actual, toScalar(input("上年值")?.value), progress);
        return {
          ...(monthly ? { 实际值: current.get(id) ?? "" } : {}),
          完成率: r.completion,
          差距: r.gap,
          状态: r.status,
        };
      },
      adopt: (id, column, have) => column === "实际值" && sameScalar(have.value, current.get(id) ?? ""),
      // Where a carried 上年值 came from cannot be read again: the year's turn wrote it, the refresh keeps it.
      keepCheck: (have, input) => keptCarryOverNote(have, input("上年值")),
    },
    on,
  );
  const rowsOut = out.rows.map((row) => ({
    area: String(row.cells("领域") ?? ""),
    responsible: String(row.cells("责任单位") ?? ""),
    status: row.cells("状态") ?? "",
  }));
  return { patch: out.patch, rowsOut };
}
