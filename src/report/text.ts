import { toChineseNumeral } from "../engine";
import {
  INVALID,
  type BudgetLine,
  type FigureRow,
  type ProgressReport,
  type StatusCounts,
  type TargetLine,
} from "./draft";
import { items, percent, targetFigure, versus, yi } from "./format";

/** The report as text: a title, numbered sections of paragraphs, and the table of the figures used. */
export interface ReportText {
  readonly title: string;
  /** 文号 line under the title. */
  readonly subtitle: string;
  /** The span the report covers, e.g. "2025年1–6月". */
  readonly period: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  readonly figures: readonly FigureRow[];
}

const ORDER = ["已完成", "达进度", "欠进度", "未完成", "未填报"] as const;

/** "已完成a项、达进度b项…": every status for the whole report, only the non-zero ones for an area. */
function countsPhrase(counts: StatusCounts, all: boolean): string {
  const parts = ORDER.filter((s) => all || counts[s] > 0).map((s) => `${s}${items(counts[s])}`);
  if (counts[INVALID] > 0) parts.push(`${INVALID}${items(counts[INVALID])}`);
  return parts.join("、");
}

/** "1–6月" (or "1月"): the span a cumulative figure covers. */
function months(report: ProgressReport): string {
  return report.month === 1 ? "1月" : `1–${report.month}月`;
}

function period(report: ProgressReport): string {
  return `${report.year}年${months(report)}`;
}

function budgetPhrase(budget: BudgetLine, areaCount: number): string {
  if (budget.spentYi === null || budget.rate === null || budget.pace === null) {
    return areaCount === 1 ? "尚未填报支出数" : "各领域均未填报支出数";
  }
  let text = `已支出${yi(budget.spentYi)},执行率${percent(budget.rate)},${versus(budget.pace, "序时进度")}`;
  if (areaCount > 1 && budget.missing.length > 0) text += `(其中${budget.missing.length}个领域未填报支出数,按0计)`;
  return text;
}

/**
 * The areas' budgets add up to more than the document's total when money is counted in two areas; the clause
 * says so only when the figures show it (a sum equal to the total, or below it, gets no clause).
 */
function overlapPhrase(report: ProgressReport): string {
  const total = report.totalBudgetYi;
  // No stated total (many documents state none): nothing to deduct, so no phrase.
  if (total === undefined || !overlaps(report, total)) return "";
  return `(含领域间交叉重叠部分,扣除后为${yi(total)})`;
}

const overlaps = (report: ProgressReport, total: number) =>
  report.areas.length > 1 && total > 0 && yi(report.budget.budgetYi) !== yi(total) && report.budget.budgetYi > total;

/** 完成率 and how far behind, for a 欠进度 target: "1–6月累计30家,完成率40.0%,低于序时进度10.0个百分点". */
function progressPhrase(line: TargetLine, report: ProgressReport): string {
  const t = line.target;
  const parts: string[] = [];
  if (t.value !== null) parts.push(`目标${targetFigure(t, t.value)}`);
  if (line.actual !== null) parts.push(`${months(report)}累计${targetFigure(t, line.actual)}`);
  if (line.completion !== null) parts.push(`完成率${percent(line.completion)}`);
  if (line.behindPoints !== null) parts.push(versus(-line.behindPoints, "序时进度"));
  return parts.join(",");
}

function units(line: TargetLine): string {
  const others = line.others.length > 0 ? `;责任单位:${line.others.join("、")}` : "";
  return `牵头单位:${line.lead}${others}`;
}

const names = (lines: readonly TargetLine[]) => lines.map((l) => l.target.indicator).join("、");

/**
 * The report in the words staff use: 总体情况, 分领域进展, 欠进度目标, 未填报目标, 与上月相比. Each sentence states
 * a figure of the report; a section with nothing to report says so in one sentence rather than inventing one.
 *
 * @example
 * reportText(draftReport(figures, 6)).sections[0]?.paragraphs[0]
 * // "截至2025年6月底,……113项目标任务中,已完成40项、达进度20项、欠进度10项、未完成5项、未填报38项。"
 */
