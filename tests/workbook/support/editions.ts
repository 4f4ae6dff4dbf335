import type { EditionData, Target } from "../../../src/policy/types";

/** The edition with one figure corrected (art01 75 → 80) and one target added after art01's (scenario 14). */
export function correctedEdition(base: EditionData): EditionData {
  const first = base.targets.find((t) => t.id === "art01-hitech-firms") as Target;
  const added: Target = { ...first, id: "art01-new-rd-centers", indicator: "新增省级企业研发中心", value: 12 };
  const targets = base.targets.flatMap((t) => (t.id === first.id ? [{ ...t, value: 80 }, added] : [t]));
  return { ...base, targets };
}
