import { parseRange } from "../workbook/a1";
import type { BlockAdded } from "../workbook/patch";

import { TREND_ROWS, TREND_TITLES } from "./summaryTrends";
import type { SheetSpec } from "../workbook/model";
import type { ExistingSheet } from "../workbook/snapshot";
import { hasContent } from "../workbook/cells";

/**
 * 汇总's trend blocks on a refresh: where they are on the sheet as it is (found by the first block's title in
 * column A), or — a sheet from before the trends (layout upgrade) — below the last row that holds anything, so
 * that nothing the user placed there is written over or moved.
 */
export function trendPlacement(existing: ExistingSheet): { at?: number; after: number } {
  let after = 0;
  let at: number | undefined;
  existing.cells.forEach((row, r) => {
    if (row.some((c) => hasContent(c))) after = r + 1;
    const a = row[0]?.value;
    if (at === undefined && typeof a === "string" && a.trim() === TREND_TITLES.status) at = r + 1;
  });
  return at === undefined ? { after } : { at, after };
}

/** The rows of the trend blocks in a sheet built with them, or undefined when it has none. */
export function trendRows(sheet: SheetSpec): readonly [number, number] | undefined {
  const top = sheet.cells.findIndex((row) => row?.[0]?.value === TREND_TITLES.status);
  return top < 0 ? undefined : [top + 1, top + TREND_ROWS];
}

/**
 * What the layout upgrade adds besides the cells: the fresh sheet's formats, page breaks and charts within the
 * blocks' rows (the trends, and 汇总's count by unit below them). Charts the sheet already holds (by name) are
 * not added again. `title` names the block in the preview (its first row's title).
 */
export function trendBlock(
  fresh: SheetSpec,
  rows: readonly [number, number],
  chartsThere: readonly string[],
  title: string = TREND_TITLES.status,
): BlockAdded {
  const [top, bottom] = rows;
  const inside = (ref: string) => {
    const box = parseRange(ref);
    return box.top >= top && box.bottom <= bottom;
  };
  const there = new Set(chartsThere.map((n) => n.toLowerCase()));
  return {
    title,
    rows,
    styles: fresh.styles.filter((s) => inside(s.ref)),
    merges: fresh.merges.filter(inside),
    rowHeights: [...fresh.rowHeights].filter(([r]) => r >= top && r <= bottom),
    conditionalFormats: fresh.conditionalFormats.filter((f) => inside(f.ref)),
    charts: fresh.charts.filter((c) => inside(c.from) && !there.has(c.name.toLowerCase())),
    rowBreaks: fresh.rowBreaks.filter((r) => r >= top && r <= bottom),
  };
}
