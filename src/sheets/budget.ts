import { toChineseNumeral } from "../engine";
import { cellAddress, rangeAddress } from "../workbook/a1";
import { areaLabel, budgetWording, emptyStats, type BuildContext, type BuildStats } from "./context";
import { TABLE_NAMES } from "./layout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { SheetSpec } from "../workbook/model";
import { titleWithNumber } from "../policy/documentLabel";

const HEADER_ROW = 4;

/**
 * The 亿元 format of the sheet: two decimals, more when a figure needs them to show as the document writes it —
 * an edition written in 万元 (350万元 is 0.035亿元, 1234.5万元 0.12345亿元) must not show 0.04 or 0.12.
 */
export function yiFormat(values: readonly number[]): string {
  const decimals = values.reduce((most, v) => {
    const text = String(Math.round(v * 1e6) / 1e6);
    return Math.max(most, /\.(\d+)$/.exec(text)?.[1]?.length ?? 0);
  }, 2);
  return `#,##0.${"0".repeat(Math.min(decimals, 6))}`;
}

/** Labels of the three rows under the table; tests and readers look them up by text. */
export const BUDGET_TOTAL_LABELS = {
  sum: "各领域合计",
  stated: "文件总额(扣除交叉重叠)",
  overlap: "交叉重叠",
} as const;

/** What the 文件总额 row says when the document states no total. */
export const NO_STATED_TOTAL = "文件未写支持总额";

export function buildBudgetSheet(ctx: BuildContext, name: string): { sheet: SheetSpec; stats: BuildStats } {
  const { data, index } = ctx;
  const stated = data.document.totalBudgetYi;
  const YI = yiFormat([
    ...data.areas.flatMap((a) => [a.budgetYi, ...a.budgetItems.map((i) => i.yi)]),
    ...(stated === undefined ? [] : [stated]),
    index.sumOfAreaBudgetsYi,
    ...(index.overlapYi === null ? [] : [index.overlapYi]),
  ]);
  const overlaps = (index.overlapYi ?? 0) > 0;
  const wording = budgetWording(data);
  const b = new SheetBuilder("预算安排", name);
  const stats = emptyStats();
  const headers = ["序号", "领域", "领域预算(亿元)", "其中:重点支持", "金额(亿元)", "条款", "牵头单位", "原文依据"];
  [5, 30, 14, 24, 11, 8, 14, 48].forEach((w, i) => b.width(i + 1, w));
  const n = headers.length;
  b.title(`${TITLE_MARK}预算安排 · ${titleWithNumber(data.document)}`, n);
  b.value(
    2,
    1,
    `单位:亿元。各领域预算为${wording.phrase ? `“${wording.phrase}”原文数` : "原文所列预算安排资金"};其中项为原文列明的重点支持金额。` +
      (index.overlapYi === null
        ? "文件未写支持总额,各领域合计即为预算总数。"
        : index.overlapYi > 0
          ? `各领域合计大于文件总额,差额为各领域之间的交叉重叠${data.document.totalBudgetWords ? `(${data.document.totalBudgetWords})` : ""}。`
          : index.overlapYi < 0
            ? "文件总额大于各领域合计。"
            : "各领域合计等于文件总额。"),
  );
  b.merge(2, 1, 2, n);
  b.style(rangeAddress(2, 1, 2, n), STYLE.subtitle);
  b.height(2, 32);

  headers.forEach((h, i) => b.value(HEADER_ROW, i + 1, h));
  b.styleBox(HEADER_ROW, 1, HEADER_ROW, n, STYLE.header);
  b.height(HEADER_ROW, 30);

  let r = HEADER_ROW + 1;
  const areaRows: number[] = [];
  for (const area of data.areas) {
    const label = areaLabel(area);
    b.value(r, 1, area.numeral);
    b.value(r, 2, label);
    b.value(r, 3, area.budgetYi, YI);
    b.value(r, 7, area.lead);
    b.value(r, 8, area.budgetQuote);
    b.fit(r, 8, area.budgetQuote);
    b.fit(r, 2, label);
    areaRows.push(r);
    r++;
    for (const item of area.budgetItems) {
      b.value(r, 1, area.numeral);
      b.value(r, 2, label);
      b.value(r, 4, item.label);
      b.value(r, 5, item.yi, YI);
      b.value(r, 6, item.article === null ? "" : `(${toChineseNumeral(item.article)})`);
      b.value(r, 8, item.quote);
      b.fit(r, 8, item.quote);
      b.fit(r, 2, label);
      b.fit(r, 4, item.label);
      b.style(rangeAddress(r, 1, r, n), { color: "#404040" });
      r++;
    }
  }
  const last = r - 1;
  stats.rowsWritten += last - HEADER_ROW;
  b.styleBox(HEADER_ROW + 1, 1, last, n, STYLE.wrapBody);
  b.styleBox(HEADER_ROW + 1, 1, last, 1, STYLE.center);
  b.styleBox(HEADER_ROW + 1, 6, last, 6, STYLE.center);
  for (const row of areaRows) b.style(rangeAddress(row, 1, row, n), { bold: true });
  b.table({ name: TABLE_NAMES.budget, ref: rangeAddress(HEADER_ROW, 1, last, n), style: "TableStyleLight1" });

  // Totals under the table (one blank row between, so the table does not absorb them).
  const sumRow = last + 2;
  const areaRange = rangeAddress(HEADER_ROW + 1, 3, last, 3);
  b.value(sumRow, 2, BUDGET_TOTAL_LABELS.sum);
  b.set(sumRow, 3, { formula: `SUM(${areaRange})`, result: index.sumOfAreaBudgetsYi, numFmt: YI });
  const areaCount = data.areas.length;
  b.value(
    sumRow,
    4,
    `${areaCount === 1 ? "唯一领域的预算" : `${toChineseNumeral(areaCount)}个领域预算之和`}${overlaps ? "(含交叉重叠)" : ""}`,
  );
  // A document that states no total: the rows stay (readers and patches find them by label), empty and said so —
  // never a total of 0 and an "overlap" equal to the whole budget.
  const statedQuote = stated === undefined ? NO_STATED_TOTAL : (data.document.totalBudgetQuote ?? "");
  b.value(sumRow + 1, 2, BUDGET_TOTAL_LABELS.stated);
  if (stated !== undefined) b.value(sumRow + 1, 3, stated, YI);
  b.value(sumRow + 1, 4, statedQuote);
  b.merge(sumRow + 1, 4, sumRow + 1, n);
  b.value(sumRow + 2, 2, BUDGET_TOTAL_LABELS.overlap);
  if (index.overlapYi !== null)
    b.set(sumRow + 2, 3, {
      formula: `${cellAddress(sumRow, 3)}-${cellAddress(sumRow + 1, 3)}`,
      result: index.overlapYi,
      numFmt: YI,
    });
  b.value(sumRow + 2, 4, stated === undefined ? "—(无文件总额)" : "各领域合计 − 文件总额");
  b.merge(sumRow, 4, sumRow, n);
  b.merge(sumRow + 2, 4, sumRow + 2, n);
  b.styleBox(sumRow, 2, sumRow + 2, n, STYLE.total);
  b.styleBox(sumRow, 4, sumRow + 2, n, { bold: false, wrap: true });
  b.fit(sumRow + 1, 4, statedQuote, n - 3);

  b.freeze(HEADER_ROW, 0);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  return { sheet: b.finish(), stats };
}
