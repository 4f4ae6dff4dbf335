/** 月度支出: one row per area, its spending for each month (inputs, in the sheet's unit) and 本期数. */
import { fromYi } from "../engine";
import { columnLetter, rangeAddress } from "../workbook/a1";
import { areaLabel, carried, emptyStats, type BuildContext, type BuildStats } from "./context";

import { FIRST_DATA_ROW, HEADER_ROW } from "./layout";
import { currentFigureFormula } from "./monthlyFormulas";
import {
  MONEY,
  type MonthlyInputs,
  REPORT_MONTH_CELL,
  areaMonthCells,
  currentOf,
  monthlySpendingCol,
  monthlySpendingColumns,
  sheetTop,
  spendingMonthColumn,
} from "./monthly";
import { MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import { SheetBuilder, STYLE } from "./sheetBuilder";
import type { SheetSpec } from "../workbook/model";
import { hasContent } from "../workbook/cells";

export function buildMonthlySpendingSheet(
  ctx: BuildContext,
  name: string,
  inputs: MonthlyInputs = {},
  dateSerial = ctx.reportDateSerial,
): { sheet: SheetSpec; stats: BuildStats } {
  const { data, amountUnit } = ctx;
  const b = new SheetBuilder("月度支出", name);
  const stats = emptyStats();
  const columns = monthlySpendingColumns(amountUnit);
  const n = columns.length;
  const col = monthlySpendingCol;
  const month = sheetTop(b, ctx, {
    columns,
    print: { titles: col("预算数"), noteSpan: 5 },
    text: {
      label: "月度支出",
      legend: `黄色底纹为填报单元格:每月填各领域1–N月累计支出数(${amountUnit}),各月分列、互不覆盖。“预算执行”的支出数取报告月份的本期数。`,
      dateSheet: "预算执行",
    },
    inputs,
    dateSerial,
  });
  let r = FIRST_DATA_ROW;
  const first = columnLetter(spendingMonthColumn(1));
  const last = columnLetter(spendingMonthColumn(12));
  for (const area of data.areas) {
    const f = inputs.areas?.get(area.no);
    b.value(r, col("领域"), areaLabel(area));
    b.value(r, col("预算数"), fromYi(area.budgetYi, amountUnit), MONEY);
    const raw = inputs.rawAreas?.get(area.no);
    for (let m = 1; m <= 12; m++) {
      const cell = raw?.[m - 1];
      const v = f?.months[m - 1];
      // A number is written in this sheet's unit (a unit switch converts it); a typed formula or text as typed.
      if (hasContent(cell) && (cell.formula !== undefined || typeof v !== "number")) {
        b.set(r, spendingMonthColumn(m), carried(cell, MONEY));
        stats.valuesKept++;
      } else b.value(r, spendingMonthColumn(m), typeof v === "number" ? fromYi(v, amountUnit) : null, MONEY);
    }
    b.set(r, col("本期数"), {
      formula: currentFigureFormula(REPORT_MONTH_CELL, `$${first}${r}`, `$${last}${r}`),
      result: currentOf(areaMonthCells(f, raw, amountUnit), month),
      numFmt: MONEY,
    });
    b.fit(r, col("领域"), areaLabel(area));
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - HEADER_ROW;
  b.styleBox(FIRST_DATA_ROW, 1, lastRow, n, STYLE.body);
  b.styleBox(FIRST_DATA_ROW, col("领域"), lastRow, col("领域"), { wrap: true });
  b.styleBox(FIRST_DATA_ROW, spendingMonthColumn(1), lastRow, spendingMonthColumn(12), STYLE.input);
  b.table({
    name: MONTHLY_TABLE_NAMES.spending,
    ref: rangeAddress(HEADER_ROW, 1, lastRow, n),
    style: "TableStyleLight1",
  });
  b.validate({
    ref: rangeAddress(FIRST_DATA_ROW, spendingMonthColumn(1), lastRow, spendingMonthColumn(12)),
    type: "decimal",
    min: -1e12,
    max: 1e12,
    title: "月度支出数",
    message: `请输入1–N月累计支出数(单位:${amountUnit})。`,
  });
  b.flagKeptRows(FIRST_DATA_ROW, lastRow, n, col("核对"));
  b.freeze(HEADER_ROW, 1);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  // On paper: 领域 and 预算数 on every page, 1–6月 then 7–12月 with 本期数 and 核对.
  b.printInBlocks([1, col("预算数")], [spendingMonthColumn(7)]);
  return { sheet: b.finish(), stats };
}
