import type { GradeBands } from "./evaluationSettings";

export type Grade = "优" | "良" | "中" | "差";

/**
 * The grade of a self-evaluation total: 优 from `bands.优` up, 良 from `bands.良`, 中 from `bands.中`, else 差 —
 * each band's lower bound inclusive, so 89.5 is 良 and 90 is 优 (the sheet's formula is the same IF chain).
 *
 * @example
 * gradeOf(92.5, { 优: 90, 良: 80, 中: 60 }) // "优"
 * gradeOf(59.99, { 优: 90, 良: 80, 中: 60 }) // "差"
 */
export function gradeOf(total: number, bands: GradeBands): Grade {
  if (total >= bands.优) return "优";
  if (total >= bands.良) return "良";
  if (total >= bands.中) return "中";
  return "差";
}
