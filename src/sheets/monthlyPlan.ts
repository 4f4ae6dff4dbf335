import { isCalcError, readDate, toExcelSerial, type CivilDate } from "../engine";
import type { EditionData } from "../policy/types";
import type { Figure, TargetFigures, AreaFigures } from "../report";
import { findSheet } from "./read";
import { readFigures } from "./reportFigures";
import { readInput, toScalar, type RawCell } from "../workbook/cells";
import type { BuildContext, BuildStats } from "./context";
import { identifySheets } from "./identity";

import { readExecutionSheet, readTargetsSheet } from "./read";
import { areaMonthCells, currentOf, reportMonthOf, targetMonthCells, type MonthlyInputs } from "./monthly";
import { buildMonthlySpendingSheet } from "./monthlySpending";
import { buildMonthlyStatusSheet } from "./monthlyStatus";
import { buildMonthlyTargetsSheet } from "./monthlyTargets";
import type { Scalar, SheetSpec } from "../workbook/model";
import type { SheetKey } from "./marker";
import { fromExcelValue, indexEdition, toYi } from "../engine";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { ExistingSheet } from "../workbook/snapshot";
import { hasContent } from "../workbook/cells";

export const MONTHLY_KEYS: readonly SheetKey[] = ["月度填报", "月度支出", "月度状态"];

export const isMonthlyKey = (key: SheetKey): boolean => MONTHLY_KEYS.includes(key);

/** What the monthly sheets carry from a workbook as read, and the 报告日期 their cached report month uses. */
export interface MonthlyCarry {
  readonly inputs: MonthlyInputs;
  /** 目标任务's 报告日期 (月度填报's report month) and 预算执行's (月度支出's), as Excel serials. */
  readonly dateSerial?: number;
  readonly spendingDateSerial?: number;
  /**
   * Typed 实际值 / 支出数 moved into the month of their 报告日期, where that month's cell on the monthly sheet was
   * blank: target id → month, area → month. A refresh writes them there (the figure then lives in its month and
   * 实际值 / 支出数 show it by formula).
   */
  readonly moved?: { readonly targets: ReadonlyMap<string, number>; readonly areas: ReadonlyMap<number, number> };
}

const dateOf = (cell: RawCell | undefined): CivilDate | undefined => {
  const input = readInput(toScalar(cell?.value));
  if (input.kind !== "number") return undefined;
  const d = readDate(input.value);
  return d === null || isCalcError(d) ? undefined : d;
};

/**
 * The monthly figures a workbook already holds: its monthly sheets' cells, and every typed 实际值 and 支出数 (a
 * constant, not a formula) as the figure of the month of its 报告日期 where that month is still blank — the whole
 * history of a workbook of the earlier layout, upgraded, starts with what was there; a figure typed into 实际值
 * of the monthly layout moves into its month. A 报告日期 outside the edition's year (or none) moves nothing on
 * the monthly layout: the typed cell then stays where it is (手工覆盖).
 */
export function monthlyCarry(data: EditionData, sheets: Iterable<ExistingSheet>): MonthlyCarry {
  const list = [...sheets];
  const read = readFigures(data, list);
  const index = indexEdition(data);
  const executionSheet = findSheet(list, "预算执行");
  const execution = executionSheet ? readExecutionSheet(executionSheet, index) : undefined;
  const spendingDate = dateOf(execution?.reportDate);
  const targets = new Map<string, TargetFigures>(read.figures.targets);
  const areas = new Map<number, AreaFigures>(read.figures.areas);
  const rawTargets = new Map(read.rawTargets);
  const rawAreas = new Map(read.rawAreas);
  const movedTargets = new Map<string, number>();
  const movedAreas = new Map<number, number>();
  const year = data.document.year;
  const inYear = (d: CivilDate | undefined) => (d !== undefined && d.year === year ? d.month : undefined);
  const put = <K>(
    figures: Map<K, { months: readonly Figure[] }>,
    raws: Map<K, readonly (RawCell | undefined)[]>,
    key: K,
    month: number,
    cell: RawCell,
    figure: Figure,
  ) => {
    const before = figures.get(key);
    const months = [...(before?.months ?? Array.from({ length: 12 }, () => null))];
    months[month - 1] = figure;
    figures.set(key, { ...before, months } as never);
    const raw = [...(raws.get(key) ?? Array.from({ length: 12 }, () => undefined))];
    raw[month - 1] = cell;
    raws.set(key, raw);
  };
  // TRUE / FALSE typed into 实际值 or 支出数 is no figure (and LibreOffice stores it as 1): it stays where it was
  // typed, kept as 手工覆盖, instead of going into a month where the status formulas would read it as a number.
  if (read.layout === "current") {
    dropBooleans(targets, rawTargets);
    dropBooleans(areas, rawAreas);
  }
  if (read.layout === "current") {
    // The earlier layout (or empty monthly sheets): every typed figure goes into the month of its 报告日期 — the
    // figures read put spending into 目标任务's month; 预算执行 has a 报告日期 of its own.
    const from = monthOfReport(read.reportDate, year);
    const to = monthOfReport(spendingDate, year);
    if (from !== to) {
      for (const [no, f] of areas) areas.set(no, { ...f, months: shift(f.months, from, to, null) });
      for (const [no, raw] of rawAreas) rawAreas.set(no, shift(raw, from, to, undefined));
    }
    for (const [id, raw] of rawTargets) raw.forEach((c, i) => c && movedTargets.set(id, i + 1));
    for (const [no, raw] of rawAreas) raw.forEach((c, i) => c && movedAreas.set(no, i + 1));
  } else {
    const targetMonth = inYear(read.reportDate);
    const targetsSheet = findSheet(list, "目标任务");
    for (const row of (targetMonth && targetsSheet ? readTargetsSheet(targetsSheet)?.rows : undefined) ?? []) {
      const t = index.target(row.id);
      const cell = row.inputs.实际值;
      if (!t || !targetMonth || !hasContent(cell) || cell.formula !== undefined || movedTargets.has(t.id)) continue;
      if (typeof cell.value === "boolean") continue;
      if (hasContent(rawTargets.get(t.id)?.[targetMonth - 1])) continue;
      const input = readInput(toScalar(cell.value));
      put(
        targets,
        rawTargets,
        t.id,
        targetMonth,
        cell,
        input.kind === "number" ? fromExcelValue(t, input.value) : "invalid",
      );
      movedTargets.set(t.id, targetMonth);
    }
    const spendingMonth = inYear(spendingDate);
    const unit = execution?.unit === "亿元" ? "亿元" : "万元";
    for (const row of (spendingMonth ? execution?.rows : undefined) ?? []) {
      const cell = row.spent;
      if (row.area === undefined || !spendingMonth || !hasContent(cell) || cell.formula !== undefined) continue;
      if (typeof cell.value === "boolean") continue;
      if (movedAreas.has(row.area) || hasContent(rawAreas.get(row.area)?.[spendingMonth - 1])) continue;
      const input = readInput(toScalar(cell.value));
      put(
        areas,
        rawAreas,
        row.area,
        spendingMonth,
        cell,
        input.kind === "number" ? toYi(input.value, unit) : "invalid",
      );
      movedAreas.set(row.area, spendingMonth);
    }
  }
  return {
    inputs: { targets, areas, rawTargets, rawAreas },
    ...(read.reportDate ? { dateSerial: toExcelSerial(read.reportDate) } : {}),
    ...(spendingDate ? { spendingDateSerial: toExcelSerial(spendingDate) } : {}),
    moved: { targets: movedTargets, areas: movedAreas },
  };
}

