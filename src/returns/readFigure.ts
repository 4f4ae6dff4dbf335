import { readTypedFigure, unitScale } from "../policy/figures";
import { tidy } from "../policy/tidy";
import type { Target } from "../policy/types";
import { message, type Message } from "./messages";
import type { CellValue } from "./types";

/** A figure read from a return, in the cell scale of 月度填报 (a percentage as a fraction), or why not. */
export type ReadFigure =
  | { readonly value: number; readonly notes: readonly Message[] }
  | { readonly rejected: Message }
  | { readonly blank: true };

/** Targets whose month cells hold fractions shown as percentages: unit %, or a unitless ratio (三分之二). */
export function holdsFraction(target: Pick<Target, "unit" | "kind">): boolean {
  return target.unit === "%" || (target.unit === "" && target.kind === "ratio");
}

/** The target's own figure in cell scale (3.12% → 0.0312), or null for a direction target. */
function targetInCellScale(target: Target): number | null {
  if (target.value === null) return null;
  return target.unit === "%" ? tidy(target.value / 100) : target.value;
}

const shown = (fraction: number) => `${tidy(fraction * 100)}%`;

/**
 * A bare number for a percentage target: 3.3 and 0.033 both mean 3.3% to the person who typed them. Of the two
 * readings (as written in %, or as a fraction) the one nearer the target's own figure on a ratio scale wins —
 * 3.3 or 0.033 for a 3.12% target both give 3.3%, 0.96 for a 95% target gives 96%.
 */
function bareNumberAsPercent(target: Target, n: number): number {
  const asPercent = tidy(n / 100);
  if (n === 0) return 0;
  const goal = targetInCellScale(target);
  if (goal === null || goal === 0) return Math.abs(n) >= 1 ? asPercent : n;
  const distance = (x: number) => Math.abs(Math.log(Math.abs(x) / Math.abs(goal)));
  return distance(asPercent) <= distance(n) ? asPercent : n;
}

/**
 * Reads the figure a unit typed for a target, the way people type it, through the one figure reader
 * (readTypedFigure): `12`, `１２`, `12家`, `3.3%` / `3.3` / `0.033` for a percentage target (by its unit, with a
 * note of what was assumed), `第3名` / `3` for a rank, `1.2亿元` into a 万元 target (12000). `约12家`, `待统计`,
 * `—`, a figure in another unit are rejected with the text shown; nothing is guessed.
 *
 * @example
 * readReturnedFigure(rdIntensity, "3.3") // { value: 0.033, notes: [assumedPercent] }
 * readReturnedFigure(charityTrusts, "1.2亿元") // { value: 12000, notes: [convertedUnit] } (a 万元 target)
 * readReturnedFigure(hitech, "约12家") // { rejected: notFigure("约12家") }
 */
export function readReturnedFigure(target: Target, cell: CellValue, percentCell = false): ReadFigure {
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return { blank: true };
  const fraction = holdsFraction(target);
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { rejected: message("notFigure", String(cell)) };
    if (!fraction) return { value: tidy(cell), notes: [] };
    // A percentage cell holds a fraction; a 3.3 there is someone's 3.3% that the program did not convert.
    const value = bareNumberAsPercent(target, cell);
    if (percentCell && value === tidy(cell)) return { value, notes: [] };
    return { value, notes: [message("assumedPercent", String(cell), shown(value))] };
  }
  const typed = cell.trim();
  const figure = readTypedFigure(typed);
  if (!figure) return { rejected: message("notFigure", typed) };
  const rank = target.kind === "rank";
  if (figure.ordinal && !rank) return { rejected: message("notRank", typed) };
  if (figure.unit === "") {
    if (!fraction) return { value: figure.value, notes: [] };
    const value = bareNumberAsPercent(target, figure.value);
    return { value, notes: [message("assumedPercent", typed, shown(value))] };
  }
  if (figure.unit === "%") {
    if (!fraction) return { rejected: message("wrongUnit", typed, target.unit || "—") };
    return { value: tidy(figure.value / 100), notes: [] };
  }
  if (rank && ["名", "位"].includes(figure.unit)) return { value: figure.value, notes: [] };
  if (figure.unit === target.unit) return { value: figure.value, notes: [] };
  const [base, factor] = unitScale(figure.unit);
  const [targetBase, targetFactor] = unitScale(target.unit);
  if (base !== targetBase || target.unit === "") return { rejected: message("wrongUnit", typed, target.unit || "—") };
  const value = tidy((figure.value * factor) / targetFactor);
  return { value, notes: [message("convertedUnit", typed, `${value}${target.unit}`)] };
}
