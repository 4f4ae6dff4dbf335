import { headerKey } from "./layout";
import { keyedLayout, targetKeyedOptions } from "./keyedOptions";
import { MONITOR_TABLE } from "./monthlyLayout";
import type { BuildContext } from "./context";
import type { SheetPatch } from "../workbook/patch";
import { patchKeyed, type KeyedSheet } from "../workbook/keyedTable";
import { findHeader } from "./read";
import {
  MONITOR_BUDGET_HEADER_ROW,
  MONITOR_COLUMNS,
  MONITOR_TOTAL_LABEL,
  monitorHeaderRow,
  type MonitorColumn,
} from "./monitor";
import type { ExistingSheet } from "../workbook/snapshot";

/**
 * Refreshing 绩效监控 in place. The 绩效指标 table is a keyed table like 目标任务: rows found by 编号 wherever the user
 * sorted them, official cells and formulas written where they differ, the four inputs (全年预计完成情况, 偏差原因分析,
 * 完成目标可能性, 纠偏措施) never written, new targets appended below the table, rows of targets the edition no
 * longer has flagged in 核对. Everything above the table (title, 报告月份, the 预算执行 block) is product-owned and
 * written cell by cell where it differs — as long as it still lines up with the edition's areas: when the block has
 * another number of area rows than the edition (an edition with other areas), it is left as it is and the preview
 * says so, since growing it would have to move the table below.
 */
export function patchMonitor(ctx: BuildContext, on: KeyedSheet): SheetPatch {
  const { existing, sum } = on;
  const { data } = ctx;
  const headerRow = monitorHeaderRow(data.areas.length);
  const probe = ["编号", "完成目标可能性"];
  const found = findHeader(existing, probe, headerRow + 30);
  const offset = found === undefined ? 0 : found + 1 - headerRow;
  const areasRead = budgetRowsOf(existing, found);
  const lined =
    areasRead === data.areas.length &&
    headerKey(existing.cells[MONITOR_BUDGET_HEADER_ROW - 1 + offset]?.[0]?.value) === "领域";
  if (!lined && found !== undefined) {
    const block =
      areasRead < 0
        ? "找不到预算执行部分(领域…合计)"
        : `预算执行部分有${areasRead}个领域行,本版政策有${data.areas.length}个领域`;
    sum.skipped.push({
      sheet: existing.name,
      reason:
        `“${existing.name}”的${block},该部分未刷新(绩效指标部分照常刷新,填报内容全部保留)。` +
        "如需按本版重建,可将该表改名保留,再重新生成。",
    });
  }
  return patchKeyed<MonitorColumn>(
    {
      key: "绩效监控",
      tableName: MONITOR_TABLE,
      columns: MONITOR_COLUMNS,
      ...targetKeyedOptions(ctx),
      ...keyedLayout<MonitorColumn>(headerRow),
      headerProbe: probe,
      skipAbove: !lined,
      // The formulas read other sheets only: the fresh sheet's cached results (from the workbook as read) stand.
      results: () => ({}),
    },
    on,
  ).patch;
}

/** How many area rows the 预算执行 block holds: the rows between its header (领域) and 合计, above the table. */
function budgetRowsOf(existing: ExistingSheet, tableHeader: number | undefined): number {
  const limit = tableHeader ?? existing.cells.length;
  let header: number | undefined;
  for (let r = 0; r < limit; r++) {
    const a = existing.cells[r]?.[0]?.value;
    if (header === undefined && headerKey(a) === "领域") header = r;
    else if (header !== undefined && typeof a === "string" && a.trim() === MONITOR_TOTAL_LABEL) return r - header - 1;
  }
  return -1;
}
