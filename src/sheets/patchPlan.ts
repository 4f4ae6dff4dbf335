import { parseRange } from "../workbook/a1";
import { indexEdition } from "../engine";
import type { EditionData } from "../policy/types";
import { sameName as same, sortChanges } from "../workbook/cellDiff";
import type { KeyedSheet } from "../workbook/keyedTable";
import type { SheetSpec, WorkbookName } from "../workbook/model";
import type { CellChange, SheetCreate, SheetPatch, SheetSkip, WorkbookPatch } from "../workbook/patch";
import type { ExistingSheet, WorkbookSnapshot } from "../workbook/snapshot";
import { SummaryCollector } from "../workbook/summary";
import type { AmountUnit, BuildContext } from "./context";
import type { ExecutionRowOut } from "./execution";
import { patchExecution, unitOfExecution } from "./executionPatch";
import { buildFresh } from "./freshSheet";
import { referenceFor, referenceName, sheetOfReference } from "./identity";
import {
  decodeMarker,
  encodeMarker,
  MARKER_PREFIX,
  markerName,
  officialFingerprint,
  SHEET_KEYS,
  sheetKey,
  type SheetKey,
} from "./marker";
import { resultsOf, type MonitorResults } from "./monitor";
import { patchMonitor } from "./monitorPatch";
import { patchSelfEvaluation } from "./selfEvaluationPatch";
import { patchMonthlySpending, patchMonthlyTargets } from "./monthlyPatch";
import { currentFigures, monthlyCarry, monthlyNames } from "./monthlyPlan";
import { beijing, decideSheets, reportSerial, trendsOf, writtenNames, type Plan, type PlanOptions } from "./plan";
import { sheetsToRead } from "./identity";
import { withSheetProgress } from "./reportDate";
import { patchStaticSheet } from "./staticPatch";
import type { TargetRowOut } from "./targets";
import { patchTargets } from "./targetsPatch";
import { trendBlock, trendPlacement, trendRows } from "./trendPatch";
import { unitsPlacement, unitsRows } from "./summaryUnits";

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
  const restore = options.restoreFormulas === true;
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
  let monitorResults: MonitorResults | undefined;
  const monitorResultsOnce = () => (monitorResults ??= resultsOf(ctx, carry, read));

  for (const d of decisions) {
    if (d.action === "skip") {
      skipped.push({ kind: "skip", key: d.key, name: d.name, reason: d.reason ?? "" });
      sum.skipped.push({ sheet: d.name, reason: d.reason ?? "" });
      continue;
    }
    const existing = d.action === "replace" ? contentsOf(d.name) : undefined;
    // 汇总's trend blocks stay where they are; a sheet without them (layout upgrade) gets them below its content.
    const placement = d.key === "汇总" && existing ? trendPlacement(existing) : undefined;
    const units = d.key === "汇总" && existing ? unitsPlacement(existing) : undefined;
    // The sheet as a fresh generation writes it, from the sheets before it (targetRows …) and what was read: the
    // whole sheet of a create, what a patch compares the sheet that exists with.
    const built = buildFresh(d.key, ctx, d.name, {
      targetRows,
      executionRows,
      executionProgress,
      carry,
      sheets: read,
      current,
      monitorResults: monitorResultsOnce,
      ...(trends ? { trends: placement ? { ...trends, ...placement } : trends } : {}),
      ...(units ? { units } : {}),
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
    const on = (fresh = built.sheet): KeyedSheet => ({ fresh, existing, tables: tablesOn(d.name), restore, sum });
    if (d.key === "目标任务") {
      const patched = patchTargets(ctx, on(withSheetProgress(built.sheet, existing, index.year)), current.targets);
      targetRows = patched.rowsOut;
      out.push(patched.patch);
    } else if (d.key === "预算执行") {
      const fresh = withSheetProgress(built.sheet, existing, index.year, ["领域", "支出数"]);
      const patched = patchExecution(ctx, on(fresh), { sheetUnit, current: current.areas });
      executionRows = patched.rowsOut;
      executionProgress = patched.progress;
      out.push(patched.patch);
    } else if (d.key === "绩效监控") {
      out.push(patchMonitor(ctx, on()));
    } else if (d.key === "绩效自评") {
      out.push(patchSelfEvaluation(ctx, on()));
    } else if (d.key === "月度填报" || d.key === "月度支出") {
      out.push(
        d.key === "月度填报"
          ? patchMonthlyTargets(ctx, on(), carry)
          : patchMonthlySpending(ctx, on(), { sheetUnit, carry }),
      );
    } else if (d.key === "汇总") {
      // The blocks a sheet made before them lacks (the trends, the count by unit) are one block of rows below
      // its content; the preview names it by its first row.
      const missing = [
        placement?.at === undefined ? trendRows(built.sheet) : undefined,
        units?.at === undefined ? unitsRows(built.sheet) : undefined,
      ].filter((x) => x !== undefined);
      const rows =
        missing.length > 0
          ? ([Math.min(...missing.map((x) => x[0])), Math.max(...missing.map((x) => x[1]))] as const)
          : undefined;
      const patched = patchStaticSheet({ key: d.key, ...on(), ...(rows ? { layoutRows: rows } : {}) });
      if (rows) {
        const charts = (snapshot.charts ?? []).filter((c) => same(c.sheet, d.name)).map((c) => c.name);
        const block = trendBlock(built.sheet, rows, charts, String(built.sheet.cells[rows[0] - 1]?.[0]?.value ?? ""));
        sum.blocksAdded.push({ sheet: d.name, title: block.title, charts: block.charts.length });
        out.push({ ...patched.patch, blocks: [block] });
      } else out.push(patched.patch);
    } else {
      const patched = patchStaticSheet({ key: d.key, ...on() });
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

  const markers: WorkbookName[] = [];
  const references: WorkbookName[] = [];
  for (const sheet of out) {
    const key = sheetKey(sheet.key);
    const wrote = sheet.kind === "create" || sheet.changes.length > 0;
    const old = snapshot.definedNames.find((n) => same(n.name, markerName(key)));
    const oldMarker = old ? decodeMarker(old.name, old.value) : undefined;
    const fingerprint = officialFingerprint(key, data);
    const stale =
      !oldMarker ||
      oldMarker.editionId !== data.document.id ||
      oldMarker.fingerprint !== fingerprint ||
      oldMarker.sheetName !== sheet.name;
    if (wrote || stale) {
      markers.push(
        encodeMarker({
          key,
          sheetName: sheet.name,
          editionId: data.document.id,
          generatedAt: wrote ? ctx.generatedAt : (oldMarker?.generatedAt ?? ctx.generatedAt),
          fingerprint,
        }),
      );
    }
    const ref = snapshot.definedNames.find((n) => same(n.name, referenceName(key)));
    const pointsAt = ref ? sheetOfReference(ref.value) : undefined;
    if (!pointsAt || !same(pointsAt, sheet.name)) references.push(referenceFor(key, sheet.name));
  }

  return {
    editionId: data.document.id,
    generatedAt: ctx.generatedAt,
    sheets: out,
    skipped,
    names: [...markers, ...references],
    summary: sum.finish(
      sheetUnit !== undefined && sheetUnit !== amountUnit ? { from: sheetUnit, to: amountUnit } : undefined,
    ),
  };
}

/**
 * A new workbook for a file writer, planned the one way there is: a patch against a workbook that holds none of
 * our sheets, where every sheet is a create. `snapshot` names what the file already has (a foreign sheet named like
 * one of ours is skipped or written beside it, `onForeignSheet`); a workbook with our sheets is refreshed with
 * {@link planPatch} instead.
 */
export function planWorkbook(
  data: EditionData,
  snapshot: WorkbookSnapshot = { sheetNames: [], definedNames: [] },
  options: PlanOptions = {},
): Plan {
  if (sheetsToRead(snapshot).length > 0) {
    throw new Error(
      "内部错误:该工作簿已有本产品的工作表,应刷新而非新建。 / Internal error: the workbook has our sheets; refresh it (planPatch).",
    );
  }
  const patch = planPatch(data, snapshot, options);
  const order = (key: string) => SHEET_KEYS.indexOf(sheetKey(key));
  const sheets: SheetSpec[] = patch.sheets
    .flatMap((s) => (s.kind === "create" ? [s.spec] : []))
    .sort((a, b) => order(a.key) - order(b.key));
  const decisions = decideSheets(snapshot, options);
  // Rows written: the data rows of the tables created (the product's tables hold every row it writes).
  const rowsWritten = sheets
    .flatMap((s) => s.tables)
    .reduce((n, t) => n + (parseRange(t.ref).bottom - parseRange(t.ref).top), 0);
  return {
    spec: {
      editionId: patch.editionId,
      generatedAt: patch.generatedAt,
      sheets,
      names: patch.names
        .filter((n) => n.name.startsWith(MARKER_PREFIX))
        .sort((a, b) => order(keyOfMarker(a.name)) - order(keyOfMarker(b.name))),
    },
    decisions,
    skipped: decisions.filter((d) => d.action === "skip").map((d) => ({ sheet: d.name, reason: d.reason ?? "" })),
    rowsWritten,
    valuesKept: 0,
    orphanRows: 0,
  };
}

const keyOfMarker = (name: string): SheetKey =>
  SHEET_KEYS.find((k) => same(markerName(k), name)) ?? SHEET_KEYS[0] ?? "说明";
