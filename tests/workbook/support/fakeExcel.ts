import { OfficeMockObject } from "office-addin-mock";
import { compareVersions } from "../../../src/excel/capabilities";
import { cellAddress, parseRange, type Box } from "../../../src/workbook/a1";
import { shiftFormula } from "../../../src/workbook/references";

/**
 * A small in-memory Excel for the Office.js writer: the request context is an office-addin-mock
 * `OfficeMockObject` whose `sync` settles the queue, and the object model behind it (sheets, cells, tables,
 * charts, names, formats) is faked here because office-addin-mock has no collections.
 *
 * Semantics kept from the real API: loaded properties can be read only after a sync; `getItem` of a missing
 * sheet, `add` of an existing sheet, table or name fail; every queued call and property write is recorded,
 * and its JSON size counted as the request payload of the sync that sends it.
 *
 * `new FakeExcel({ excelApi: "1.7" })` is an older Excel: a sync whose batch uses a member of a later ExcelApi set
 * fails with ApiNotFound, as the real host rejects the whole batch; `isSetSupported` answers for that level.
 */

type Cell = { value: unknown; formula?: string; numFmt?: string };
export interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  tables: { name: string; ref: string }[];
  charts: { name: string; type: string; source: string; props: Record<string, unknown> }[];
  conditionalFormats: { ref: string; formula: unknown; props: Record<string, unknown> }[];
  validations: { ref: string; rule: unknown }[];
  merges: string[];
  formats: { ref: string; path: string; value: unknown }[];
  /** Notes on cells, by A1 address (a user's comments: the writer has no reason to touch them). */
  comments: Map<string, string>;
  hiddenColumns: Set<number>;
  freeze: { rows: number; columns: number };
  /** Manual page breaks (horizontalPageBreaks.add), by the A1 address of the row they come before. */
  pageBreaks: string[];
  /** Manual column breaks (verticalPageBreaks.add), by the A1 address of the column they come before. */
  columnBreaks: string[];
  log: string[];
}

