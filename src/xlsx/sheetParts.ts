import type JSZip from "jszip";
import { columnLetter, parseRange, quoteSheet } from "../workbook/a1";
import type { ChartSpec, WorkbookName, SheetContent, TableSpec } from "../workbook/model";
import type { ApplyStats } from "./applyPatch";
import { setName } from "./applyPatch";
import { anchorXml, chartXml, drawingXml } from "./charts";
import { newPart, readPart, relationships, writePart, type XmlPart } from "./parts";
import { relsPath } from "./partPaths";
import { StylesPart } from "./styles";
import { worksheetXml } from "./worksheetWriter";
import { NS, REL_TYPE } from "./xml";
import { parseNodes, serialize, XmlElement } from "./xmlTree";
import { putPart } from "./putPart";

/**
 * Writes planned sheets into a package as parts: each sheet's worksheet part (`worksheetXml`), its tables, its
 * drawing and charts under free part names, their relationships and content types, the sheet's entry in
 * workbook.xml with its print titles, and the cell formats it needs in the workbook's styles. The same writer makes a
 * new workbook (from `emptyPackage`), adds our sheets to a user's workbook, and writes a sheet over one of ours.
 */

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** A target relative to the part whose relationships name it: xl/worksheets/sheet7.xml → ../tables/table9.xml. */
export function relative(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Adds a relationship to a relationships part, under the first free rId, and returns the id. */
export function addRelationship(rels: XmlPart, type: string, target: string): string {
  const ids = new Set(rels.root.all("Relationship").map((r) => r.get("Id")));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  rels.root.add("Relationship", [
    ["Id", id],
    ["Type", type],
    ["Target", target],
  ]);
  return id;
}

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

const emptyRels = () => newPart("Relationships", NS.pkgRel);

/** A table part: its columns named by the header cells (unique within the table, as Excel requires). */
function tableXml(table: TableSpec, sheet: SheetContent, id: number): string {
  const box = parseRange(table.ref);
  const root = new XmlElement("table", [
    ["xmlns", NS.main],
    ["id", String(id)],
    ["name", table.name],
    ["displayName", table.name],
    ["ref", table.ref],
    ["totalsRowShown", "0"],
  ]);
  root.add("autoFilter", [["ref", table.ref]]);
  const columns = root.add("tableColumns", [["count", String(box.right - box.left + 1)]]);
  const header = sheet.cells[box.top - 1] ?? [];
  const used = new Set<string>();
  for (let c = box.left; c <= box.right; c++) {
    const cell = header[c - 1];
    const text = String(cell?.value ?? cell?.result ?? "").trim() || `列${c}`;
    let name = text;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${text}${n}`;
    used.add(name.toLowerCase());
    columns.add("tableColumn", [
      ["id", String(c - box.left + 1)],
      ["name", name],
    ]);
  }
  root.add("tableStyleInfo", [
    ["name", table.style],
    ["showFirstColumn", "0"],
    ["showLastColumn", "0"],
    ["showRowStripes", "0"],
    ["showColumnStripes", "0"],
  ]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serialize(root)}`;
}

/** `'月度填报'!$A:$C,'月度填报'!$4:$4`: the columns and rows repeated on every printed page. */
function printTitles(sheet: SheetContent): string | undefined {
  const q = quoteSheet(sheet.name);
  const parts: string[] = [];
  const cols = sheet.print.titleColumns;
  const rows = sheet.print.titleRows;
  if (cols) parts.push(`${q}!$${columnLetter(cols[0])}:$${columnLetter(cols[1])}`);
  if (rows) parts.push(`${q}!$${rows[0]}:$${rows[1]}`);
  return parts.length > 0 ? parts.join(",") : undefined;
}

export class SheetParts {
  private tableId = 0;
  private workbookChanged = false;
  private typesChanged = false;

  private constructor(
    private readonly zip: JSZip,
    private readonly workbook: XmlPart,
    private readonly rels: XmlPart,
    private readonly types: XmlPart,
    readonly styles: StylesPart,
    private readonly stylesPart: string,
    private readonly stats: ApplyStats,
  ) {}

  static async open(zip: JSZip, stats: ApplyStats): Promise<SheetParts> {
    const workbook = await readPart(zip, "xl/workbook.xml");
    const types = await readPart(zip, "[Content_Types].xml");
    if (!workbook || !types) throw new Error("no xl/workbook.xml or [Content_Types].xml");
    const rels = (await readPart(zip, relsPath("xl/workbook.xml"))) ?? emptyRels();
    const stylesPart =
      (await relationships(zip, "xl/workbook.xml")).find((r) => r.type === REL_TYPE.styles)?.target ?? "xl/styles.xml";
    const styles = await StylesPart.open(zip, stylesPart);
    const parts = new SheetParts(zip, workbook, rels, types, styles, stylesPart, stats);
    if (!styles.present) {
      styles.create();
      parts.workbookChanged = true;
      addRelationship(rels, REL_TYPE.styles, relative("xl/workbook.xml", stylesPart));
      parts.override(stylesPart, CT.styles);
    }
    for (const f of zip.file(/^xl\/tables\/[^/]*\.xml$/)) {
      const id = Number((await readPart(zip, f.name))?.root.get("id") ?? 0);
      if (id > parts.tableId) parts.tableId = id;
    }
    return parts;
  }

  private free(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.zip.file(pattern(n))) return pattern(n);
  }

  private override(part: string, type: string): void {
    const name = `/${part}`;
    if (this.types.root.all("Override").some((o) => o.get("PartName") === name)) return;
    this.typesChanged = true;
    this.types.root.add("Override", [
      ["PartName", name],
      ["ContentType", type],
    ]);
  }

  private put(part: string, text: string, type?: string): void {
    putPart(this.zip, part, text);
    if (type) this.override(part, type);
    this.stats.partsChanged.push(part);
  }

  /** Writes a sheet's worksheet part, with its tables, drawing and charts, at `part`. */
  private write(part: string, spec: SheetContent): void {
    const rels = emptyRels();
    const tables = spec.tables.map((table) => {
      const tablePart = this.free((n) => `xl/tables/table${n}.xml`);
      this.put(tablePart, tableXml(table, spec, ++this.tableId), CT.table);
      return addRelationship(rels, REL_TYPE.table, relative(part, tablePart));
    });
    const drawing =
      spec.charts.length > 0
        ? addRelationship(rels, REL_TYPE.drawing, relative(part, this.newDrawing(spec.charts, spec.name)))
        : undefined;
    const sheet = worksheetXml(spec, this.styles, { ...(drawing ? { drawing } : {}), tables });
    this.put(part, sheet.xml, CT.worksheet);
    if (rels.root.children.length > 0) writePart(this.zip, relsPath(part), rels);
    else this.zip.remove(relsPath(part));
    this.stats.cellsWritten += sheet.cells;
  }

  /** A chart part, related from a drawing's relationships. */
  private chart(chart: ChartSpec, sheetName: string, drawingPart: string, drawingRels: XmlPart): string {
    const chartPart = this.free((n) => `xl/charts/chart${n}.xml`);
    this.put(chartPart, chartXml(chart, sheetName), CT.chart);
    return addRelationship(drawingRels, REL_TYPE.chart, relative(drawingPart, chartPart));
  }

  /** A new drawing part anchoring the charts (each written as its own part); returns the drawing's part name. */
  private newDrawing(charts: readonly ChartSpec[], sheetName: string): string {
    const drawingPart = this.free((n) => `xl/drawings/drawing${n}.xml`);
    const drawingRels = emptyRels();
    // The drawing is put first so the charts' free names are looked up past it.
    this.put(drawingPart, "", CT.drawing);
    const ids = charts.map((chart) => this.chart(chart, sheetName, drawingPart, drawingRels));
    putPart(this.zip, drawingPart, drawingXml(charts, ids));
    writePart(this.zip, relsPath(drawingPart), drawingRels);
    return drawingPart;
  }

  /**
   * Adds charts to a sheet already in the package: anchored in the sheet's drawing when it has one (the charts
   * there stay), else in a new drawing — then the relationship id the worksheet's `<drawing>` must name.
   */
  async addCharts(part: string, sheetName: string, charts: readonly ChartSpec[]): Promise<string | undefined> {
    if (charts.length === 0) return undefined;
    const existing = (await relationships(this.zip, part)).find((r) => r.type === REL_TYPE.drawing);
    if (!existing) {
      const rels = (await readPart(this.zip, relsPath(part))) ?? emptyRels();
      const id = addRelationship(rels, REL_TYPE.drawing, relative(part, this.newDrawing(charts, sheetName)));
      writePart(this.zip, relsPath(part), rels);
      return id;
    }
    const drawing = await readPart(this.zip, existing.target);
    if (!drawing) throw new Error(`part ${existing.target} is missing`);
    const rels = (await readPart(this.zip, relsPath(existing.target))) ?? emptyRels();
    const root = drawing.root;
    // The anchors are written with the prefixes our drawings use; a drawing written with others gets them declared.
    if (root.get("xmlns:xdr") === undefined) root.set("xmlns:xdr", DRAWING_NS);
    if (root.get("xmlns:a") === undefined) root.set("xmlns:a", DRAWINGML_NS);
    let id = 1;
    const walk = (e: XmlElement) => {
      for (const c of e.children) {
        if (!(c instanceof XmlElement)) continue;
        if (c.localName === "cNvPr") id = Math.max(id, Number(c.get("id") ?? 0));
        walk(c);
      }
    };
    walk(root);
    for (const chart of charts) {
      const rid = this.chart(chart, sheetName, existing.target, rels);
      root.children.push(...parseNodes(anchorXml(chart, ++id, rid)));
    }
    writePart(this.zip, existing.target, drawing);
    writePart(this.zip, relsPath(existing.target), rels);
    this.stats.partsChanged.push(existing.target);
    return undefined;
  }

  /** The sheets of workbook.xml (`<sheets>`, created when absent). */
  private sheetList(): XmlElement {
    const root = this.workbook.root;
    let sheets = root.first("sheets");
    if (!sheets) {
      sheets = new XmlElement(root.name.includes(":") ? `${root.name.split(":")[0]}:sheets` : "sheets");
      root.children.push(sheets);
    }
    return sheets;
  }

  /** The prefix workbook.xml binds to the relationships namespace (declared on the root when it has none). */
  private relPrefix(): string {
    const root = this.workbook.root;
    const found = root.attributes.find(([k, v]) => k.startsWith("xmlns:") && v === NS.rel);
    if (found) return found[0].slice("xmlns:".length);
    root.set("xmlns:r", NS.rel);
    return "r";
  }

  /** Sets (or removes) a sheet's print titles, a name scoped to the sheet's position. */
  private setPrintTitles(index: number, spec: SheetContent): void {
    const text = printTitles(spec);
    const root = this.workbook.root;
    const names = root.first("definedNames");
    const old = names
      ?.all("definedName")
      .find((n) => n.get("name") === "_xlnm.Print_Titles" && n.get("localSheetId") === String(index));
    if (old && names) names.children.splice(names.children.indexOf(old), 1);
    if (text === undefined) return;
    setName(root, { name: "_xlnm.Print_Titles", formula: text }, { localSheetId: index, hidden: false });
  }

  /** Adds a sheet after the last one (so no sheet-scoped name of the user's changes its sheet index). */
  add(spec: SheetContent): string {
    const part = this.free((n) => `xl/worksheets/sheet${n}.xml`);
    this.write(part, spec);
    this.workbookChanged = true;
    const sheets = this.sheetList();
    const all = sheets.all("sheet");
    const rid = addRelationship(this.rels, REL_TYPE.worksheet, relative("xl/workbook.xml", part));
    const sheet = sheets.add("sheet", [
      ["name", spec.name],
      ["sheetId", String(Math.max(0, ...all.map((s) => Number(s.get("sheetId") ?? 0))) + 1)],
    ]);
    if (spec.hidden) sheet.set("state", "hidden");
    sheet.set(`${this.relPrefix()}:id`, rid);
    this.setPrintTitles(all.length, spec);
    return part;
  }

  /**
   * Writes a sheet over one of the workbook's, in place: same part, same entry in workbook.xml (name, sheetId,
   * position), so formulas and names that point at the sheet keep pointing at it. What the old part related to
   * (comments, drawings) is dropped with its relationships, as Excel's "clear all" would.
   */
  replace(part: string, spec: SheetContent): void {
    this.zip.remove(relsPath(part));
    this.write(part, spec);
    const index = this.sheetIndex(spec.name);
    if (index >= 0) this.setPrintTitles(index, spec);
    this.workbookChanged = true;
  }

  private sheetIndex(name: string): number {
    return this.sheetList()
      .all("sheet")
      .findIndex((s) => (s.get("name") ?? "").toLowerCase() === name.toLowerCase());
  }

  /** Sets workbook-scoped names: our markers, hidden and with their comment, replacing earlier ones. */
  setNames(names: readonly WorkbookName[]): void {
    for (const n of names) setName(this.workbook.root, n);
    if (names.length > 0) this.workbookChanged = true;
  }

  /** Writes back workbook.xml, its relationships, the content types and (when they changed) the styles. */
  save(): void {
    if (this.workbookChanged) {
      writePart(this.zip, "xl/workbook.xml", this.workbook);
      writePart(this.zip, relsPath("xl/workbook.xml"), this.rels);
      this.stats.partsChanged.push("xl/workbook.xml", relsPath("xl/workbook.xml"));
    }
    if (this.typesChanged) {
      writePart(this.zip, "[Content_Types].xml", this.types);
      this.stats.partsChanged.push("[Content_Types].xml");
    }
    if (this.styles.save()) this.stats.partsChanged.push(this.stylesPart);
  }
}