export function reportText(report: ProgressReport): ReportText {
  const end = `${report.year}年${report.month}月底`;
  const areaCount = report.areas.length;
  const overview = [
    `截至${end},《${report.title}》${report.docNumber === undefined ? "" : `(${report.docNumber})`}${report.targets}项目标任务中,${countsPhrase(report.counts, true)}。` +
      `${end}序时进度为${percent(report.progress)}。`,
    `${areaCount > 0 ? toChineseNumeral(areaCount) : "0"}个领域${report.payer}预算安排${yi(report.budget.budgetYi)}` +
      `${overlapPhrase(report)},${budgetPhrase(report.budget, areaCount)}。`,
  ];

  const areaParagraphs = report.areas.map((a) => {
    let text =
      `(${toChineseNumeral(a.area.no)})${a.area.title}(牵头单位:${a.area.lead})。` +
      (a.targets > 0 ? `${a.targets}项目标中,${countsPhrase(a.counts, false)}。` : "本领域无目标任务。") +
      `预算安排${yi(a.budget.budgetYi)},${budgetPhrase(a.budget, 1)}。`;
    if (a.behind.length > 0) {
      text += `欠进度的有:${a.behind.map((l) => `${l.target.indicator}(${progressPhrase(l, report)})`).join(";")}。`;
    }
    if (a.missing.length > 0) text += `未填报的有:${names(a.missing)}。`;
    if (a.invalid.length > 0) text += `${INVALID}的有:${names(a.invalid)}。`;
    return text;
  });

  const listOf = (lines: readonly TargetLine[], none: string, detail: boolean) =>
    lines.length === 0
      ? [none]
      : lines.map(
          (l, i) =>
            `${i + 1}. ${l.target.indicator}(${l.areaTitle})` +
            (detail ? `:${progressPhrase(l, report)}` : "") +
            `。${units(l)}。`,
        );

  const sections = [
    { heading: "一、总体情况", paragraphs: overview },
    { heading: "二、分领域进展", paragraphs: areaParagraphs },
    {
      heading: "三、欠进度目标",
      paragraphs: [
        ...(report.behind.length > 0 ? [`截至${end},欠进度目标${items(report.behind.length)}:`] : []),
        ...listOf(report.behind, `截至${end},没有欠进度的目标。`, true),
      ],
    },
    {
      heading: "四、未填报目标",
      paragraphs: [
        ...(report.missing.length > 0
          ? [`截至${end},未填报${report.month}月数据的目标${items(report.missing.length)}:`]
          : []),
        ...listOf(report.missing, `截至${end},所有目标均已填报。`, false),
      ],
    },
  ];
  if (report.invalid.length > 0) {
    sections.push({
      heading: `${toChineseNumeral(sections.length + 1)}、${INVALID}的目标`,
      paragraphs: [
        `以下目标的填报值不是有效数字(或名次小于1),未计入各状态,请核对:`,
        ...listOf(report.invalid, "", false),
      ],
    });
  }
  if (report.changes) {
    const c = report.changes;
    const before = `${report.year}年${c.previousMonth}月底`;
    sections.push({
      heading: `${toChineseNumeral(sections.length + 1)}、与上月相比`,
      paragraphs: [
        c.newlyCompleted.length > 0
          ? `与${before}相比,新完成的目标${items(c.newlyCompleted.length)}:${names(c.newlyCompleted)}。`
          : `与${before}相比,没有新完成的目标。`,
        c.fellBehind.length > 0
          ? `由达进度转为欠进度的目标${items(c.fellBehind.length)}:${c.fellBehind
              .map((l) => `${l.target.indicator}(${units(l)})`)
              .join(";")}。`
          : `没有由达进度转为欠进度的目标。`,
      ],
    });
  }

  return {
    title: `${report.title}实施进展情况(${period(report)})`,
    subtitle: `${report.docNumber === undefined ? "" : `${report.docNumber} · `}截至${end} · 序时进度${percent(report.progress)}`,
    period: period(report),
    sections,
    figures: figureRows(report),
  };
}

