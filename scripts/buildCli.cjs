// Builds the command-line tool: src/cli/main.ts bundled by esbuild into dist-cli/zcmb.cjs (Node, CommonJS; the
// npm packages stay in node_modules and are required only by the command that needs them). Run by `npm run build`,
// and by bin/zcmb.cjs when the bundle is missing or older than a source it was built from — so `npm ci` leaves a
// CLI that works on its first call, and a pull or an edit never runs stale code.
"use strict";
const { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "dist-cli");
const bundle = path.join(outDir, "zcmb.cjs");
/** The sources the bundle was built from (esbuild's metafile inputs), for the freshness check. */
const inputsFile = path.join(outDir, "inputs.json");

/** True when the bundle exists and no source it was built from (nor this script) is newer. */
function isFresh() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {
    return false;
  }
  for (const file of [...inputs, "scripts/buildCli.cjs", "package.json"]) {
    const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > built.mtimeMs) return false;
  }
  return true;
}

/**
 * Bundles the CLI. Written beside and renamed into place, so a CLI started meanwhile (jest runs test files in
 * parallel) reads either the old bundle or the new one, never half of one; stamped with the build's start, so an
 * edit made during the build still counts as newer.
 */
function buildCli() {
  const esbuild = require("esbuild");
  const started = new Date();
  const result = esbuild.buildSync({
    entryPoints: [path.join(root, "src/cli/main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    metafile: true,
    write: false,
    logLevel: "error",
    absWorkingDir: root,
  });
  mkdirSync(outDir, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  writeFileSync(
    inputsFile,
    JSON.stringify(Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"))),
  );
  writeFileSync(tmp, result.outputFiles[0].contents);
  utimesSync(tmp, started, started);
  renameSync(tmp, bundle);
  return bundle;
}

module.exports = { bundle, buildCli, isFresh };

if (require.main === module) buildCli();
