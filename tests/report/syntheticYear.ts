import type { EditionData, Target } from "../../src/policy/types";
import type { AreaFigures, Figure, TargetFigures, WorkbookFigures } from "../../src/report";

/**
 * A year of monthly figures for every target and area of an edition, deterministic, shaped like what departments
 * report: some targets run ahead of 序时进度, some behind, some are left blank in some months, one falls from
 * 达进度 to 欠进度 in 7月, some complete during the year, and an earlier month gets revised (see `revise`).
 * Figures are in the target's own scale (3.05 for 3.05%); spending in 亿元.
 */
export type Pattern = "ahead" | "behind" | "gaps" | "slips" | "completes" | "silent";

const PATTERNS: readonly Pattern[] = ["ahead", "behind", "gaps", "slips", "completes", "silent"];

export function patternOf(i: number): Pattern {
  return PATTERNS[i % PATTERNS.length] ?? "ahead";
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function cumulative(t: Target, pattern: Pattern, m: number): Figure {
  const v = t.value ?? 0;
  switch (pattern) {
    case "ahead":
      return Math.ceil(((v * m) / 12) * 1.15 * 100) / 100;
    case "behind":
      return round2(((v * m) / 12) * 0.6);
    case "gaps":
      return m === 4 || m === 8 || m >= 11 ? null : Math.ceil(((v * m) / 12) * 100) / 100;
    case "slips":
      // On pace to 6月 (exactly half by 6月底), then stalls: 欠进度 from 7月.
      return m <= 6 ? Math.ceil(((v * m) / 12) * 100) / 100 : Math.ceil(((v * 6) / 12) * 100) / 100;
    case "completes":
      return m >= 9 ? v * 1.02 : round2(((v * m) / 12) * 0.95);
    case "silent":
      return m <= 2 ? round2(((v * m) / 12) * 0.9) : null;
  }
}

function annual(t: Target, pattern: Pattern, m: number): Figure {
  const v = t.value ?? 0;
  if (pattern === "silent" && m > 2) return null;
  if (pattern === "gaps" && (m === 4 || m >= 11)) return null;
  if (t.kind === "rank") return pattern === "ahead" || pattern === "completes" ? v : v + 3;
  if (t.comparator === "increase") return 5 + (pattern === "behind" ? -8 : 2);
  if (t.comparator === "decrease") return pattern === "behind" ? 1.8 : 1.7;
  const factor = pattern === "ahead" || (pattern === "completes" && m >= 9) ? 1.01 : 0.9;
  return round2(v * factor);
}

export function syntheticTargets(data: EditionData): Map<string, TargetFigures> {
  const out = new Map<string, TargetFigures>();
  data.targets.forEach((t, i) => {
    const pattern = patternOf(i);
    const cumulativeKind = t.kind === "count" || t.kind === "amount";
    // Counts are whole (家, 项, 人); amounts keep two decimals.
    const whole = (f: Figure): Figure => (typeof f === "number" && t.kind === "count" ? Math.ceil(f - 1e-9) : f);
    const months = Array.from({ length: 12 }, (_, k) =>
      cumulativeKind ? whole(cumulative(t, pattern, k + 1)) : annual(t, pattern, k + 1),
    );
    const direction = t.comparator === "increase" || t.comparator === "decrease";
    out.set(t.id, { months, previous: direction ? (t.comparator === "increase" ? 4 : 1.75) : null });
  });
  return out;
}

export function syntheticAreas(data: EditionData): Map<number, AreaFigures> {
  const out = new Map<number, AreaFigures>();
  data.areas.forEach((a, i) => {
    const factor = [1.1, 0.7, 0.95, 1.0, 0.5, 0.85, 1.2, 0.9][i % 8] ?? 1;
    const months: Figure[] = Array.from({ length: 12 }, (_, k) => {
      // The fifth area reports nothing for 3月 and 9月.
      if (i === 4 && (k === 2 || k === 8)) return null;
      return Math.round(((a.budgetYi * (k + 1)) / 12) * factor * 10000) / 10000;
    });
    out.set(a.no, { months });
  });
  return out;
}

export function syntheticYear(data: EditionData): WorkbookFigures {
  return { data, targets: syntheticTargets(data), areas: syntheticAreas(data) };
}