/** A defined name: a string constant, or a reference to a cell that follows its sheet (broken when it is deleted). */
type FakeName = {
  value: string;
  visible: boolean;
  comment?: string;
  ref?: { sheet: string; cell: string } | "broken";
};

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  /** Custom XML parts, as the workbook stores them; the namespace is the root element's xmlns, as Excel reads it. */
  readonly customXmlParts: { id: string; xml: string }[] = [];
  private nextPartId = 1;
  /** `workbook.application.calculate` calls, by calculation type ("Full" …). */
  readonly recalculations: string[] = [];
  syncs = 0;
  /** Cells whose value or formula a request wrote (2-D writes, table rows and columns added). */
  cellsWritten = 0;
  readonly syncBytes: number[] = [];
  /** Every call and property write that a sync sent, in order. */
  readonly sent: { path: string; call?: unknown; set?: string; args?: unknown; value?: unknown }[] = [];
  private queue: { path: string; call?: unknown; set?: string; args?: unknown; value?: unknown }[] = [];
  private loads: (() => void)[] = [];
  readonly context: Excel.RequestContext;

  /** The host's ExcelApi level; undefined is the newest. */
  readonly excelApi: string | undefined;
  readonly customFunctions: boolean;
  private unsupported: string | undefined;

  constructor(options: { excelApi?: string; customFunctions?: boolean } = {}) {
    this.excelApi = options.excelApi;
    this.customFunctions = options.customFunctions ?? true;
    const mock = new OfficeMockObject({ sync: async () => this.sync() });
    const root = mock as unknown as Record<string, unknown>;
    root.workbook = this.record("workbook", this.workbookImpl());
    root.application = this.record("application", { suspendApiCalculationUntilNextSync: () => undefined });
    this.context = mock as unknown as Excel.RequestContext;
  }

  get payloadBytes(): number {
    return this.syncBytes.reduce((s, b) => s + b, 0);
  }

  /** `Office.context.requirements.isSetSupported` of this host. */
  isSetSupported = (name: string, version = "1.1"): boolean => {
    if (name === "CustomFunctionsRuntime") return this.customFunctions;
    if (name !== "ExcelApi") return false;
    return this.excelApi === undefined || compareVersions(version, this.excelApi) <= 0;
  };

  private enqueue(entry: { path: string; call?: unknown; set?: string; args?: unknown; value?: unknown }): void {
    this.queue.push(entry);
    if (this.excelApi === undefined || this.unsupported !== undefined) return;
    const member = `${entry.path}.${typeof entry.call === "string" ? entry.call : (entry.set ?? "")}`;
    const needed = API_MEMBERS.find(([pattern]) => pattern.test(member));
    if (needed && compareVersions(needed[1], this.excelApi) > 0) {
      this.unsupported = `${member} (ExcelApi ${needed[1]})`;
    }
  }

  private async sync(): Promise<void> {
    if (this.unsupported !== undefined) {
      const what = this.unsupported;
      this.unsupported = undefined;
      this.queue = [];
      throw Object.assign(new Error(`ApiNotFound: ${what} is not in ExcelApi ${this.excelApi}`), {
        code: "ApiNotFound",
      });
    }
    this.syncs++;
    this.syncBytes.push(Buffer.byteLength(JSON.stringify(this.queue)));
    this.sent.push(...this.queue);
    this.queue = [];
    const loads = this.loads;
    this.loads = [];
    for (const settle of loads) settle();
  }

  // ---- test helpers -------------------------------------------------------------------------------------
  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    const sheet: FakeSheet = {
      name,
      cells: new Map(),
      tables: [],
      charts: [],
      conditionalFormats: [],
      validations: [],
      merges: [],
      formats: [],
      comments: new Map(),
      hiddenColumns: new Set(),
      freeze: { rows: 0, columns: 0 },
      pageBreaks: [],
      columnBreaks: [],
      log: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Sets cells from A1-style address → value ("=…" text is a formula). */
  set(sheetName: string, address: string, value: unknown): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { top, left } = parseRange(address);
    putCell(sheet, top, left, value);
  }

  get(sheetName: string, address: string): unknown {
    const { top, left } = parseRange(address);
    const cell = this.sheet(sheetName)?.cells.get(key(top, left));
    return cell?.formula ?? cell?.value ?? null;
  }

  /** The grid of a sheet's used range, formulas as text. */
  grid(sheetName: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    if (!sheet) return [];
    const box = usedBox(sheet);
    if (!box) return [];
    const out: unknown[][] = [];
    for (let r = 1; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= box.right; c++) {
        const cell = sheet.cells.get(key(r, c));
        row.push(cell?.formula ?? cell?.value ?? null);
      }
      out.push(row);
    }
    return out;
  }

  /** Moves whole rows (as a user's cut-and-paste or sort does): `order[i]` is the old row placed at `first + i`. */
  reorderRows(sheetName: string, first: number, order: readonly number[]): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const box = usedBox(sheet);
    const width = box?.right ?? 1;
    const copies = order.map((old) => {
      const row: (Cell | undefined)[] = [];
      for (let c = 1; c <= width; c++) row.push(sheet.cells.get(key(old, c)));
      return row;
    });
    const notes = order.map((old) =>
      [...sheet.comments.entries()]
        .filter(([a]) => parseRange(a).top === old)
        .map(([a, t]) => [parseRange(a).left, t] as const),
    );
    for (const old of order)
      for (const a of [...sheet.comments.keys()]) if (parseRange(a).top === old) sheet.comments.delete(a);
    notes.forEach((list, i) => list.forEach(([c, t]) => sheet.comments.set(cellAddress(first + i, c), t)));
    copies.forEach((row, i) => {
      row.forEach((cell, c) => {
        const k = key(first + i, c + 1);
        if (cell) sheet.cells.set(k, { ...cell, formula: cell.formula?.replace(/([A-Z]+)\d+/g, `$1${first + i}`) });
        else sheet.cells.delete(k);
      });
    });
  }

  // ---- the object model ------------------------------------------------------------------------------
  private record<T extends object>(path: string, impl: T): T {
    return new Proxy(impl, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop === "symbol" || SINKS.has(value as object)) return value;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            this.enqueue({ path, call: prop, args: args.map(plainArg) });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (value === undefined && !(prop in target) && !PLAIN_READS.has(prop)) {
          // A navigation object we don't model in detail (format.font, pageLayout, …): a recording sink.
          const sink = this.sink(`${path}.${prop}`);
          Reflect.set(target, prop, sink);
          return sink;
        }
        return value;
      },
      set: (target, prop, value) => {
        if (!String(prop).startsWith("_")) this.enqueue({ path, set: String(prop), value: plainArg(value) });
        return Reflect.set(target, prop, value);
      },
    });
  }

  /** Records whatever is done to it: property writes, nested objects, method calls (which return sinks). */
  sink(path: string): Record<string, unknown> {
    const store = new Map<string, unknown>();
    const target = function () {
      return undefined;
    };
    const proxy = new Proxy(target, {
      get: (_t, prop) => {
        if (typeof prop === "symbol" || PLAIN_READS.has(prop)) return undefined;
        if (!store.has(prop)) store.set(prop, this.sink(`${path}.${prop}`));
        return store.get(prop);
      },
      set: (_t, prop, value) => {
        this.enqueue({ path, set: String(prop), value: plainArg(value) });
        store.set(String(prop), value);
        return true;
      },
      apply: (_t, _this, args: unknown[]) => {
        this.enqueue({ path, call: true, args: args.map(plainArg) });
        return this.sink(`${path}()`);
      },
    });
    SINKS.add(proxy);
    return proxy as unknown as Record<string, unknown>;
  }

  private loaded<T>(settle: () => T): { get: () => T } {
    let state: { done: false } | { done: true; value: T } = { done: false };
    this.loads.push(() => {
      state = { done: true, value: settle() };
    });
    return {
      get: () => {
        if (!state.done) throw new Error("PropertyNotLoaded: call load() and context.sync() before reading");
        return state.value;
      },
    };
  }

  private partImpl(part: { id: string; xml: string }) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      id: part.id,
      get namespaceUri() {
        return namespaceOf(part.xml);
      },
      getXml() {
        const result = fake.loaded(() => part.xml);
        return {
          get value() {
            return result.get();
          },
        };
      },
      setXml(xml: string) {
        part.xml = xml;
      },
      delete() {
        const at = fake.customXmlParts.indexOf(part);
        if (at >= 0) fake.customXmlParts.splice(at, 1);
      },
    };
  }

  private workbookImpl() {
    // The object literals below use getters, whose `this` is the literal: the fake is reached through this alias.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    return {
      worksheets: fake.record("worksheets", {
        _items: undefined as undefined | { get: () => unknown[] },
        load(_props?: string) {
          this._items = fake.loaded(() => fake.sheets.map((s) => fake.record(`ws:${s.name}`, fake.sheetImpl(s, true))));
          return this;
        },
        get items() {
          if (!this._items) throw new Error("PropertyNotLoaded: worksheets.items");
          return this._items.get();
        },
        getItem(name: string) {
          const sheet = fake.sheet(name);
          if (!sheet) throw new Error(`ItemNotFound: worksheet ${name}`);
          return fake.record(`ws:${sheet.name}`, fake.sheetImpl(sheet, false));
        },
        add(name: string) {
          const sheet = fake.addSheet(name);
          return fake.record(`ws:${sheet.name}`, fake.sheetImpl(sheet, false));
        },
      }),
      tables: fake.record("workbook.tables", {
        _items: undefined as undefined | { get: () => unknown[] },
        load(_props?: string) {
          this._items = fake.loaded(() =>
            fake.sheets.flatMap((s) => s.tables.map((t) => fake.record(`table:${t.name}`, fake.tableImpl(s, t)))),
          );
          return this;
        },
        get items() {
          if (!this._items) throw new Error("PropertyNotLoaded: workbook.tables.items");
          return this._items.get();
        },
        getItem(name: string) {
          for (const s of fake.sheets) {
            const t = s.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
            if (t) return fake.record(`table:${t.name}`, fake.tableImpl(s, t));
          }
          throw new Error(`ItemNotFound: table ${name}`);
        },
      }),
      application: fake.record("workbook.application", {
        calculate(calculationType: string) {
          fake.recalculations.push(calculationType);
        },
      }),
      customXmlParts: fake.record("customXmlParts", {
        add(xml: string) {
          const part = { id: `{PART-${fake.nextPartId++}}`, xml };
          fake.customXmlParts.push(part);
          return fake.record(`xml:${part.id}`, fake.partImpl(part));
        },
        getByNamespace(namespaceUri: string) {
          return fake.record("customXmlParts.byNamespace", {
            _items: undefined as undefined | { get: () => unknown[] },
            load(_props?: string) {
              this._items = fake.loaded(() =>
                fake.customXmlParts
                  .filter((p) => namespaceOf(p.xml) === namespaceUri)
                  .map((p) => fake.record(`xml:${p.id}`, fake.partImpl(p))),
              );
              return this;
            },
            get items() {
              if (!this._items) throw new Error("PropertyNotLoaded: customXmlParts.items");
              return this._items.get();
            },
          });
        },
      }),
      names: fake.record("names", {
        _items: undefined as undefined | { get: () => unknown[] },
        load(_props?: string) {
          this._items = fake.loaded(() =>
            [...fake.names.entries()].map(([name, n]) => ({
              name,
              // Excel gives a named range's address as its value, and #REF! once its sheet is deleted.
              type: n.ref === undefined ? "String" : n.ref === "broken" ? "Error" : "Range",
              value:
                n.ref === undefined ? n.value : n.ref === "broken" ? "#REF!" : `${sheetRef(n.ref.sheet)}!${n.ref.cell}`,
              visible: n.visible,
            })),
          );
          return this;
        },
        get items() {
          if (!this._items) throw new Error("PropertyNotLoaded: names.items");
          return this._items.get();
        },
        getItem(name: string) {
          const found = [...fake.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
          if (found === undefined) throw new Error(`ItemNotFound: name ${name}`);
          return fake.record(`name:${found}`, { delete: () => fake.names.delete(found) });
        },
        add(name: string, reference: string, comment?: string) {
          if ([...fake.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
            throw new Error(`InvalidArgument: the name ${name} already exists`);
          }
          const m = /^="(.*)"$/s.exec(reference);
          const r = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)$/.exec(reference);
          const target = r ? fake.sheet((r[1] ?? "").replace(/''/g, "'") || (r[2] ?? "")) : undefined;
          if (r && !target) throw new Error(`InvalidArgument: ${reference} refers to no sheet`);
          const entry: FakeName = {
            value: m ? (m[1] ?? "").replace(/""/g, '"') : reference,
            visible: true,
            ...(comment !== undefined ? { comment } : {}),
            ...(r && target ? { ref: { sheet: target.name, cell: r[3] ?? "$A$1" } } : {}),
          };
          fake.names.set(name, entry);
          return fake.record(`name:${name}`, {
            set visible(v: boolean) {
              entry.visible = v;
            },
            get visible() {
              return entry.visible;
            },
          });
        },
      }),
    };
  }

  private sheetImpl(sheet: FakeSheet, nameLoaded: boolean) {
    // The object literals below use getters, whose `this` is the literal: the fake is reached through this alias.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const touch = (what: string) => sheet.log.push(what);
    return {
      get name() {
        if (!nameLoaded) throw new Error("PropertyNotLoaded: worksheet.name");
        return sheet.name;
      },
      getRange(address?: string) {
        return fake.record(`range:${sheet.name}!${address ?? "*"}`, fake.rangeImpl(sheet, address));
      },
      freezePanes: fake.record(`freeze:${sheet.name}`, {
        freezeRows(n: number) {
          touch("freeze");
          sheet.freeze = { rows: n, columns: 0 };
        },
        freezeColumns(n: number) {
          touch("freeze");
          sheet.freeze = { rows: 0, columns: n };
        },
        freezeAt(range: { _address?: string }) {
          touch("freeze");
          const box = parseRange(range._address ?? "A1");
          sheet.freeze = { rows: box.bottom, columns: box.right };
        },
        unfreeze() {
          touch("unfreeze");
          sheet.freeze = { rows: 0, columns: 0 };
        },
      }),
      // The path keeps ".horizontalPageBreaks" in what is recorded, so the ExcelApi 1.9 check sees it.
      horizontalPageBreaks: fake.record(`ws:${sheet.name}.horizontalPageBreaks`, {
        add(cell: string) {
          touch("pageBreak");
          sheet.pageBreaks.push(cell);
        },
        removePageBreaks() {
          touch("pageBreak.removeAll");
          sheet.pageBreaks.length = 0;
        },
      }),
      verticalPageBreaks: fake.record(`ws:${sheet.name}.verticalPageBreaks`, {
        add(cell: string) {
          touch("columnBreak");
          sheet.columnBreaks.push(cell);
        },
        removePageBreaks() {
          touch("columnBreak.removeAll");
          sheet.columnBreaks.length = 0;
        },
      }),
      getUsedRangeOrNullObject(_valuesOnly?: boolean) {
        const box = usedBox(sheet);
        const impl = fake.rangeImpl(
          sheet,
          box ? cellAddress(box.top, box.left) + ":" + cellAddress(box.bottom, box.right) : "A1",
        );
        const isNull = fake.loaded(() => usedBox(sheet) === undefined);
        Object.defineProperty(impl, "isNullObject", { get: () => isNull.get() });
        return fake.record(`used:${sheet.name}`, impl);
      },
      tables: fake.record(`tables:${sheet.name}`, {
        _items: undefined as undefined | { get: () => unknown[] },
        load(_p?: string) {
          this._items = fake.loaded(() =>
            sheet.tables.map((t) => fake.record(`table:${t.name}`, fake.tableImpl(sheet, t))),
          );
          return this;
        },
        get items() {
          if (!this._items) throw new Error("PropertyNotLoaded: tables.items");
          return this._items.get();
        },
        getItem(name: string) {
          const t = sheet.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw new Error(`ItemNotFound: table ${name}`);
          return fake.record(`table:${t.name}`, fake.tableImpl(sheet, t));
        },
        add(ref: string, _headers: boolean) {
          touch("table.add");
          const table = { name: `Table${fake.sheets.flatMap((s) => s.tables).length + 1}`, ref };
          const box = parseRange(ref);
          for (const other of sheet.tables) {
            if (overlaps(box, parseRange(other.ref))) throw new Error(`InvalidArgument: table overlaps ${other.name}`);
          }
          sheet.tables.push(table);
          return fake.record(`table:new`, {
            set name(n: string) {
              if (
                fake.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === n.toLowerCase()))
              ) {
                throw new Error(`InvalidArgument: table name ${n} exists`);
              }
              table.name = n;
            },
            get name() {
              return table.name;
            },
          });
        },
      }),
      charts: fake.record(`charts:${sheet.name}`, {
        _items: undefined as undefined | { get: () => unknown[] },
        load(_p?: string) {
          this._items = fake.loaded(() =>
            sheet.charts.map((c) =>
              fake.record(`chart:${c.name}`, {
                name: c.name,
                delete: () => {
                  touch("chart.delete");
                  sheet.charts.splice(sheet.charts.indexOf(c), 1);
                },
              }),
            ),
          );
          return this;
        },
        get items() {
          if (!this._items) throw new Error("PropertyNotLoaded: charts.items");
          return this._items.get();
        },
        add(type: string, source: { _address?: string }, _by: string) {
          touch("chart.add");
          const chart = { name: "", type, source: source._address ?? "", props: {} as Record<string, unknown> };
          sheet.charts.push(chart);
          return fake.record(`chart:new`, {
            set name(n: string) {
              chart.name = n;
            },
            get name() {
              return chart.name;
            },
            setPosition(from: string, to: string) {
              chart.props.position = [from, to];
            },
          });
        },
      }),
      activate() {
        touch("activate");
      },
    };
  }

  /**
   * A table: `rows.add` appends rows at its end (shifting what is below within its columns down, as Excel does),
   * `columns.add` a column at its right; both extend the validation and conditional-format ranges that end on
   * the table's last row (column). `resize` (ExcelApi 1.13) only changes its ref.
   */
  tableImpl(sheet: FakeSheet, t: { name: string; ref: string }) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const touch = (what: string) => sheet.log.push(what);
    return {
      name: t.name,
      worksheet: { name: sheet.name },
      delete: () => {
        touch("table.delete");
        sheet.tables.splice(sheet.tables.indexOf(t), 1);
      },
      getRange() {
        return fake.record(`range:${sheet.name}!${t.ref}`, fake.rangeImpl(sheet, t.ref));
      },
      resize(ref: string) {
        touch("table.resize");
        t.ref = ref.replace(/^.*!/, "");
      },
      rows: fake.record(`rows:${t.name}`, {
        add(_index: number | undefined | null, values: unknown[][]) {
          touch("table.rows.add");
          const box = parseRange(t.ref);
          const width = box.right - box.left + 1;
          if (!values.every((row) => row.length === width)) throw new Error("InvalidArgument: row width");
          shiftDown(sheet, box.bottom + 1, values.length, box.left, box.right);
          values.forEach((row, i) => row.forEach((v, c) => putCell(sheet, box.bottom + 1 + i, box.left + c, v)));
          fake.cellsWritten += values.length * width;
          extendFeatures(sheet, box, values.length, 0);
          t.ref = rangeAddressOf({ ...box, bottom: box.bottom + values.length });
        },
      }),
      columns: fake.record(`columns:${t.name}`, {
        add(_index: number | undefined | null, values: unknown[][]) {
          touch("table.columns.add");
          const box = parseRange(t.ref);
          if (values.length !== box.bottom - box.top + 1) throw new Error("InvalidArgument: column height");
          const width = values[0]?.length ?? 1;
          values.forEach((row, r) => row.forEach((v, c) => putCell(sheet, box.top + r, box.right + 1 + c, v)));
          fake.cellsWritten += values.length * width;
          extendFeatures(sheet, box, 0, width);
          t.ref = rangeAddressOf({ ...box, right: box.right + width });
        },
      }),
    };
  }

  // ---- what users do between refreshes ---------------------------------------------------------------------

  /** Renames a sheet as Excel does: formulas and reference names pointing at it follow; string constants don't. */
  renameSheet(oldName: string, newName: string): void {
    const sheet = this.sheet(oldName);
    if (!sheet) throw new Error(`no sheet ${oldName}`);
    const old = sheet.name;
    sheet.name = newName;
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.formula) cell.formula = renameInFormula(cell.formula, old, newName);
      }
    }
    for (const n of this.names.values()) if (n.ref && n.ref !== "broken" && n.ref.sheet === old) n.ref.sheet = newName;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const n of this.names.values())
      if (n.ref && n.ref !== "broken" && n.ref.sheet === sheet.name) n.ref = "broken";
  }

  /** Inserts whole rows at `row` as Excel does: everything below moves down, references to it follow. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    shiftDown(sheet, row, count, 1, MAX_COL);
    this.moveReferences(sheet.name, (r) => (r >= row ? r + count : r));
    for (const t of sheet.tables) t.ref = moveBox(t.ref, (r) => (r >= row ? r + count : r));
    for (const f of [...sheet.conditionalFormats, ...sheet.validations])
      f.ref = moveBox(f.ref, (r) => (r >= row ? r + count : r));
  }

  /** Deletes whole rows as Excel does: everything below moves up, references into them become #REF!. */
  deleteRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const moved = new Map<string, Cell>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(":").map(Number) as [number, number];
      if (r < row) moved.set(k, cell);
      else if (r >= row + count) moved.set(key(r - count, c), cell);
    }
    sheet.cells.clear();
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    const map = (r: number) => (r >= row + count ? r - count : r >= row ? null : r);
    this.moveReferences(sheet.name, map);
    const shrink = (r: number) => (r >= row + count ? r - count : r >= row ? row - 1 : r);
    for (const t of sheet.tables) t.ref = moveBox(t.ref, shrink);
    for (const f of [...sheet.conditionalFormats, ...sheet.validations]) f.ref = moveBox(f.ref, shrink);
  }

  private moveReferences(sheetName: string, map: (row: number) => number | null): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.formula) cell.formula = moveRowsInFormula(cell.formula, s.name, sheetName, map);
      }
    }
  }

  comment(sheetName: string, address: string, text: string): void {
    this.sheet(sheetName)?.comments.set(address, text);
  }

  /** A fill the user applies by hand (recorded like the writer's, so a later clear would remove it). */
  fill(sheetName: string, address: string, color: string): void {
    this.sheet(sheetName)?.formats.push({ ref: address, path: "fill.color", value: color });
  }

  hideColumn(sheetName: string, column: number): void {
    this.sheet(sheetName)?.hiddenColumns.add(column);
  }

  freezeByUser(sheetName: string, rows: number, columns: number): void {
    const sheet = this.sheet(sheetName);
    if (sheet) sheet.freeze = { rows, columns };
  }

  private rangeImpl(sheet: FakeSheet, address: string | undefined) {
    // The object literals below use getters, whose `this` is the literal: the fake is reached through this alias.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const box: Box = address ? parseAny(address) : { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
    const touch = (what: string) => sheet.log.push(`${what}@${address ?? "*"}`);
    const loadedValues = {
      values: undefined as undefined | { get: () => unknown[][] },
      formulas: undefined as undefined | { get: () => unknown[][] },
    };
    const rangeFormats = (path: string, value: unknown) => sheet.formats.push({ ref: address ?? "*", path, value });
    // Like Excel: a 2D write must be a full rectangle of exactly the range's size (no holes, no short rows),
    // or the request fails with InvalidArgument.
    const checkShape = (what: string, grid: unknown[][]) => {
      const rows = box.bottom - box.top + 1;
      const cols = box.right - box.left + 1;
      const ok =
        Array.isArray(grid) &&
        grid.length === rows &&
        Array.from(grid).every(
          (row) => Array.isArray(row) && row.length === cols && Array.from(row).every((v) => v !== undefined),
        );
      if (!ok) throw new Error(`InvalidArgument: ${what} of ${address ?? "*"} is not a full ${rows}×${cols} grid`);
    };
    const impl = {
      _address: address,
      load(props?: string) {
        const p = props ?? "";
        const readGrid = (formulas: boolean) => () => {
          const out: unknown[][] = [];
          for (let r = box.top; r <= box.bottom; r++) {
            const row: unknown[] = [];
            for (let c = box.left; c <= box.right; c++) {
              const cell = sheet.cells.get(key(r, c));
              row.push(
                formulas
                  ? (cell?.formula ?? cell?.value ?? "")
                  : cell?.formula !== undefined
                    ? (cell.value ?? 0)
                    : (cell?.value ?? ""),
              );
            }
            out.push(row);
          }
          return out;
        };
        if (p.includes("values")) loadedValues.values = fake.loaded(readGrid(false));
        if (p.includes("formulas")) loadedValues.formulas = fake.loaded(readGrid(true));
        return this;
      },
      get values() {
        if (!loadedValues.values) throw new Error("PropertyNotLoaded: values");
        return loadedValues.values.get();
      },
      get formulas() {
        if (!loadedValues.formulas) throw new Error("PropertyNotLoaded: formulas");
        return loadedValues.formulas.get();
      },
      set formulas(grid: unknown[][]) {
        touch("formulas");
        checkShape("formulas", grid);
        fake.cellsWritten += grid.length * (grid[0]?.length ?? 0);
        grid.forEach((row, r) => row.forEach((v, c) => putCell(sheet, box.top + r, box.left + c, v)));
      },
      /**
       * `range.copyFrom(source, "Formulas")` as Excel pastes: the source tiled over this range, each formula moved
       * by its offset (relative references shift, anchored ones stay), constants copied as they are.
       */
      copyFrom(source: string, copyType = "All") {
        touch(`copyFrom:${copyType}`);
        const bang = source.lastIndexOf("!");
        const name =
          bang < 0
            ? sheet.name
            : source
                .slice(0, bang)
                .replace(/^'(.*)'$/, "$1")
                .replace(/''/g, "'");
        const from = fake.sheet(name);
        if (!from) throw new Error(`ItemNotFound: sheet ${name}`);
        const src = parseRange(bang < 0 ? source : source.slice(bang + 1));
        const h = src.bottom - src.top + 1;
        const w = src.right - src.left + 1;
        for (let r = box.top; r <= box.bottom; r++) {
          for (let c = box.left; c <= box.right; c++) {
            const sr = src.top + ((r - box.top) % h);
            const sc = src.left + ((c - box.left) % w);
            const cell = from.cells.get(key(sr, sc));
            const v =
              cell?.formula !== undefined ? `=${shiftFormula(cell.formula.slice(1), r - sr, c - sc)}` : cell?.value;
            putCell(sheet, r, c, v ?? "");
          }
        }
        fake.cellsWritten += (box.bottom - box.top + 1) * (box.right - box.left + 1);
      },
      set values(grid: unknown[][]) {
        touch("values");
        checkShape("values", grid);
        fake.cellsWritten += grid.length * (grid[0]?.length ?? 0);
        grid.forEach((row, r) => row.forEach((v, c) => putCell(sheet, box.top + r, box.left + c, v)));
      },
      set numberFormat(grid: string[][]) {
        touch("numberFormat");
        checkShape("numberFormat", grid);
        grid.forEach((row, r) =>
          row.forEach((f, c) => {
            const k = key(box.top + r, box.left + c);
            const cell = sheet.cells.get(k);
            if (cell) cell.numFmt = f;
            else if (f !== "General") sheet.cells.set(k, { value: null, numFmt: f });
          }),
        );
      },
      get address() {
        return `${sheetRef(sheet.name)}!${address ?? "A1:XFD1048576"}`;
      },
      // Office.js itself splits a large 2-D write into bands of rows, each `getRow(i).getBoundingRect(getRow(j))`
      // of the range written (what tests/template/support/richApi.ts receives from the real library).
      getRow(index: number) {
        const row = box.top + index;
        return fake.record(
          `range:${sheet.name}!${rangeAddressOf({ ...box, top: row, bottom: row })}`,
          fake.rangeImpl(sheet, rangeAddressOf({ ...box, top: row, bottom: row })),
        );
      },
      getBoundingRect(other: { _address?: string }) {
        const o = other._address ? parseAny(other._address.replace(/^.*!/, "")) : box;
        const union = rangeAddressOf({
          top: Math.min(box.top, o.top),
          left: Math.min(box.left, o.left),
          bottom: Math.max(box.bottom, o.bottom),
          right: Math.max(box.right, o.right),
        });
        return fake.record(`range:${sheet.name}!${union}`, fake.rangeImpl(sheet, union));
      },
      set columnHidden(v: boolean) {
        touch("columnHidden");
        for (let c = box.left; c <= box.right; c++) {
          if (v) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
      get rowIndex() {
        return box.top - 1;
      },
      get columnIndex() {
        return box.left - 1;
      },
      clear(_what?: string) {
        touch("clear");
        for (const k of [...sheet.cells.keys()]) {
          const [r, c] = k.split(":").map(Number) as [number, number];
          if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) sheet.cells.delete(k);
        }
        for (const a of [...sheet.comments.keys()]) if (inside(parseRange(a), box)) sheet.comments.delete(a);
        if (!address) sheet.formats.length = 0;
      },
      merge(_across?: boolean) {
        touch("merge");
        sheet.merges.push(address ?? "*");
      },
      unmerge() {
        touch("unmerge");
        if (!address) sheet.merges.length = 0;
      },
      conditionalFormats: fake.record(`cf:${sheet.name}`, {
        clearAll() {
          touch("cf.clearAll");
          if (!address) sheet.conditionalFormats.length = 0;
        },
        add(type: string) {
          touch("cf.add");
          const entry = {
            ref: address ?? "*",
            formula: undefined as unknown,
            props: { type } as Record<string, unknown>,
          };
          sheet.conditionalFormats.push(entry);
          return fake.record(`cf:new`, {
            custom: fake.record("cf.custom", {
              rule: fake.record("cf.rule", {
                set formula(f: string) {
                  entry.formula = f;
                },
              }),
              format: fake.sink("cf.format"),
            }),
          });
        },
      }),
      dataValidation: fake.record(`dv:${sheet.name}`, {
        clear() {
          touch("dv.clear");
          if (!address) sheet.validations.length = 0;
        },
        set rule(rule: unknown) {
          touch("dv.rule");
          sheet.validations.push({ ref: address ?? "*", rule });
        },
      }),
      format: fake.record(`format:${sheet.name}!${address ?? "*"}`, {
        set columnWidth(w: number) {
          touch("columnWidth");
          rangeFormats("columnWidth", w);
        },
        set rowHeight(h: number) {
          touch("rowHeight");
          rangeFormats("rowHeight", h);
        },
        set useStandardHeight(v: boolean) {
          touch("useStandardHeight");
          rangeFormats("useStandardHeight", v);
        },
        set wrapText(v: boolean) {
          touch("wrapText");
          rangeFormats("wrapText", v);
        },
        set horizontalAlignment(v: string) {
          rangeFormats("horizontalAlignment", v);
        },
        set verticalAlignment(v: string) {
          rangeFormats("verticalAlignment", v);
        },
        fill: fake.record("fill", {
          set color(v: string) {
            touch("fill");
            rangeFormats("fill.color", v);
          },
        }),
      }),
    };
    return impl;
  }
}

