import { cellAddress, parseRange, rangeAddress } from "./a1";
import { hasContent, toScalar, type RawCell } from "./cells";
import type { CellSpec, SheetSpec } from "./model";
import type { CachedResult, CellChange, ChangeReason, ColumnAdded, SheetPatch, TableGrowth } from "./patch";
import { sameFormula } from "./references";
import { sameScalar, sameValue } from "./same";
import type { ExistingSheet, TableRef } from "./snapshot";
import type { SummaryCollector } from "./summary";

/** What a sheet's diff compares against and how it treats product formulas. */
export interface SheetDiffOptions {
  readonly existing: ExistingSheet;
  readonly sum: SummaryCollector;
  /** The explicit "restore formulas" action: product formulas written back over typed values. */
  readonly restore: boolean;
  /** Texts an earlier version of the product wrote for a formula (rewritten as this version writes it). */
  readonly earlierFormulas?: (formula: string) => readonly string[];
}

/** One cell to write: where, what and why, with the row's key and the column's header for the preview. */
export interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly cell: CellSpec;
  readonly reason: ChangeReason;
  /** The row's key (a target's 编号, an area's label), for the preview. */
  readonly rowKey?: string;
  /** The column's header key, for the preview. */
  readonly columnKey?: string;
}

/** A product cell to bring up to date ({@link SheetDiff.product}): `cell` is what the product writes there. */
export interface ProductCell extends CellWrite {
  /** Why, when the cell is a constant that differs. */
  readonly reason: "official" | "label";
  /** A value the user typed that the product formula takes over (a layout upgrade), its format kept. */
  readonly adopt?: (have: RawCell) => boolean;
}

/** Collects one sheet's changes against what it holds now. */
export class SheetDiff {
  readonly changes: CellChange[] = [];
  readonly results: CachedResult[] = [];
  readonly name: string;
  private readonly existing: ExistingSheet;
  private readonly sum: SummaryCollector;
  private readonly restore: boolean;
  private readonly earlierFormulas: (formula: string) => readonly string[];

  constructor(options: SheetDiffOptions) {
    this.existing = options.existing;
    this.name = options.existing.name;
    this.sum = options.sum;
    this.restore = options.restore;
    this.earlierFormulas = options.earlierFormulas ?? (() => []);
  }

  at(row: number, column: number): RawCell | undefined {
    return this.existing.cells[row - 1]?.[column - 1];
  }

  write({ row, column, cell, reason, rowKey, columnKey }: CellWrite): void {
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
  product(product: ProductCell): boolean {
    const { row, column, cell: want, adopt, rowKey, columnKey } = product;
    const have = this.at(row, column);
    if (want.formula === undefined) {
      if (!sameValue(have, want.value)) this.write(product);
      return false;
    }
    if (!hasContent(have)) {
      this.write({ ...product, reason: "formula" });
      this.sum.formulasFilled++;
      return false;
    }
    if (have.formula !== undefined && sameFormula(have.formula, want.formula)) {
      if (!sameScalar(have.value, want.result ?? null)) {
        this.results.push({ address: cellAddress(row, column), row, column, result: want.result ?? null });
      }
      return false;
    }
    if (
      have.formula !== undefined &&
      this.earlierFormulas(want.formula).some((f) => sameFormula(have.formula ?? "", f))
    ) {
      this.write({ ...product, reason: "upgrade" });
      this.sum.formulasUpgraded++;
      return false;
    }
    if (have.formula === undefined && adopt?.(have)) {
      // The user's typed value, taken over by the formula: the cell is theirs in look, so its format stays.
      this.write({ ...product, cell: withoutFormat(want), reason: "upgrade" });
      this.sum.formulasUpgraded++;
      return false;
    }
    if (this.restore) {
      this.write({ ...product, reason: "restore" });
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

  finish(key: string, tables: TableGrowth[] = [], columnsAdded: ColumnAdded[] = []): SheetPatch {
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
export function withoutFormat(cell: CellSpec): CellSpec {
  const { numFmt: _numFmt, ...rest } = cell;
  return rest;
}

export function sortChanges(changes: readonly CellChange[]): CellChange[] {
  return [...changes].sort((a, b) => a.row - b.row || a.column - b.column);
}

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** How {@link diffStatic} treats a sheet without inputs; the product says which cells are special. */
export interface StaticDiffOptions extends SheetDiffOptions {
  readonly key: string;
  readonly fresh: SheetSpec;
  /** The workbook's tables on this sheet (as the host listed them). */
  readonly tables: readonly TableRef[];
  /** Rows of a block a layout upgrade adds (below everything there): written as they are, reason "layout". */
  readonly layoutRows?: readonly [number, number];
  /** A cell (1-based) the user has made their own and the diff leaves alone (a title they retyped). */
  readonly keep?: (row: number, column: number) => boolean;
  /** A cell whose value changes on every run (a generation time): returned apart, written only with a real change. */
  readonly volatile?: (row: number, column: number) => boolean;
}

/**
 * Cell by cell against a freshly built sheet: what differs is written, what the fresh sheet leaves empty is never
 * touched (the user's notes beside our tables stay), except rows a shrunken table of ours no longer uses.
 */
export function diffStatic(options: StaticDiffOptions): { patch: SheetPatch; volatile?: CellChange } {
  const { fresh, tables, layoutRows } = options;
  const diff = new SheetDiff(options);
  let volatile: CellChange | undefined;
  fresh.cells.forEach((row, r) => {
    row.forEach((want, c) => {
      if (want === undefined) return;
      if (layoutRows && r + 1 >= layoutRows[0] && r + 1 <= layoutRows[1]) {
        diff.write({ row: r + 1, column: c + 1, cell: want, reason: "layout" });
        return;
      }
      if (options.keep?.(r + 1, c + 1)) return;
      if (options.volatile?.(r + 1, c + 1)) {
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
      diff.product({ row: r + 1, column: c + 1, cell: want, reason: "official" });
    });
  });
  const growth: TableGrowth[] = [];
  for (const table of fresh.tables) {
    const old = tables.find((t) => sameName(t.name, table.name));
    if (!old?.ref) continue;
    const before = parseRange(old.ref);
    const after = parseRange(table.ref);
    // Rows our table no longer uses: emptied (the table keeps its size; nothing of the user's is there).
    for (let r = after.bottom + 1; r <= before.bottom; r++) {
      for (let c = before.left; c <= before.right; c++) {
        if (hasContent(diff.at(r, c))) diff.write({ row: r, column: c, cell: { value: null }, reason: "official" });
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
  return { patch: diff.finish(options.key, growth), ...(volatile ? { volatile } : {}) };
}
