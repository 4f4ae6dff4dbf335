/**
 * The edition registry. Adding an edition (e.g. 2026年版) is one folder under `editions/` and one line in
 * {@link editions}; nothing else in the code base names an edition.
 */
import { yueqing2025 } from "./editions/yueqing-2025";
import type { EditionData } from "./types";

export type * from "./types";

export interface EditionEntry {
  readonly data: EditionData;
  /** The seed text every `quote` of `data` is an exact substring of, relative to the repository root. */
  readonly seedFile: string;
}

export const editions = {
  "yueqing-2025": { data: yueqing2025, seedFile: "seeds/yueqing-2025-policy.txt" },
} as const satisfies Record<string, EditionEntry>;

export type EditionId = keyof typeof editions;

export const defaultEditionId: EditionId = "yueqing-2025";

function isEditionId(id: string): id is EditionId {
  return Object.prototype.hasOwnProperty.call(editions, id);
}

/** The registered edition ids, in registration order. */
export function editionIds(): EditionId[] {
  return Object.keys(editions).filter(isEditionId);
}

/** The registry entry (data and seed file) of an edition, or undefined for an unknown id. */
export function getEditionEntry(id: string): EditionEntry | undefined {
  return isEditionId(id) ? editions[id] : undefined;
}

/** The data of an edition, or undefined for an unknown id. */
export function getEdition(id: string): EditionData | undefined {
  return getEditionEntry(id)?.data;
}
