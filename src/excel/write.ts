import { constantInput } from "./textInput";
import { cellAddress, columnLetter, parseRange, quoteSheet, rangeAddress, type Box } from "../workbook/a1";
import { PRINT_MARGINS } from "../sheets/sheetBuilder";
import { shiftFormula } from "../workbook/references";
import { WORKBOOK_FONT } from "../workbook/fonts";
import type { CellSpec, CellStyle, ChartSpec, ConditionalFormatSpec, SheetSpec } from "../workbook/model";
import { costOf, rowBands, type WriteBatches } from "./batches";
import { hasFeature, type Capabilities, type OptionalFeature } from "./capabilities";

export { byteLength } from "./batches";

/**
 * Queues the writes of one sheet, asking `batches` for room before each operation (a sync goes out when the
 * request would pass its budget). Values and formulas go as 2-D `formulas` arrays, number formats as 2-D arrays,
 * in bands of rows (one band for a sheet of normal size); styles, tables, validation, conditional formats, charts
 * and print setup are a few operations each.
 * Features above the host's ExcelApi level (`capabilities`) are left out, never queued: one unsupported call would
 * fail the whole batch. Returns the features this sheet needed but the host lacks.
 */
export async function writeSheet(
  worksheets: Excel.WorksheetCollection,
  spec: SheetSpec,
  capabilities: Capabilities,
  batches: WriteBatches,
): Promise<{ sheet: Excel.Worksheet; skipped: ReadonlySet<OptionalFeature> }> {
  const skipped = new Set<OptionalFeature>();
  /** Whether the host has `feature`; when it has not and the sheet `needs` it, the skip is recorded. */
  const can = (feature: OptionalFeature, needs = true): boolean => {
    if (hasFeature(capabilities, feature)) return true;
    if (needs) skipped.add(feature);
    return false;
  };
  // Every sheet the writer writes is new (a refresh is a patch): added, then given the workbook's one face first.
  await batches.roomFor(spec.name, 3);
  const ws = worksheets.add(spec.name);
  // One face for the whole sheet, set before any style (see workbook/fonts.ts for why 微软雅黑).
  ws.getRange().format.font.name = WORKBOOK_FONT.name;

  const rows = spec.cells.length;
  const columns = spec.columnWidths.length;
  if (rows > 0 && columns > 0) {
    // spec.cells is sparse (empty rows, short rows); Excel accepts only a full rectangle of the range's size.
    const grid = <T>(of: (cell: (typeof spec.cells)[number][number] | undefined) => T): T[][] =>
      Array.from(spec.cells, (row) => Array.from({ length: columns }, (_, c) => of(row?.[c])));
    // Formula columns that are one formula filled down go as their first row and a fill: the cells below are
    // sent blank and copied from that row by Excel, which moves relative references as a fill does.
    const fills = can("fillFormulas", false) ? fillBlocks(spec.cells) : [];
    const filled = new Set(fills.flatMap((f) => cellsOf(f)));
    const formulas = Array.from(spec.cells, (row, r) =>
      Array.from({ length: columns }, (_, c) => (filled.has(`${r + 1}:${c + 1}`) ? "" : formulaOf(row?.[c]))),
    );
    const formats = grid((c) => c?.numFmt ?? "General");
    // Bands of a quarter of the budget: a request is at least three quarters full before it goes.
    const both = formulas.map((row, r) => [row, formats[r]]);
    for (const [first, last] of rowBands(both, batches.budget / 4)) {
      const values = formulas.slice(first, last);
      const numberFormats = formats.slice(first, last);
      await batches.room(costOf(values, 2) + costOf(numberFormats));
      const range = ws.getRange(rangeAddress(first + 1, 1, last, columns));
      range.formulas = values;
      range.numberFormat = numberFormats;
    }
    for (const f of fills) {
      const source = `${quoteSheet(spec.name)}!${rangeAddress(f.top, f.left, f.top, f.right)}`;
      await batches.roomFor([source, f], 2);
      ws.getRange(rangeAddress(f.top + 1, f.left, f.bottom, f.right)).copyFrom(source, "Formulas");
    }
  }
  for (const [i, w] of spec.columnWidths.entries()) {
    const letter = cellAddress(1, i + 1).replace(/\d+$/, "");
    await batches.roomFor([letter, w], 2);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = (w * 7 + 5) * 0.75;
  }
  for (const [first, last, height] of heightRuns(spec.rowHeights)) {
    await batches.roomFor([first, last, height], 2);
    ws.getRange(`${first}:${last}`).format.rowHeight = height;
  }
  const vertical = spec.styles.some((run) => run.style.vertical) ? can("textOrientation") : false;
  await writeStyles(ws, spec, vertical, batches);
  for (const t of spec.tables) {
    await batches.roomFor(t, 6);
    const table = ws.tables.add(t.ref, true);
    table.name = t.name;
    table.style = t.style;
    table.showBandedRows = false;
    table.showFilterButton = true;
  }
  for (const v of spec.validations.length > 0 && can("dataValidation") ? spec.validations : []) {
    // The rule's texts go twice (error alert and prompt).
    await batches.room(costOf(v, 5) + costOf([v.title, v.message]));
    const range = ws.getRange(v.ref);
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.rule =
      v.type === "date"
        ? { date: { formula1: serialToIso(v.min), formula2: serialToIso(v.max), operator: "Between" } }
        : v.type === "list"
          ? { list: { inCellDropDown: true, source: v.items.join(",") } }
          : { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.message };
    range.dataValidation.prompt = { showPrompt: true, title: v.title, message: v.message };
  }
  for (const cf of spec.conditionalFormats.length > 0 && can("conditionalFormats") ? spec.conditionalFormats : []) {
    await batches.roomFor(cf, CONDITIONAL_FORMAT_ACTIONS);
    queueConditionalFormat(ws, cf);
  }
  const plotOrder = spec.charts.some((c) => c.kind.startsWith("bar")) && can("chartPlotOrder");
  for (const c of spec.charts) {
    await batches.room(chartCost(c));
    queueChart(ws, c, plotOrder);
  }
  await batches.roomFor(
    [spec.print, spec.rowBreaks, spec.columnBreaks, spec.freeze],
    16 + spec.rowBreaks.length + spec.columnBreaks.length,
  );
  const freeze = spec.freeze.rows > 0 || spec.freeze.columns > 0 ? can("freezePanes") : false;
  if (freeze && spec.freeze.rows > 0 && spec.freeze.columns > 0) {
    ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(spec.freeze.rows, spec.freeze.columns)}`));
  } else if (freeze && spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
  else if (freeze && spec.freeze.columns > 0) ws.freezePanes.freezeColumns(spec.freeze.columns);

  if (can("pageLayout")) {
    applyPrint(ws, spec);
    for (const row of spec.rowBreaks) ws.horizontalPageBreaks.add(`A${row}`);
    for (const column of spec.columnBreaks) ws.verticalPageBreaks.add(`${columnLetter(column)}1`);
  }
  return { sheet: ws, skipped };
}

/** Style runs (later runs win where they overlap) and merges; `vertical`: the host can set text orientation. */
export async function writeStyles(
  ws: Excel.Worksheet,
  part: Pick<SheetSpec, "styles" | "merges">,
  vertical: boolean,
  batches: WriteBatches,
): Promise<void> {
  for (const run of part.styles) {
    await batches.roomFor(run, styleActions(run.ref, run.style));
    applyStyle(ws.getRange(run.ref), run.ref, run.style, vertical);
  }
  for (const ref of part.merges) {
    await batches.roomFor(ref, 2);
    ws.getRange(ref).merge(false);
  }
}

/** The calls of one conditional format (add, rule, up to four format writes). */
export const CONDITIONAL_FORMAT_ACTIONS = 7;

/** A custom-formula conditional format on its range. */
export function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatSpec): void {
  const format = ws.getRange(cf.ref).conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${cf.formula}`;
  if (cf.style.fill) format.custom.format.fill.color = cf.style.fill;
  if (cf.style.color) format.custom.format.font.color = cf.style.color;
  if (cf.style.bold) format.custom.format.font.bold = true;
  if (cf.style.italic) format.custom.format.font.italic = true;
}

