import { fromYi, indexEdition } from "../engine";
import type { EditionData, Target } from "../policy/types";
import { cellAddress, parseRange, rangeAddress, type Box } from "../workbook/a1";
import { readInput, toScalar, type RawCell } from "../workbook/cells";
import type { AmountUnit, BuildContext } from "./context";
import { evaluateExecution, evaluateTarget, progressOf } from "./evaluate";
import { referenceFor, referenceName, sheetOfReference, KEY_TABLE } from "./identity";
import {
  DATE_CELL,
  PROGRESS_CELL,
  executionColumns,
  headerKey,
  headerUnit,
  HEADER_ROW,
  targetColumns,
  type ColumnDef,
} from "./layout";
import { decodeMarker, encodeMarker, markerName, officialFingerprint, SHEET_KEYS } from "./marker";
import type {
  CachedResult,
  CellChange,
  ChangeReason,
  ColumnAdded,
  OfficialUpdate,
  OverrideKept,
  PatchSummary,
  RowFlagged,
  SheetCreate,
  SheetPatch,
  SheetReferenceName,
  SheetSkip,
  TableGrowth,
  WorkbookPatch,
} from "../workbook/patch";
import { beijing, decideSheets, reportSerial, writtenNames, trendsOf, type PlanOptions } from "./plan";
import { trendBlock, trendPlacement, trendRows } from "./trendPatch";
import type { TrendInputs } from "./summaryTrends";
import { findHeader, hasContent } from "./read";
import { earlierFormulas } from "./formulas";
import { areaKeyedOptions, convertAmounts, switchedAmount, targetKeyedOptions } from "./keyedOptions";
import { currentFigures, monthlyCarry, monthlyNames, buildMonthlySheet, type MonthlyCarry } from "./monthlyPlan";
import { patchMonthlySpending, patchMonthlyTargets } from "./monthlyPatch";
import { patchMonitor } from "./monitorPatch";
import { buildMonitorSheet } from "./monitor";
import { relocateFormula, sameFormula } from "../workbook/references";
import { sameScalar, sameValue } from "../workbook/same";
import { isOurTitle } from "./sheetBuilder";
import { buildBudgetSheet } from "./budget";
import { buildDutiesSheet } from "./duties";
import { buildExecutionSheet, type ExecutionRowOut } from "./execution";
import { buildIntroSheet } from "./intro";
import { buildSummarySheet } from "./summary";
import { buildTargetsSheet, type TargetRowOut } from "./targets";
import type { CellSpec, DefinedNameSpec, Scalar, SheetKey, SheetSpec } from "../workbook/model";
import type { TableRef, WorkbookSnapshot } from "../workbook/snapshot";
import type { ExistingSheet } from "../workbook/snapshot";

/** 核对 of a row whose formula cells the user typed over. */
export const OVERRIDE_NOTE = "手工覆盖";

/**
 * The patch that brings a workbook up to the edition, from what a host read (`snapshot`, with the contents of every
 * sheet `sheetsToRead` named). Pure: the same snapshot, edition and options give the same patch, so two people
 * refreshing the same workbook write the same cells. See patch.ts for the rules.
 */