/**
 * Members the writer may use above ExcelApi 1.1, with the set that brought them (Microsoft's ExcelApi 1.x
 * requirement-set pages). Matched against "path.member" of each queued call or property write.
 */
const API_MEMBERS: readonly (readonly [RegExp, string])[] = [
  [/^names\.add$/, "1.4"],
  [/^customXmlParts\b/, "1.5"],
  [/\.getUsedRangeOrNullObject$/, "1.4"],
  [/^application\.suspendApiCalculationUntilNextSync$/, "1.6"],
  [/^cf:|\.conditionalFormats\b/, "1.6"],
  [/\.freezePanes\b/, "1.7"],
  [/\.textOrientation$/, "1.7"],
  [/\.reversePlotOrder$/, "1.7"],
  [/\.useStandardHeight$/, "1.7"],
  [/\.getActiveCell$/, "1.7"],
  [/^dv:|\.dataValidation\b/, "1.8"],
  [/\.pageLayout\b|\.horizontalPageBreaks\b|\.verticalPageBreaks\b/, "1.9"],
  [/\.copyFrom$/, "1.9"],
  [/^table:.*\.resize$/, "1.13"],
];

const SINKS = new WeakSet<object>();
const PLAIN_READS = new Set(["then", "toJSON", "constructor", "_items", "_address", "isNullObject"]);

