// `npm run bench`: every speed and size figure of the product, each printed with a ratio against a baseline
// measured in the same run (never a timed assertion in a test). Each section lives in its own file.
import { existsSync } from "node:fs";
import path from "node:path";

const sections = [
  "engine",
  "functions",
  "editions",
  "template",
  "officePatch",
  "realOfficeJs",
  "filePatch",
  "monthlyFile",
  "carryOver",
  "cliProcess",
  "returns",
  "taskpane",
  "importer",
  "report",
];

/** `npm run bench -- cliProcess importer` runs those sections only. */
async function main(): Promise<void> {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !sections.includes(name));
  if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(", ")}; sections: ${sections.join(", ")}`);
  for (const name of chosen.length > 0 ? chosen : sections) {
    const file = path.join(__dirname, `${name}.ts`);
    if (!existsSync(file)) continue;
    console.log(`\n== ${name} ==`);
    const mod = (await import(file)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
