// Builds the command-line tool with esbuild into dist-cli/ (Node, CommonJS): zcmb.cjs from src/cli/main.ts — the
// command list, `--help`, `--version` and usage errors, a few kilobytes — and one bundle per command,
// dist-cli/commands/NAME.js, which zcmb.cjs requires only when that command runs. So `--help` parses no more than
// it prints, and a command reads only its own code (npm packages stay in node_modules, required by the code that
// uses them). Run by `npm run build`, and by bin/zcmb.cjs when a bundle is missing or older than a source it was
// built from — so `npm ci` leaves a CLI that works on its first call, and a pull or an edit never runs stale code.
"use strict";
const {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "dist-cli");
const bundle = path.join(outDir, "zcmb.cjs");
/** For each bundle (its path in dist-cli/), the sources it was built from (esbuild's metafile), to check freshness. */
const inputsFile = path.join(outDir, "inputs.json");
const commandsDir = path.join(root, "src", "cli", "commands");

/**
 * True when zcmb.cjs exists and no source of the bundles a run needs is newer than it (nor this script, nor
 * package.json). `argv` (the CLI's arguments) narrows the check to zcmb.cjs and the command named, if any: `--help`
 * stats two sources, not two hundred. Without it every bundle is checked.
 */
function isFresh(argv) {
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {
    return false;
  }
  const needed = argv === undefined ? Object.keys(inputs) : ["zcmb.cjs", `commands/${argv[0]}.js`];
  const sources = needed.flatMap((name) => (Object.hasOwn(inputs, name) ? inputs[name] : []));
  for (const file of [...sources, "scripts/buildCli.cjs", "package.json"]) {
    const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > built.mtimeMs) return false;
  }
  return true;
}

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  metafile: true,
  write: false,
  logLevel: "error",
  absWorkingDir: root,
};

/**
 * Bundles the CLI. Written into a directory of its own and renamed into place, commands first and zcmb.cjs last, so
 * a CLI started meanwhile (jest runs test files in parallel) never reads half a file and finds every command the
 * zcmb.cjs it loaded names; zcmb.cjs is stamped with the build's start, so an edit made during the build still
 * counts as newer.
 */
function buildCli() {
  const esbuild = require("esbuild");
  const started = new Date();
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const main = esbuild.buildSync({
    ...common,
    entryPoints: [path.join(root, "src/cli/main.ts")],
    outfile: bundle,
    // main.ts's `import("./commands/NAME")` becomes `require("./commands/NAME")` of that command's bundle
    // (NAME.js) at run time, instead of inlining every command into zcmb.cjs.
    external: ["./commands/*"],
    supported: { "dynamic-import": false },
    define: { ZCMB_VERSION: JSON.stringify(version) },
  });
  const commands = esbuild.buildSync({
    ...common,
    entryPoints: readdirSync(commandsDir)
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join(commandsDir, file)),
    outdir: path.join(outDir, "commands"),
  });

  const staging = path.join(outDir, `.build.${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, "commands"), { recursive: true });
  mkdirSync(path.join(outDir, "commands"), { recursive: true });
  for (const file of commands.outputFiles) {
    const name = path.basename(file.path);
    writeFileSync(path.join(staging, "commands", name), file.contents);
    renameSync(path.join(staging, "commands", name), file.path);
  }
  const inputs = {};
  for (const [output, { inputs: sources }] of Object.entries({
    ...main.metafile.outputs,
    ...commands.metafile.outputs,
  })) {
    inputs[path.relative(outDir, path.join(root, output))] = Object.keys(sources).filter(
      (f) => !f.startsWith("node_modules/"),
    );
  }
  writeFileSync(inputsFile, JSON.stringify(inputs));
  const staged = path.join(staging, "zcmb.cjs");
  writeFileSync(staged, main.outputFiles[0].contents);
  utimesSync(staged, started, started);
  renameSync(staged, bundle);
  rmSync(staging, { recursive: true, force: true });
  return bundle;
}

module.exports = { bundle, buildCli, isFresh, common };

if (require.main === module) buildCli();
