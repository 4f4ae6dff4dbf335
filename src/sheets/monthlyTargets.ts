/** 月度填报: one row per target, its figure for each month (inputs), 本期数, each month's status and the helper columns. */
import { toExcelValue } from "../engine";
import type { Target } from "../policy/types";
import type { TargetFigures } from "../report";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";
import { type RawCell } from "../workbook/cells";
import { areaLabel, carried, emptyStats, type BuildContext, type BuildStats } from "./context";

import { FIRST_DATA_ROW, HEADER_ROW, targetCol } from "./layout";
import {
  baseFormula,
  currentFigureFormula,
  excludedFormula,
  lookupFormula,
  lowerFormula,
  monthStatusFormula,
  rankFloorFormula,
  ratioFormula,
  upperFormula,
  verdictFormula,
  type HelperRefs,
  type MonthlyRowRefs,
} from "./monthlyFormulas";
import {
  HELPERS,
  MONTHLY_TARGET_COLUMNS,
  type MonthlyInputs,
  type MonthlyTargetColumn,
  REPORT_MONTH_CELL,
  currentOf,
  monthlyTargetCol,
  sheetTop,
  targetMonthCells,
  targetMonthColumn,
  valueFormat,
  numberOf,
} from "./monthly";
import { MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import { monthlyStatuses } from "./monthlyStatus";
import { SheetBuilder, STATUS_COLORS, STYLE } from "./sheetBuilder";
import type { Scalar, SheetSpec } from "../workbook/model";
import { CUMULATIVE_KINDS } from "../engine";
import { basisOfKind, COMPARATOR_SYMBOL, NOT_A_NUMBER } from "./texts";
import { hasContent } from "../workbook/cells";

/**
 * Points of 编号 and 领域 on 月度填报, wrapped (an id at its hyphens): each in two lines at most, so the three
 * identity columns that every printed page repeats leave room for six months at 87 %.
 */
const IDENTITY_SIZE = 9;

export interface MonthlyTargetsOut {
  readonly sheet: SheetSpec;
  readonly stats: BuildStats;
  readonly reportMonth: number;
}

export function buildMonthlyTargetsSheet(
  ctx: BuildContext,
  name: string,
  inputs: MonthlyInputs = {},
  dateSerial = ctx.reportDateSerial,
): MonthlyTargetsOut {
  const { data, index } = ctx;
  const b = new SheetBuilder("月度填报", name);
  const stats = emptyStats();
  const n = MONTHLY_TARGET_COLUMNS.length;
  const col = monthlyTargetCol;
  const month = sheetTop(b, ctx, {
    columns: MONTHLY_TARGET_COLUMNS,
    print: { titles: col("指标"), noteSpan: 1 },
    text: {
      label: "月度填报",
      legend:
        "黄色底纹为填报单元格:每月填1–N月累计数(按目标的单位;百分比指标直接输入百分数,如 3.05%),各月分列、互不覆盖,修订某月只改该月。" +
        "“目标任务”的实际值取报告月份的本期数;上年值在“目标任务”中填写。",
      dateSheet: "目标任务",
    },
    inputs,
    dateSerial,
  });
  let r = FIRST_DATA_ROW;
  const first = columnLetter(targetMonthColumn(1));
  const last = columnLetter(targetMonthColumn(12));
  for (const target of data.targets) {
    const area = index.area(target.area);
    const f = inputs.targets?.get(target.id);
    const fmt = valueFormat(target);
    const withFmt = (v: Scalar | null) => (fmt ? { value: v, numFmt: fmt } : { value: v });
    b.value(r, col("编号"), target.id);
    b.value(r, col("领域"), area ? areaLabel(area) : String(target.area));
    b.value(r, col("指标"), target.indicator);
    b.value(r, col("单位"), target.unit);
    b.set(r, col("目标值"), withFmt(target.value === null ? null : toExcelValue(target, target.value)));
    b.value(r, col("比较"), COMPARATOR_SYMBOL[target.comparator]);
    b.value(r, col("口径"), basisOfKind(target.kind, CUMULATIVE_KINDS));
    const previous = numberOf(f?.previous);
    b.set(r, col("上年值"), {
      formula: lookupFormula(`$A${r}`, ctx.names.目标任务, targetCol("编号"), targetCol("上年值")),
      result: previous === null ? "" : toExcelValue(target, previous),
      ...(fmt ? { numFmt: fmt } : {}),
    });
    const raw = inputs.rawTargets?.get(target.id);
    for (let m = 1; m <= 12; m++) {
      const cell = raw?.[m - 1];
      const v = f?.months[m - 1];
      if (hasContent(cell)) {
        b.set(r, targetMonthColumn(m), carried(cell, fmt));
        stats.valuesKept++;
      } else b.set(r, targetMonthColumn(m), withFmt(typeof v === "number" ? toExcelValue(target, v) : null));
    }
    const results = monthlyTargetRowResults(target, f, month, index.year, raw);
    b.set(r, col("本期数"), {
      formula: currentFigureFormula(REPORT_MONTH_CELL, `$${first}${r}`, `$${last}${r}`),
      result: results.本期数 ?? "",
      ...(fmt ? { numFmt: fmt } : {}),
    });
    const ref = (key: MonthlyTargetColumn) => `$${columnLetter(col(key))}${r}`;
    const refs: MonthlyRowRefs = {
      id: ref("编号"),
      target: ref("目标值"),
      unit: ref("单位"),
      cmp: ref("比较"),
      basis: ref("口径"),
      previous: ref("上年值"),
    };
    const h: HelperRefs = {
      lower: ref("下限"),
      upper: ref("上限"),
      excluded: ref("排除"),
      rankFloor: ref("名次下限"),
      base: ref("序时基数"),
      ratio: ref("序时方式"),
      verdict: ref("判定"),
    };
    const helperFormulas: Record<(typeof HELPERS)[number], string> = {
      下限: lowerFormula(refs),
      上限: upperFormula(refs),
      排除: excludedFormula(refs),
      名次下限: rankFloorFormula(refs),
      序时基数: baseFormula(refs),
      序时方式: ratioFormula(refs),
      判定: verdictFormula(refs),
    };
    for (let m = 1; m <= 12; m++) {
      const key = `${m}月状态` as MonthlyTargetColumn;
      const x = `${columnLetter(targetMonthColumn(m))}${r}`;
      b.set(r, col(key), { formula: monthStatusFormula(refs.id, x, h, m), result: results[key] ?? "" });
    }
    for (const k of HELPERS) b.set(r, col(k), { formula: helperFormulas[k], result: results[k] ?? "" });
    b.fit(r, col("指标"), target.indicator);
    b.fit(r, col("编号"), target.id, 1, IDENTITY_SIZE);
    b.fit(r, col("领域"), area ? areaLabel(area) : String(target.area), 1, IDENTITY_SIZE);
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - HEADER_ROW;
  b.styleBox(FIRST_DATA_ROW, 1, lastRow, n, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("编号"), lastRow, col("领域"), { size: IDENTITY_SIZE, wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("指标"), lastRow, col("指标"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, col("单位"), lastRow, col("口径"), STYLE.center);
  b.styleBox(FIRST_DATA_ROW, targetMonthColumn(1), lastRow, targetMonthColumn(12), STYLE.input);
  const s1 = col("1月状态" as MonthlyTargetColumn);
  const s12 = col("12月状态" as MonthlyTargetColumn);
  b.styleBox(FIRST_DATA_ROW, s1, lastRow, s12, STYLE.center);
  b.styleBox(FIRST_DATA_ROW, col("下限"), lastRow, col("判定"), { color: "#7F7F7F", size: 8 });
  const statusRef = rangeAddress(FIRST_DATA_ROW, s1, lastRow, s12);
  const c0 = cellAddress(FIRST_DATA_ROW, s1);
  b.conditional({ ref: statusRef, formula: `${c0}="已完成"`, style: STATUS_COLORS.met });
  b.conditional({ ref: statusRef, formula: `${c0}="达进度"`, style: STATUS_COLORS.onPace });
  b.conditional({ ref: statusRef, formula: `${c0}="欠进度"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: statusRef, formula: `${c0}="未完成"`, style: STATUS_COLORS.missed });
  b.table({
    name: MONTHLY_TABLE_NAMES.targets,
    ref: rangeAddress(HEADER_ROW, 1, lastRow, n),
    style: "TableStyleLight1",
  });
  b.validate({
    ref: rangeAddress(FIRST_DATA_ROW, targetMonthColumn(1), lastRow, targetMonthColumn(12)),
    type: "decimal",
    min: -1e12,
    max: 1e12,
    title: "月度数",
    message: "请输入1–N月累计数(数字)。百分比指标请输入百分数(如 3.05%),名次请输入 1、2、3…",
  });
  b.flagKeptRows(FIRST_DATA_ROW, lastRow, n, col("核对"));
  b.freeze(HEADER_ROW, 3);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  // On paper: 编号 领域 指标 on every page; 1–6月 (with 单位 … 上年值), 7–12月 with 本期数, the twelve statuses,
  // then the helper columns with 核对.
  b.printInBlocks([1, col("指标")], [targetMonthColumn(7), s1, col("下限")]);
  return { sheet: b.finish(), stats, reportMonth: month };
}

/**
 * The results of a 月度填报 row's formulas (cached in the file): 上年值, 本期数 of the report month, each month's
 * status (engine status at the month's end) and the helper columns.
 */
export function monthlyTargetRowResults(
  target: Target,
  f: TargetFigures | undefined,
  month: number,
  year: number,
  raw?: readonly (RawCell | undefined)[],
): Partial<Record<MonthlyTargetColumn, Scalar>> {
  const out: Partial<Record<MonthlyTargetColumn, Scalar>> = { ...helperResults(target, f) };
  const previous = f?.previous;
  out.上年值 =
    typeof previous === "number" ? toExcelValue(target, previous) : previous === "invalid" ? NOT_A_NUMBER : "";
  out.本期数 = currentOf(targetMonthCells(target, f, raw), month);
  monthlyStatuses(target, f, year).forEach((st, i) => {
    out[`${i + 1}月状态` as MonthlyTargetColumn] = st;
  });
  return out;
}

/** The helper columns' values, as the sheet computes them (cached results). */
function helperResults(t: Target, f: TargetFigures | undefined): Record<(typeof HELPERS)[number], Scalar> {
  const e = t.value === null ? null : toExcelValue(t, t.value);
  const prevRaw = f?.previous;
  const i: Scalar = typeof prevRaw === "number" ? toExcelValue(t, prevRaw) : prevRaw === "invalid" ? NOT_A_NUMBER : "";
  const g = t.comparator;
  const tol = e === null ? 0 : 0.05 * Math.abs(e) + (t.unit === "%" ? 1e-14 : 1e-12);
  const BIG = 1e307;
  const direction = g === "increase" || g === "decrease";
  const cumulative = CUMULATIVE_KINDS.includes(t.kind) && (g === ">=" || g === ">" || g === "~" || g === "<=");
  return {
    下限: g === ">=" || g === ">" ? (e ?? 0) : g === "~" ? (e ?? 0) - tol : g === "increase" ? i : -BIG,
    上限: g === "<=" || g === "rank<=" ? (e ?? 0) : g === "~" ? (e ?? 0) + tol : g === "decrease" ? i : BIG,
    排除: g === ">" ? (e ?? 0) : direction ? i : "",
    名次下限: g === "rank<=" ? 1 : -BIG,
    序时基数: cumulative ? (e ?? 0) : "",
    序时方式: g === "<=" ? -1 : 1,
    判定: direction ? (i === "" ? "未填报" : typeof i === "number" ? "" : NOT_A_NUMBER) : e === null ? "—" : "",
  };
}
