import type ExcelJS from "exceljs";
import { cellAddress, columnLetter, parseRange } from "../workbook/a1";
import { PRINT_MARGINS } from "../sheets/sheetBuilder";
import { NA_RESULT, type CellSpec, type CellStyle, type SheetContent, type WorkbookSpec } from "../workbook/model";

/**
 * Applies a workbook spec to an ExcelJS workbook. Sheets in the spec replace same-named sheets at the same
 * position (the planner only names sheets that are ours or free); every other sheet is left as loaded.
 * Charts and marker names are added after writing by `postProcess` (ExcelJS writes neither).
 */
export function applySpec(workbook: ExcelJS.Workbook, spec: WorkbookSpec): void {
  for (const sheet of spec.sheets) writeSheet(workbook, sheet);
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** The value ExcelJS stores for a spec cell; formulas carry their cached result. */
export function excelValue(cell: CellSpec | undefined): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (cell.formula !== undefined) {
    const result = cell.result === NA_RESULT ? { error: NA_RESULT } : (cell.result ?? "");
    return { formula: cell.formula, result } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}

/** Writes one sheet, replacing a same-named one at its position. */
export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetContent): void {
  const old = workbook.worksheets.find((w) => w.name.toLowerCase() === spec.name.toLowerCase());
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(spec.name, {
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
    views: [
      spec.freeze.rows > 0 || spec.freeze.columns > 0
        ? { state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }
        : { state: "normal" },
    ],
    pageSetup: pageSetup(spec),
    headerFooter: { oddFooter: spec.print.footer, differentFirst: false, differentOddEven: false },
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  // Tables first: ExcelJS writes a table's cells itself; every cell is then (re)written below with its format.
  for (const table of spec.tables) {
    const box = parseRange(table.ref);
    const headerRow = spec.cells[box.top - 1] ?? [];
    const columns = [];
    for (let c = box.left; c <= box.right; c++) {
      columns.push({ name: String(headerRow[c - 1]?.value ?? `列${c}`), filterButton: true });
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = box.top + 1; r <= box.bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(excelValue(spec.cells[r - 1]?.[c - 1]));
      rows.push(row);
    }
    ws.addTable({
      name: table.name,
      ref: cellAddress(box.top, box.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: false },
      columns,
      rows,
    });
  }

  // Styles accumulate per cell (later runs win), then each cell is written once.
  const styles = new Map<string, CellStyle>();
  for (const run of spec.styles) {
    const box = parseRange(run.ref);
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const key = `${r}:${c}`;
        styles.set(key, { ...styles.get(key), ...run.style });
      }
    }
  }
  spec.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === undefined && !styles.has(`${r + 1}:${c + 1}`)) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = excelValue(cell);
      if (cell?.numFmt) target.numFmt = cell.numFmt;
    });
  });
  for (const [key, style] of styles) {
    const [r, c] = key.split(":").map(Number) as [number, number];
    applyStyle(ws.getCell(r, c), style);
  }
  for (const ref of spec.merges) ws.mergeCells(ref);
  for (const [row, height] of spec.rowHeights) ws.getRow(row).height = height;
  for (const row of spec.rowBreaks) ws.getRow(row - 1).addPageBreak();

  for (const v of spec.validations) {
    const box = parseRange(v.ref);
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      showInputMessage: true,
      errorStyle: "stop",
      errorTitle: v.title,
      error: v.message,
      promptTitle: v.title,
      prompt: v.message,
      operator: "between" as const,
    };
    const rule: ExcelJS.DataValidation =
      v.type === "date"
        ? { ...common, type: "date", formulae: [serialToDate(v.min), serialToDate(v.max)] }
        : v.type === "list"
          ? { ...common, type: "list", formulae: [`"${v.items.join(",")}"`] }
          : { ...common, type: "decimal", formulae: [v.min, v.max] };
    // One rule per range, keyed by the range: per-cell rules are merged by ExcelJS into overlapping sqrefs
    // (its address sort, issue #2820), which Excel repairs or drops.
    (
      ws as unknown as { dataValidations: { add(ref: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(
      box.top === box.bottom && box.left === box.right ? cellAddress(box.top, box.left) : v.ref,
      rule,
    );
  }

  spec.conditionalFormats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } };
    const font: Partial<ExcelJS.Font> = {};
    if (cf.style.color) font.color = { argb: argb(cf.style.color) };
    if (cf.style.bold) font.bold = true;
    if (cf.style.italic) font.italic = true;
    if (Object.keys(font).length > 0) style.font = font;
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [{ type: "expression", formulae: [cf.formula], style, priority: i + 1 }],
    });
  });
}

/**
 * A4, the spec's fit (one page width, or a fixed scale with the column breaks that postProcess writes), margins,
 * and the print titles as the sheet's `_xlnm.Print_Titles` (columns and rows).
 */
function pageSetup(spec: SheetContent): Partial<ExcelJS.PageSetup> {
  const p = spec.print;
  const columns = (range: readonly [number, number]) => `${columnLetter(range[0])}:${columnLetter(range[1])}`;
  return {
    paperSize: 9, // A4
    orientation: p.orientation,
    ...(p.fitToWidth !== undefined
      ? { fitToPage: true, fitToWidth: p.fitToWidth, fitToHeight: 0 }
      : { fitToPage: false, scale: p.scale }),
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS, ...p.margins },
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows[0]}:${p.titleRows[1]}` } : {}),
    ...(p.titleColumns ? { printTitlesColumn: columns(p.titleColumns) } : {}),
  };
}

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.bold !== undefined || style.italic !== undefined || style.color || style.size) {
    cell.font = {
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
      ...(style.size ? { size: style.size } : {}),
    };
  }
  if (style.hAlign || style.vAlign || style.wrap || style.vertical) {
    cell.alignment = {
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign === "center" ? "middle" : style.vAlign } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.vertical ? { textRotation: "vertical" as const } : {}),
    };
  }
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}
