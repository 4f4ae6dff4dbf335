/** 填报记录: the merge log, product-owned and append-only; a refresh never reads or writes it. */
import { LOG_COLUMNS, type LogRecord } from "../returns";
import { plainSheet, type SheetContent } from "../workbook/model";
import { FOOTER, PRINT_MARGINS, STYLE } from "./sheetBuilder";

export const LOG_SHEET = "填报记录";

const WIDTHS: Record<(typeof LOG_COLUMNS)[number], number> = {
  时间: 17,
  单位: 16,
  文件: 30,
  编号: 22,
  月份: 9,
  栏目: 10,
  原值: 12,
  新值: 12,
  结果: 7,
  说明: 40,
};

/** The sheet with its header and every row so far (texts only, so nothing in it recalculates or converts). */
export function logSheet(rows: readonly LogRecord[]): SheetContent {
  const cells = [
    LOG_COLUMNS.map((k) => ({ value: k })),
    ...rows.map((r) => LOG_COLUMNS.map((k) => ({ value: r[k], numFmt: "@" }))),
  ];
  const last = String.fromCharCode(64 + LOG_COLUMNS.length);
  return plainSheet(LOG_SHEET, cells, {
    columnWidths: LOG_COLUMNS.map((k) => WIDTHS[k]),
    styles: [
      { ref: `A1:${last}1`, style: STYLE.header },
      ...(rows.length > 0 ? [{ ref: `A2:${last}${rows.length + 1}`, style: STYLE.body }] : []),
    ],
    freeze: { rows: 1, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      margins: PRINT_MARGINS,
      titleRows: [1, 1],
      fitToWidth: 1,
      footer: FOOTER,
    },
  });
}