export function planPatch(data: EditionData, snapshot: WorkbookSnapshot, options: PlanOptions = {}): WorkbookPatch {
  const now = options.now ?? new Date();
  const index = indexEdition(data);
  const decisions = decideSheets(snapshot, options);
  const names = Object.fromEntries(SHEET_KEYS.map((k) => [k, k])) as Record<SheetKey, string>;
  for (const d of decisions) if (d.action !== "skip") names[d.key] = d.name;
  const monthly = monthlyNames(snapshot, writtenNames(decisions));
  Object.assign(names, monthly.names);
  const contentsOf = (name: string): ExistingSheet => {
    const sheet = snapshot.sheets?.get(name);
    if (!sheet) throw new Error(`内部错误:未读取工作表“${name}”。 / Internal error: sheet "${name}" was not read.`);
    return sheet;
  };
  const execution = decisions.find((d) => d.key === "预算执行" && d.action === "replace");
  const sheetUnit = execution ? unitOfExecution(contentsOf(execution.name)) : undefined;
  const amountUnit: AmountUnit = options.amountUnit ?? sheetUnit ?? "万元";
  const ctx: BuildContext = {
    data,
    index,
    names,
    monthly: monthly.monthly,
    amountUnit,
    reportDateSerial: reportSerial(options.reportDate, now),
    generatedAt: now.toISOString(),
    generatedAtText: beijing(now).text,
  };
  const tablesOn = (sheet: string) => (snapshot.tables ?? []).filter((t) => same(t.sheet, sheet));
  const sum = new SummaryCollector();
  const out: (SheetPatch | SheetCreate)[] = [];
  const skipped: SheetSkip[] = [];
  let targetRows: readonly TargetRowOut[] = [];
  let executionRows: readonly ExecutionRowOut[] = [];
  let executionProgress: unknown = "";
  let volatile: { sheet: SheetPatch; change: CellChange } | undefined;
  // Monthly figures already in the workbook (or, on the upgrade from the earlier layout, its 实际值 and 支出数).
  const carry = monthlyCarry(data, snapshot.sheets?.values() ?? []);
  const read: ReadonlyMap<string, ExistingSheet> = snapshot.sheets ?? new Map();
  const current = currentFigures(ctx, carry);
  const trends = trendsOf(decisions, carry);

  for (const d of decisions) {
    if (d.action === "skip") {
      skipped.push({ kind: "skip", key: d.key, name: d.name, reason: d.reason ?? "" });
      sum.skipped.push({ sheet: d.name, reason: d.reason ?? "" });
      continue;
    }
    const existing = d.action === "replace" ? contentsOf(d.name) : undefined;
    // 汇总's trend blocks stay where they are; a sheet without them (layout upgrade) gets them below its content.
    const placement = d.key === "汇总" && existing ? trendPlacement(existing) : undefined;
    // The sheet as a fresh generation writes it, from the sheets before it (targetRows …) and what was read: the
    // whole sheet of a create, what a patch compares the sheet that exists with.
    const built = buildFresh(d.key, ctx, d.name, {
      targetRows,
      executionRows,
      executionProgress,
      carry,
      sheets: read,
      current,
      ...(trends ? { trends: placement ? { ...trends, ...placement } : trends } : {}),
    });
    if (!existing) {
      if (d.key === "目标任务") targetRows = built.targetRows ?? [];
      if (d.key === "预算执行") {
        executionRows = built.executionRows ?? [];
        executionProgress = built.progress;
      }
      out.push({ kind: "create", key: d.key, name: d.name, spec: built.sheet });
      sum.created.push(d.name);
      sum.cells += built.sheet.cells.reduce((n, row) => n + row.filter((c) => c !== undefined).length, 0);
      continue;
    }
    const tables = tablesOn(d.name);
    if (d.key === "目标任务") {
      const fresh = withSheetProgress(built.sheet, existing, index.year);
      const patched = patchTargets(ctx, fresh, existing, tables, options, sum, current.targets);
      targetRows = patched.rowsOut;
      out.push(patched.patch);
    } else if (d.key === "预算执行") {
      const fresh = withSheetProgress(built.sheet, existing, index.year, ["领域", "支出数"]);
      const patched = patchExecution(ctx, fresh, existing, tables, options, sheetUnit, sum, current.areas);
      executionRows = patched.rowsOut;
      executionProgress = patched.progress;
      out.push(patched.patch);
    } else if (d.key === "绩效监控") {
      out.push(patchMonitor(ctx, built.sheet, existing, tables, options, sum));
    } else if (d.key === "月度填报" || d.key === "月度支出") {
      const patched =
        d.key === "月度填报"
          ? patchMonthlyTargets(ctx, built.sheet, existing, tables, options, sum, carry)
          : patchMonthlySpending(ctx, built.sheet, existing, tables, options, sheetUnit, sum, carry);
      out.push(patched);
    } else if (d.key === "汇总") {
      const rows = placement?.at === undefined ? trendRows(built.sheet) : undefined;
      const patched = patchStatic(d.key, built.sheet, existing, tables, options, sum, rows);
      if (rows) {
        const charts = (snapshot.charts ?? []).filter((c) => same(c.sheet, d.name)).map((c) => c.name);
        const block = trendBlock(built.sheet, rows, charts);
        sum.blocksAdded.push({ sheet: d.name, title: block.title, charts: block.charts.length });
        out.push({ ...patched.patch, blocks: [block] });
      } else out.push(patched.patch);
    } else {
      const patched = patchStatic(d.key, built.sheet, existing, tables, options, sum);
      out.push(patched.patch);
      if (patched.volatile) volatile = { sheet: patched.patch, change: patched.volatile };
    }
  }

  // 说明's generation time changes on every run: written only along with a real change, so that a refresh with
  // nothing to change writes nothing.
  const changed = out.some((s) => s.kind === "create" || s.changes.length > 0);
  if (volatile && changed) {
    const i = out.indexOf(volatile.sheet);
    const sheet = volatile.sheet;
    out[i] = { ...sheet, changes: sortChanges([...sheet.changes, volatile.change]) };
    sum.cells++;
  }

  const markers: DefinedNameSpec[] = [];
  const references: SheetReferenceName[] = [];
  for (const sheet of out) {
    const wrote = sheet.kind === "create" || sheet.changes.length > 0;
    const old = snapshot.definedNames.find((n) => same(n.name, markerName(sheet.key)));
    const oldMarker = old ? decodeMarker(old.name, old.value) : undefined;
    const fingerprint = officialFingerprint(sheet.key, data);
    const stale =
      !oldMarker ||
      oldMarker.editionId !== data.document.id ||
      oldMarker.fingerprint !== fingerprint ||
      oldMarker.sheetName !== sheet.name;
    if (wrote || stale) {
      markers.push(
        encodeMarker({
          key: sheet.key,
          sheetName: sheet.name,
          editionId: data.document.id,
          generatedAt: wrote ? ctx.generatedAt : (oldMarker?.generatedAt ?? ctx.generatedAt),
          fingerprint,
        }),
      );
    }
    const ref = snapshot.definedNames.find((n) => same(n.name, referenceName(sheet.key)));
    const pointsAt = ref ? sheetOfReference(ref.value) : undefined;
    if (!pointsAt || !same(pointsAt, sheet.name)) references.push(referenceFor(sheet.key, sheet.name));
  }

  return {
    editionId: data.document.id,
    generatedAt: ctx.generatedAt,
    sheets: out,
    skipped,
    markers,
    references,
    summary: sum.finish(
      sheetUnit !== undefined && sheetUnit !== amountUnit ? { from: sheetUnit, to: amountUnit } : undefined,
    ),
  };
}

