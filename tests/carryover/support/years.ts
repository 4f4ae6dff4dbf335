/**
 * The two workbooks of a year's turn, built without an engine: last year's 2025 workbook (its edition stored,
 * 12月 typed on 月度填报) and a 2026 edition derived from it the way editions change — figures raised, one target
 * dropped, one renamed with its amount now in 万元 (matched by wording, converted), one share counted in 个 (a %
 * into a count is refused), one new. Cells are typed by patching the package (a cell-level write, as a person's
 * typing ends up in the file); the LibreOffice-typed route is tests/cli/carryOver.test.ts.
 */
import { getEdition } from "../../../src/policy";
import type { EditionData, Target } from "../../../src/policy/types";
import { findHeader } from "../../../src/sheets/read";
import { headerKey } from "../../../src/sheets/layout";
import { findSheet } from "../../../src/sheets/read";
import { cellAddress } from "../../../src/workbook/a1";
import type { Scalar } from "../../../src/workbook/model";
import { patchSummary, type CellChange } from "../../../src/workbook/patch";
import { writeTemplate } from "../../../src/xlsx";
import { applyPatchParts } from "../../../src/xlsx/applyPatch";
import { writeWorkbookEdition } from "../../../src/xlsx/editionPart";
import { openPackage, savePackage } from "../../../src/xlsx/parts";
import { readFileSnapshot } from "../../../src/xlsx/snapshot";

export const y2025 = getEdition("yueqing-2025") as EditionData;
export const NOW = new Date("2025-12-31T02:00:00Z");

export const DROPPED = "art24-energy-private-share";
/** 15亿元 last year, 150000万元 under a new id this year. */
export const RENAMED = { from: "art23-policy-loans", to: "art23-policy-bank-loans" };
/** A share last year, a count this year: refused. */
export const COUNTED = "art02-enterprise-led-share";
/** A target new in 2026: no predecessor. */
export const NEW_TARGET: Target = {
  id: "art09-ai-firms",
  area: 2,
  article: 9,
  indicator: "新增人工智能企业",
  value: 20,
  unit: "家",
  comparator: ">=",
  kind: "count",
  words: ["以上"],
  quote: "新增人工智能企业20家以上",
};
export const NEW_ID = NEW_TARGET.id;
/** Never reported last year: no 12月 figure. */
export const NEVER_REPORTED = "art36-county-visit-rate";

/** The 12月 figure typed for each 2025 target, in its own scale (3.62 for 3.62%). */
export function december(t: Target, i: number): number {
  if (t.value === null) return 1.7 + (i % 5) / 100;
  return t.unit === "%" ? t.value + 0.5 : t.value + (i % 7);
}

/** The 2026 edition, valid as an edition file: each quote still writes its target's figure and unit. */
export function edition2026(): EditionData {
  const quoted = (t: Target, from: string, to: string): Target =>
    t.quote.includes(from) ? { ...t, quote: t.quote.replace(from, to) } : t;
  const targets = y2025.targets
    .filter((t) => t.id !== DROPPED)
    .map((t): Target => {
      if (t.id === RENAMED.from)
        return quoted({ ...t, id: RENAMED.to, unit: "万元", value: 150000 }, `${t.value}亿元`, "150000万元");
      if (t.id === COUNTED) return quoted({ ...t, unit: "个", kind: "count" }, `${t.value}%`, `${t.value}个`);
      if (t.value === null || t.unit === "%" || !t.quote.includes(String(t.value))) return t;
      const value = Math.round(t.value * 1.1 * 100) / 100;
      return quoted({ ...t, value }, String(t.value), String(value));
    });
  return nextYearOf(targets);
}

/**
 * 乐清's edition as next year's, yueqing-2026, with `targets` and the new target {@link NEW_TARGET} (its text left
 * out: the quotes stand for it).
 */
export function nextYearOf(targets: readonly Target[]): EditionData {
  const { text: _text, ...rest } = y2025;
  return {
    ...rest,
    document: {
      ...y2025.document,
      id: "yueqing-2026",
      year: 2026,
      title: y2025.document.title.replace("2025", "2026"),
    },
    targets: [...targets, NEW_TARGET],
  };
}

/** One typed cell: a target's row (by 编号) under a header of one of our sheets. */
export interface Typed {
  readonly id: string;
  readonly column: string;
  readonly value: Scalar | null;
}

/** Types values into a workbook's sheet by 编号 and header, as cells written in place; returns the new bytes. */
export async function typeInto(bytes: Uint8Array, sheetKey: string, typed: readonly Typed[]): Promise<Uint8Array> {
  const zip = await openPackage(bytes);
  const file = await readFileSnapshot(zip);
  const sheet = findSheet([...(file.snapshot.sheets?.values() ?? [])], sheetKey);
  if (!sheet) throw new Error(`no ${sheetKey}`);
  const header = findHeader(sheet, ["编号"]);
  if (header === undefined) throw new Error(`no header on ${sheetKey}`);
  const heads = (sheet.cells[header] ?? []).map((c) => headerKey(c?.value));
  const changes: CellChange[] = typed.map(({ id, column, value }) => {
    const row = sheet.cells.findIndex((r, i) => i > header && r[heads.indexOf("编号")]?.value === id) + 1;
    const col = heads.indexOf(column) + 1;
    if (row < 1 || col < 1) throw new Error(`no ${column} of ${id} on ${sheetKey}`);
    return { row, column: col, address: cellAddress(row, col), cell: { value }, reason: "return", rowKey: id };
  });
  changes.sort((a, b) => a.row - b.row || a.column - b.column);
  await applyPatchParts(zip, file, {
    editionId: "typed",
    generatedAt: NOW.toISOString(),
    sheets: [{ kind: "patch", key: "目标任务", name: sheet.name, changes, results: [], tables: [], columnsAdded: [] }],
    skipped: [],
    names: [],
    summary: patchSummary({ cellsWritten: changes.length }),
  });
  return savePackage(zip);
}

/** Last year's workbook: the 2025 edition stored in it, 12月 typed for every target but one never reported. */
export async function workbook2025(): Promise<Uint8Array> {
  const { buffer } = await writeTemplate(y2025, { now: NOW, reportDate: "2025-12-31" });
  const stored = await writeWorkbookEdition(buffer, y2025);
  const typed = y2025.targets.flatMap((t, i): Typed[] =>
    t.id === NEVER_REPORTED
      ? []
      : [{ id: t.id, column: "12月", value: t.unit === "%" ? december(t, i) / 100 : december(t, i) }],
  );
  return typeInto(stored, "月度填报", typed);
}

/** 2025's figure of a target, in its own scale. */
export function figure2025(id: string): number {
  const i = y2025.targets.findIndex((t) => t.id === id);
  const t = y2025.targets[i];
  if (!t) throw new Error(`no 2025 target ${id}`);
  return december(t, i);
}
