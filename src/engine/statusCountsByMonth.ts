import { STATUSES, type Status } from "./status";

/**
 * How many targets are in each status at each month's end: `statuses` holds one row per target, twelve entries
 * (1月 first, as `monthlyStatus` gives them); anything that is not one of the five statuses (an error, a text such
 * as 应填数字) is counted in none. Each status maps to twelve counts.
 *
 * @example
 * statusCountsByMonth([
 *   ["达进度", "欠进度"],
 *   ["未填报", "欠进度"],
 * ]).欠进度.slice(0, 2) // [0, 2]
 */
export function statusCountsByMonth(statuses: readonly (readonly unknown[])[]): Record<Status, number[]> {
  const out = Object.fromEntries(STATUSES.map((s) => [s, Array<number>(12).fill(0)])) as Record<Status, number[]>;
  for (const row of statuses) {
    for (let m = 0; m < 12; m++) {
      const s = row[m];
      if (typeof s !== "string" || !(STATUSES as readonly string[]).includes(s)) continue;
      const counts = out[s as Status];
      counts[m] = (counts[m] ?? 0) + 1;
    }
  }
  return out;
}
