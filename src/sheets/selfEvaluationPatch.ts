import type { BuildContext } from "./context";
import { keyedLayout, targetKeyedOptions } from "./keyedOptions";
import { patchKeyed, type KeyedSheet } from "../workbook/keyedTable";
import type { SheetPatch } from "../workbook/patch";
import { readSelfEvaluationCells, SELF_EVALUATION_PROBE } from "./selfEvaluationRead";
import {
  SELF_EVALUATION_COLUMNS,
  SELF_EVALUATION_TABLE,
  selfEvaluationHeaderRow,
  type SelfEvaluationColumn,
} from "./selfEvaluationLayout";

/**
 * Refreshing 绩效自评 in place. The 指标评分 table is keyed by 编号 like 绩效监控's: official cells and formulas
 * written where they differ wherever the row was sorted, 类别 (an input) never written on a row that exists, new
 * targets appended below with the class the product proposes, rows of targets the edition no longer has flagged in
 * 核对 (and left out of every sum). Above the table the fresh sheet carries what staff typed (settings, 满意度), so
 * only the product's texts and formulas differ — written where they do, as long as the area rows still line up with
 * the edition's areas; otherwise that block is left as it is and the preview says so.
 */
export function patchSelfEvaluation(ctx: BuildContext, on: KeyedSheet): SheetPatch {
  const { existing, sum } = on;
  const areas = ctx.data.areas.length;
  const kept = readSelfEvaluationCells(existing, ctx.index);
  const lined = kept !== undefined && kept.areasRead === areas && kept.areaRows.size === areas;
  if (!lined && kept !== undefined) {
    sum.skipped.push({
      sheet: existing.name,
      reason:
        `“${existing.name}”的各领域自评得分部分有${kept.areasRead}个领域行,本版政策有${areas}个领域,该部分未刷新` +
        "(指标评分部分照常刷新,填报内容全部保留)。如需按本版重建,可将该表改名保留,再重新生成。",
    });
  }
  return patchKeyed<SelfEvaluationColumn>(
    {
      key: "绩效自评",
      tableName: SELF_EVALUATION_TABLE,
      columns: SELF_EVALUATION_COLUMNS,
      ...targetKeyedOptions(ctx),
      ...keyedLayout<SelfEvaluationColumn>(selfEvaluationHeaderRow(areas)),
      headerProbe: SELF_EVALUATION_PROBE,
      skipAbove: !lined,
      // The fresh sheet's cached results were computed from the workbook as read, staff's classes included.
      results: () => ({}),
    },
    on,
  ).patch;
}
