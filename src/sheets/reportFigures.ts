import { fromExcelValue, indexEdition, readDate, isCalcError, toYi, type AmountUnit, type CivilDate } from "../engine";
import type { EditionData } from "../policy/types";
import type { AreaFigures, Figure, TargetFigures, WorkbookFigures } from "../report";
import { cellAddress } from "../workbook/a1";
import { readInput, type RawCell } from "../workbook/cells";
import { headerKey, headerUnit } from "./layout";
import { monthOfHeader, MONTHLY_SPENDING_TITLE, MONTHLY_TARGETS_TITLE } from "./monthlyLayout";
import { deviationReasonsOf } from "./deviationReasons";
import { areaOfLabel, findSheet, readExecutionSheet, readTargetsSheet } from "./read";
import { selfEvaluationInputsOf } from "./selfEvaluationRead";
import type { ExistingSheet } from "../workbook/snapshot";

/**
 * Reads a workbook's figures for the report from its sheets as a host read them (every cell from A1): the monthly
 * sheets (月度填报, 月度支出) when they are there, else — a workbook of the earlier layout — 目标任务's 实际值 and
 * 预算执行's 支出数 as the figures of the month of their 报告日期. 上年值 always comes from 目标任务. Percentages are
 * read as the cells hold them (0.0305) and given in the target's scale (3.05); spending in 亿元. With 绩效自评, its
 * settings, classes and 满意度 too (the year's 自评报告 scores with them).
 */