// ---- fresh sheets -----------------------------------------------------------------------------------------

/** What a fresh sheet is built from: the sheets planned before it (汇总 reads their rows) and the workbook read. */
interface FreshInputs {
  readonly targetRows: readonly TargetRowOut[];
  readonly executionRows: readonly ExecutionRowOut[];
  readonly executionProgress: unknown;
  readonly carry: MonthlyCarry;
  readonly sheets: ReadonlyMap<string, ExistingSheet>;
  readonly current: ReturnType<typeof currentFigures>;
  readonly trends?: TrendInputs;
}

function buildFresh(
  key: SheetKey,
  ctx: BuildContext,
  name: string,
  from: FreshInputs,
): {
  sheet: SheetSpec;
  targetRows?: readonly TargetRowOut[];
  executionRows?: readonly ExecutionRowOut[];
  progress?: unknown;
} {
  const { carry, current } = from;
  switch (key) {
    case "说明":
      return buildIntroSheet(ctx, name, "create");
    case "预算安排":
      return buildBudgetSheet(ctx, name, "create");
    case "责任分工":
      return buildDutiesSheet(ctx, name, "create");
    case "目标任务": {
      const out = buildTargetsSheet(ctx, name, "create", undefined, current.targets);
      return { sheet: out.sheet, targetRows: out.rows };
    }
    case "预算执行": {
      const out = buildExecutionSheet(ctx, name, "create", undefined, current.areas);
      return { sheet: out.sheet, executionRows: out.rows, progress: out.progress };
    }
    case "汇总":
      return buildSummarySheet(
        ctx,
        name,
        "create",
        from.targetRows,
        from.executionRows,
        from.executionProgress,
        from.trends,
      );
    case "月度填报":
    case "月度支出":
    case "月度状态":
      return buildMonthlySheet(key, ctx, name, "create", carry);
    case "绩效监控":
      return buildMonitorSheet(ctx, name, "create", carry, from.sheets);
  }
}

// ---- the summary ------------------------------------------------------------------------------------------

export class SummaryCollector {
  cells = 0;
  readonly officialUpdates: OfficialUpdate[] = [];
  readonly rowsAppended: { sheet: string; rowKey: string; row: number }[] = [];
  readonly rowsFlagged: RowFlagged[] = [];
  readonly overridesKept: OverrideKept[] = [];
  formulasRestored = 0;
  formulasFilled = 0;
  formulasUpgraded = 0;
  valuesMoved = 0;
  readonly columnsAppended: { sheet: string; header: string }[] = [];
  readonly blocksAdded: { sheet: string; title: string; charts: number }[] = [];
  readonly created: string[] = [];
  readonly skipped: { sheet: string; reason: string }[] = [];
  converted = 0;
  inputsKept = 0;

  finish(unit: { from: string; to: string } | undefined): PatchSummary {
    return {
      cellsWritten: this.cells,
      officialUpdates: this.officialUpdates,
      rowsAppended: this.rowsAppended,
      rowsFlagged: this.rowsFlagged,
      overridesKept: this.overridesKept,
      formulasRestored: this.formulasRestored,
      formulasFilled: this.formulasFilled,
      formulasUpgraded: this.formulasUpgraded,
      valuesMoved: this.valuesMoved,
      columnsAppended: this.columnsAppended,
      ...(this.blocksAdded.length > 0 ? { blocksAdded: this.blocksAdded } : {}),
      sheetsCreated: this.created,
      sheetsSkipped: this.skipped,
      ...(unit ? { unitSwitch: { ...unit, converted: this.converted } } : {}),
      inputsKept: this.inputsKept,
    };
  }
}

/** Collects one sheet's changes against what it holds now. */
class SheetDiff {
  readonly changes: CellChange[] = [];
  readonly results: CachedResult[] = [];
  constructor(
    readonly name: string,
    readonly existing: ExistingSheet,
    readonly sum: SummaryCollector,
    readonly restore: boolean,
  ) {}

  at(row: number, column: number): RawCell | undefined {
    return this.existing.cells[row - 1]?.[column - 1];
  }

  write(row: number, column: number, cell: CellSpec, reason: ChangeReason, rowKey?: string, columnKey?: string) {
    const before = this.at(row, column);
    this.changes.push({
      row,
      column,
      address: cellAddress(row, column),
      cell,
      ...(before && hasContent(before) ? { before } : {}),
      reason,
      ...(rowKey !== undefined ? { rowKey } : {}),
      ...(columnKey !== undefined ? { columnKey } : {}),
    });
    this.sum.cells++;
    if (reason === "official") {
      this.sum.officialUpdates.push({
        sheet: this.name,
        address: cellAddress(row, column),
        ...(rowKey !== undefined ? { rowKey } : {}),
        ...(columnKey !== undefined ? { column: columnKey } : {}),
        before: before && hasContent(before) ? toScalar(before.value) : null,
        after: cell.value ?? null,
      });
    }
  }

