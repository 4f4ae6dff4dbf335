// The custom functions: calls per second of ZC.COMPLETION as Excel calls it (the function the built bundle
// associated), against the engine's bare completionRate on the same inputs in the same run; and the size of the
// bundle Excel downloads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { completionRate } from "../src/engine";
import { defaultEditionId, editions } from "../src/policy";
import { ensureBuilt } from "../tests/support/ensureBuilt";
import { loadFunctionsBundle } from "../tests/functions/support/loadBundle";
import { measure, report } from "./measure";

const CALLS = 1_000_000;

export async function run(): Promise<void> {
  const dist = ensureBuilt("functions");
  const completion = loadFunctionsBundle(dist, "shared").functions.get("COMPLETION");
  const sandboxed = loadFunctionsBundle(dist, "isolated").functions.get("COMPLETION");
  if (!completion || !sandboxed) throw new Error("ZC.COMPLETION is not associated");

  const numeric = editions[defaultEditionId].data.targets.filter((t) => t.value !== null && t.comparator === ">=");
  const ids = numeric.map((t) => t.id);
  const texts = Array.from({ length: 97 }, (_, i) => String(i));
  const n = numeric.length;

  const bare = measure("engine completionRate (bare)", CALLS, (i) => {
    const t = numeric[i % n];
    return t ? completionRate(t, i % 97) : 0;
  });
  const associated = measure("ZC.COMPLETION as associated (dist/functions.js)", CALLS, (i) =>
    completion(ids[i % n], i % 97, null),
  );
  const fromText = measure("ZC.COMPLETION with numeric text", CALLS, (i) =>
    completion(ids[i % n], texts[i % 97], null),
  );
  // The test sandbox (a vm context) looks globals up slowly; shown so its figure is not mistaken for Excel's.
  const inSandbox = measure("ZC.COMPLETION in a vm context", CALLS / 4, (i) => sandboxed(ids[i % n], i % 97, null));

  report(bare);
  report(associated, bare);
  report(fromText, bare);
  report(inSandbox, bare);
  const overhead = (1 / associated.perSecond - 1 / bare.perSecond) * 1e9;
  console.log(`ZC.COMPLETION overhead over the bare engine: ${overhead.toFixed(0)} ns per call`);

  for (const name of ["functions.js", "functions.json", "functions-zh-cn.json"]) {
    const bytes = readFileSync(path.join(dist, name));
    const limit = name === "functions.js" ? ` (limit 81920, ${((bytes.length / 81920) * 100).toFixed(0)}%)` : "";
    console.log(`dist/${name}: ${bytes.length} bytes raw, ${gzipSync(bytes).length} bytes gzip${limit}`);
  }
}
