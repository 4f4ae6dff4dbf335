import { unitDuties } from "../returns/leads";
import { columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import { hasContent } from "../workbook/cells";
import { exactCriterion } from "./formulas";
import type { SheetSpec } from "../workbook/model";
import type { ExistingSheet } from "../workbook/snapshot";
import type { BuildContext } from "./context";
import { targetCol } from "./layout";
import { STATUS_COLORS, STYLE, type SheetBuilder } from "./sheetBuilder";
import type { TargetRowOut } from "./targets";

/**
 * 汇总's count by unit, the last block of the sheet (a page of its own): per unit that leads targets (and so gets a
 * return), how many it leads, how many have their figure and how many are still 未填报 — COUNTIFS over 目标任务's
 * 责任单位 and 状态 columns (whole columns, so rows a user sorts or adds count), a lead being the first 责任单位
 * (the cell equals the unit, or starts with it and 、). 填报情况 uses the returns' words: 已报 / 未报全 / 未报.
 */

/** Column A of the block's first row: how a refresh finds the block on a sheet that has it. */
export const UNITS_TITLE = "各单位填报情况(项)";
const HEADERS = ["牵头单位", "牵头目标", "已填报", "未填报", "填报情况"] as const;
/** Columns the block uses (A…E) and its caption spans (A…H, as 汇总's other blocks). */
const SPAN = 8;

/** Where the block is on a sheet that has it, else the sheet's last used row (the block goes below it). */
export interface UnitsPlacement {
  readonly at?: number;
  readonly after?: number;
}

/** The block's place on 汇总 as it is: found by its title in column A, or below the last row holding anything. */
export function unitsPlacement(existing: ExistingSheet): UnitsPlacement {
  let after = 0;
  let at: number | undefined;
  existing.cells.forEach((row, r) => {
    if (row.some((c) => hasContent(c))) after = r + 1;
    const a = row[0]?.value;
    if (at === undefined && typeof a === "string" && a.trim() === UNITS_TITLE) at = r + 1;
  });
  return at === undefined ? { after } : { at, after };
}

/** The block's rows in a sheet built with it (it is the sheet's last block), or undefined. */
export function unitsRows(sheet: SheetSpec): readonly [number, number] | undefined {
  const top = sheet.cells.findIndex((row) => row?.[0]?.value === UNITS_TITLE);
  return top < 0 ? undefined : [top + 1, sheet.cells.length];
}

/**
 * Writes the block from `defaultTop` (or where `placement` puts it: where it is, else below everything there)
 * with a page break before it; cached results from the rows 目标任务 was just built or patched with.
 */
export function buildSummaryUnits(
  b: SheetBuilder,
  ctx: BuildContext,
  defaultTop: number,
  targets: readonly TargetRowOut[],
  placement: UnitsPlacement = {},
): { top: number; last: number } {
  const top = placement.at ?? Math.max(defaultTop, (placement.after ?? 0) + 2);
  const t = quoteSheet(ctx.names.目标任务);
  const whole = (key: "责任单位" | "状态") => {
    const L = columnLetter(targetCol(key));
    return `${t}!$${L}:$${L}`;
  };
  const responsible = whole("责任单位");
  const status = whole("状态");
  b.breakBefore(top);
  b.value(top, 1, UNITS_TITLE);
  b.value(
    top,
    3,
    "按“目标任务”的状态统计(其实际值随报告月份);未填报的单位可生成催报通知(任务窗格“填报”或 returns status)。",
  );
  b.merge(top, 3, top, SPAN);
  b.style(rangeAddress(top, 1, top, 1), { bold: true, vAlign: "center" });
  b.style(rangeAddress(top, 3, top, SPAN), { ...STYLE.subtitle, vAlign: "center" });
  const header = top + 1;
  HEADERS.forEach((h, i) => b.value(header, i + 1, h));
  b.styleBox(header, 1, header, HEADERS.length, STYLE.computedHeader);
  b.height(header, 30);

  let r = header + 1;
  const units = unitDuties(ctx.data).filter((d) => d.leads.length > 0);
  let allLeads = 0;
  let allMissing = 0;
  for (const { unit } of units) {
    const mine = targets.filter((x) => x.responsible === unit || x.responsible.startsWith(`${unit}、`));
    const missing = mine.filter((x) => x.status === "未填报").length;
    allLeads += mine.length;
    allMissing += missing;
    const name = exactCriterion(`$A${r}`);
    const leads = (extra: string) =>
      `COUNTIFS(${responsible},${name}${extra})+COUNTIFS(${responsible},${name}&"、*"${extra})`;
    b.value(r, 1, unit);
    b.set(r, 2, { formula: leads(""), result: mine.length, numFmt: "0" });
    b.set(r, 3, { formula: `B${r}-D${r}`, result: mine.length - missing, numFmt: "0" });
    b.set(r, 4, { formula: leads(`,${status},"未填报"`), result: missing, numFmt: "0" });
    b.set(r, 5, {
      formula: `IF(B${r}=0,"",IF(D${r}=0,"已报",IF(C${r}=0,"未报","未报全")))`,
      result: mine.length === 0 ? "" : missing === 0 ? "已报" : missing === mine.length ? "未报" : "未报全",
    });
    r++;
  }
  const last = r - 1;
  b.styleBox(header + 1, 1, last, HEADERS.length, STYLE.body);
  b.styleBox(header + 1, 2, last, HEADERS.length, STYLE.center);
  const state = rangeAddress(header + 1, 5, Math.max(last, header + 1), 5);
  const first = `$E${header + 1}`;
  b.conditional({ ref: state, formula: `${first}="已报"`, style: STATUS_COLORS.met });
  b.conditional({ ref: state, formula: `${first}="未报全"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: state, formula: `${first}="未报"`, style: STATUS_COLORS.missed });
  const total = last + 1;
  b.value(total, 1, "合计");
  b.set(total, 2, { formula: `SUM(B${header + 1}:B${last})`, result: allLeads, numFmt: "0" });
  b.set(total, 3, { formula: `SUM(C${header + 1}:C${last})`, result: allLeads - allMissing, numFmt: "0" });
  b.set(total, 4, { formula: `SUM(D${header + 1}:D${last})`, result: allMissing, numFmt: "0" });
  b.styleBox(total, 1, total, HEADERS.length, { ...STYLE.total, hAlign: "center" });
  return { top, last: total };
}