  /**
   * A product cell: a constant is written where it differs; a formula is written where the cell is blank, its
   * cached result refreshed where the cell holds it, and kept (an override) where the cell holds anything else.
   * Returns true when the cell is an override.
   */
  product(
    row: number,
    column: number,
    want: CellSpec,
    reason: "official" | "label",
    rowKey?: string,
    columnKey?: string,
    adopt?: (have: RawCell) => boolean,
  ): boolean {
    const have = this.at(row, column);
    if (want.formula === undefined) {
      if (!sameValue(have, want.value)) this.write(row, column, want, reason, rowKey, columnKey);
      return false;
    }
    if (!hasContent(have)) {
      this.write(row, column, want, "formula", rowKey, columnKey);
      this.sum.formulasFilled++;
      return false;
    }
    if (have.formula !== undefined && sameFormula(have.formula, want.formula)) {
      if (!sameScalar(have.value, want.result ?? null)) {
        this.results.push({ address: cellAddress(row, column), row, column, result: want.result ?? null });
      }
      return false;
    }
    if (have.formula !== undefined && earlierFormulas(want.formula).some((f) => sameFormula(have.formula ?? "", f))) {
      this.write(row, column, want, "upgrade", rowKey, columnKey);
      this.sum.formulasUpgraded++;
      return false;
    }
    if (have.formula === undefined && adopt?.(have)) {
      // The user's typed value, taken over by the formula: the cell is theirs in look, so its format stays.
      this.write(row, column, withoutFormat(want), "upgrade", rowKey, columnKey);
      this.sum.formulasUpgraded++;
      return false;
    }
    if (this.restore) {
      this.write(row, column, want, "restore", rowKey, columnKey);
      this.sum.formulasRestored++;
      return false;
    }
    this.sum.overridesKept.push({
      sheet: this.name,
      address: cellAddress(row, column),
      ...(rowKey !== undefined ? { rowKey } : {}),
      ...(columnKey !== undefined ? { column: columnKey } : {}),
      value: toScalar(have.value),
      formula: want.formula,
    });
    return true;
  }

  finish(key: SheetKey, tables: TableGrowth[] = [], columnsAdded: ColumnAdded[] = []): SheetPatch {
    return {
      kind: "patch",
      key,
      name: this.name,
      changes: sortChanges(this.changes),
      results: this.results,
      tables,
      columnsAdded,
    };
  }
}

/** A cell to write without its number format: a patch then leaves the cell's format as it is. */
function withoutFormat(cell: CellSpec): CellSpec {
  const { numFmt: _numFmt, ...rest } = cell;
  return rest;
}

function sortChanges(changes: readonly CellChange[]): CellChange[] {
  return [...changes].sort((a, b) => a.row - b.row || a.column - b.column);
}

// ---- sheets without inputs: 说明, 预算安排, 责任分工, 汇总 ------------------------------------------------------

/**
 * Cell by cell against a freshly built sheet: what differs is written, what the fresh sheet leaves empty is never
 * touched (the user's notes beside our tables stay), except rows a shrunken table of ours no longer uses.
 */
function patchStatic(
  key: SheetKey,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sum: SummaryCollector,
  /** Rows of a block a layout upgrade adds (below everything there): written as they are, reason "layout". */
  layoutRows?: readonly [number, number],
): { patch: SheetPatch; volatile?: CellChange } {
  const diff = new SheetDiff(existing.name, existing, sum, options.restoreFormulas === true);
  let volatile: CellChange | undefined;
  fresh.cells.forEach((row, r) => {
    row.forEach((want, c) => {
      if (want === undefined) return;
      if (layoutRows && r + 1 >= layoutRows[0] && r + 1 <= layoutRows[1]) {
        diff.write(r + 1, c + 1, want, "layout");
        return;
      }
      if (r === 0 && c === 0 && !isOurTitle(existing.cells[0]?.[0]?.value) && hasContent(diff.at(1, 1))) return;
      if (key === "说明" && c === 1 && fresh.cells[r]?.[0]?.value === "生成时间") {
        if (!sameValue(diff.at(r + 1, c + 1), want.value)) {
          volatile = {
            row: r + 1,
            column: c + 1,
            address: cellAddress(r + 1, c + 1),
            cell: want,
            reason: "label",
            ...(hasContent(diff.at(r + 1, c + 1)) ? { before: diff.at(r + 1, c + 1) as RawCell } : {}),
          };
        }
        return;
      }
      diff.product(r + 1, c + 1, want, "official");
    });
  });
  const growth: TableGrowth[] = [];
  for (const table of fresh.tables) {
    const old = tables.find((t) => same(t.name, table.name));
    if (!old?.ref) continue;
    const before = parseRange(old.ref);
    const after = parseRange(table.ref);
    // Rows our table no longer uses: emptied (the table keeps its size; nothing of the user's is there).
    for (let r = after.bottom + 1; r <= before.bottom; r++) {
      for (let c = before.left; c <= before.right; c++) {
        if (hasContent(diff.at(r, c))) diff.write(r, c, { value: null }, "official");
      }
    }
    if (after.bottom > before.bottom || after.right > before.right) {
      growth.push({
        table: old.name,
        from: old.ref,
        to: rangeAddress(
          before.top,
          before.left,
          Math.max(after.bottom, before.bottom),
          Math.max(after.right, before.right),
        ),
        rowsAdded: Math.max(0, after.bottom - before.bottom),
        columnsAdded: Math.max(0, after.right - before.right),
        insertsRows: false,
      });
    }
  }
  return { patch: diff.finish(key, growth), ...(volatile ? { volatile } : {}) };
}

// ---- keyed tables: 目标任务 (by 编号) and 预算执行 (by area) ---------------------------------------------------------

