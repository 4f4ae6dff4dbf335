import { completionRate, findTarget, indexEdition, isCalcError } from "../src/engine";
import { defaultEditionId, getEdition } from "../src/policy";
import { measure, report } from "./measure";

const CALLS = 1_000_000;

export async function run(): Promise<void> {
  const data = getEdition(defaultEditionId);
  if (!data) throw new Error("default edition missing");
  const index = indexEdition(data);
  const numeric = data.targets.filter((t) => t.value !== null && t.comparator === ">=");
  const ids = numeric.map((t) => t.id);
  const n = ids.length;

  // Baseline: what any implementation must at least do — a Map lookup and a division.
  const plain = new Map(numeric.map((t) => [t.id, t.value ?? 1]));
  const baseline = measure("baseline Map.get + division", CALLS, (i) => (i % 97) / (plain.get(ids[i % n] ?? "") ?? 1));

  const targets = numeric;
  const rate = measure("engine completionRate", CALLS, (i) => {
    const t = targets[i % n];
    return t ? completionRate(t, i % 97) : 0;
  });
  const lookup = measure("engine findTarget (id lookup)", CALLS, (i) => {
    const t = findTarget(index, ids[i % n]);
    return isCalcError(t) ? 0 : 1;
  });
  const both = measure("engine findTarget + completionRate", CALLS, (i) => {
    const t = findTarget(index, ids[i % n]);
    return isCalcError(t) ? 0 : completionRate(t, i % 97);
  });

  report(baseline);
  report(rate, baseline);
  report(lookup, baseline);
  report(both, baseline);
}
