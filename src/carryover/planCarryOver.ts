import type { CarryOverEntry, CarryOverPlan, Predecessor, PreviousYear } from "./types";
import { carryOverTrace } from "./trace";
import { convertUnit } from "../engine/convertUnit";
import { isCalcError } from "../engine/errors";
import { unitScale } from "../engine/unitScale";
import { assignIds } from "../importer/ids";
import type { DraftTarget } from "../importer/types";
import { tidy } from "../policy/tidy";
import type { EditionData, Target } from "../policy/types";

/** Equal as figures: the same number written in the workbook and carried (no binary noise, no rounding of 元). */
function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A target as the importer's matching sees it, in its unit's base (亿元 → 元) so 12.5亿元 and 125000万元 match. */
function asMatched(t: Target): DraftTarget {
  const { base, factor } = unitScale(t.unit);
  const value = t.value === null ? null : tidy(t.value * factor);
  return { ...t, words: [...t.words], unit: base, value };
}

/**
 * Each new target's predecessor: the previous target with the same id first; for the rest, the importer's own
 * matching ({@link assignIds}: same unit, close wording, or the same article and figure with the indicator's core in
 * common), among the previous targets no same id claimed.
 */
function predecessors(previous: EditionData, next: EditionData): (Target | undefined)[] {
  const previousById = new Map(previous.targets.map((t) => [t.id, t]));
  const nextIds = new Set(next.targets.map((t) => t.id));
  const unmatched = next.targets.filter((t) => !previousById.has(t.id));
  const free = previous.targets.filter((t) => !nextIds.has(t.id));
  const { previous: matched } = assignIds(unmatched.map(asMatched), free.map(asMatched));
  const byWording = new Map(unmatched.map((t, i) => [t.id, matched[i]]));
  return next.targets.map((t) => {
    const same = previousById.get(t.id);
    if (same) return same;
    const id = byWording.get(t.id);
    return id === undefined ? undefined : previousById.get(id);
  });
}

/**
 * The carry-over of a policy year: for every target of the new edition, its 上年值 from last year's workbook —
 * the final figure of its predecessor (same id first, otherwise the importer's match of article, wording and unit),
 * converted between 万/亿 multiples of one unit ({@link convertUnit}; a % into a count is refused), with a trace of
 * its source. A 上年值 the user already typed is never replaced: an equal one `agrees`, another one `differs`.
 * Targets without predecessor and predecessors without successor are listed.
 *
 * @example
 * planCarryOver(
 *   { file: "2025台账.xlsx", edition: yueqing2025, finals: new Map([["art09-hitech-firms", { value: 82, sheet: "月度填报", period: "12月" }]]) },
 *   yueqing2026,
 *   new Map(),
 * ).entries[0]
 * // { status: "carried", id: "art09-hitech-firms", value: 82, from: { id: "art09-hitech-firms", match: "id", unit: "家" },
 * //   trace: "上年值取自 2025台账.xlsx 月度填报 12月" }
 */
export function planCarryOver(
  previous: PreviousYear,
  next: EditionData,
  typed: ReadonlyMap<string, number> = new Map(),
): CarryOverPlan {
  const found = predecessors(previous.edition, next);
  const continued = new Set<string>();
  const entries = next.targets.map((t, i): CarryOverEntry => {
    const p = found[i];
    if (p === undefined) return { status: "new", id: t.id };
    continued.add(p.id);
    const from: Predecessor = { id: p.id, match: p.id === t.id ? "id" : "wording", unit: p.unit };
    const figure = previous.finals.get(p.id);
    if (figure === undefined) return { status: "noFigure", id: t.id, from };
    const value = convertUnit(figure.value, p.unit, t.unit);
    if (isCalcError(value)) return { status: "refused", id: t.id, from, reason: value };
    const trace = carryOverTrace(previous.file, figure, from, t.unit, value);
    const own = typed.get(t.id);
    if (own === undefined) return { status: "carried", id: t.id, value, from, trace };
    if (sameFigure(own, value)) return { status: "agrees", id: t.id, value, from, trace };
    return { status: "differs", id: t.id, typed: own, carried: value, from, trace };
  });
  return {
    entries,
    withoutPredecessor: entries.filter((e) => e.status === "new").map((e) => e.id),
    withoutSuccessor: previous.edition.targets.filter((t) => !continued.has(t.id)).map((t) => t.id),
  };
}
