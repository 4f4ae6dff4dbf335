import { cellAddress, parseRange, rangeAddress, type Box } from "../workbook/a1";
import type { CellSpec, CellStyle, SheetContent, ValidationSpec } from "../workbook/model";
import { PRINT_MARGINS } from "../sheets/sheetBuilder";
import { writeCell } from "./cellXml";
import type { StylesPart } from "./styles";
import { serialize, XmlElement } from "./xmlTree";

/**
 * A whole worksheet part written from a planned sheet ({@link SheetContent}): the same cell writer a patch uses
 * (`cellXml.ts`), the cell formats found or added in the workbook's styles part, then what the sheet carries
 * around its cells in the schema's order (CT_Worksheet): tab colour and fit, frozen panes, column widths, row
 * heights, protection, merges, conditional formats, data validations (ranges that never overlap: where two rules
 * meet, the later one wins the shared cells, as a rule set later in Excel would), print setup and page breaks,
 * and the references to the sheet's drawing and tables (their parts are the package writer's).
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The relationship ids the worksheet points at: its drawing (charts) and its tables, in the spec's order. */
export interface WorksheetRelations {
  readonly drawing?: string;
  readonly tables: readonly string[];
}

export interface WrittenWorksheet {
  readonly xml: string;
  /** Cells written (a styled empty cell included). */
  readonly cells: number;
}

/** Each cell's style: the spec's runs merged in order (later runs win), one object per distinct combination. */
function cellStyles(spec: SheetContent): Map<number, CellStyle> {
  const at = new Map<number, CellStyle>();
  const merged = new Map<CellStyle | undefined, Map<CellStyle, CellStyle>>();
  for (const run of spec.styles) {
    const box = parseRange(run.ref);
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const key = r * 16_384 + c;
        const before = at.get(key);
        let byRun = merged.get(before);
        if (!byRun) merged.set(before, (byRun = new Map()));
        let style = byRun.get(run.style);
        if (!style) byRun.set(run.style, (style = before ? { ...before, ...run.style } : run.style));
        at.set(key, style);
      }
    }
  }
  return at;
}

function unlockedCells(spec: SheetContent): Set<number> {
  const out = new Set<number>();
  for (const ref of spec.protection?.unlocked ?? []) {
    const box = parseRange(ref);
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) out.add(r * 16_384 + c);
  }
  return out;
}

/** The parts of `a` outside `b`. */
function subtract(a: Box, b: Box): Box[] {
  if (b.left > a.right || b.right < a.left || b.top > a.bottom || b.bottom < a.top) return [a];
  const out: Box[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

const boxRef = (b: Box) =>
  b.top === b.bottom && b.left === b.right
    ? cellAddress(b.top, b.left)
    : rangeAddress(b.top, b.left, b.bottom, b.right);

/** Each validation's sqref without the cells a later validation covers (Excel allows one rule per cell). */
export function validationRanges(validations: readonly ValidationSpec[]): string[] {
  return validations.map((v, i) => {
    let boxes = [parseRange(v.ref)];
    for (const later of validations.slice(i + 1)) {
      const b = parseRange(later.ref);
      boxes = boxes.flatMap((a) => subtract(a, b));
    }
    return boxes.map(boxRef).join(" ");
  });
}

function validationElement(v: ValidationSpec, sqref: string): XmlElement {
  const e = new XmlElement("dataValidation", [
    ["type", v.type],
    ["allowBlank", "1"],
    ["showInputMessage", "1"],
    ["showErrorMessage", "1"],
    ["errorTitle", v.title],
    ["error", v.message],
    ["promptTitle", v.title],
    ["prompt", v.message],
  ]);
  if (v.type === "list") e.add("formula1", [], `"${v.items.join(",")}"`);
  else {
    e.set("operator", "between");
    e.add("formula1", [], String(v.min));
    e.add("formula2", [], String(v.max));
  }
  e.set("sqref", sqref);
  return e;
}

function sheetView(spec: SheetContent): XmlElement {
  const view = new XmlElement("sheetView", [["workbookViewId", "0"]]);
  const { rows, columns } = spec.freeze;
  if (rows > 0 || columns > 0) {
    const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    const p = view.add("pane");
    if (columns > 0) p.set("xSplit", columns);
    if (rows > 0) p.set("ySplit", rows);
    p.set("topLeftCell", cellAddress(rows + 1, columns + 1))
      .set("activePane", pane)
      .set("state", "frozen");
    view.add("selection", [["pane", pane]]);
  }
  return view;
}

/** Column widths, runs of equal widths as one `<col>`; a width of 0 or none leaves the column at the default. */
function columns(widths: readonly number[]): XmlElement | undefined {
  const cols = new XmlElement("cols");
  for (let i = 0; i < widths.length;) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w !== undefined && w > 0) {
      cols.add("col", [
        ["min", String(i + 1)],
        ["max", String(j + 1)],
        ["width", String(w)],
        ["customWidth", "1"],
      ]);
    }
    i = j + 1;
  }
  return cols.children.length > 0 ? cols : undefined;
}

