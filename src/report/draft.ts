import {
  completionRate,
  executionRate,
  indexEdition,
  isCalcError,
  monthEndProgress,
  monthlyStatus,
  pace,
  STATUSES,
  tidy,
  type Status,
} from "../engine";
import { budgetWording } from "../policy/budgetWording";
import type { Area, Target } from "../policy/types";
import type { Figure, Source, WorkbookFigures } from "./figures";

/** A target whose figure cannot be judged (text in a number cell, a rank below 1): counted apart, never guessed. */
export const INVALID = "填报有误";
export type ReportStatus = Status | typeof INVALID;

export type StatusCounts = Record<ReportStatus, number>;

/** One target as the report mentions it. */
export interface TargetLine {
  readonly target: Target;
  readonly areaTitle: string;
  readonly lead: string;
  /** 责任单位 other than the lead, in the order written. */
  readonly others: readonly string[];
  readonly status: ReportStatus;
  /** 1–m月 cumulative figure used (target's own scale), or null when blank or invalid. */
  readonly actual: number | null;
  readonly completion: number | null;
  /** For 欠进度: how far the completion rate is below 序时进度, in 百分点 (positive). */
  readonly behindPoints: number | null;
  readonly source?: Source;
}

/** Budget execution of one area or of all areas together, at the report month. */
export interface BudgetLine {
  readonly budgetYi: number;
  /** Sum of the spending filled in (blank areas count 0, as 汇总's SUM does); null when no area has filled one. */
  readonly spentYi: number | null;
  readonly rate: number | null;
  /** rate − 序时进度 in 百分点. */
  readonly pace: number | null;
  /** Areas whose spending is blank (or invalid) this month. */
  readonly missing: readonly string[];
  readonly sources: readonly Source[];
}

export interface AreaSection {
  readonly area: Area;
  readonly targets: number;
  readonly counts: StatusCounts;
  readonly budget: BudgetLine;
  readonly behind: readonly TargetLine[];
  readonly missing: readonly TargetLine[];
  readonly invalid: readonly TargetLine[];
}

export interface Changes {
  readonly previousMonth: number;
  /** 已完成 now, not 已完成 at the end of the previous month. */
  readonly newlyCompleted: readonly TargetLine[];
  /** 达进度 at the end of the previous month, 欠进度 now. */
  readonly fellBehind: readonly TargetLine[];
  /** Each listed target's status at the end of the previous month, by id (the appendix shows it). */
  readonly previousStatus: ReadonlyMap<string, ReportStatus>;
}

/** A figure the report used, for its appendix: what it is, its value as written, and where it comes from. */
export interface FigureRow {
  readonly label: string;
  readonly value: string;
  readonly source: string;
}

export interface ProgressReport {
  readonly year: number;
  readonly month: number;
  /** 序时进度 at the month's end (m/12). */
  readonly progress: number;
  readonly title: string;
  /** Absent when the document has none (a 工作方案, a web copy). */
  readonly docNumber?: string;
  /** The stated total; absent when the document states none. */
  readonly totalBudgetYi?: number;
  /** Who pays, as the document's budget quotes word it: 市财政, 县财政, or 财政 when they do not say. */
  readonly payer: string;
  readonly targets: number;
  readonly counts: StatusCounts;
  readonly budget: BudgetLine;
  readonly areas: readonly AreaSection[];
  readonly behind: readonly TargetLine[];
  readonly missing: readonly TargetLine[];
  readonly invalid: readonly TargetLine[];
  /** Null for 1月 (no previous month in the year). */
  readonly changes: Changes | null;
  readonly lines: readonly TargetLine[];
}

const emptyCounts = (): StatusCounts => ({ 已完成: 0, 达进度: 0, 欠进度: 0, 未完成: 0, 未填报: 0, [INVALID]: 0 });

const number = (f: Figure | undefined): number | null => (typeof f === "number" ? f : null);

/**
 * The structured 进展情况 report for month `month` (1–12) of the edition's year: every status judged with the
 * month-end 序时进度 (engine status, as the workbook's monthly status sheet does), budget execution of the
 * month's cumulative spending, the lists of 欠进度 / 未填报 targets, and what changed since the previous month.
 * It only holds what the figures say; turning it into sentences is {@link reportText}.
 *
 * @example
 * // 新增高新技术企业: 30家 by 6月底 → 欠进度, 40% against 50% → 10个百分点 behind
 * draftReport(figures, 6).behind[0]?.behindPoints // 10
 */