export interface KeyedTable<K extends string> {
  readonly key: SheetKey;
  readonly tableName: string;
  readonly columns: readonly ColumnDef<K>[];
  readonly keyColumn: K;
  /** Columns whose presence identifies the header row. */
  readonly headerProbe: readonly string[];
  /** The edition's key of a row's key cell, or undefined when the edition has none. */
  readonly canonical: (value: unknown) => string | undefined;
  /** Edition keys in edition order (fresh rows below the header: headerRow + 1, headerRow + 2 …). */
  readonly order: readonly string[];
  readonly orphanFlag: string;
  readonly duplicateFlag: string;
  /** Whether the key cell itself is official text to bring up to date (an area's label), or the user's key (编号). */
  readonly rewriteKey: boolean;
  /** The results of the row's formula columns, from the row's inputs as they are. */
  readonly results: (key: string, input: (column: K) => RawCell | undefined) => Partial<Record<K, Scalar>>;
  /** An input rewritten by an explicit choice (unit switch); undefined when the input is not written. */
  readonly convert?: (column: K, cell: RawCell | undefined) => CellSpec | undefined;
  /** The table's header row on the fresh sheet (default HEADER_ROW): 绩效监控 has a block above its table. */
  readonly headerRow?: number;
  /** Leave the fresh sheet's rows above the header unwritten (their layout no longer lines up; see monitorPatch). */
  readonly skipAbove?: boolean;
  /**
   * A value typed into a formula column that the formula takes over instead of keeping it as an override: the
   * value lives elsewhere now and the formula shows it (a typed 实际值 equal to 月度填报's 本期数).
   */
  readonly adopt?: (key: string, column: K, have: RawCell) => boolean;
  /** A value moved into a blank input cell of a row (a typed 实际值 into its month); undefined: none. */
  readonly seed?: (key: string, column: K) => CellSpec | undefined;
}

interface KeyedOut {
  readonly patch: SheetPatch;
  /** Every row of the table as it will be: product rows, flagged rows, the user's rows. */
  readonly rows: readonly { readonly key?: string; readonly cells: (column: string) => Scalar | null }[];
}

const CHECK = "核对";

