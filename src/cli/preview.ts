import path from "node:path";
import type { Scalar } from "../workbook/model";
import type { PatchSummary } from "../workbook/patch";

/** Most lines listed per kind of change; the rest are counted. */
const LIST_LIMIT = 20;

const show = (v: Scalar | null | undefined): string => (v === null || v === undefined || v === "" ? "(空)" : String(v));

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const out = items.slice(0, LIST_LIMIT).map((x) => `  ${line(x)}`);
  if (items.length > LIST_LIMIT)
    out.push(`  …另有 ${items.length - LIST_LIMIT} 项 / ${items.length - LIST_LIMIT} more`);
  return out;
}

/**
 * What a refresh changes (or, with --dry-run, would change), Chinese first: the figures of the patch's summary,
 * then the changes themselves — official figures updated, rows appended and flagged, overrides kept, sheets
 * created and skipped.
 */
export function describeRefresh(summary: PatchSummary, file: string): string {
  const name = path.basename(file);
  if (summary.cellsWritten === 0 && summary.sheetsSkipped.length === 0 && summary.overridesKept.length === 0) {
    return `${name}:已是最新,未写入任何单元格(保留填报 ${summary.inputsKept} 项)。 / ${name}: up to date, no cell written (${summary.inputsKept} inputs kept).`;
  }
  const figures: [string, string, number][] = [
    ["官方数据更新", "official figures updated", summary.officialUpdates.length],
    ["新增行", "rows appended", summary.rowsAppended.length],
    ["标记行", "rows flagged", summary.rowsFlagged.length],
    ["保留手工覆盖", "overrides kept", summary.overridesKept.length],
    ["补回公式", "formulas filled", summary.formulasFilled],
    ["升级公式", "formulas upgraded", summary.formulasUpgraded],
    ["移入月度表", "figures moved into their month", summary.valuesMoved ?? 0],
    ["恢复公式", "formulas restored", summary.formulasRestored],
    ["新增列", "columns appended", summary.columnsAppended.length],
    ["新增版块", "blocks added", summary.blocksAdded?.length ?? 0],
    ["新建工作表", "sheets created", summary.sheetsCreated.length],
    ["跳过工作表", "sheets skipped", summary.sheetsSkipped.length],
  ];
  const nonzero = figures.filter(([, , n]) => n > 0);
  const lines = [
    `${name}:写入 ${summary.cellsWritten} 个单元格` +
      (nonzero.length > 0 ? `(${nonzero.map(([zh, , n]) => `${zh} ${n}`).join(",")})` : "") +
      `,保留填报 ${summary.inputsKept} 项。` +
      ` / ${name}: ${summary.cellsWritten} cells written` +
      (nonzero.length > 0 ? ` (${nonzero.map(([, en, n]) => `${n} ${en}`).join(", ")})` : "") +
      `, ${summary.inputsKept} inputs kept.`,
  ];
  if (summary.unitSwitch) {
    const u = summary.unitSwitch;
    lines.push(
      `  单位 ${u.from} → ${u.to}:支出数换算 ${u.converted} 项 / unit switch, ${u.converted} amounts converted`,
    );
  }
  lines.push(
    ...listed(
      summary.officialUpdates,
      (u) => `更新 ${u.sheet}!${u.address} ${u.rowKey ?? ""} ${u.column ?? ""}:${show(u.before)} → ${show(u.after)}`,
    ),
    ...listed(summary.rowsAppended, (r) => `新增 ${r.sheet} 第 ${r.row} 行:${r.rowKey}`),
    ...listed(summary.rowsFlagged, (r) => `标记 ${r.sheet} 第 ${r.row} 行 ${r.rowKey}:${r.flag}`),
    ...listed(
      summary.overridesKept,
      (o) => `保留手工覆盖 ${o.sheet}!${o.address} ${o.rowKey ?? ""} ${o.column ?? ""}:${show(o.value)}`,
    ),
    ...listed(summary.columnsAppended, (c) => `新增列 ${c.sheet}:${c.header}`),
    ...listed(summary.blocksAdded ?? [], (b) => `新增版块 ${b.sheet}:${b.title}起的趋势表(图表 ${b.charts} 张)`),
    ...listed(summary.sheetsCreated, (s) => `新建工作表 ${s}`),
    ...listed(summary.sheetsSkipped, (s) => `已跳过 ${s.sheet}:${s.reason}`),
  );
  return lines.join("\n");
}