function plainArg(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value;
  const address = (value as { _address?: unknown })._address;
  if (address !== undefined) return { range: address };
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}

/** The namespace of an XML document's root element, as Excel's getByNamespace matches it. */
function namespaceOf(xml: string): string {
  const root = /<(?!\?|!)[^>]*>/.exec(xml)?.[0] ?? "";
  return /\sxmlns="([^"]*)"/.exec(root)?.[1] ?? "";
}

function key(r: number, c: number): string {
  return `${r}:${c}`;
}

function putCell(sheet: FakeSheet, r: number, c: number, v: unknown): void {
  const k = key(r, c);
  const old = sheet.cells.get(k);
  if (v === "" || v === null || v === undefined) {
    if (old?.numFmt) sheet.cells.set(k, { value: null, numFmt: old.numFmt });
    else sheet.cells.delete(k);
    return;
  }
  const base = old?.numFmt ? { numFmt: old.numFmt } : {};
  // As Excel parses what `formulas` and `values` receive: a leading apostrophe makes the rest text (and is not
  // stored); in a cell formatted as text (@) the rest stays text too; "=…" is a formula through either property;
  // "+…", "-…" and "@…" too when they do not read as a number; number-, date-, time- and boolean-like text becomes
  // that value (typedInput).
  const typed = typeof v === "string" && old?.numFmt !== "@" ? typedInput(v) : undefined;
  if (typeof v === "string" && v.startsWith("'")) sheet.cells.set(k, { ...base, value: v.slice(1) });
  else if (typeof v === "string" && old?.numFmt === "@") sheet.cells.set(k, { ...base, value: v });
  else if (typeof v === "string" && (v.startsWith("=") || (/^[+\-@]/.test(v) && typed === undefined)))
    sheet.cells.set(k, { ...base, value: null, formula: v.startsWith("=") ? v : `=${v.replace(/^@/, "")}` });
  else if (typed !== undefined) sheet.cells.set(k, { numFmt: old?.numFmt ?? typed.numFmt, value: typed.value });
  else sheet.cells.set(k, { ...base, value: v });
}