export function patchKeyed<K extends string>(
  spec: KeyedTable<K>,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sum: SummaryCollector,
): KeyedOut {
  const diff = new SheetDiff(existing.name, existing, sum, options.restoreFormulas === true);
  const header0 = findHeader(existing, spec.headerProbe, (spec.headerRow ?? HEADER_ROW) + 30);
  if (header0 === undefined) {
    throw new Error(
      `工作表“${existing.name}”找不到表头(${spec.headerProbe.join("、")}),未作改动。 / No header row on sheet "${existing.name}".`,
    );
  }
  const header = header0 + 1;
  const headerRow = spec.headerRow ?? HEADER_ROW;
  const offset = header - headerRow;
  const headerCells = existing.cells[header - 1] ?? [];
  const found = new Map<string, number>();
  let lastHeader = 0;
  headerCells.forEach((cell, i) => {
    const k = headerKey(cell?.value);
    if (k === "") return;
    lastHeader = i + 1;
    if (!found.has(k)) found.set(k, i + 1);
  });
  const table = tables.find((t) => same(t.name, spec.tableName) && t.ref !== undefined);
  const tableBox: Box | undefined = table?.ref ? parseRange(table.ref) : undefined;

  // Where each product column is: found by header, or appended at the right of the table (layout upgrade).
  const standard = (k: K) => spec.columns.findIndex((c) => c.key === k) + 1;
  const colOf = new Map<K, number>();
  const added: ColumnDef<K>[] = [];
  let right = Math.max(tableBox?.right ?? 0, lastHeader);
  for (const def of spec.columns) {
    const at = found.get(def.key);
    if (at !== undefined) colOf.set(def.key, at);
    else {
      right++;
      colOf.set(def.key, right);
      added.push(def);
    }
  }
  const col = (k: K) => colOf.get(k) ?? 0;
  // The user's own columns in (or beside) our table: never written, their cells counted as inputs kept.
  const ours = new Set<string>(spec.columns.map((c) => c.key));
  const own = [...found.entries()].filter(([k]) => !ours.has(k)).map(([, c]) => c);
  const moveColumn = (c: number) => {
    const def = spec.columns[c - 1];
    return def ? col(def.key) : c;
  };

  // Sheet texts above the table (title, 报告日期 label, legends) and 序时进度. 报告日期 itself is an input, which the
  // fresh sheet writes as a constant; B2 of the monthly sheets is 报告月份, a formula whose cached result follows
  // the months filled (a month moved in changes it).
  const dateAt = parseRange(DATE_CELL);
  const freshDate = fresh.cells[dateAt.top - 1]?.[dateAt.left - 1];
  const dateIsInput = freshDate !== undefined && freshDate.formula === undefined;
  for (let r = 1; r < (spec.skipAbove ? 1 : headerRow); r++) {
    (fresh.cells[r - 1] ?? []).forEach((want, c) => {
      if (want === undefined || (dateIsInput && cellAddress(r, c + 1) === DATE_CELL)) return;
      const at = r + offset;
      if (r === 1 && c === 0 && !isOurTitle(diff.at(at, 1)?.value) && hasContent(diff.at(at, 1))) return;
      const cell =
        want.formula === undefined
          ? want
          : {
              ...want,
              formula: relocateFormula(
                want.formula,
                (x) => (x < headerRow ? x + offset : x),
                (x) => x,
              ),
            };
      diff.product(at, c + 1, cell, "label");
    });
  }
  if (dateIsInput && hasContent(reportDateCell(existing))) sum.inputsKept++;

  // Headers of the columns found (a unit switch renames 预算数(万元) …).
  const freshHeader = fresh.cells[headerRow - 1] ?? [];
  for (const def of spec.columns) {
    const want = freshHeader[standard(def.key) - 1];
    if (want && found.has(def.key)) diff.product(header, col(def.key), want, "label");
  }

  // The rows: every row of the table. What the user typed below it (a note in the 编号 column, a total) is theirs,
  // not a target row to flag. Only where the host saw no table does the last keyed row mark the end.
  const keyCol = col(spec.keyColumn);
  let bottom = tableBox?.bottom ?? header;
  if (!tableBox) {
    for (let r = header + 1; r <= existing.cells.length; r++) if (hasContent(diff.at(r, keyCol))) bottom = r;
  }
  const seen = new Set<string>();
  const rowsOut: { key?: string; cells: (column: string) => Scalar | null }[] = [];
  const existingValue = (r: number) => (column: string) => {
    const c = colOf.get(column as K);
    return c === undefined ? null : toScalar(diff.at(r, c)?.value);
  };
  const productRows: { row: number; key: string }[] = [];
  for (let r = header + 1; r <= bottom; r++) {
    const keyCell = diff.at(r, keyCol);
    if (!hasContent(keyCell)) {
      rowsOut.push({ cells: existingValue(r) });
      continue;
    }
    const k = spec.canonical(keyCell.value);
    const flag = k === undefined ? spec.orphanFlag : seen.has(k) ? spec.duplicateFlag : "";
    const label = String(toScalar(keyCell.value) ?? "").trim();
    if (flag !== "") {
      sum.rowsFlagged.push({ sheet: existing.name, row: r, rowKey: label, flag });
      if (!sameValue(diff.at(r, col(CHECK as K)), flag)) {
        diff.write(r, col(CHECK as K), { value: flag }, "check", label, CHECK);
      }
      countInputs(spec, r, diff, col, sum, own);
      rowsOut.push({ key: label, cells: existingValue(r) });
      continue;
    }
    seen.add(k as string);
    productRows.push({ row: r, key: k as string });
  }

  // Rows of the edition: official cells and formulas where the user's row is, wherever it was moved.
  for (const { row: r, key: k } of productRows) {
    const freshRow = headerRow + 1 + spec.order.indexOf(k);
    const at = (column: K) => {
      const c = colOf.get(column);
      return c === undefined || added.some((a) => a.key === column) ? undefined : diff.at(r, c);
    };
    const seeds = new Map<K, CellSpec>();
    for (const def of spec.columns) {
      const seed = def.role === "input" && !hasContent(at(def.key)) ? spec.seed?.(k, def.key) : undefined;
      if (seed) seeds.set(def.key, seed);
    }
    const input = (column: K): RawCell | undefined => {
      const seed = seeds.get(column);
      if (!seed) return at(column);
      return seed.formula === undefined
        ? { value: seed.value ?? null }
        : { value: seed.result ?? null, formula: seed.formula };
    };
    const results = spec.results(k, input);
    const overridden: string[] = [];
    const out: Record<string, Scalar | null> = {};
    for (const def of spec.columns) {
      const c = col(def.key);
      const isNew = added.includes(def);
      const want = freshCell(fresh, freshRow, standard(def.key), results[def.key]);
      if (def.key === CHECK) continue;
      if (def.role === "input") {
        const seed = seeds.get(def.key);
        if (seed) {
          // Into a blank input cell of the user's table: the value only, the cell keeps the format it has.
          diff.write(r, c, withoutFormat(seed), "move", k, def.key);
          sum.valuesMoved++;
          out[def.key] = seed.value ?? seed.result ?? null;
          continue;
        }
        const converted = spec.convert?.(def.key, input(def.key));
        if (converted) {
          diff.write(r, c, converted, "unit", k, def.key);
          sum.converted++;
          out[def.key] = converted.value ?? null;
        } else out[def.key] = toScalar(input(def.key)?.value);
        if (hasContent(input(def.key))) sum.inputsKept++;
        if (isNew && want?.numFmt) diff.write(r, c, { value: null, numFmt: want.numFmt }, "appendColumn", k, def.key);
        continue;
      }
      if (!want) continue;
      const cell = relocated(want, freshRow, r, offset, moveColumn, headerRow);
      if (isNew) {
        diff.write(r, c, cell, "appendColumn", k, def.key);
        out[def.key] = cell.formula === undefined ? (cell.value ?? null) : (cell.result ?? null);
        continue;
      }
      if (def.key === spec.keyColumn && !spec.rewriteKey) {
        out[def.key] = toScalar(diff.at(r, c)?.value);
        continue;
      }
      const adopt = spec.adopt ? (have: RawCell) => spec.adopt?.(k, def.key, have) === true : undefined;
      const override = diff.product(r, c, cell, "official", k, def.key, adopt);
      if (override) overridden.push(def.key);
      out[def.key] = override
        ? toScalar(diff.at(r, c)?.value)
        : cell.formula === undefined
          ? (cell.value ?? null)
          : (cell.result ?? null);
    }
    for (const c of own) if (hasContent(diff.at(r, c))) sum.inputsKept++;
    const check = overridden.length > 0 ? `${OVERRIDE_NOTE}:${overridden.join("、")}` : "";
    if (!added.some((a) => a.key === CHECK) && !sameValue(diff.at(r, col(CHECK as K)), check)) {
      diff.write(r, col(CHECK as K), { value: check === "" ? null : check }, "check", k, CHECK);
    }
    rowsOut.push({ key: k, cells: (column) => out[column] ?? null });
  }

  // Layout upgrade: headers of the appended columns.
  const columnsAdded: ColumnAdded[] = [];
  for (const def of added) {
    const want = freshHeader[standard(def.key) - 1];
    diff.write(header, col(def.key), want ?? { value: def.header }, "appendColumn", undefined, def.key);
    columnsAdded.push({ column: col(def.key), header: def.header, width: def.width });
    sum.columnsAppended.push({ sheet: existing.name, header: def.header });
  }

  // Keys new in the edition: rows appended below the table's last row, in edition order.
  const missing = spec.order.filter((k) => !seen.has(k));
  let r = bottom;
  for (const k of missing) {
    r++;
    const freshRow = headerRow + 1 + spec.order.indexOf(k);
    const results = spec.results(k, () => undefined);
    const out: Record<string, Scalar | null> = {};
    for (const def of spec.columns) {
      const want = freshCell(fresh, freshRow, standard(def.key), results[def.key]);
      if (!want || (def.role === "input" && want.numFmt === undefined)) continue;
      const cell = relocated(want, freshRow, r, offset, moveColumn, headerRow);
      diff.write(r, col(def.key), cell, "appendRow", k, def.key);
      out[def.key] = cell.formula === undefined ? (cell.value ?? null) : (cell.result ?? null);
    }
    sum.rowsAppended.push({ sheet: existing.name, rowKey: k, row: r });
    rowsOut.push({ key: k, cells: (column) => out[column] ?? null });
  }

  const growth: TableGrowth[] = [];
  if (table?.ref && tableBox && (missing.length > 0 || added.length > 0)) {
    const newBottom = bottom + missing.length;
    let occupied = false;
    for (let rr = bottom + 1; rr <= newBottom; rr++) {
      for (let c = tableBox.left; c <= tableBox.right; c++) if (hasContent(diff.at(rr, c))) occupied = true;
    }
    growth.push({
      table: table.name,
      from: table.ref,
      to: rangeAddress(tableBox.top, tableBox.left, newBottom, Math.max(tableBox.right, right)),
      rowsAdded: newBottom - tableBox.bottom,
      columnsAdded: Math.max(0, right - tableBox.right),
      insertsRows: occupied,
    });
  }
  return { patch: diff.finish(spec.key, growth, columnsAdded), rows: rowsOut };
}

