// One import in a fresh process, as the pane's first 导入 or a CLI run pays it: loading the importer's modules and
// its first call on a 30,000-character text (the 乐清 text three times over), in simplified characters or — given
// `--text <file>` — the text in that file (bench/importer.ts writes the traditional one: converting it here would
// load OpenCC's full dictionaries into the process being timed and leave their garbage to the import). Prints JSON;
// run by bench/importer.ts in a child process, since a warm process would hide exactly this cost.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { yueqingText } from "../tests/support/corpus";

async function main(): Promise<void> {
  const file = process.argv[process.argv.indexOf("--text") + 1];
  const text = process.argv.includes("--text") && file ? readFileSync(file, "utf8") : `${yueqingText()}\n`.repeat(3);
  // CPU time as well as wall time: on a shared machine the wall clock also counts the other processes' turns.
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const startCpu = cpuMs();
  const start = performance.now();
  const { importEdition } = await import("../src/importer");
  const loaded = performance.now();
  const draft = importEdition(text);
  const first = performance.now();
  const firstCpu = cpuMs();
  importEdition(text);
  const second = performance.now();
  process.stdout.write(
    JSON.stringify({
      chars: text.length,
      targets: draft.targets.length,
      loadMs: loaded - start,
      firstMs: first - loaded,
      secondMs: second - first,
      cpuMs: firstCpu - startCpu,
    }),
  );
}

void main();
