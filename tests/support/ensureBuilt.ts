/**
 * Builds dist/ for tests and benches that load the add-in as Office does, at most once per change of the
 * sources: `ensureBuilt()` returns at once when every output is newer than every input, and otherwise runs
 * `webpack --mode production` — under a lock, because jest runs test files in parallel workers and a build
 * cleans dist/.
 *
 *   ensureBuilt()              // the whole add-in: the functions and, once src/taskpane/index.tsx exists, the pane
 *   ensureBuilt("functions")   // only dist/functions.*; falls back to ZC_ONLY_FUNCTIONS=1 when the full build fails
 *
 * Synchronous on purpose: call it at the top of a `beforeAll` or of a bench's `run`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "../..");
export const distDir = path.join(repoRoot, "dist");

export type BuildNeed = "all" | "functions";

const FUNCTIONS_OUTPUTS = ["functions.js", "functions.json", "functions-zh-cn.json"];
const TASKPANE_OUTPUTS = ["taskpane.js", "taskpane.html", "boot.js", "legacy.js"];
const INPUT_DIRS = ["src", "scripts", "assets"];
const INPUT_FILES = ["webpack.config.js", "package.json", "tsconfig.json", "manifest.xml"];
const LOCK_STALE_MS = 10 * 60_000;

const hasTaskpaneEntry = () => existsSync(path.join(repoRoot, "src/taskpane/index.tsx"));

function newestInput(): number {
  let newest = 0;
  const visit = (file: string) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of [...INPUT_DIRS, ...INPUT_FILES]) visit(path.join(repoRoot, name));
  return newest;
}

function outputsFor(need: BuildNeed): string[] {
  return need === "all" && hasTaskpaneEntry() ? [...FUNCTIONS_OUTPUTS, ...TASKPANE_OUTPUTS] : FUNCTIONS_OUTPUTS;
}

/** True when every output exists and none is older than the newest source. */
export function isBuilt(need: BuildNeed = "all"): boolean {
  const inputs = newestInput();
  return outputsFor(need).every((name) => {
    const stat = statSync(path.join(distDir, name), { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs >= inputs;
  });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function runWebpack(onlyFunctions: boolean): { ok: boolean; output: string } {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [repoRoot] });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ZC_ONLY_FUNCTIONS;
  // A production build needs the origin it is served from; the tests serve dist/ from the dev origin.
  env.ADDIN_PROD_URL ??= "https://localhost:3000/";
  if (onlyFunctions) env.ZC_ONLY_FUNCTIONS = "1";
  const run = spawnSync(process.execPath, [cli, "--mode", "production"], {
    cwd: repoRoot,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}`;
  return { ok: run.status === 0, output };
}

function build(need: BuildNeed): void {
  const full = hasTaskpaneEntry();
  const first = runWebpack(!full);
  if (first.ok) return;
  if (need === "functions" && full) {
    // The pane may be mid-change in another folder; the functions do not depend on it.
    const alone = runWebpack(true);
    if (alone.ok) {
      console.warn(`ensureBuilt: the full build failed, built the functions alone.\n${tail(first.output)}`);
      return;
    }
  }
  throw new Error(`webpack --mode production failed:\n${tail(first.output)}`);
}

const tail = (text: string) => text.split("\n").slice(-60).join("\n");

/** Builds dist/ when it is missing or older than the sources; returns the dist directory. */
export function ensureBuilt(need: BuildNeed = "all"): string {
  if (isBuilt(need)) return distDir;
  const lock = path.join(repoRoot, ".cache", "ensure-built.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const stat = statSync(lock, { throwIfNoEntry: false });
      if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(250);
      if (isBuilt(need)) return distDir;
    }
  }
  try {
    if (!isBuilt(need)) {
      const started = new Date();
      build(need);
      // webpack leaves an output it would write unchanged untouched (compareBeforeEmit), so its time can stay
      // older than an edited source; stamp the outputs with the build's start, so an edit made during the build
      // still counts as newer.
      for (const name of readdirSync(distDir)) utimesSync(path.join(distDir, name), started, started);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return distDir;
}
