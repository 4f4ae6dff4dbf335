import { CUMULATIVE_KINDS, toExcelValue, toChineseNumeral } from "../engine";
import { CARRY_OVER_NOTE_MARK } from "../carryover/trace";
import type { Target, TargetKind } from "../policy/types";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";
import { areaLabel, emptyStats, type BuildContext, type BuildStats } from "./context";
import { evaluateTarget, progressOf } from "./evaluate";
import { completionFormula, gapFormula, progressFormula, statusFormula } from "./formulas";
import {
  DATE_LABEL,
  DATE_ROW,
  FIRST_DATA_ROW,
  HEADER_ROW,
  PROGRESS_LABEL,
  TABLE_NAMES,
  TARGET_COLUMNS,
  targetCol,
  targetColumns,
  type TargetColumn,
} from "./layout";
import { lookupFormula } from "./monthlyFormulas";
import { monthlyTargetCol } from "./monthly";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { CellSpec, Scalar, SheetSpec } from "../workbook/model";
import { titleWithNumber } from "../policy/documentLabel";
import { basisOfKind, COMPARATOR_SYMBOL, shownAsPercent } from "./texts";

/** One row as written, with the results its formulas give: 汇总 caches its counts from these. */
export interface TargetRowOut {
  readonly area: string;
  /** 责任单位 as the row holds it (市科技局、市发改局: the first leads), for 汇总's count by unit. */
  readonly responsible: string;
  readonly status: Scalar;
}

export interface TargetsOut {
  readonly sheet: SheetSpec;
  readonly rows: readonly TargetRowOut[];
  readonly stats: BuildStats;
}

const PERCENT = "0.00%";
const AMOUNT_UNITS = /亿|万元|万美元/;
const DATE_FORMAT = "yyyy-mm-dd";

/** Number format of a target's figures; a unitless ratio (三分之二 = 2/3) reads as a percentage too. */
function valueFormat(unit: string, kind?: TargetKind): string | undefined {
  if (unit === "%" || (unit === "" && kind === "ratio")) return PERCENT;
  if (AMOUNT_UNITS.test(unit)) return "#,##0.00";
  return undefined;
}

/** 条款 as the document heads it: (九); a preamble's headline target is 领域目标. */
export function articleLabel(article: number | null): string {
  return article === null ? "领域目标" : `(${toChineseNumeral(article)})`;
}

const DATE_SERIAL_MIN = 36526; // 2000-01-01
const DATE_SERIAL_MAX = 73050; // 2099-12-31

/**
 * 实际值 of a row in a workbook with the monthly sheets: 月度填报's 本期数 for the row's 编号 (the report month's
 * figure), "" while there is none.
 */
export function actualFormula(ctx: BuildContext, row: number): string {
  return lookupFormula(
    `$${columnLetter(targetCol("编号"))}${row}`,
    ctx.names.月度填报,
    monthlyTargetCol("编号"),
    monthlyTargetCol("本期数"),
  );
}

/**
 * A new 目标任务 sheet: one row per target in the edition's order. A refresh never rebuilds it over the user's
 * rows — the keyed patch (targetsPatch.ts) compares this fresh version with the sheet as it is, row by 编号.
 * `current`: 本期数 by target id (the monthly sheets' report-month figures, see monthlyPlan's currentFigures), the
 * cached result of 实际值 when `ctx.monthly`.
 */