function breaks(name: "rowBreaks" | "colBreaks", before: readonly number[]): XmlElement {
  // A break "before row (column) n" is stored as id n − 1, the last row (column) of the page above (to the left).
  const e = new XmlElement(name, [
    ["count", String(before.length)],
    ["manualBreakCount", String(before.length)],
  ]);
  const max = name === "rowBreaks" ? "16383" : "1048575";
  for (const n of before) {
    e.add("brk", [
      ["id", String(n - 1)],
      ["max", max],
      ["man", "1"],
    ]);
  }
  return e;
}

/** The `<sheetData>` rows: every spec cell, and every empty cell a style run covers. */
function sheetData(spec: SheetContent, styles: StylesPart): { data: XmlElement; cells: number; box: Box } {
  const styleAt = cellStyles(spec);
  const unlocked = unlockedCells(spec);
  const formats = new Map<CellStyle | undefined, Map<string, number>>();
  const format = (style: CellStyle | undefined, numFmt: string | undefined, open: boolean) => {
    let byFormat = formats.get(style);
    if (!byFormat) formats.set(style, (byFormat = new Map()));
    const key = `${numFmt ?? ""}|${open ? 1 : 0}`;
    let s = byFormat.get(key);
    if (s === undefined) byFormat.set(key, (s = styles.cellFormat(style, numFmt, open)));
    return s;
  };
  // Styled cells outside the cell grid, by row.
  const styledColumns = new Map<number, number[]>();
  for (const key of styleAt.keys()) {
    const r = Math.floor(key / 16_384);
    const list = styledColumns.get(r);
    if (list) list.push(key % 16_384);
    else styledColumns.set(r, [key % 16_384]);
  }
  const lastRow = Math.max(spec.cells.length, ...styledColumns.keys(), ...spec.rowHeights.keys(), 0);
  const data = new XmlElement("sheetData");
  let count = 0;
  let right = 1;
  for (let r = 1; r <= lastRow; r++) {
    const rowCells = spec.cells[r - 1] ?? [];
    const width = Math.max(rowCells.length, ...(styledColumns.get(r) ?? []));
    const row = new XmlElement("row", [["r", String(r)]]);
    const height = spec.rowHeights.get(r);
    if (height !== undefined) row.set("ht", height).set("customHeight", 1);
    for (let c = 1; c <= width; c++) {
      const cell: CellSpec | undefined = rowCells[c - 1];
      const key = r * 16_384 + c;
      const style = styleAt.get(key);
      if (cell === undefined && style === undefined) continue;
      const open = unlocked.has(key);
      const s = format(style, cell?.numFmt, open);
      const e = new XmlElement(
        "c",
        s === 0
          ? [["r", cellAddress(r, c)]]
          : [
              ["r", cellAddress(r, c)],
              ["s", String(s)],
            ],
      );
      if (cell) writeCell(e, cell);
      row.children.push(e);
      count++;
      if (c > right) right = c;
    }
    if (row.children.length > 0 || height !== undefined) data.children.push(row);
  }
  return { data, cells: count, box: { top: 1, left: 1, bottom: Math.max(lastRow, 1), right } };
}

