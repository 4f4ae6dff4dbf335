import type { EditionData, Target } from "../policy/types";
import { behindPace } from "./behind";
import { makeIdentity, returnFileName } from "./identity";
import { unitDuties } from "./leads";
import type { CellValue, ReturnIdentity, ReturnMonth, TextField, WorkbookCells } from "./types";

/** One target a unit reports: where it comes from, the months already in the workbook, this month's cell. */
export interface ReturnRowContent {
  readonly target: Target;
  /** 领域 as the workbook labels it (一、推进教育科技人才一体发展). */
  readonly area: string;
  /** 第3条, or 领域目标 for an area's headline target. */
  readonly article: string;
  /** Months 1 … month−1 as the workbook holds them (cell scale), read-only in the return. */
  readonly reported: readonly CellValue[];
  /** The month's figure the workbook already holds (pre-filled, so an unchanged figure merges as 相同). */
  readonly current: CellValue;
  readonly texts: Readonly<Partial<Record<TextField, CellValue>>>;
  /** Behind 序时进度 by the workbook's last figure (`behindPace`): the row's 绩效运行监控 inputs are open. */
  readonly monitored: boolean;
}

/** Everything one unit's return file holds, before any sheet is built from it. */
export interface ReturnContent {
  readonly fileName: string;
  readonly identity: ReturnIdentity;
  readonly unit: string;
  readonly month: ReturnMonth;
  readonly editionTitle: string;
  readonly rows: readonly ReturnRowContent[];
  /** Targets where the unit is a supporting 责任单位 (read-only block), with their lead. */
  readonly supports: readonly { readonly target: Target; readonly lead: string; readonly area: string }[];
}

export interface ReturnsForMonth {
  readonly returns: readonly ReturnContent[];
  /** Units the edition names that lead no target: they get no file. */
  readonly withoutReturn: readonly string[];
}

/**
 * The returns of a month: one per unit that leads targets (its rows in edition order), with the figures the
 * workbook already holds; the units that lead nothing are listed apart.
 */
export function returnsForMonth(edition: EditionData, workbook: WorkbookCells, month: ReturnMonth): ReturnsForMonth {
  const areaLabel = new Map(edition.areas.map((a) => [a.no, `${a.numeral}、${a.title}`]));
  const duties = unitDuties(edition);
  const leadOfTarget = new Map(duties.flatMap((d) => d.leads.map((t) => [t.id, d.unit] as const)));
  const returns = duties
    .filter((d) => d.leads.length > 0)
    .map((d): ReturnContent => {
      const rows = d.leads.map((target): ReturnRowContent => {
        const months = workbook.months.get(target.id) ?? [];
        return {
          target,
          area: areaLabel.get(target.area) ?? String(target.area),
          article: target.article === null ? "领域目标" : `第${target.article}条`,
          reported: Array.from({ length: month.month - 1 }, (_, i) => months[i] ?? null),
          current: months[month.month - 1] ?? null,
          texts: workbook.texts.get(target.id) ?? {},
          monitored: behindPace(target, months, month),
        };
      });
      return {
        fileName: returnFileName(d.unit, month),
        identity: makeIdentity(
          d.unit,
          month,
          edition.document.id,
          rows.map((r) => r.target.id),
          rows.filter((r) => r.monitored).map((r) => r.target.id),
        ),
        unit: d.unit,
        month,
        editionTitle: edition.document.title,
        rows,
        supports: d.supports.map((target) => ({
          target,
          lead: leadOfTarget.get(target.id) ?? "",
          area: areaLabel.get(target.area) ?? String(target.area),
        })),
      };
    });
  return { returns, withoutReturn: duties.filter((d) => d.leads.length === 0).map((d) => d.unit) };
}
