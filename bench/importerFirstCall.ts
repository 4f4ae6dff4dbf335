// One import in a fresh process, as the pane's first 导入 or a CLI run pays it: loading the importer's modules and
// its first call on a 30,000-character text (the 乐清 text three times over), in simplified characters or — with
// `traditional` — converted to traditional first (the OpenCC dictionary is then built and run). Prints JSON; run by
// bench/importer.ts in a child process, since a warm process would hide exactly this cost.
import { performance } from "node:perf_hooks";
import { yueqingText } from "../tests/support/corpus";

async function main(): Promise<void> {
  let text = `${yueqingText()}\n`.repeat(3);
  if (process.argv.includes("traditional")) {
    const OpenCC = await import("opencc-js");
    text = OpenCC.Converter({ from: "cn", to: "t" })(text);
  }
  const start = performance.now();
  const { importEdition } = await import("../src/importer");
  const loaded = performance.now();
  const draft = importEdition(text);
  const first = performance.now();
  importEdition(text);
  const second = performance.now();
  process.stdout.write(
    JSON.stringify({
      chars: text.length,
      targets: draft.targets.length,
      loadMs: loaded - start,
      firstMs: first - loaded,
      secondMs: second - first,
    }),
  );
}

void main();