const DAY_MS = 86_400_000;
const serial = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? (date.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS
    : undefined;
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * What Excel (zh-CN or en-US, current year 2025) makes of text sent through `values`/`formulas` to a General cell,
 * as if typed: a number (`0012` → 12, `1e5`, `3.12%` → 0.0312, `1,000`, `$5`, `(12)` → -12, `.5`), a date
 * (`2025-06-30`, `2025/6/30`, `6/30/2025`, `6/30`, `2025年6月30日`, `6月30日`, `Jun 30`) or time (`10:30`), a boolean
 * (`TRUE`); undefined when it stays text.
 */
export function typedInput(text: string): { value: number | boolean; numFmt?: string } | undefined {
  const t = text.trim();
  if (/^(?:true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const n = /^(\()?([+-])?[$¥]?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?(\))?$/.exec(t);
  if (n && Boolean(n[1]) === Boolean(n[6])) {
    const magnitude = Number(`${(n[3] ?? "").replace(/,/g, "")}e${n[4] ?? 0}`) / (n[5] ? 100 : 1);
    const value = n[1] || n[2] === "-" ? -magnitude : magnitude;
    return n[5] ? { value, numFmt: /\./.test(n[3] ?? "") ? "0.00%" : "0%" } : { value };
  }
  const date = (y: number, m: number, d: number) => {
    const s = serial(y, m, d);
    return s === undefined ? undefined : { value: s, numFmt: "yyyy/m/d" };
  };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return date(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return date(2025, Number(m[1]), Number(m[2]));
  m = /^([a-z]{3})[a-z]*\.?[\s-]*(\d{1,2})(?:,?\s*(\d{4}))?$/i.exec(t);
  const month = MONTHS.indexOf((m?.[1] ?? "").toLowerCase());
  if (m && month >= 0) return date(Number(m[3] ?? 2025), month + 1, Number(m[2]));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60)
    return { value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400, numFmt: "h:mm" };
  return undefined;
}

function usedBox(sheet: FakeSheet): Box | undefined {
  let bottom = 0;
  let right = 0;
  for (const [k, cell] of sheet.cells) {
    if (cell.formula === undefined && (cell.value === null || cell.value === "")) continue;
    const [r, c] = k.split(":").map(Number) as [number, number];
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom === 0 ? undefined : { top: 1, left: 1, bottom, right };
}

/** A1 ranges, whole columns (A:C) and whole rows (5:7). */
function parseAny(address: string): Box {
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (cols) {
    const left = parseRange(`${cols[1]}1`).left;
    const right = parseRange(`${cols[2]}1`).left;
    return { top: 1, left, bottom: MAX_ROW, right };
  }
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COL };
  return parseRange(address);
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain identifier. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function inside(a: Box, b: Box): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

function rangeAddressOf(box: Box): string {
  return `${cellAddress(box.top, box.left)}:${cellAddress(box.bottom, box.right)}`;
}

function moveBox(ref: string, map: (row: number) => number): string {
  const box = parseRange(ref);
  return rangeAddressOf({ ...box, top: map(box.top), bottom: map(box.bottom) });
}

/** Moves the cells at or below `row` within columns left…right down by `count`. */
function shiftDown(sheet: FakeSheet, row: number, count: number, left: number, right: number): void {
  const moving = [...sheet.cells.entries()].filter(([k]) => {
    const [r, c] = k.split(":").map(Number) as [number, number];
    return r >= row && c >= left && c <= right;
  });
  for (const [k] of moving) sheet.cells.delete(k);
  for (const [k, cell] of moving) {
    const [r, c] = k.split(":").map(Number) as [number, number];
    sheet.cells.set(key(r + count, c), cell);
  }
}

/** Validation and conditional formats that reach the table's last row (column) grow with it, as in Excel. */
function extendFeatures(sheet: FakeSheet, table: Box, rows: number, columns: number): void {
  for (const f of [...sheet.conditionalFormats, ...sheet.validations]) {
    if (f.ref === "*") continue;
    const box = parseRange(f.ref);
    if (rows > 0 && box.bottom === table.bottom && box.left >= table.left && box.right <= table.right) {
      f.ref = rangeAddressOf({ ...box, bottom: box.bottom + rows });
    }
    if (columns > 0 && box.right === table.right && box.top >= table.top && box.bottom <= table.bottom) {
      f.ref = rangeAddressOf({ ...box, right: box.right + columns });
    }
  }
}

const REF =
  /(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*))!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** Applies `fn` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('"');
}

function renameInFormula(formula: string, from: string, to: string): string {
  return outsideStrings(formula, (part) =>
    part.replace(
      /(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*))!/g,
      (m, q?: string, b?: string) =>
        (q ?? "").replace(/''/g, "'") === from || b === from ? `'${to.replace(/'/g, "''")}'!` : m,
    ),
  );
}

/** Row references into `target` from a formula on `own`, moved by `map` (null: the row was deleted → #REF!). */
function moveRowsInFormula(formula: string, own: string, target: string, map: (row: number) => number | null): string {
  return outsideStrings(formula, (part) =>
    part.replace(REF, (m, q?: string, b?: string, c$?: string, col?: string, r$?: string, row?: string) => {
      const sheet = q !== undefined ? q.replace(/''/g, "'") : (b ?? own);
      if (sheet !== target) return m;
      const moved = map(Number(row));
      const prefix = m.slice(0, m.length - `${c$ ?? ""}${col ?? ""}${r$ ?? ""}${row ?? ""}`.length);
      return moved === null ? `${prefix}#REF!` : `${prefix}${c$ ?? ""}${col ?? ""}${r$ ?? ""}${moved}`;
    }),
  );
}
