/** What the target finder reads (a document's paragraphs, where each stands) and what it returns. */
import { type Figure } from "../policy/figures";
import type { Line } from "./structure";
import type { DraftTarget, Exclusion, ExclusionCategory, Unplaced } from "./types";

export type Zone = "summary" | "front" | "area" | "closing";

export interface Paragraph {
  line: Line;
  zone: Zone;
  area: number | null;
  article: number | null;
  /** An area's preamble: headline targets, including directions (持续下降). */
  preamble: boolean;
  /** Spans not read for figures (the 责任单位 clause). */
  skip: readonly (readonly [number, number])[];
  /** Offsets of figures a budget statement already used. */
  used: ReadonlySet<number>;
  /** The paragraph may be cut off (the excerpt's last article). */
  truncated: boolean;
}

export interface Candidate {
  target: Omit<DraftTarget, "id">;
  confidence: number;
  reasons: string[];
}

export interface TargetFindings {
  candidates: Candidate[];
  excluded: Exclusion[];
  unplaced: Unplaced[];
}

/** Where a figure stands: its sentence, its clause (and where that starts), the clause's figures, the paragraph. */
export interface Place {
  sentence: string;
  clause: string;
  clauseStart: number;
  clauseFigures: readonly Figure[];
  p: Paragraph;
}

/** What a rule says of a figure: a target (or several), excluded with a reason, or not a figure of interest. */
export type Verdict =
  | { kind: "target" }
  | { kind: "multi"; count: number }
  | { kind: "exclude"; category: ExclusionCategory; reason: string }
  | { kind: "ignore" };
