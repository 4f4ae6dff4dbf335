import { TABLE_NAMES } from "./layout";
import { MONITOR_TABLE, MONTHLY_TABLE_NAMES } from "./monthlyLayout";
import { decodeMarker, MARKER_IDS, NAME_COMMENT, SHEET_KEYS, type MarkerRecord, type SheetKey } from "./marker";
import { quoteSheet } from "../workbook/a1";
import { SELF_EVALUATION_TABLE } from "./selfEvaluationLayout";

import { isOurTitle } from "./sheetBuilder";
import type { WorkbookName } from "../workbook/model";
import type { TableRef, WorkbookSnapshot } from "../workbook/snapshot";

/**
 * Which sheet of a workbook is our sheet for each key, whatever it is called now.
 *
 * Four signals, of different strength:
 * - a **reference name** `_ZCREF.<key>` = `='目标任务'!$A$1`: Excel, WPS, LibreOffice and files keep it pointing at
 *   the sheet when the sheet is renamed, and turn it into `#REF!` when the sheet is deleted. It decides alone.
 * - the **marker** `_ZCMB.<key>` (a string constant naming the sheet, with the edition and fingerprint): it does not
 *   follow a rename, and still names a sheet the user deleted and re-created;
 * - our **table** on the sheet (ZC_Targets …): it follows renames, but can be copied along with a sheet;
 * - the **title** in A1 (【政策目标】…): anyone can type it.
 *
 * A sheet is ours when the reference name points at it, or (no working reference name) when at least two of marker,
 * table and title agree — so deleting or retitling A1, or losing the names to a tool that drops them, leaves the
 * sheet ours as long as another signal remains, and a foreign sheet that merely has one of our names is never ours.
 * A reference name broken by the sheet's deletion makes the marker untrustworthy (it names whatever sheet took the
 * name since): then table and title must both agree.
 */
export const REFERENCE_PREFIX = "_ZCREF.";

export function referenceName(key: SheetKey): string {
  return REFERENCE_PREFIX + MARKER_IDS[key];
}

/** The sheet our table for `key` is named after (目标任务 → ZC_Targets); undefined for sheets with several. */
export const KEY_TABLE: Readonly<Record<SheetKey, string>> = {
  说明: TABLE_NAMES.introSheets,
  预算安排: TABLE_NAMES.budget,
  目标任务: TABLE_NAMES.targets,
  预算执行: TABLE_NAMES.execution,
  责任分工: TABLE_NAMES.duties,
  汇总: TABLE_NAMES.summaryStatus,
  月度填报: MONTHLY_TABLE_NAMES.targets,
  月度支出: MONTHLY_TABLE_NAMES.spending,
  月度状态: MONTHLY_TABLE_NAMES.status,
  绩效监控: MONITOR_TABLE,
  绩效自评: SELF_EVALUATION_TABLE,
};

/**
 * The sheet a reference name's formula points to: `='目标任务8月'!$A$1` → "目标任务8月", `Sheet1!$A$1` → "Sheet1";
 * `null` when the reference is broken (`#REF!`), undefined when the text is not a reference at all.
 * @example sheetOfReference("='It''s'!$A$1") // "It's"
 */
