import type { EditionData } from "../policy/types";
import { indexEdition } from "../engine";
import type { WorkbookName } from "../workbook/model";

/**
 * Ownership marker: one hidden, workbook-scoped defined name per sheet we wrote, holding a string constant.
 *
 * Why names rather than a hidden sheet: Office.js reads every workbook-scoped name in one load
 * (`workbook.names`), so the status check is a single sync with no dependence on how a missing sheet behaves;
 * and a string-constant name survives the file writer (src/xlsx/definedNames.ts), LibreOffice (checked in CI)
 * and WPS. A sheet with one of our names but no marker naming it is someone else's and is never overwritten.
 */
export const MARKER_PREFIX = "_ZCMB.";

/**
 * The product's sheets, by the key the code names each by: a sheet keeps its key whatever the workbook calls it (a
 * user may rename it). The kernel (src/workbook) takes any string key; these are the product's.
 */
export type SheetKey =
  | "说明"
  | "预算安排"
  | "目标任务"
  | "预算执行"
  | "责任分工"
  | "汇总"
  | "月度填报"
  | "月度支出"
  | "月度状态"
  | "绩效监控"
  | "绩效自评";

/** What marks a sheet as ours; stored as a hidden workbook-scoped defined name per sheet ({@link encodeMarker}). */
export interface MarkerRecord {
  readonly key: SheetKey;
  readonly sheetName: string;
  readonly editionId: string;
  readonly generatedAt: string;
  readonly fingerprint: string;
}

/**
 * The comment every name we add carries. Names are written hidden, but Excel can ignore `visible = false`
 * (OfficeDev/office-js #3878, #3949) and other tools show hidden names: a person who meets `_ZCMB.targets` or
 * `_ZCREF.targets` in the Name Manager then reads what it is. Such a name is harmless when visible — a text constant
 * or a reference to A1 of our sheet, used by no formula — and deleting one never makes a product sheet foreign
 * (identity.ts: the table and the title still agree).
 */
export const NAME_COMMENT =
  "政策目标加载项用于识别本加载项生成的工作表,请勿修改;删除后下次刷新会重建。 / Policy Targets add-in: identifies its sheets; rebuilt on refresh.";

/** Bump when the layout changes so that a refresh rewrites sheets made by older code. */
export const LAYOUT_VERSION = "1";

export const MARKER_IDS: Readonly<Record<SheetKey, string>> = {
  说明: "intro",
  预算安排: "budget",
  目标任务: "targets",
  预算执行: "execution",
  责任分工: "duties",
  汇总: "summary",
  月度填报: "monthly",
  月度支出: "monthlySpending",
  月度状态: "monthlyStatus",
  绩效监控: "monitor",
  绩效自评: "selfEvaluation",
};

export const SHEET_KEYS: readonly SheetKey[] = [
  "说明",
  "预算安排",
  "目标任务",
  "预算执行",
  "责任分工",
  "汇总",
  "月度填报",
  "月度支出",
  "月度状态",
  "绩效监控",
  "绩效自评",
];

/**
 * A sheet key the kernel hands back (it carries any string) as the product's: the planner only ever gives it these.
 * @example sheetKey("目标任务") // "目标任务"
 */
export function sheetKey(key: string): SheetKey {
  const found = SHEET_KEYS.find((k) => k === key);
  if (found !== undefined) return found;
  throw new Error(`内部错误:未知的工作表“${key}”。 / Internal error: unknown sheet key "${key}".`);
}

export function markerName(key: SheetKey): string {
  return MARKER_PREFIX + MARKER_IDS[key];
}

/**
 * A marker as every host writes it: a hidden string constant `zcmb1|edition|generatedAt|fingerprint|sheetName`
 * (the name last: it may hold "|"), with {@link NAME_COMMENT}.
 */
export function encodeMarker(record: MarkerRecord): WorkbookName {
  const text = ["zcmb1", record.editionId, record.generatedAt, record.fingerprint, record.sheetName].join("|");
  return { name: markerName(record.key), formula: `"${text.replace(/"/g, '""')}"`, comment: NAME_COMMENT };
}

/** Reads a defined name as a marker, or undefined when it is not one of ours. */
export function decodeMarker(name: string, text: unknown): MarkerRecord | undefined {
  const key = SHEET_KEYS.find((k) => markerName(k).toLowerCase() === name.toLowerCase());
  if (key === undefined || typeof text !== "string") return undefined;
  // Excel returns a string constant without its quotes; a raw formula text keeps them.
  const raw = text.startsWith("=") ? text.slice(1) : text;
  const unquoted = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw;
  const parts = unquoted.split("|");
  if (parts[0] !== "zcmb1" || parts.length < 5) return undefined;
  const [, editionId = "", generatedAt = "", fingerprint = ""] = parts;
  const sheetName = parts.slice(4).join("|");
  if (sheetName === "") return undefined;
  return { key, sheetName, editionId, generatedAt, fingerprint };
}

/**
 * A fingerprint of the official content of one sheet: the slice of the edition the sheet shows, plus the layout
 * version. Two editions with the same figures give the same fingerprint, so "stale" means the figures differ.
 */
export function officialFingerprint(key: SheetKey, data: EditionData): string {
  const index = indexEdition(data);
  const areas = data.areas.map((a) => [a.no, a.title, a.lead, a.budgetYi]);
  let slice: unknown;
  switch (key) {
    case "说明":
      slice = data.document;
      break;
    case "预算安排":
      slice = [data.areas.map((a) => [a.no, a.title, a.lead, a.budgetYi, a.budgetItems]), data.document.totalBudgetYi];
      break;
    case "目标任务":
    case "月度填报":
    case "月度状态":
      slice = data.targets.map((t) => [t, index.responsibleOf(t)]);
      break;
    case "预算执行":
    case "汇总":
    case "月度支出":
      slice = areas;
      break;
    case "责任分工":
      slice = [data.articles, data.targets.map((t) => [t.id, t.indicator, index.responsibleOf(t)])];
      break;
    case "绩效监控":
    case "绩效自评":
      slice = [data.targets, areas];
      break;
  }
  return fnv1a(`${LAYOUT_VERSION}|${key}|${JSON.stringify(slice)}`);
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable and dependency-free. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