/** The estimated cost of {@link queueChart} for `c`. */
export function chartCost(c: ChartSpec): number {
  return costOf([c.name, c.title, c.sourceRef, c.from, c.to, c.series.map((s) => s.color)], 8 + 3 * c.series.length);
}

const CHART_TYPES = {
  barStacked: "BarStacked",
  barClustered: "BarClustered",
  columnStacked: "ColumnStacked",
  line: "LineMarkers",
} as const satisfies Record<ChartSpec["kind"], string>;

/**
 * Adds one chart over its contiguous block (categories + series by columns), named, titled, placed and coloured.
 * `plotOrder`: the host can reverse the category axis (bars list the areas top to bottom in document order).
 */
export function queueChart(ws: Excel.Worksheet, c: ChartSpec, plotOrder: boolean): void {
  const chart = ws.charts.add(CHART_TYPES[c.kind], ws.getRange(c.sourceRef), "Columns");
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  if (plotOrder && c.kind.startsWith("bar")) chart.axes.categoryAxis.reversePlotOrder = true;
  chart.setPosition(c.from, c.to);
  c.series.forEach((s, i) => {
    const format = chart.series.getItemAt(i).format;
    if (c.kind === "line") format.line.color = s.color;
    else format.fill.setSolidColor(s.color);
  });
}

/**
 * A4 and the spec's fit: one page width, or a fixed scale with the column blocks (breaks added by the caller) and
 * the identity columns repeated on each page. A sheet rewritten in place gets every setting again, so an earlier
 * version's fit-to-width does not linger over the blocks.
 */
