import { isCalcError, readDate, toExcelSerial } from "../engine";
import type { EditionData } from "../policy/types";
import type { WorkbookSpec } from "../workbook/model";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { AmountUnit } from "./context";
import { identifySheets } from "./identity";
import { FOREIGN_SUFFIX } from "./layout";
import { officialFingerprint, SHEET_KEYS, type SheetKey } from "./marker";
import { MONTHLY_KEYS, type MonthlyCarry } from "./monthlyPlan";
import type { TrendInputs } from "./summaryTrends";

export interface PlanOptions {
  readonly sheets?: readonly SheetKey[];
  /**
   * 预算执行's amount unit. New sheets: default 万元. A refresh (patch) keeps the sheet's unit when absent; a unit
   * different from the sheet's is an explicit switch that converts 支出数 and is shown in the preview.
   */
  readonly amountUnit?: AmountUnit;
  /** ISO yyyy-mm-dd; written into new sheets only (a refresh keeps the date the user typed). */
  readonly reportDate?: string;
  readonly onForeignSheet?: "skip" | "rename";
  readonly now?: Date;
  /**
   * The explicit "restore formulas" action: product formulas are written back over values typed into formula
   * cells (overrides). A normal refresh keeps overrides and reports them.
   */
  readonly restoreFormulas?: boolean;
}

export interface SheetDecision {
  readonly key: SheetKey;
  readonly name: string;
  readonly action: "create" | "replace" | "skip";
  readonly reason?: string;
}

