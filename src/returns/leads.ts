import { indexEdition } from "../engine/editionIndex";
import type { EditionData, Target } from "../policy/types";

/**
 * The unit that leads a target and so reports its figure — the engine's one rule (列第一位的责任单位为牵头单位; the
 * area's 牵头单位 where the article names none, or for an area's headline target). Undefined when the edition names
 * none.
 *
 * @example
 * leadOf(yueqing, target("area1-rd-intensity")) // "市科技局" (领域一's 牵头单位)
 */
export function leadOf(edition: EditionData, target: Target): string | undefined {
  return indexEdition(edition).leadOf(target) || undefined;
}

/** The other 责任单位 of a target's article: they share the target but do not report it. */
export function supportersOf(edition: EditionData, target: Target): readonly string[] {
  const [lead, ...others] = indexEdition(edition).responsibleOf(target);
  return others.filter((u) => u !== lead);
}

/** One unit's share of an edition: the targets it leads (and reports), the ones it supports. */
export interface UnitDuties {
  readonly unit: string;
  readonly leads: readonly Target[];
  readonly supports: readonly Target[];
}

/**
 * Every unit the edition names (areas' 牵头单位 and articles' 责任单位), in the order first named, with the targets
 * it leads and supports, in edition order. A unit that leads nothing gets no return.
 */
export function unitDuties(edition: EditionData): UnitDuties[] {
  const order: string[] = [];
  const note = (u: string) => {
    if (u && !order.includes(u)) order.push(u);
  };
  for (const area of edition.areas) {
    note(area.lead);
    for (const article of edition.articles) if (article.area === area.no) article.responsible.forEach(note);
  }
  edition.articles.forEach((a) => a.responsible.forEach(note));
  const leads = new Map<string, Target[]>(order.map((u) => [u, []]));
  const supports = new Map<string, Target[]>(order.map((u) => [u, []]));
  for (const target of edition.targets) {
    const lead = leadOf(edition, target);
    if (lead) leads.get(lead)?.push(target);
    for (const u of supportersOf(edition, target)) supports.get(u)?.push(target);
  }
  return order.map((unit) => ({ unit, leads: leads.get(unit) ?? [], supports: supports.get(unit) ?? [] }));
}