export function sheetOfReference(value: unknown): string | null | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().replace(/^=/, "");
  if (/#REF!/i.test(text)) return null;
  const quoted = /^'((?:[^']|'')+)'!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.exec(text);
  if (quoted?.[1]) return quoted[1].replace(/''/g, "'");
  const bare = /^([^'!"=:]+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.exec(text);
  return bare?.[1];
}

/** What we know of one key's sheet. */
export interface SheetIdentity {
  readonly key: SheetKey;
  /** The existing sheet that is ours, under its current name; undefined when none is. */
  readonly sheet?: string;
  /** The signals that made it ours, for diagnostics ("reference", "marker", "table", "title"). */
  readonly signals: readonly ("reference" | "marker" | "table" | "title")[];
  readonly marker?: MarkerRecord;
  /** State of the reference name: absent (older workbook), pointing at a sheet, or broken. */
  readonly reference: "absent" | "ok" | "broken";
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function markersOf(snapshot: WorkbookSnapshot): Map<SheetKey, MarkerRecord> {
  const out = new Map<SheetKey, MarkerRecord>();
  for (const { name, value } of snapshot.definedNames) {
    const marker = decodeMarker(name, value);
    if (marker) out.set(marker.key, marker);
  }
  return out;
}

function referencesOf(snapshot: WorkbookSnapshot): Map<SheetKey, string | null> {
  const out = new Map<SheetKey, string | null>();
  for (const { name, value } of snapshot.definedNames) {
    const key = SHEET_KEYS.find((k) => same(referenceName(k), name));
    if (key === undefined) continue;
    const sheet = sheetOfReference(value);
    out.set(key, sheet === undefined ? null : sheet);
  }
  return out;
}

function tableSheet(tables: readonly TableRef[] | undefined, key: SheetKey): string | undefined {
  return tables?.find((t) => same(t.name, KEY_TABLE[key]))?.sheet;
}

/**
 * Our sheet for every key. `titleOf` gives A1 of a sheet when its contents were read (undefined when not: the
 * title then counts as present, so the first pass — names and tables only — finds every candidate).
 */
export function identifySheets(snapshot: WorkbookSnapshot): Map<SheetKey, SheetIdentity> {
  const markers = markersOf(snapshot);
  const references = referencesOf(snapshot);
  const existing = (name: string | undefined | null) =>
    name ? snapshot.sheetNames.find((n) => same(n, name)) : undefined;
  const titleOk = (sheet: string) => {
    const contents = snapshot.sheets?.get(sheet);
    return contents === undefined || isOurTitle(contents.cells[0]?.[0]?.value);
  };
  const claimed = new Set<string>();
  const out = new Map<SheetKey, SheetIdentity>();
  for (const key of SHEET_KEYS) {
    const marker = markers.get(key);
    const ref = references.get(key);
    const reference = ref === undefined ? "absent" : existing(ref) ? "ok" : "broken";
    let found: { sheet: string; signals: SheetIdentity["signals"] } | undefined;
    const pointed = existing(ref);
    if (pointed !== undefined) {
      const signals: SheetIdentity["signals"][number][] = ["reference"];
      if (marker && same(marker.sheetName, pointed)) signals.push("marker");
      if (same(tableSheet(snapshot.tables, key) ?? "", pointed)) signals.push("table");
      found = { sheet: pointed, signals };
    } else {
      const candidates = [reference === "broken" ? undefined : existing(marker?.sheetName)];
      candidates.push(existing(tableSheet(snapshot.tables, key)));
      for (const sheet of candidates) {
        if (sheet === undefined || found) continue;
        const signals: SheetIdentity["signals"][number][] = [];
        if (reference !== "broken" && marker && same(marker.sheetName, sheet)) signals.push("marker");
        if (same(tableSheet(snapshot.tables, key) ?? "", sheet)) signals.push("table");
        if (titleOk(sheet)) signals.push("title");
        // Without tables listed (a host that cannot list them), the marker and the title decide as before.
        if (signals.length >= 2) found = { sheet, signals };
      }
    }
    if (found && claimed.has(found.sheet.toLowerCase())) found = undefined;
    if (found) claimed.add(found.sheet.toLowerCase());
    out.set(key, {
      key,
      ...(found ? { sheet: found.sheet, signals: found.signals } : { signals: [] }),
      ...(marker ? { marker } : {}),
      reference,
    });
  }
  return out;
}

/** The sheets a refresh must read: every candidate for one of our keys (the title is checked once read). */
export function sheetsToRead(snapshot: WorkbookSnapshot): string[] {
  const names: string[] = [];
  for (const identity of identifySheets({ ...snapshot, sheets: undefined }).values()) {
    if (identity.sheet !== undefined && !names.some((n) => same(n, identity.sheet ?? ""))) names.push(identity.sheet);
  }
  return names;
}

/**
 * The reference name a sheet of ours should have, `='<sheet>'!$A$1`, as every host writes it: hidden, with
 * {@link NAME_COMMENT}.
 * @example referenceFor("目标任务", "It's").formula // "'It''s'!$A$1"
 */
export function referenceFor(key: SheetKey, sheet: string): WorkbookName {
  return { name: referenceName(key), formula: `${quoteSheet(sheet)}!$A$1`, comment: NAME_COMMENT };
}