export function draftReport(figures: WorkbookFigures, month: number): ProgressReport {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1–12`);
  const { data } = figures;
  const index = indexEdition(data);
  const year = data.document.year;
  const progress = monthEndProgress(year, month);

  // Each target's twelve monthly statuses, computed once: the month and the one before both read them.
  const statuses = new Map<string, ReturnType<typeof monthlyStatus>>();
  const judge = (target: Target, m: number): ReportStatus => {
    const f = figures.targets.get(target.id);
    const value = f?.months[m - 1] ?? null;
    const previous = f?.previous ?? null;
    if (value === "invalid") return INVALID;
    const direction = target.comparator === "increase" || target.comparator === "decrease";
    if (direction && previous === "invalid" && value !== null) return INVALID;
    let all = statuses.get(target.id);
    if (all === undefined) {
      all = monthlyStatus(target, (f?.months ?? []).map(number), year, number(previous));
      statuses.set(target.id, all);
    }
    const s = all[m - 1];
    return s === undefined || isCalcError(s) ? INVALID : s;
  };

  const lineOf = (target: Target): TargetLine => {
    const f = figures.targets.get(target.id);
    const actual = number(f?.months[month - 1]);
    const s = judge(target, month);
    const rate = actual === null || s === INVALID ? null : completionRate(target, actual, number(f?.previous ?? null));
    const completion = rate === null || isCalcError(rate) ? null : rate;
    const responsible = index.responsibleOf(target);
    const source = f?.sources?.[month - 1];
    return {
      target,
      areaTitle: index.area(target.area)?.title ?? "",
      lead: index.leadOf(target),
      others: responsible.slice(1),
      status: s,
      actual,
      completion,
      behindPoints: s === "欠进度" && completion !== null ? tidy((progress - completion) * 100) : null,
      ...(source !== undefined ? { source } : {}),
    };
  };

  const lines = data.targets.map(lineOf);
  const countOf = (ls: readonly TargetLine[]) => {
    const counts = emptyCounts();
    for (const l of ls) counts[l.status]++;
    return counts;
  };
  const budgetOf = (areas: readonly Area[]): BudgetLine => {
    let budgetYi = 0;
    let spentYi = 0;
    let reported = 0;
    const missing: string[] = [];
    const sources: Source[] = [];
    for (const area of areas) {
      budgetYi += figures.budgets?.get(area.no) ?? area.budgetYi;
      const f = figures.areas.get(area.no);
      const spent = f?.months[month - 1] ?? null;
      const source = f?.sources?.[month - 1];
      if (source !== undefined) sources.push(source);
      if (typeof spent === "number") {
        spentYi += spent;
        reported++;
      } else missing.push(area.title);
    }
    budgetYi = tidy(budgetYi);
    if (reported === 0) return { budgetYi, spentYi: null, rate: null, pace: null, missing, sources };
    const rate = executionRate(budgetYi, tidy(spentYi));
    const r = isCalcError(rate) ? null : rate;
    return { budgetYi, spentYi: tidy(spentYi), rate: r, pace: r === null ? null : pace(r, progress), missing, sources };
  };

  const by = (s: ReportStatus) => lines.filter((l) => l.status === s);
  const areas = data.areas.map((area): AreaSection => {
    const mine = lines.filter((l) => l.target.area === area.no);
    return {
      area,
      targets: mine.length,
      counts: countOf(mine),
      budget: budgetOf([area]),
      behind: mine.filter((l) => l.status === "欠进度"),
      missing: mine.filter((l) => l.status === "未填报"),
      invalid: mine.filter((l) => l.status === INVALID),
    };
  });

  let changes: Changes | null = null;
  if (month > 1) {
    const before = new Map(data.targets.map((t) => [t.id, judge(t, month - 1)]));
    const newlyCompleted = lines.filter((l) => l.status === "已完成" && before.get(l.target.id) !== "已完成");
    const fellBehind = lines.filter((l) => l.status === "欠进度" && before.get(l.target.id) === "达进度");
    const previousStatus = new Map<string, ReportStatus>();
    for (const l of [...newlyCompleted, ...fellBehind]) {
      const s = before.get(l.target.id);
      if (s !== undefined) previousStatus.set(l.target.id, s);
    }
    changes = { previousMonth: month - 1, newlyCompleted, fellBehind, previousStatus };
  }

  return {
    year,
    month,
    progress,
    title: data.document.title,
    ...(data.document.docNumber === undefined ? {} : { docNumber: data.document.docNumber }),
    ...(data.document.totalBudgetYi === undefined ? {} : { totalBudgetYi: data.document.totalBudgetYi }),
    payer: budgetWording(data).payer,
    targets: lines.length,
    counts: countOf(lines),
    budget: budgetOf(data.areas),
    areas,
    behind: by("欠进度"),
    missing: by("未填报"),
    invalid: by(INVALID),
    changes,
    lines,
  };
}

export { STATUSES };