export interface Plan {
  readonly spec: WorkbookSpec;
  readonly decisions: readonly SheetDecision[];
  readonly skipped: readonly { sheet: string; reason: string }[];
  readonly rowsWritten: number;
  readonly valuesKept: number;
  readonly orphanRows: number;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The sheets the Office.js writer writes only when asked for (`sheets` in excel/index.ts; the pane asks for every
 * sheet): the monthly sheets and 绩效监控, which reads them.
 */
export const isOptionalInExcel = (key: SheetKey): boolean =>
  MONTHLY_KEYS.includes(key) || key === "绩效监控" || key === "绩效自评";

export { markersOf, sheetsToRead } from "./identity";

/** The keys to write: the requested ones plus what 汇总's formulas read (it counts 目标任务 and sums 预算执行). */
export function requestedKeys(sheets?: readonly SheetKey[]): SheetKey[] {
  const wanted = new Set<SheetKey>(sheets && sheets.length > 0 ? sheets : SHEET_KEYS);
  if (wanted.has("汇总")) {
    wanted.add("目标任务");
    wanted.add("预算执行");
  }
  // 绩效自评 reads 目标任务 (实际值, 完成率), 月度支出 (预算数, 全年支出) and 绩效监控 (偏差原因分析).
  if (wanted.has("绩效自评")) wanted.add("绩效监控");
  // 绩效监控 reads the monthly sheets (1–N月) and 目标任务 (完成率, 状态).
  if (wanted.has("绩效监控")) wanted.add("月度填报");
  // The monthly sheets read each other and 目标任务/预算执行 (报告日期, 上年值): they come together.
  if (MONTHLY_KEYS.some((k) => wanted.has(k))) {
    for (const k of [...MONTHLY_KEYS, "目标任务", "预算执行"] as const) wanted.add(k);
  }
  return SHEET_KEYS.filter((k) => wanted.has(k));
}

/**
 * Where each sheet goes: our own sheet (found by identity.ts, whatever it is called now) is refreshed in place;
 * a missing one is created where the name is free; a sheet that has one of our names but is not ours is never
 * touched — skip it, or with `rename` write ours beside it as e.g. 目标任务(政策目标).
 */
export function decideSheets(snapshot: WorkbookSnapshot, options: PlanOptions = {}): SheetDecision[] {
  const identities = identifySheets(snapshot);
  const exists = (name: string) => snapshot.sheetNames.find((n) => sameName(n, name));
  const decisions: SheetDecision[] = [];
  for (const key of requestedKeys(options.sheets)) {
    const ours = identities.get(key)?.sheet;
    if (ours !== undefined) {
      decisions.push({ key, name: ours, action: "replace" });
      continue;
    }
    if (exists(key) === undefined) {
      decisions.push({ key, name: key, action: "create" });
      continue;
    }
    const foreign = `工作簿中已有名为“${key}”的工作表,但它不是政策目标加载项生成的(没有本加载项的标记),未作任何改动。`;
    if (options.onForeignSheet === "rename") {
      const alt = key + FOREIGN_SUFFIX;
      if (exists(alt) === undefined) {
        decisions.push({ key, name: alt, action: "create" });
        continue;
      }
      decisions.push({ key, name: alt, action: "skip", reason: `${foreign}备用名称“${alt}”也已被占用。` });
      continue;
    }
    decisions.push({
      key,
      name: key,
      action: "skip",
      reason: `${foreign}可改名或删除该表后重新生成,或选择以“${alt(key)}”另建。`,
    });
  }
  // 汇总 reads 目标任务 and 预算执行 by name: without ours to read, it would count someone else's sheet.
  skipDependent(decisions, "汇总", ["目标任务", "预算执行"], "统计");
  // The monthly sheets read 目标任务's and 预算执行's 报告日期 and 上年值 by name, and those show 本期数.
  for (const k of MONTHLY_KEYS) skipDependent(decisions, k, ["目标任务", "预算执行"], "引用");
  skipDependent(decisions, "绩效监控", ["目标任务", "月度填报", "月度支出"], "引用");
  skipDependent(decisions, "绩效自评", ["目标任务", "月度填报", "月度支出", "绩效监控"], "引用");
  return decisions;
}

const alt = (key: SheetKey) => key + FOREIGN_SUFFIX;

/** A sheet whose formulas read `needs` by name is skipped when one of them is: it would read someone else's sheet. */
function skipDependent(decisions: SheetDecision[], key: SheetKey, needs: readonly SheetKey[], verb: string): void {
  const sheet = decisions.find((d) => d.key === key);
  const missing = decisions.filter((d) => needs.includes(d.key) && d.action === "skip");
  if (!sheet || sheet.action === "skip" || missing.length === 0) return;
  decisions[decisions.indexOf(sheet)] = {
    ...sheet,
    action: "skip",
    reason: `“${key}”依赖的${missing.map((d) => `“${d.key}”`).join("、")}未能生成,为免${verb}他人的同名工作表,未生成“${key}”。`,
  };
}

/** The names the sheets written now go by. */
export function writtenNames(decisions: readonly SheetDecision[]): Map<SheetKey, string> {
  return new Map(decisions.filter((d) => d.action !== "skip").map((d) => [d.key, d.name]));
}

/** Beijing time (UTC+8, no daylight saving) of an instant, as people in 乐清 read it. */
export function beijing(now: Date): { date: string; text: string } {
  const t = new Date(now.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return { date, text: `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}` };
}

export function reportSerial(iso: string | undefined, now: Date): number {
  const text = iso ?? beijing(now).date;
  const date = readDate(text);
  if (date === null || isCalcError(date))
    throw new Error(`报告日期“${text}”无效,请用 yyyy-mm-dd。 / Invalid report date "${text}".`);
  return toExcelSerial(date);
}

/**
 * 汇总's trend blocks count 月度填报 and sum 月度支出: written only when both are written too (a formula naming a
 * sheet the workbook lacks would be an external link in Excel).
 */
export function trendsOf(decisions: readonly SheetDecision[], carry: MonthlyCarry): TrendInputs | undefined {
  const written = (key: SheetKey) => decisions.some((d) => d.key === key && d.action !== "skip");
  // The carry is what the monthly sheets hold once written (a typed 实际值 moved into its month included).
  return written("月度填报") && written("月度支出") ? { monthly: carry.inputs } : undefined;
}

export interface SheetStatus {
  key: SheetKey;
  /** The sheet's current name when it is ours (a renamed product sheet stays ours). */
  sheetName?: string;
  exists: boolean;
  ours: boolean;
  editionId?: string;
  generatedAt?: string;
  stale: boolean;
  staleReason?: string;
}

/** Status of each sheet from names alone (one read): ours when a marker names an existing sheet. */
export function workbookStatus(snapshot: WorkbookSnapshot, data: EditionData): SheetStatus[] {
  const identities = identifySheets(snapshot);
  const has = (name: string) => snapshot.sheetNames.some((n) => sameName(n, name));
  // The monthly sheets and 绩效监控 are optional in Excel (see excel/index.ts): listed once they exist.
  const keys = SHEET_KEYS.filter((k) => !isOptionalInExcel(k) || identities.get(k)?.sheet !== undefined || has(k));
  return keys.map((key) => {
    const identity = identities.get(key);
    const marker = identity?.marker;
    const ours = identity?.sheet !== undefined;
    const status: SheetStatus = { key, exists: ours || has(key), ours, stale: false };
    if (identity?.sheet !== undefined) status.sheetName = identity.sheet;
    if (!ours || !marker) return status;
    status.editionId = marker.editionId;
    status.generatedAt = marker.generatedAt;
    if (marker.editionId !== data.document.id) {
      status.stale = true;
      status.staleReason = `由版本“${marker.editionId}”生成,当前版本为“${data.document.id}”`;
    } else if (marker.fingerprint !== officialFingerprint(key, data)) {
      status.stale = true;
      status.staleReason = "政策数据或表格格式已更新,重新生成即可刷新(填报内容保留)";
    }
    return status;
  });
}
