/**
 * A refresh never changes how a user formatted a cell. The case that once did: a 实际值 typed over its formula on
 * 目标任务 is moved into the blank month of its 报告日期 on 月度填报, and the formula takes 实际值 back — the
 * user's number format on 实际值 (#,##0.0 on a 亿元 target, where the product writes #,##0.00) and the one on the
 * month cell must both stay. Checked on both hosts: the file route and the Office.js writer (fake Excel).
 */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { ALL_SHEET_KEYS, generateWorkbook } from "../../src/excel";
import { getEdition } from "../../src/policy";
import { cellAddress } from "../../src/workbook/a1";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { FakeExcel } from "./support/fakeExcel";
import { columnOf, rowOf } from "./support/grid";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const ID = "art09-renewal-loans"; // 亿元: the product formats its figures #,##0.00
const USER_ACTUAL = "#,##0.0";
const USER_MONTH = "0.000";

describe("a user's number format stays when a refresh moves a typed 实际值 into its month", () => {
  it("file route", async () => {
    const fresh = await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" });
    const edited = await new XlsxEdit(fresh.buffer).open();
    const actual = await edited.cell("目标任务", "实际值");
    const month = await edited.cell("月度填报", "6月");
    edited.setNumber(actual, 12.5);
    edited.setFormat(actual, USER_ACTUAL);
    edited.setFormat(month, USER_MONTH);
    const refreshed = await refreshWorkbook(await edited.save(), data, { now: NOW });
    expect(refreshed.patch.summary.valuesMoved).toBe(1);
    const after = await new XlsxEdit(refreshed.buffer).open();
    const a = await after.cell("目标任务", "实际值");
    const m = await after.cell("月度填报", "6月");
    expect(a.element.getElementsByTagName("f")[0]?.textContent).toContain("月度填报");
    expect(m.element.getElementsByTagName("v")[0]?.textContent).toBe("12.5");
    expect([after.formatOf(a), after.formatOf(m)]).toEqual([USER_ACTUAL, USER_MONTH]);
  });

  it("Office.js writer (fake Excel)", async () => {
    const excel = new FakeExcel();
    await generateWorkbook(excel.context, { now: NOW, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
    const place = (sheet: string, header: string) => {
      const grid = excel.grid(sheet);
      return { sheet, r: rowOf(grid, "编号", ID) + 1, c: columnOf(grid, header) + 1 };
    };
    const actual = place("目标任务", "实际值");
    const month = place("月度填报", "6月");
    const format = (cell: typeof actual, numFmt?: string) => {
      const sheet = excel.sheet(cell.sheet)!;
      const k = `${cell.r}:${cell.c}`;
      if (numFmt !== undefined) sheet.cells.set(k, { value: null, ...sheet.cells.get(k), numFmt });
      return sheet.cells.get(k)?.numFmt;
    };
    excel.set(actual.sheet, cellAddress(actual.r, actual.c), 12.5);
    format(actual, USER_ACTUAL);
    format(month, USER_MONTH);
    const refresh = await generateWorkbook(excel.context, { now: NOW, sheets: ALL_SHEET_KEYS });
    expect(refresh.preview.valuesMoved).toBe(1);
    expect(excel.get(month.sheet, cellAddress(month.r, month.c))).toBe(12.5);
    expect(String(excel.get(actual.sheet, cellAddress(actual.r, actual.c)))).toMatch(/'月度填报'!/);
    expect([format(actual), format(month)]).toEqual([USER_ACTUAL, USER_MONTH]);
  });
});

/** The row of {@link ID} in a column found by its header (row 4), as a spreadsheet application edits it. */
interface CellAt {
  readonly part: string;
  readonly element: Element;
}

/**
 * What a spreadsheet application does when a user types a number and picks a number format: the value goes into
 * the cell, and the cell gets a new cell format (xf) that differs from its old one only in numFmtId. Written here
 * with a DOM of its own, independent of the file writer under test.
 */
class XlsxEdit {
  private zip!: JSZip;
  private readonly docs = new Map<string, Document>();
  private shared: string[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  async open(): Promise<this> {
    this.zip = await JSZip.loadAsync(this.bytes);
    await this.doc("xl/styles.xml");
    // The product writes text inline; a package saved by Excel may have a shared string table.
    if (!this.zip.file("xl/sharedStrings.xml")) return this;
    const sst = await this.doc("xl/sharedStrings.xml");
    this.shared = Array.from(sst.getElementsByTagName("si")).map((si) =>
      Array.from(si.getElementsByTagName("t"))
        .map((t) => t.textContent ?? "")
        .join(""),
    );
    return this;
  }

  private async doc(part: string): Promise<Document> {
    const have = this.docs.get(part);
    if (have) return have;
    const text = await this.zip.file(part)!.async("string");
    const doc = new DOMParser().parseFromString(text, "text/xml");
    this.docs.set(part, doc);
    return doc;
  }

  private async partOf(sheet: string): Promise<string> {
    const workbook = await this.doc("xl/workbook.xml");
    const rels = await this.doc("xl/_rels/workbook.xml.rels");
    const s = Array.from(workbook.getElementsByTagName("sheet")).find((e) => e.getAttribute("name") === sheet)!;
    const id = s.getAttribute("r:id");
    const rel = Array.from(rels.getElementsByTagName("Relationship")).find((e) => e.getAttribute("Id") === id)!;
    return `xl/${rel.getAttribute("Target")!.replace(/^\/?xl\//, "")}`;
  }

  private text(c: Element): string {
    const v = c.getElementsByTagName("v")[0]?.textContent ?? "";
    if (c.getAttribute("t") === "s") return this.shared[Number(v)] ?? "";
    if (c.getAttribute("t") === "inlineStr") return c.getElementsByTagName("t")[0]?.textContent ?? "";
    return v;
  }

  async cell(sheet: string, header: string): Promise<CellAt> {
    const part = await this.partOf(sheet);
    const rows = Array.from((await this.doc(part)).getElementsByTagName("row"));
    const cellsOf = (row: Element) => Array.from(row.getElementsByTagName("c"));
    const headerCell = cellsOf(rows.find((r) => r.getAttribute("r") === "4")!).find((c) => this.text(c) === header)!;
    const column = headerCell.getAttribute("r")!.replace(/\d+$/, "");
    const row = rows.find((r) => cellsOf(r).some((c) => /^A\d+$/.test(c.getAttribute("r")!) && this.text(c) === ID))!;
    const ref = `${column}${row.getAttribute("r")}`;
    const element = cellsOf(row).find((c) => c.getAttribute("r") === ref);
    if (!element) throw new Error(`${sheet}!${ref}: no cell`);
    return { part, element };
  }

  setNumber(at: CellAt, value: number): void {
    const c = at.element;
    for (const child of Array.from(c.childNodes)) c.removeChild(child);
    c.removeAttribute("t");
    const v = (c.ownerDocument as Document).createElementNS(c.namespaceURI, "v");
    v.textContent = String(value);
    c.appendChild(v);
  }

  setFormat(at: CellAt, code: string): void {
    const styles = this.docs.get("xl/styles.xml")!;
    let numFmts = styles.getElementsByTagName("numFmts")[0];
    const root = styles.documentElement!;
    if (!numFmts) {
      numFmts = styles.createElementNS(root.namespaceURI, "numFmts");
      root.insertBefore(numFmts, root.firstChild);
    }
    const ids = Array.from(numFmts.getElementsByTagName("numFmt")).map((f) => Number(f.getAttribute("numFmtId")));
    const id = Math.max(163, ...ids) + 1;
    const fmt = styles.createElementNS(root.namespaceURI, "numFmt");
    fmt.setAttribute("numFmtId", String(id));
    fmt.setAttribute("formatCode", code);
    numFmts.appendChild(fmt);
    numFmts.setAttribute("count", String(ids.length + 1));
    const cellXfs = styles.getElementsByTagName("cellXfs")[0]!;
    const xfs = Array.from(cellXfs.getElementsByTagName("xf"));
    const xf = xfs[Number(at.element.getAttribute("s") ?? 0)]!.cloneNode(true) as Element;
    xf.setAttribute("numFmtId", String(id));
    xf.setAttribute("applyNumberFormat", "1");
    cellXfs.appendChild(xf);
    cellXfs.setAttribute("count", String(xfs.length + 1));
    at.element.setAttribute("s", String(xfs.length));
  }

  formatOf(at: CellAt): string {
    const styles = this.docs.get("xl/styles.xml")!;
    const xf = Array.from(styles.getElementsByTagName("cellXfs")[0]!.getElementsByTagName("xf"))[
      Number(at.element.getAttribute("s") ?? 0)
    ]!;
    const id = xf.getAttribute("numFmtId");
    const custom = Array.from(styles.getElementsByTagName("numFmt")).find((f) => f.getAttribute("numFmtId") === id);
    return custom?.getAttribute("formatCode") ?? `builtin ${id}`;
  }

  async save(): Promise<Uint8Array> {
    await this.doc("xl/styles.xml");
    for (const [part, doc] of this.docs) this.zip.file(part, new XMLSerializer().serializeToString(doc));
    return this.zip.generateAsync({ type: "uint8array" });
  }
}