/** Inputs of a flagged row, counted as kept: its input columns and the user's own columns. */
function countInputs<K extends string>(
  spec: KeyedTable<K>,
  r: number,
  diff: SheetDiff,
  col: (k: K) => number,
  sum: SummaryCollector,
  own: readonly number[],
) {
  for (const def of spec.columns) if (def.role === "input" && hasContent(diff.at(r, col(def.key)))) sum.inputsKept++;
  for (const c of own) if (hasContent(diff.at(r, c))) sum.inputsKept++;
}

/** A fresh sheet's cell of a row, with the result computed from the user's inputs for formulas. */
function freshCell(fresh: SheetSpec, row: number, column: number, result: Scalar | undefined): CellSpec | undefined {
  const cell = fresh.cells[row - 1]?.[column - 1];
  if (!cell) return undefined;
  return cell.formula !== undefined && result !== undefined ? { ...cell, result } : cell;
}

function relocated(
  cell: CellSpec,
  fromRow: number,
  toRow: number,
  offset: number,
  moveColumn: (c: number) => number,
  headerRow: number,
): CellSpec {
  if (cell.formula === undefined) return cell;
  const moveRow = (x: number) => (x === fromRow ? toRow : x < headerRow ? x + offset : x);
  return { ...cell, formula: relocateFormula(cell.formula, moveRow, moveColumn) };
}

/** 报告日期 as the user left it: B2, or lower when rows were inserted above the table's header. */
/**
 * The fresh sheet with its 序时进度 cell's cached result computed from the 报告日期 the user's sheet holds (the
 * fresh sheet has the date of a new workbook), so the cached value equals what engines compute.
 */
function withSheetProgress(
  fresh: SheetSpec,
  existing: ExistingSheet,
  year: number,
  probe?: readonly string[],
): SheetSpec {
  const at = parseRange(PROGRESS_CELL);
  const cell = fresh.cells[at.top - 1]?.[at.left - 1];
  if (cell?.formula === undefined) return fresh;
  const result = progressOf(toScalar(reportDateCell(existing, probe)?.value), year);
  const cells = fresh.cells.map((row, r) =>
    r === at.top - 1 ? row.map((c, i) => (i === at.left - 1 ? { ...cell, result } : c)) : row,
  );
  return { ...fresh, cells };
}

function reportDateCell(existing: ExistingSheet, probe: readonly string[] = ["编号", "实际值"]): RawCell | undefined {
  const header = findHeader(existing, probe) ?? findHeader(existing, ["领域", "支出数"]);
  const at = parseRange(DATE_CELL);
  const offset = header === undefined ? 0 : header + 1 - HEADER_ROW;
  return existing.cells[at.top - 1 + offset]?.[at.left - 1];
}

