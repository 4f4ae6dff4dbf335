// `npm run bench`: every speed and size figure of the product, each printed with a ratio against a baseline
// measured in the same run (never a timed assertion in a test). Each section lives in its own file.

// Imported by name, so that bench/run.cjs compiles every section into one file.
const sections: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  engine: () => import("./engine"),
  functions: () => import("./functions"),
  editions: () => import("./editions"),
  template: () => import("./template"),
  officePatch: () => import("./officePatch"),
  realOfficeJs: () => import("./realOfficeJs"),
  filePatch: () => import("./filePatch"),
  monthlyFile: () => import("./monthlyFile"),
  carryOver: () => import("./carryOver"),
  cliProcess: () => import("./cliProcess"),
  returns: () => import("./returns"),
  taskpane: () => import("./taskpane"),
  importer: () => import("./importer"),
  report: () => import("./report"),
};

/** `npm run bench -- cliProcess importer` runs those sections only. */
async function main(): Promise<void> {
  const names = Object.keys(sections);
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(", ")}; sections: ${names.join(", ")}`);
  for (const name of chosen.length > 0 ? chosen : names) {
    console.log(`\n== ${name} ==`);
    const load = sections[name];
    if (load) await (await load()).run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