export function buildTargetsSheet(
  ctx: BuildContext,
  name: string,
  current: ReadonlyMap<string, Scalar> = new Map(),
): TargetsOut {
  const { data, index } = ctx;
  const b = new SheetBuilder("目标任务", name);
  const stats = emptyStats();
  const columnCount = TARGET_COLUMNS.length;
  const col = targetCol;

  b.title(`${TITLE_MARK}目标任务 · ${titleWithNumber(data.document)}`, columnCount);

  // 报告日期 (input) and its 序时进度 (formula), which the 状态 formulas read.
  b.value(DATE_ROW, 1, DATE_LABEL);
  b.set(DATE_ROW, 2, { value: ctx.reportDateSerial, numFmt: DATE_FORMAT });
  b.value(DATE_ROW, 3, PROGRESS_LABEL);
  const progress = progressOf(ctx.reportDateSerial, index.year);
  b.set(DATE_ROW, 4, { formula: progressFormula(index.year), result: progress, numFmt: "0.0%" });
  b.value(
    DATE_ROW,
    5,
    `状态:已完成=达到目标;达进度/欠进度=累计类指标按序时进度比较;未完成=未达到;未填报=实际值(或上年值)未填。左右(≈)按±5%判断。`,
  );
  b.merge(DATE_ROW, 5, DATE_ROW, columnCount);
  b.style(rangeAddress(DATE_ROW, 1, DATE_ROW, 1), STYLE.label);
  b.style(rangeAddress(DATE_ROW, 3, DATE_ROW, 3), STYLE.label);
  b.style(cellAddress(DATE_ROW, 2), { ...STYLE.input, border: true, hAlign: "center" });
  b.style(cellAddress(DATE_ROW, 4), { border: true, hAlign: "center" });
  b.style(rangeAddress(DATE_ROW, 5, DATE_ROW, columnCount), { ...STYLE.subtitle, vAlign: "center" });
  b.height(DATE_ROW, 32);
  b.validate({
    ref: cellAddress(DATE_ROW, 2),
    type: "date",
    min: DATE_SERIAL_MIN,
    max: DATE_SERIAL_MAX,
    title: "报告日期",
    message: "请输入日期,如 2025-06-30。序时进度按月计算:(月份−1+日/当月天数)/12。",
  });

  b.value(
    3,
    1,
    (ctx.monthly
      ? `实际值为公式,取“${ctx.names.月度填报}”中报告月份的本期数:每月在“${ctx.names.月度填报}”填1–N月累计数,不要在此改写。` +
        "黄色底纹为填报单元格:上年值(仅“上升/下降”类指标)、备注。"
      : "黄色底纹为填报单元格:实际值(百分比指标直接输入百分数,如 3.05%;名次填数字)、上年值(仅“上升/下降”类指标)、备注。") +
      "绿色标题列为公式,蓝色标题列为政策原文数据,重新生成时会按编号保留全部填报内容。",
  );
  b.merge(3, 1, 3, columnCount);
  b.style(rangeAddress(3, 1, 3, columnCount), STYLE.subtitle);
  b.height(3, 32);

  b.tableColumns(HEADER_ROW, targetColumns(ctx.monthly === true), []);

  const rowsOut: TargetRowOut[] = [];
  let r = FIRST_DATA_ROW;
  const directionRows: number[] = [];
  for (const target of data.targets) {
    const area = index.area(target.area);
    const label = area ? areaLabel(area) : String(target.area);
    // With the monthly sheets 实际值 follows 月度填报; without them it is an input, blank in a new sheet.
    const actual = ctx.monthly ? { formula: actualFormula(ctx, r), result: current.get(target.id) ?? "" } : undefined;
    const status = writeRow(b, { row: r, official: officialOf(ctx, target, label), target, progress, actual });
    rowsOut.push({ area: label, responsible: index.responsibleOf(target).join("、"), status });
    if (target.comparator === "increase" || target.comparator === "decrease") directionRows.push(r);
    r++;
  }
  const last = r - 1;
  stats.rowsWritten += last - HEADER_ROW;

  // Body styles: borders everywhere, inputs yellow, wrapped text where it is long.
  b.styleBox(FIRST_DATA_ROW, 1, last, columnCount, STYLE.body);
  for (const key of ["领域", "指标", "责任单位", "备注", "核对"] as const) {
    b.styleBox(FIRST_DATA_ROW, col(key), last, col(key), { wrap: true });
  }
  // An id is one word: smaller, so the longest fits the column on one line instead of breaking at a hyphen.
  b.styleBox(FIRST_DATA_ROW, col("编号"), last, col("编号"), { size: 9 });
  for (const key of ["条款", "单位", "比较", "口径", "状态"] as const) {
    b.styleBox(FIRST_DATA_ROW, col(key), last, col(key), STYLE.center);
  }
  b.styleBox(FIRST_DATA_ROW, col("上年值"), last, col("上年值"), { fill: "#F2F2F2" });
  for (const row of directionRows) b.style(cellAddress(row, col("上年值")), STYLE.input);
  for (const key of ctx.monthly ? (["备注"] as const) : (["实际值", "备注"] as const))
    b.styleBox(FIRST_DATA_ROW, col(key), last, col(key), STYLE.input);

  b.table({
    name: TABLE_NAMES.targets,
    ref: rangeAddress(HEADER_ROW, 1, last, columnCount),
    style: "TableStyleLight1",
  });

  for (const key of ctx.monthly ? (["上年值"] as const) : (["实际值", "上年值"] as const)) {
    b.validate({
      ref: rangeAddress(FIRST_DATA_ROW, col(key), last, col(key)),
      type: "decimal",
      min: -1e12,
      max: 1e12,
      title: key,
      message: "请输入数字。百分比指标请输入百分数(如 3.05%),名次请输入 1、2、3…",
    });
  }

  // 状态 colours on 完成率 / 差距 / 状态; rows the edition no longer has are greyed.
  const statusRef = rangeAddress(FIRST_DATA_ROW, col("完成率"), last, col("状态"));
  const s = `$${columnLetter(col("状态"))}${FIRST_DATA_ROW}`;
  b.conditional({ ref: statusRef, formula: `${s}="已完成"`, style: STATUS_COLORS.met });
  b.conditional({ ref: statusRef, formula: `${s}="达进度"`, style: STATUS_COLORS.onPace });
  b.conditional({ ref: statusRef, formula: `${s}="欠进度"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: statusRef, formula: `${s}="未完成"`, style: STATUS_COLORS.missed });
  b.flagKeptRows(FIRST_DATA_ROW, last, columnCount, col("核对"), CARRY_OVER_NOTE_MARK);

  b.freeze(HEADER_ROW, 0);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  return { sheet: b.finish(), rows: rowsOut, stats };
}

type Official = Partial<Record<TargetColumn, CellSpec>>;

/**
 * Number format of 目标值 as the document writes the figure: its own decimals, no more (106.5亿元, 60亿元, 1.2万标箱,
 * 3.12%, 50%), where the input columns keep two decimals for what users type.
 * @example writtenFormat({ value: 106.5, unit: "亿元", kind: "amount" }) // "0.0"
 */
export function writtenFormat(t: Pick<Target, "value" | "unit" | "kind">): string | undefined {
  if (t.value === null) return undefined;
  const percent = valueFormat(t.unit, t.kind) === PERCENT;
  const figure = percent && t.unit === "" ? t.value * 100 : t.value;
  const text = String(Number(figure.toPrecision(12)));
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  // A ratio the document writes in words (三分之二) has no written decimals: one decimal of its percentage.
  const shown = t.unit === "" && percent ? Math.min(decimals, 1) : Math.min(decimals, 4);
  const digits = shown === 0 ? "0" : `0.${"0".repeat(shown)}`;
  return percent ? `${digits}%` : AMOUNT_UNITS.test(t.unit) ? `#,##${digits}` : digits;
}

function officialOf(ctx: BuildContext, t: Target, label: string): Official {
  const fmt = writtenFormat(t);
  return {
    编号: { value: t.id },
    领域: { value: label },
    条款: { value: articleLabel(t.article) },
    指标: { value: t.indicator },
    目标值: { value: t.value === null ? null : toExcelValue(t, t.value), ...(fmt ? { numFmt: fmt } : {}) },
    单位: { value: t.unit },
    比较: { value: COMPARATOR_SYMBOL[t.comparator] },
    口径: { value: basisOfKind(t.kind, CUMULATIVE_KINDS) },
    责任单位: { value: ctx.index.responsibleOf(t).join("、") },
  };
}

interface NewRow {
  readonly row: number;
  readonly official: Official;
  readonly target: Target;
  /** 序时进度 of the report date, which the cached 状态 follows. */
  readonly progress: unknown;
  /** 实际值 when it follows 月度填报: the lookup formula with the report month's figure as its result. */
  readonly actual?: { readonly formula: string; readonly result: Scalar };
}

/** Writes one target's row of a new sheet; returns the 状态 its formula gives, for 汇总's cached counts. */
function writeRow(b: SheetBuilder, { row: r, official, target, progress, actual }: NewRow): Scalar {
  const col = targetCol;
  for (const [key, cell] of Object.entries(official) as [TargetColumn, CellSpec][]) b.set(r, col(key), cell);
  const fmt = valueFormat(target.unit, target.kind);
  const numFmt = fmt ? { numFmt: fmt } : {};
  b.set(r, col("实际值"), actual ? { ...actual, ...numFmt } : fmt ? { value: null, numFmt: fmt } : undefined);
  b.set(r, col("上年值"), fmt ? { value: null, numFmt: fmt } : undefined);
  b.set(r, col("备注"), undefined);
  const results = evaluateTarget(target, actual?.result ?? null, null, progress);
  b.set(r, col("完成率"), { formula: completionFormula(r), result: results.completion, numFmt: "0.0%" });
  b.set(r, col("差距"), {
    formula: gapFormula(r),
    result: results.gap,
    numFmt: shownAsPercent(target) ? '0.00"个百分点"' : "General",
  });
  b.set(r, col("状态"), { formula: statusFormula(r), result: results.status });
  b.set(r, col("核对"), undefined);
  b.fit(r, col("指标"), String(official.指标?.value ?? ""));
  b.fit(r, col("责任单位"), String(official.责任单位?.value ?? ""));
  b.fit(r, col("领域"), String(official.领域?.value ?? ""));
  return results.status;
}
