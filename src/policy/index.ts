/**
 * The bundled editions. An edition is a file (the format: ./editionFile.ts and schema/edition.schema.json);
 * bundling one (e.g. the 2026年版) is one JSON file under `editions/` and one line in {@link editions} — nothing
 * else in the code base names an edition. Editions that are not bundled come from a file the user loads or from
 * the workbook itself (validation/ checks them first).
 */
import { fromEditionFile, type EditionFile } from "./editionFile";
import yueqing2025File from "./editions/yueqing-2025.json";
import type { EditionData } from "./types";

export type * from "./types";

export interface EditionEntry {
  readonly data: EditionData;
  /** The seed text every `quote` of `data` is an exact substring of, relative to the repository root. */
  readonly seedFile: string;
}

// The JSON is validated in CI (tests/policy/bundled.test.ts); at run time it is trusted like code.
const bundled = (file: unknown): EditionData => fromEditionFile(file as EditionFile);

export const editions = {
  "yueqing-2025": { data: bundled(yueqing2025File), seedFile: "seeds/yueqing-2025-policy.txt" },
} as const satisfies Record<string, EditionEntry>;

export type EditionId = keyof typeof editions;

/** The first bundled edition: what a workbook without an edition of its own uses. */
export const defaultEditionId: EditionId = "yueqing-2025";

function isEditionId(id: string): id is EditionId {
  return Object.prototype.hasOwnProperty.call(editions, id);
}

/** The bundled edition ids, in registration order. */
export function editionIds(): EditionId[] {
  return Object.keys(editions).filter(isEditionId);
}

/** The registry entry (data and seed file) of a bundled edition, or undefined for an unknown id. */
export function getEditionEntry(id: string): EditionEntry | undefined {
  return isEditionId(id) ? editions[id] : undefined;
}

/** The data of a bundled edition, or undefined for an unknown id. */
export function getEdition(id: string): EditionData | undefined {
  return getEditionEntry(id)?.data;
}