export interface ReadFigures {
  readonly figures: WorkbookFigures;
  /** 目标任务's 报告日期, when it holds a date. */
  readonly reportDate?: CivilDate;
  /** Months that hold any number (targets or spending), 1月 first: what the report month is chosen from. */
  readonly filled: readonly boolean[];
  /** "monthly" when the monthly sheets were read, "current" for the earlier layout's single figures. */
  readonly layout: "monthly" | "current";
  /** Which sheets the figures came from. */
  readonly sheets: readonly string[];
  /** The month cells as read (1月 first), by target id and by area: what a rebuild of the monthly sheets carries. */
  readonly rawTargets: ReadonlyMap<string, readonly (RawCell | undefined)[]>;
  readonly rawAreas: ReadonlyMap<number, readonly (RawCell | undefined)[]>;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

const figureOf = (cell: RawCell | undefined): Figure => {
  const input = readInput(cell?.value);
  return input.kind === "blank" ? null : input.kind === "number" ? input.value : "invalid";
};

interface MonthlyGrid {
  readonly headerRow: number;
  readonly keyCol: number;
  readonly monthCols: ReadonlyMap<number, number>;
  readonly unit?: string;
}

function monthlyGrid(sheet: ExistingSheet, key: string, unitHeader?: string): MonthlyGrid | undefined {
  for (let r = 0; r < Math.min(sheet.cells.length, 30); r++) {
    const row = sheet.cells[r] ?? [];
    const keyCol = row.findIndex((c) => headerKey(c?.value) === key);
    const monthCols = new Map<number, number>();
    row.forEach((c, i) => {
      const m = monthOfHeader(c?.value);
      if (m !== undefined && !monthCols.has(m)) monthCols.set(m, i);
    });
    if (keyCol >= 0 && monthCols.size > 0) {
      const unitCell = unitHeader === undefined ? undefined : row.find((c) => headerKey(c?.value) === unitHeader);
      const unit = headerUnit(unitCell?.value);
      return { headerRow: r, keyCol, monthCols, ...(unit !== undefined ? { unit } : {}) };
    }
  }
  return undefined;
}

const amountUnit = (unit: string | undefined): AmountUnit => (unit === "亿元" ? "亿元" : unit === "元" ? "元" : "万元");

export function readFigures(data: EditionData, sheets: readonly ExistingSheet[]): ReadFigures {
  const index = indexEdition(data);
  const targetsSheet = findSheet(sheets, "目标任务");
  const executionSheet = findSheet(sheets, "预算执行");
  const targetsRead = targetsSheet ? readTargetsSheet(targetsSheet) : undefined;
  const executionRead = executionSheet ? readExecutionSheet(executionSheet, index) : undefined;
  const date = readDate(
    readInput(targetsRead?.reportDate?.value).kind === "number" ? targetsRead?.reportDate?.value : null,
  );
  const reportDate = date === null || isCalcError(date) ? undefined : date;
  const year = data.document.year;
  // What staff set on 绩效自评 (settings, classes, 满意度): the year's report scores as the sheet does.
  const sheetInputs = selfEvaluationInputsOf(findSheet(sheets, "绩效自评"), index);
  const reasons = deviationReasonsOf(sheets);
  const evaluation = { ...(sheetInputs ? { evaluation: sheetInputs } : {}), ...(reasons.size > 0 ? { reasons } : {}) };
  const dateMonth =
    reportDate === undefined ? 12 : reportDate.year < year ? 1 : reportDate.year > year ? 12 : reportDate.month;

  const previousById = new Map<string, Figure>();
  for (const row of targetsRead?.rows ?? []) {
    const t = index.target(row.id);
    if (t && !previousById.has(t.id)) {
      const p = figureOf(row.inputs.上年值);
      previousById.set(t.id, typeof p === "number" ? fromExcelValue(t, p) : p);
    }
  }

  const budgets = new Map<number, number>();
  const unit = amountUnit(executionRead?.unit);
  for (const row of executionRead?.rows ?? []) {
    const b = readInput(row.budget?.value);
    if (row.area !== undefined && b.kind === "number" && !budgets.has(row.area))
      budgets.set(row.area, toYi(b.value, unit));
  }

  const monthlyTargets = findSheet(sheets, MONTHLY_TARGETS_TITLE);
  const monthlySpending = findSheet(sheets, MONTHLY_SPENDING_TITLE);
  const targetGrid = monthlyTargets ? monthlyGrid(monthlyTargets, "编号") : undefined;
  const spendingGrid = monthlySpending ? monthlyGrid(monthlySpending, "领域", "预算数") : undefined;
  const filled = Array.from({ length: 12 }, () => false);
  const targets = new Map<string, TargetFigures>();
  const areas = new Map<number, AreaFigures>();
  const used: string[] = [];
  const rawTargets = new Map<string, (RawCell | undefined)[]>();
  const rawAreas = new Map<number, (RawCell | undefined)[]>();

  if (monthlyTargets && targetGrid && monthlySpending && spendingGrid) {
    used.push(monthlyTargets.name, monthlySpending.name);
    for (let r = targetGrid.headerRow + 1; r < monthlyTargets.cells.length; r++) {
      const row = monthlyTargets.cells[r] ?? [];
      const id = row[targetGrid.keyCol]?.value;
      const t = typeof id === "string" ? index.target(id) : undefined;
      if (!t || targets.has(t.id)) continue;
      const months: Figure[] = [];
      const sources: string[] = [];
      rawTargets.set(
        t.id,
        MONTHS.map((m) => {
          const col = targetGrid.monthCols.get(m);
          return col === undefined ? undefined : row[col];
        }),
      );
      for (let m = 1; m <= 12; m++) {
        const col = targetGrid.monthCols.get(m);
        const f = col === undefined ? null : figureOf(row[col]);
        if (typeof f === "number") filled[m - 1] = true;
        months.push(typeof f === "number" ? fromExcelValue(t, f) : f);
        sources.push(col === undefined ? "" : `${monthlyTargets.name}!${cellAddress(r + 1, col + 1)}`);
      }
      targets.set(t.id, { months, previous: previousById.get(t.id) ?? null, sources });
    }
    const spendUnit = amountUnit(spendingGrid.unit);
    for (let r = spendingGrid.headerRow + 1; r < monthlySpending.cells.length; r++) {
      const row = monthlySpending.cells[r] ?? [];
      const label = row[spendingGrid.keyCol]?.value;
      const area = typeof label === "string" ? areaOfLabel(label.trim(), index) : undefined;
      if (area === undefined || areas.has(area)) continue;
      const months: Figure[] = [];
      const sources: string[] = [];
      rawAreas.set(
        area,
        MONTHS.map((m) => {
          const col = spendingGrid.monthCols.get(m);
          return col === undefined ? undefined : row[col];
        }),
      );
      for (let m = 1; m <= 12; m++) {
        const col = spendingGrid.monthCols.get(m);
        const f = col === undefined ? null : figureOf(row[col]);
        if (typeof f === "number") filled[m - 1] = true;
        months.push(typeof f === "number" ? toYi(f, spendUnit) : f);
        sources.push(col === undefined ? "" : `${monthlySpending.name}!${cellAddress(r + 1, col + 1)}`);
      }
      areas.set(area, { months, sources });
    }
    // Monthly sheets still empty (实际值 and 支出数 are inputs of their own in this version): the single figures.
    if (filled.some(Boolean))
      return {
        figures: { data, targets, areas, budgets, ...evaluation },
        ...(reportDate ? { reportDate } : {}),
        filled,
        layout: "monthly",
        sheets: used,
        rawTargets,
        rawAreas,
      };
    targets.clear();
    areas.clear();
    rawTargets.clear();
    rawAreas.clear();
    used.length = 0;
  }

  // Earlier layout: one figure per target and area, that of the report date's month.
  const at = (f: Figure): Figure[] => Array.from({ length: 12 }, (_, i) => (i === dateMonth - 1 ? f : null));
  if (targetsSheet && targetsRead) used.push(targetsSheet.name);
  if (executionSheet && executionRead) used.push(executionSheet.name);
  for (const row of targetsRead?.rows ?? []) {
    const t = index.target(row.id);
    if (!t || targets.has(t.id)) continue;
    // A typed figure only: a formula the user put in 实际值 stays where it is (a refresh keeps it as typed).
    const cell = row.inputs.实际值?.formula === undefined ? row.inputs.实际值 : undefined;
    const f = figureOf(cell);
    if (typeof f === "number") filled[dateMonth - 1] = true;
    if (cell && f !== null)
      rawTargets.set(
        t.id,
        at(null).map((_, i) => (i === dateMonth - 1 ? cell : undefined)),
      );
    targets.set(t.id, {
      months: at(typeof f === "number" ? fromExcelValue(t, f) : f),
      previous: previousById.get(t.id) ?? null,
      sources: at(null).map((_, i) =>
        i === dateMonth - 1 ? `${targetsSheet?.name ?? ""}·实际值(${t.id})` : undefined,
      ),
    });
  }
  for (const row of executionRead?.rows ?? []) {
    if (row.area === undefined || areas.has(row.area)) continue;
    const cell = row.spent?.formula === undefined ? row.spent : undefined;
    const f = figureOf(cell);
    if (typeof f === "number") filled[dateMonth - 1] = true;
    if (cell && f !== null)
      rawAreas.set(
        row.area,
        at(null).map((_, i) => (i === dateMonth - 1 ? cell : undefined)),
      );
    areas.set(row.area, {
      months: at(typeof f === "number" ? toYi(f, unit) : f),
      sources: at(null).map((_, i) =>
        i === dateMonth - 1 ? `${executionSheet?.name ?? ""}·支出数(${row.label})` : undefined,
      ),
    });
  }
  return {
    figures: { data, targets, areas, budgets, ...evaluation },
    ...(reportDate ? { reportDate } : {}),
    filled,
    layout: "current",
    sheets: used,
    rawTargets,
    rawAreas,
  };
}