function applyPrint(ws: Excel.Worksheet, spec: SheetSpec): void {
  const p = spec.print;
  const columns = (range: readonly [number, number]) => `$${columnLetter(range[0])}:$${columnLetter(range[1])}`;
  const margins = { ...PRINT_MARGINS, ...p.margins };
  ws.pageLayout.orientation = p.orientation === "portrait" ? "Portrait" : "Landscape";
  ws.pageLayout.paperSize = "A4";
  ws.pageLayout.zoom =
    p.fitToWidth !== undefined ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 } : { scale: p.scale };
  ws.pageLayout.centerHorizontally = true;
  ws.pageLayout.leftMargin = margins.left * 72;
  ws.pageLayout.rightMargin = margins.right * 72;
  ws.pageLayout.topMargin = margins.top * 72;
  ws.pageLayout.bottomMargin = margins.bottom * 72;
  if (p.titleRows) ws.pageLayout.setPrintTitleRows(`$${p.titleRows[0]}:$${p.titleRows[1]}`);
  if (p.titleColumns) ws.pageLayout.setPrintTitleColumns(columns(p.titleColumns));
  ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = p.footer.replace(/^&C/, "");
}

/**
 * Rectangles of a sheet's cells that are their top row's formulas filled down: in each column a run of formula
 * cells (at least three) where every cell is the top one's formula moved by its row offset (relative references
 * shift, anchored ones stay — what Excel's copy gives); neighbouring columns with the same run form one block.
 * @example fillBlocks([[], [{ formula: "A2*2" }], [{ formula: "A3*2" }], [{ formula: "A4*2" }]]) // [{ top: 2, left: 1, bottom: 4, right: 1 }]
 */
export function fillBlocks(cells: readonly (readonly (CellSpec | undefined)[])[]): Box[] {
  const runs: Box[] = [];
  const columns = Math.max(0, ...cells.map((row) => row.length));
  for (let c = 1; c <= columns; c++) {
    let r = 1;
    while (r <= cells.length) {
      const top = cells[r - 1]?.[c - 1]?.formula;
      if (top === undefined) {
        r++;
        continue;
      }
      let bottom = r;
      while (cells[bottom]?.[c - 1]?.formula === shiftFormula(top, bottom + 1 - r, 0)) bottom++;
      if (bottom - r >= 2) runs.push({ top: r, left: c, bottom, right: c });
      r = bottom + 1;
    }
  }
  const blocks: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const run of runs) {
    const last = blocks[blocks.length - 1];
    if (last && last.right === run.left - 1 && last.top === run.top && last.bottom === run.bottom)
      last.right = run.left;
    else blocks.push({ ...run });
  }
  return blocks;
}

/** The cells a fill block writes by copy (all but its top row), as "row:column". */
function cellsOf(b: Box): string[] {
  const out: string[] = [];
  for (let r = b.top + 1; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(`${r}:${c}`);
  return out;
}

/**
 * A spec cell as Office.js `formulas` takes it: "=…" for a formula (only the product's formula builders set one),
 * a constant otherwise — text escaped so Excel stores it as text whatever it starts with — "" for empty.
 */
export function formulaOf(cell: CellSpec | undefined): string | number | boolean {
  if (cell === undefined) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  return v === null || v === undefined ? "" : constantInput(v);
}

export function heightRuns(heights: ReadonlyMap<number, number>): [number, number, number][] {
  const rows = [...heights.keys()].sort((a, b) => a - b);
  const runs: [number, number, number][] = [];
  for (const row of rows) {
    const h = heights.get(row) ?? 15;
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1 && last[2] === h) last[1] = row;
    else runs.push([row, row, h]);
  }
  return runs;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

export function applyStyle(range: Excel.Range, ref: string, style: CellStyle, vertical: boolean): void {
  const f = range.format;
  if (style.fill) f.fill.color = style.fill;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.color) f.font.color = style.color;
  if (style.size) f.font.size = style.size;
  if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap) f.wrapText = true;
  if (style.vertical && vertical) f.textOrientation = 180;
  if (style.border) {
    for (const edge of edgesOf(ref)) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#BFBFBF";
    }
  }
}

/** The border edges of a range: inside edges exist only where it has more than one row or column. */
function edgesOf(ref: string): (typeof EDGES)[number][] {
  const box = parseRange(ref);
  return EDGES.filter(
    (e) => (e !== "InsideVertical" || box.right > box.left) && (e !== "InsideHorizontal" || box.bottom > box.top),
  );
}

/** The calls and writes {@link applyStyle} queues for `style` on `ref` (for the request's size). */
export function styleActions(ref: string, style: CellStyle): number {
  const writes = [style.fill, style.bold, style.italic, style.color, style.size, style.hAlign, style.vAlign]
    .concat([style.wrap, style.vertical])
    .filter((x) => x !== undefined && x !== false).length;
  return 1 + writes + (style.border ? 3 * edgesOf(ref).length : 0);
}

function serialToIso(serial: number): string {
  return new Date(Math.round((serial - 25_569) * 86_400_000)).toISOString().slice(0, 10);
}
