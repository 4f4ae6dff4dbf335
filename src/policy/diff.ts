/**
 * What changed from one edition to the next (2025年版 → 2026年版), for a memo: targets added, removed and changed
 * (value, unit, comparator, responsible units), budgets changed by area, articles added or removed. Targets are
 * matched by id first, then — among those left — by indicator and unit, so a target renamed in the new file is
 * still "changed", not "removed and added".
 */
import type { Article, EditionData, Target } from "./types";

export interface FieldChange {
  /** 目标值, 单位, 比较, 责任单位 */
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

export interface EditionDiff {
  readonly from: { readonly id: string; readonly title: string };
  readonly to: { readonly id: string; readonly title: string };
  readonly targetsAdded: readonly Target[];
  readonly targetsRemoved: readonly Target[];
  readonly targetsChanged: readonly {
    readonly before: Target;
    readonly after: Target;
    readonly changes: readonly FieldChange[];
  }[];
  readonly budgetsChanged: readonly {
    readonly area: string;
    readonly fromYi: number | null;
    readonly toYi: number | null;
  }[];
  readonly articlesAdded: readonly Article[];
  readonly articlesRemoved: readonly Article[];
  /** The stated totals; null where an edition states none. */
  readonly totalBudget: { readonly fromYi: number | null; readonly toYi: number | null };
}

const figure = (t: Target) => (t.value === null ? "(定性)" : `${t.value}${t.unit}`);

function responsible(data: EditionData, t: Target): string {
  const article = t.article === null ? undefined : data.articles.find((a) => a.no === t.article);
  if (article && article.responsible.length > 0) return article.responsible.join("、");
  return data.areas.find((a) => a.no === t.area)?.lead ?? "";
}

export function diffEditions(before: EditionData, after: EditionData): EditionDiff {
  const pairs: [Target, Target][] = [];
  const leftBefore = new Map(before.targets.map((t) => [t.id, t]));
  const leftAfter: Target[] = [];
  for (const t of after.targets) {
    const same = leftBefore.get(t.id);
    if (same) {
      pairs.push([same, t]);
      leftBefore.delete(t.id);
    } else leftAfter.push(t);
  }
  const key = (t: Target) => `${t.indicator}\u0000${t.unit}`;
  const byIndicator = new Map<string, Target>();
  for (const t of leftBefore.values()) if (!byIndicator.has(key(t))) byIndicator.set(key(t), t);
  const added: Target[] = [];
  for (const t of leftAfter) {
    const same = byIndicator.get(key(t));
    if (same) {
      pairs.push([same, t]);
      byIndicator.delete(key(t));
      leftBefore.delete(same.id);
    } else added.push(t);
  }
  const changed = pairs.flatMap(([b, a]) => {
    const changes: FieldChange[] = [];
    if (b.value !== a.value || b.unit !== a.unit) changes.push({ field: "目标值", from: figure(b), to: figure(a) });
    if (b.comparator !== a.comparator) changes.push({ field: "比较", from: b.comparator, to: a.comparator });
    const rb = responsible(before, b);
    const ra = responsible(after, a);
    if (rb !== ra) changes.push({ field: "责任单位", from: rb, to: ra });
    if (b.id !== a.id) changes.push({ field: "编号", from: b.id, to: a.id });
    return changes.length > 0 ? [{ before: b, after: a, changes }] : [];
  });
  const budgets: { area: string; fromYi: number | null; toYi: number | null }[] = [];
  const areasBefore = new Map(before.areas.map((a) => [a.title, a]));
  for (const a of after.areas) {
    const b =
      areasBefore.get(a.title) ??
      before.areas.find((x) => x.no === a.no && !after.areas.some((y) => y.title === x.title));
    if (b) areasBefore.delete(b.title);
    if (!b || b.budgetYi !== a.budgetYi) budgets.push({ area: a.title, fromYi: b?.budgetYi ?? null, toYi: a.budgetYi });
  }
  for (const b of areasBefore.values()) budgets.push({ area: b.title, fromYi: b.budgetYi, toYi: null });
  const titles = (data: EditionData) => new Set(data.articles.map((a) => a.title));
  const beforeTitles = titles(before);
  const afterTitles = titles(after);
  return {
    from: { id: before.document.id, title: before.document.title },
    to: { id: after.document.id, title: after.document.title },
    targetsAdded: added,
    targetsRemoved: [...leftBefore.values()],
    targetsChanged: changed,
    budgetsChanged: budgets,
    articlesAdded: after.articles.filter((a) => !beforeTitles.has(a.title)),
    articlesRemoved: before.articles.filter((a) => !afterTitles.has(a.title)),
    totalBudget: { fromYi: before.document.totalBudgetYi ?? null, toYi: after.document.totalBudgetYi ?? null },
  };
}

const yi = (x: number | null) => (x === null ? "—" : `${x}亿元`);

/**
 * The diff as tab-separated tables with Chinese headings: pasted into Word, WPS or Excel it becomes a table.
 * @example formatDiff(diffEditions(y2025, y2026)).split("\n")[0] // "《…(2025年版)》→《…(2026年版)》主要变化"
 */
export function formatDiff(diff: EditionDiff): string {
  const out: string[] = [`《${diff.from.title}》→《${diff.to.title}》主要变化`, ""];
  const table = (title: string, header: string[], rows: string[][]) => {
    out.push(`${title}(${rows.length} 项)`);
    if (rows.length > 0) out.push(header.join("\t"), ...rows.map((r) => r.join("\t")));
    out.push("");
  };
  table(
    "一、调整的目标",
    ["编号", "指标", "项目", "原", "新"],
    diff.targetsChanged.flatMap((c) => c.changes.map((f) => [c.after.id, c.after.indicator, f.field, f.from, f.to])),
  );
  table(
    "二、新增的目标",
    ["编号", "指标", "目标值", "比较"],
    diff.targetsAdded.map((t) => [t.id, t.indicator, figure(t), t.comparator]),
  );
  table(
    "三、取消的目标",
    ["编号", "指标", "原目标值", "比较"],
    diff.targetsRemoved.map((t) => [t.id, t.indicator, figure(t), t.comparator]),
  );
  const budgetRows = diff.budgetsChanged.map((b) => [b.area, yi(b.fromYi), yi(b.toYi)]);
  if (diff.totalBudget.fromYi !== diff.totalBudget.toYi)
    budgetRows.push(["支持总额", yi(diff.totalBudget.fromYi), yi(diff.totalBudget.toYi)]);
  table("四、预算安排变化", ["领域", "原预算", "新预算"], budgetRows);
  table(
    "五、新增的条款",
    ["条款", "标题"],
    diff.articlesAdded.map((a) => [`第${a.no}条`, a.title]),
  );
  table(
    "六、删除的条款",
    ["条款", "标题"],
    diff.articlesRemoved.map((a) => [`第${a.no}条`, a.title]),
  );
  return `${out.join("\n").trimEnd()}\n`;
}
