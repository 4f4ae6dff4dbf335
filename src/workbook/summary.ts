import type { OfficialUpdate, OverrideKept, PatchSummary, RowFlagged } from "./patch";

/** The patch's summary as the planner collects it, sheet by sheet: counts and lists the preview shows. */
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