function patchTargets(
  ctx: BuildContext,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sum: SummaryCollector,
  current: ReadonlyMap<string, Scalar>,
): { patch: SheetPatch; rowsOut: TargetRowOut[] } {
  const { index } = ctx;
  const progress = progressOf(toScalar(reportDateCell(existing)?.value), index.year);
  const monthly = ctx.monthly === true;
  const restore = options.restoreFormulas === true;
  /** 实际值 as it will be: 本期数 (the formula's), unless the cell keeps what the user typed (手工覆盖). */
  const actualOf = (id: string, cell: RawCell | undefined): unknown => {
    if (!monthly) return toScalar(cell?.value);
    const figure = current.get(id) ?? "";
    if (!hasContent(cell) || restore) return figure;
    if (cell.formula !== undefined)
      return followsSheet(cell.formula, ctx.names.月度填报) ? figure : toScalar(cell.value);
    return sameScalar(cell.value, figure) ? figure : toScalar(cell.value);
  };
  const out = patchKeyed(
    {
      key: "目标任务",
      tableName: KEY_TABLE.目标任务,
      columns: targetColumns(monthly),
      ...targetKeyedOptions(ctx),
      headerProbe: ["编号", "实际值"],
      results: (id, input) => {
        const target = index.target(id) as Target;
        const r = evaluateTarget(target, actualOf(id, input("实际值")), toScalar(input("上年值")?.value), progress);
        return {
          ...(monthly ? { 实际值: current.get(id) ?? "" } : {}),
          完成率: r.completion,
          差距: r.gap,
          状态: r.status,
        };
      },
      adopt: (id, column, have) => column === "实际值" && sameScalar(have.value, current.get(id) ?? ""),
    },
    fresh,
    existing,
    tables,
    options,
    sum,
  );
  const rowsOut = out.rows.map((row) => ({
    area: String(row.cells("领域") ?? ""),
    status: row.cells("状态") ?? "",
  }));
  return { patch: out.patch, rowsOut };
}

function unitOfExecution(sheet: ExistingSheet): AmountUnit | undefined {
  const header = findHeader(sheet, ["领域", "支出数"]);
  if (header === undefined) return undefined;
  const cell = (sheet.cells[header] ?? []).find((c) => headerKey(c?.value) === "支出数");
  const unit = headerUnit(cell?.value);
  return unit === "万元" || unit === "亿元" ? unit : undefined;
}

function patchExecution(
  ctx: BuildContext,
  fresh: SheetSpec,
  existing: ExistingSheet,
  tables: readonly TableRef[],
  options: PlanOptions,
  sheetUnit: AmountUnit | undefined,
  sum: SummaryCollector,
  current: ReadonlyMap<number, Scalar>,
): { patch: SheetPatch; rowsOut: ExecutionRowOut[]; progress: unknown } {
  const { index, amountUnit } = ctx;
  const monthly = ctx.monthly === true;
  const restore = options.restoreFormulas === true;
  const progress = progressOf(toScalar(reportDateCell(existing, ["领域", "支出数"])?.value), index.year);
  const convert = switchedAmount(sheetUnit, amountUnit);
  const budgetOf = (no: number) => fromYi(index.area(no)?.budgetYi ?? 0, amountUnit);
  const out = patchKeyed(
    {
      key: "预算执行",
      tableName: KEY_TABLE.预算执行,
      columns: executionColumns(amountUnit, monthly),
      ...areaKeyedOptions(ctx),
      headerProbe: ["领域", "支出数"],
      results: (no, input) => {
        const spent = input("支出数");
        const figure = current.get(Number(no)) ?? "";
        const typed = convert(spent) ?? toScalar(spent?.value);
        // 支出数 as it will be: 本期数 (the formula's), unless the cell keeps what the user typed (手工覆盖).
        const value = !monthly
          ? typed
          : !hasContent(spent) || restore
            ? figure
            : spent.formula !== undefined
              ? followsSheet(spent.formula, ctx.names.月度支出)
                ? figure
                : typed
              : sameScalar(typed, figure)
                ? figure
                : typed;
        const r = evaluateExecution(budgetOf(Number(no)), value, progress);
        return {
          ...(monthly ? { 支出数: figure } : {}),
          执行率: r.rate,
          序时进度: r.progress,
          进度差: r.pace,
          差额: r.variance,
        };
      },
      adopt: (no, column, have) =>
        column === "支出数" && sameScalar(convert(have) ?? toScalar(have.value), current.get(Number(no)) ?? ""),
      convert: convertAmounts((column) => column === "支出数", convert),
    },
    fresh,
    existing,
    tables,
    options,
    sum,
  );
  const rowsOut = out.rows.map((row) => {
    const budget = readInput(row.cells("预算数"));
    const raw = row.cells("支出数");
    const spent = readInput(raw);
    return {
      area: String(row.cells("领域") ?? ""),
      budget: budget.kind === "number" ? budget.value : 0,
      spent: spent.kind === "number" ? spent.value : null,
      filled: raw !== null && raw !== undefined && raw !== "",
    };
  });
  return { patch: out.patch, rowsOut, progress };
}

// ---- helpers ----------------------------------------------------------------------------------------------

/** A formula in 实际值 / 支出数 that is ours: it looks the row up on the monthly sheet (any version of it). */
function followsSheet(formula: string, sheet: string): boolean {
  return formula.includes(sheet) && /MATCH\(/i.test(formula);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export { sameScalar, sameValue } from "../workbook/same";
