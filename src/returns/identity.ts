import type { ReturnIdentity, ReturnMonth } from "./types";

/**
 * FNV-1a over the UTF-16 code units, twice with different offsets: 16 hex digits. It detects hand edits of a
 * return's rows or identity, not forgery — anyone can recompute it; a return is untrusted input all the same and
 * every row is checked against the edition again.
 */
function fnv(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The checksum of an identity's fields, in a fixed order with separators no 编号 or unit contains. */
export function identityChecksum(identity: Omit<ReturnIdentity, "checksum">): string {
  const monitored = identity.monitored === undefined ? [] : ["\u001e", ...identity.monitored];
  const text = ["zc-return/1", identity.unit, identity.month, identity.editionId, ...identity.ids, ...monitored].join(
    "\u001f",
  );
  return fnv(text, 0x811c9dc5) + fnv(text, 0x2166136a);
}

/** "2025-07" for July 2025. */
export function monthKey(month: ReturnMonth): string {
  return `${month.year}-${String(month.month).padStart(2, "0")}`;
}

/**
 * Reads "2025-07" (also 2025-7, 2025年7月, 2025/07) as a month; undefined for anything else.
 *
 * @example
 * readMonthKey("2025年7月") // { year: 2025, month: 7 }
 */
export function readMonthKey(text: string): ReturnMonth | undefined {
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$/.exec(text.normalize("NFKC"));
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

/** A return's identity with its checksum. */
export function makeIdentity(
  unit: string,
  month: ReturnMonth,
  editionId: string,
  ids: readonly string[],
  /** The rows with open monitoring inputs (omitted: a return that does not say, every row open). */
  monitored?: readonly string[],
): ReturnIdentity {
  const fields = {
    unit,
    month: monthKey(month),
    editionId,
    ids: [...ids],
    ...(monitored === undefined ? {} : { monitored: [...monitored] }),
  };
  return { ...fields, checksum: identityChecksum(fields) };
}

/** Whether an identity read from a file is intact: its checksum is the one its fields give. */
export function identityIntact(identity: ReturnIdentity): boolean {
  return identityChecksum(identity) === identity.checksum.trim().toLowerCase();
}

/**
 * A return file's name: `2025-07_市科技局.xlsx`, with the characters Windows forbids in names replaced
 * (市委组织部<市委人才办> → 市委组织部〈市委人才办〉).
 */
export function returnFileName(unit: string, month: ReturnMonth): string {
  const safe = unit
    .replace(/</g, "〈")
    .replace(/>/g, "〉")
    .replace(/[:"/\\|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  return `${monthKey(month)}_${safe}.xlsx`;
}
