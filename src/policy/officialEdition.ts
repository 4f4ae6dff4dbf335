/**
 * A workbook or a file may carry an edition under the id of a bundled (official) one — `yueqing-2025` — but with
 * other figures: a forgery or a stale local edit. Such an edition is not refused (staff may have a reason), but it is
 * never indistinguishable: every place that shows it says that it differs from the official one, and how.
 */
import { diffEditions } from "./diff";
import { serializeEditionFile, toEditionFile } from "./editionFile";
import { getEdition } from "./index";
import type { EditionData } from "./types";

export interface OfficialDifference {
  /** The bundled edition the id names. */
  readonly official: EditionData;
  /** The differences, one short Chinese line each (target figures first); never empty. */
  readonly lines: readonly string[];
}

const yi = (x: number | null) => (x === null ? "—" : `${x}亿元`);

/**
 * How `data` differs from the bundled edition of the same id; undefined when no bundled edition has its id or
 * when it is that edition exactly.
 *
 * @example
 * differenceFromOfficial(forged)?.lines[0] // "art01-hitech-firms 目标值:75家 → 50家"
 */
export function differenceFromOfficial(data: EditionData): OfficialDifference | undefined {
  const official = getEdition(data.document.id);
  if (official === undefined || official === data) return undefined;
  if (serializeEditionFile(toEditionFile(official)) === serializeEditionFile(toEditionFile(data))) return undefined;
  const diff = diffEditions(official, data);
  const lines = [
    ...diff.targetsChanged.flatMap((c) => c.changes.map((f) => `${c.after.id} ${f.field}:${f.from} → ${f.to}`)),
    ...diff.targetsAdded.map((t) => `新增目标 ${t.id}(${t.indicator})`),
    ...diff.targetsRemoved.map((t) => `缺少目标 ${t.id}(${t.indicator})`),
    ...diff.budgetsChanged.map((b) => `预算 ${b.area}:${yi(b.fromYi)} → ${yi(b.toYi)}`),
    ...(diff.totalBudget.fromYi !== diff.totalBudget.toYi
      ? [`支持总额:${yi(diff.totalBudget.fromYi)} → ${yi(diff.totalBudget.toYi)}`]
      : []),
    ...diff.articlesAdded.map((a) => `新增条款 第${a.no}条`),
    ...diff.articlesRemoved.map((a) => `缺少条款 第${a.no}条`),
  ];
  return { official, lines: lines.length > 0 ? lines : ["文字或原文摘录不同(数字相同)"] };
}