/** The appendix: every figure the text uses, with where it was read or how it was computed. */
export function figureRows(report: ProgressReport): FigureRow[] {
  const m = `${report.month}月`;
  const rows: FigureRow[] = [
    { label: "序时进度", value: percent(report.progress), source: `${m}底:${report.month}÷12` },
    { label: "目标任务数", value: items(report.targets), source: "本版政策的目标任务" },
  ];
  for (const s of [...ORDER, INVALID] as const) {
    if (s === INVALID && report.counts[s] === 0) continue;
    rows.push({ label: `状态:${s}`, value: items(report.counts[s]), source: `各目标${m}累计数按${m}底序时进度判断` });
  }
  for (const a of report.areas) {
    rows.push({ label: `${a.area.title}·预算安排`, value: yi(a.budget.budgetYi), source: "预算执行·预算数" });
    rows.push({
      label: `${a.area.title}·${m}累计支出`,
      value: a.budget.spentYi === null ? "未填报" : yi(a.budget.spentYi),
      source: a.budget.sources.join("、") || `${m}累计支出数`,
    });
    if (a.budget.rate !== null && a.budget.pace !== null) {
      rows.push({ label: `${a.area.title}·执行率`, value: percent(a.budget.rate), source: "累计支出÷预算安排" });
      rows.push({
        label: `${a.area.title}·执行率−序时进度`,
        value: versus(a.budget.pace, "序时进度"),
        source: "执行率−序时进度",
      });
    }
  }
  rows.push({ label: "预算安排合计", value: yi(report.budget.budgetYi), source: "各领域预算数之和" });
  if (report.totalBudgetYi !== undefined && overlaps(report, report.totalBudgetYi))
    rows.push({
      label: "扣除交叉重叠后的预算",
      value: yi(report.totalBudgetYi),
      source: `${report.docNumber ?? "文件"}所列总额`,
    });
  if (report.budget.spentYi !== null && report.budget.rate !== null && report.budget.pace !== null) {
    rows.push({ label: "已支出合计", value: yi(report.budget.spentYi), source: "各领域支出数之和" });
    rows.push({ label: "执行率", value: percent(report.budget.rate), source: "已支出合计÷预算安排合计" });
    rows.push({ label: "执行率−序时进度", value: versus(report.budget.pace, "序时进度"), source: "执行率−序时进度" });
  }
  const before = new Map<string, string>();
  if (report.changes) {
    const was = `${report.changes.previousMonth}月底`;
    for (const [id, s] of report.changes.previousStatus) before.set(id, `${was}${s}`);
  }
  for (const l of report.lines) {
    const t = l.target;
    rows.push({
      label: `${t.indicator}(${t.id})`,
      value: l.actual === null ? (l.status === INVALID ? "非数字" : "未填报") : targetFigure(t, l.actual),
      source: [l.source ?? `${m}累计`, l.status, before.get(t.id)].filter(Boolean).join(";"),
    });
    // The text of a 欠进度 target states its target, 完成率 and distance from 序时进度: each has its row.
    if (l.status !== "欠进度") continue;
    if (t.value !== null)
      rows.push({ label: `${t.indicator}·目标值`, value: targetFigure(t, t.value), source: "本版政策的目标值" });
    if (l.completion !== null)
      rows.push({ label: `${t.indicator}·完成率`, value: percent(l.completion), source: `${m}累计÷目标值` });
    if (l.behindPoints !== null)
      rows.push({
        label: `${t.indicator}·完成率−序时进度`,
        value: versus(-l.behindPoints, "序时进度"),
        source: "完成率−序时进度",
      });
  }
  return rows;
}
