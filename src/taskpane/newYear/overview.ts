import type { CarryOverEntry, CarryOverPlan, PreviousYear } from "../../carryover";
import type { EditionData } from "../../policy/types";
import type { Lang } from "../i18n";
import { PreviousFileError } from "./readPreviousFile";

/** What the card shows of a plan: the counts, and the lists that need a person. */
export interface CarryOverOverview {
  readonly carried: number;
  readonly agrees: number;
  readonly differs: readonly { readonly id: string; readonly typed: number; readonly carried: number }[];
  /** Carried (or compared) across units: 亿元 → 万元 … */
  readonly converted: readonly { readonly id: string; readonly from: string; readonly to: string }[];
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
  readonly noFigure: readonly string[];
  readonly withoutPredecessor: readonly string[];
  readonly withoutSuccessor: readonly string[];
}

type Of<S extends CarryOverEntry["status"]> = Extract<CarryOverEntry, { status: S }>;

/**
 * The card's overview of a carry-over plan, in the pane's language (a refusal's reason is the engine's message).
 * @example overviewOf(plan, edition2026, "zh").carried // 98
 */
export function overviewOf(plan: CarryOverPlan, edition: EditionData, lang: Lang): CarryOverOverview {
  const by = <S extends CarryOverEntry["status"]>(s: S) => plan.entries.filter((e): e is Of<S> => e.status === s);
  const unit = new Map(edition.targets.map((t) => [t.id, t.unit]));
  return {
    carried: by("carried").length,
    agrees: by("agrees").length,
    differs: by("differs").map((e) => ({ id: e.id, typed: e.typed, carried: e.carried })),
    converted: plan.entries.flatMap((e) =>
      (e.status === "carried" || e.status === "agrees" || e.status === "differs") && e.from.unit !== unit.get(e.id)
        ? [{ id: e.id, from: e.from.unit, to: unit.get(e.id) ?? "" }]
        : [],
    ),
    refused: by("refused").map((e) => ({
      id: e.id,
      reason: lang === "zh" ? e.reason.message : e.reason.messageIn("en-US"),
    })),
    noFigure: by("noFigure").map((e) => e.id),
    withoutPredecessor: plan.withoutPredecessor,
    withoutSuccessor: plan.withoutSuccessor,
  };
}

/** Last year's workbook must be of an earlier year than the open one (a second copy of this year's is not). */
export function checkYears(previous: PreviousYear, edition: EditionData): void {
  const year = previous.edition.document.year;
  const current = edition.document.year;
  if (year >= current) throw new PreviousFileError({ kind: "sameYear", file: previous.file, year, current });
}
