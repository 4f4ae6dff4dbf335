import { toScalar, type RawCell } from "./cells";
import type { Scalar } from "./model";
import { hasContent } from "./cells";

/** Whether a value as read equals `want`: blanks alike, numbers to 1e-9 relative, dates as serials. */
export function sameScalar(have: unknown, want: Scalar | null | undefined): boolean {
  const blankA = !hasContent({ value: have });
  const blankB = !hasContent({ value: want });
  if (blankA || blankB) return blankA && blankB;
  const x = toScalar(have);
  if (typeof x === "number" && typeof want === "number")
    return Math.abs(x - want) <= 1e-9 * Math.max(1, Math.abs(want));
  return x === want;
}

/** Whether a cell holds the constant `want` (a formula never does). */
export function sameValue(have: RawCell | undefined, want: Scalar | null | undefined): boolean {
  return have?.formula === undefined && sameScalar(have?.value, want);
}