function dropBooleans<K>(
  figures: Map<K, { months: readonly Figure[] }>,
  raws: Map<K, readonly (RawCell | undefined)[]>,
): void {
  for (const [key, raw] of raws) {
    if (!raw.some((c) => c?.formula === undefined && typeof c?.value === "boolean")) continue;
    const keep = raw.map((c) => (c?.formula === undefined && typeof c?.value === "boolean" ? undefined : c));
    raws.set(key, keep);
    const f = figures.get(key);
    if (f) figures.set(key, { ...f, months: f.months.map((m, i) => (raw[i] === keep[i] ? m : null)) } as never);
  }
}

/** The month a typed figure of the earlier layout belongs to, as the figures read place it (readFigures). */
function monthOfReport(d: CivilDate | undefined, year: number): number {
  return d === undefined ? 12 : d.year < year ? 1 : d.year > year ? 12 : d.month;
}

function shift<T, B>(months: readonly (T | B)[], from: number, to: number, blank: B): (T | B)[] {
  const out = Array.from({ length: 12 }, (): T | B => blank);
  out[to - 1] = months[from - 1] as T | B;
  return out;
}

/**
 * 本期数 of every target and area as the monthly sheets will show it: the cached results of 实际值 and 支出数,
 * which follow it. Targets in their sheet scale (3.05% as 0.0305), areas in the sheet's amount unit.
 */
export function currentFigures(
  ctx: BuildContext,
  carry: MonthlyCarry,
): { readonly targets: ReadonlyMap<string, Scalar>; readonly areas: ReadonlyMap<number, Scalar> } {
  const { inputs } = carry;
  const targetMonth = reportMonthOf(ctx, inputs, carry.dateSerial ?? ctx.reportDateSerial);
  const areaMonth = reportMonthOf(ctx, inputs, carry.spendingDateSerial ?? carry.dateSerial ?? ctx.reportDateSerial);
  const targets = new Map<string, Scalar>();
  for (const t of ctx.data.targets) {
    const cells = targetMonthCells(t, inputs.targets?.get(t.id), inputs.rawTargets?.get(t.id));
    targets.set(t.id, currentOf(cells, targetMonth));
  }
  const areas = new Map<number, Scalar>();
  for (const a of ctx.data.areas) {
    const cells = areaMonthCells(inputs.areas?.get(a.no), inputs.rawAreas?.get(a.no), ctx.amountUnit);
    areas.set(a.no, currentOf(cells, areaMonth));
  }
  return { targets, areas };
}

/**
 * Whether 实际值 and 支出数 follow the monthly sheets: the monthly sheets are written now (all of them), or the
 * workbook already has ours. With the names they have (a renamed sheet of ours keeps its name).
 */
export function monthlyNames(
  snapshot: WorkbookSnapshot,
  written: ReadonlyMap<SheetKey, string>,
): { readonly monthly: boolean; readonly names: Partial<Record<SheetKey, string>> } {
  const identities = identifySheets(snapshot);
  const names: Partial<Record<SheetKey, string>> = {};
  let monthly = true;
  for (const key of ["月度填报", "月度支出"] as const) {
    const name = written.get(key) ?? identities.get(key)?.sheet;
    if (name === undefined) monthly = false;
    else names[key] = name;
  }
  return { monthly, names };
}

export function buildMonthlySheet(
  key: SheetKey,
  ctx: BuildContext,
  name: string,
  carry: MonthlyCarry,
): { sheet: SheetSpec; stats: BuildStats } {
  const date = carry.dateSerial ?? ctx.reportDateSerial;
  if (key === "月度填报") return buildMonthlyTargetsSheet(ctx, name, carry.inputs, date);
  if (key === "月度支出") return buildMonthlySpendingSheet(ctx, name, carry.inputs, carry.spendingDateSerial ?? date);
  return buildMonthlyStatusSheet(ctx, name, carry.inputs);
}
