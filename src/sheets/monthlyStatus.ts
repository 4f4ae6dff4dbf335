/** 月度状态: each target's status at each month's end, the counts by month and budget execution by month. */
import { isCalcError, monthEndProgress, monthlyStatus, pace, fromYi } from "../engine";
import type { Target } from "../policy/types";
import type { TargetFigures } from "../report";
import { columnLetter, quoteSheet, rangeAddress } from "../workbook/a1";
import { emptyStats, type BuildContext, type BuildStats } from "./context";

import { FIRST_DATA_ROW, SHEET_LAST_ROW } from "./layout";
import {
  MONEY,
  type MonthlyInputs,
  type MonthlyTargetColumn,
  monthlySpendingCol,
  monthlyTargetCol,
  spendingMonthColumn,
  numberOf,
} from "./monthly";
import { MONTH_HEADERS, MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { CellSpec, Scalar, SheetSpec } from "../workbook/model";
import { STATUSES } from "../engine";
import { errorText, NOT_A_NUMBER } from "./texts";

/** Rows of 月度状态: counts by status and month, then budget execution by month. */
export const STATUS_TREND_HEADER = 4;
const MONEY_ROWS = ["预算数合计", "支出数合计", "执行率", "序时进度", "进度差(百分点)"] as const;
export const STATUS_MONEY_TOP = STATUS_TREND_HEADER + STATUSES.length + 2;

export interface MonthlyStatusOut {
  readonly sheet: SheetSpec;
  readonly stats: BuildStats;
  /** Counts by status and month (1月 first), as cached: the trend chart's values. */
  readonly counts: Readonly<Record<(typeof STATUSES)[number], readonly number[]>>;
}

/** Each target's status at each month's end, as the engine gives it (or the text the sheet shows). */
export function monthlyStatuses(target: Target, f: TargetFigures | undefined, year: number): Scalar[] {
  const months = (f?.months ?? []).map((x) => (typeof x === "number" ? x : null));
  const direction = target.comparator === "increase" || target.comparator === "decrease";
  return monthlyStatus(target, months, year, numberOf(f?.previous)).map((s, i): Scalar => {
    if (f?.months[i] === "invalid") return NOT_A_NUMBER;
    if (direction && f?.previous === "invalid" && typeof f.months[i] === "number") return NOT_A_NUMBER;
    return isCalcError(s) ? errorText(s) : s;
  });
}

export function buildMonthlyStatusSheet(ctx: BuildContext, name: string, inputs: MonthlyInputs = {}): MonthlyStatusOut {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("月度状态", name);
  const stats = emptyStats();
  const span = 13;
  b.title(`${TITLE_MARK}月度状态 · ${data.document.title}`, span);
  b.value(
    2,
    1,
    "本表全部为公式:各月目标状态的个数(每个目标按当月累计数与该月底序时进度m/12判断,逐项见“月度填报”的各月状态列)," +
      "以及各月预算执行与序时进度。请在“月度填报”“月度支出”中填报。",
  );
  b.merge(2, 1, 2, span);
  b.style(rangeAddress(2, 1, 2, span), STYLE.subtitle);
  b.height(2, 30);
  [18, ...Array(12).fill(9)].forEach((w, i) => b.width(i + 1, w as number));
  const mt = quoteSheet(ctx.names.月度填报);
  const ms = quoteSheet(ctx.names.月度支出);
  const monthCol = (m: number) => 1 + m;

  const statuses = data.targets.map((t) => monthlyStatuses(t, inputs.targets?.get(t.id), index.year));
  b.value(STATUS_TREND_HEADER, 1, "状态(项)");
  MONTH_HEADERS.forEach((h, i) => b.value(STATUS_TREND_HEADER, monthCol(i + 1), h));
  b.styleBox(STATUS_TREND_HEADER, 1, STATUS_TREND_HEADER, span, STYLE.computedHeader);
  const counts = {} as Record<(typeof STATUSES)[number], number[]>;
  STATUSES.forEach((st, k) => {
    const r = STATUS_TREND_HEADER + 1 + k;
    b.value(r, 1, st);
    counts[st] = [];
    for (let m = 1; m <= 12; m++) {
      const L = columnLetter(monthlyTargetCol(`${m}月状态` as MonthlyTargetColumn));
      const c = statuses.filter((row) => row[m - 1] === st).length;
      counts[st].push(c);
      b.set(r, monthCol(m), { formula: `COUNTIF(${mt}!$${L}:$${L},$A${r})`, result: c, numFmt: "0" });
    }
  });
  const trendLast = STATUS_TREND_HEADER + STATUSES.length;
  b.table({
    name: MONTHLY_TABLE_NAMES.status,
    ref: rangeAddress(STATUS_TREND_HEADER, 1, trendLast, span),
    style: "TableStyleLight1",
  });
  b.styleBox(STATUS_TREND_HEADER + 1, 1, trendLast, span, { ...STYLE.body, hAlign: "center" });

  b.value(STATUS_MONEY_TOP, 1, `预算执行(${amountUnit})`);
  MONTH_HEADERS.forEach((h, i) => b.value(STATUS_MONEY_TOP, monthCol(i + 1), h));
  b.styleBox(STATUS_MONEY_TOP, 1, STATUS_MONEY_TOP, span, STYLE.computedHeader);
  const budgetCol = columnLetter(monthlySpendingCol("预算数"));
  const budgetSum = data.areas.reduce((s, a) => s + fromYi(a.budgetYi, amountUnit), 0);
  MONEY_ROWS.forEach((label, k) => {
    const r = STATUS_MONEY_TOP + 1 + k;
    b.value(r, 1, label);
    for (let m = 1; m <= 12; m++) {
      const L = columnLetter(monthCol(m));
      const S = columnLetter(spendingMonthColumn(m));
      const spentValues = [...(inputs.areas?.values() ?? [])].map((f) => f.months[m - 1]);
      const anySpent = spentValues.some((v) => typeof v === "number");
      const spent = spentValues.reduce<number>((t, v) => t + (typeof v === "number" ? fromYi(v, amountUnit) : 0), 0);
      const rate: Scalar = anySpent && budgetSum !== 0 ? spent / budgetSum : "";
      const progress = monthEndProgress(index.year, m);
      const cell: CellSpec = (() => {
        switch (label) {
          case "预算数合计":
            // From the first area row down, not the whole column: B2 of 月度支出 holds the report month.
            return {
              formula: `SUM(${ms}!$${budgetCol}$${FIRST_DATA_ROW}:$${budgetCol}$${SHEET_LAST_ROW})`,
              result: budgetSum,
              numFmt: MONEY,
            };
          case "支出数合计":
            return { formula: `SUM(${ms}!$${S}:$${S})`, result: spent, numFmt: MONEY };
          case "执行率":
            return {
              formula: `IF(COUNT(${ms}!$${S}:$${S})=0,"",IF(${L}${r - 2}=0,"",${L}${r - 1}/${L}${r - 2}))`,
              result: rate,
              numFmt: "0.0%",
            };
          case "序时进度":
            return { formula: `${m}/12`, result: progress, numFmt: "0.0%" };
          case "进度差(百分点)":
            return {
              formula: `IF(ISNUMBER(${L}${r - 2}),(${L}${r - 2}-${L}${r - 1})*100,"")`,
              result: typeof rate === "number" ? pace(rate, progress) : "",
              numFmt: "0.0",
            };
        }
      })();
      b.set(r, monthCol(m), cell);
    }
  });
  const moneyLast = STATUS_MONEY_TOP + MONEY_ROWS.length;
  b.styleBox(STATUS_MONEY_TOP + 1, 1, moneyLast, span, STYLE.body);
  stats.rowsWritten += STATUSES.length + MONEY_ROWS.length;
  b.freeze(STATUS_TREND_HEADER, 1);
  return { sheet: b.finish(), stats, counts };
}