/** The worksheet part of a planned sheet. */
export function worksheetXml(spec: SheetContent, styles: StylesPart, related: WorksheetRelations): WrittenWorksheet {
  const root = new XmlElement("worksheet", [
    ["xmlns", MAIN],
    ["xmlns:r", REL],
  ]);
  const fit = spec.print.fitToWidth !== undefined;
  if (spec.tabColor || fit) {
    const pr = root.add("sheetPr");
    if (spec.tabColor) pr.add("tabColor", [["rgb", `FF${spec.tabColor.replace("#", "").toUpperCase()}`]]);
    if (fit) pr.add("pageSetUpPr", [["fitToPage", "1"]]);
  }
  const { data, cells, box } = sheetData(spec, styles);
  root.add("dimension", [["ref", rangeAddress(box.top, box.left, box.bottom, box.right)]]);
  root.add("sheetViews").children.push(sheetView(spec));
  root.add("sheetFormatPr", [["defaultRowHeight", "15"]]);
  const cols = columns(spec.columnWidths);
  if (cols) root.children.push(cols);
  root.children.push(data);
  if (spec.protection) {
    // No password: protection against slips. What stays allowed is listed as "0" (not protected).
    root.add("sheetProtection", [
      ["sheet", "1"],
      ["formatCells", "0"],
      ["formatColumns", "0"],
      ["formatRows", "0"],
      ["insertRows", "0"],
      ["sort", "0"],
      ["autoFilter", "0"],
    ]);
  }
  if (spec.merges.length > 0) {
    const merges = root.add("mergeCells", [["count", String(spec.merges.length)]]);
    for (const ref of spec.merges) merges.add("mergeCell", [["ref", ref]]);
  }
  spec.conditionalFormats.forEach((cf, i) => {
    const rule = root.add("conditionalFormatting", [["sqref", cf.ref]]).add("cfRule", [
      ["type", "expression"],
      ["dxfId", String(styles.differentialFormat(cf.style))],
      ["priority", String(i + 1)],
    ]);
    rule.add("formula", [], cf.formula);
  });
  if (spec.validations.length > 0) {
    const ranges = validationRanges(spec.validations);
    const list = spec.validations.flatMap((v, i) => (ranges[i] ? [validationElement(v, ranges[i])] : []));
    if (list.length > 0) root.add("dataValidations", [["count", String(list.length)]]).children.push(...list);
  }
  const p = spec.print;
  const margins = { ...PRINT_MARGINS, ...p.margins };
  root.add("printOptions", [["horizontalCentered", "1"]]);
  root.add("pageMargins", [
    ["left", String(margins.left)],
    ["right", String(margins.right)],
    ["top", String(margins.top)],
    ["bottom", String(margins.bottom)],
    ["header", String(margins.header)],
    ["footer", String(margins.footer)],
  ]);
  const setup = root.add("pageSetup", [
    ["paperSize", "9"],
    ["orientation", p.orientation],
  ]);
  if (p.fitToWidth !== undefined) setup.set("fitToWidth", p.fitToWidth).set("fitToHeight", 0);
  else setup.set("scale", p.scale);
  if (p.footer !== "") root.add("headerFooter").add("oddFooter", [], p.footer);
  if (spec.rowBreaks.length > 0) root.children.push(breaks("rowBreaks", spec.rowBreaks));
  if (spec.columnBreaks.length > 0) root.children.push(breaks("colBreaks", spec.columnBreaks));
  if (related.drawing) root.add("drawing", [["r:id", related.drawing]]);
  if (related.tables.length > 0) {
    const parts = root.add("tableParts", [["count", String(related.tables.length)]]);
    for (const id of related.tables) parts.add("tablePart", [["r:id", id]]);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serialize(root)}`;
  return { xml, cells };
}
