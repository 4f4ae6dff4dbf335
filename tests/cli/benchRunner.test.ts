/**
 * `npm run bench -- SECTION`, as the README tells a developer to run it: the runner compiles the bench with the
 * CLI's esbuild options and runs the sections named (the engine's: the quickest), each figure with its ratio.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const npm = (...args: string[]) =>
  spawnSync("npm", ["run", "-s", "bench", "--", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });

describe("npm run bench", () => {
  it("runs the sections named, compiled, each figure against a baseline of the same run", () => {
    const run = npm("engine");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("== engine ==");
    expect(run.stdout).not.toContain("== functions ==");
    expect(run.stdout).toMatch(/engine completionRate: [\d.]+ M calls\/s .*\([\d.]+× of baseline/);
    // A file that finds its neighbours by __dirname (scripts/buildCli.cjs finds package.json so, for the cliProcess
    // section) must keep its own folder: in the bundle __dirname would be .cache/bench.
    const bundle = readFileSync(path.join(root, ".cache", "bench", "bench.cjs"), "utf8");
    expect(bundle).not.toMatch(/\b__dirname\b/);
    expect(bundle).toContain(JSON.stringify(path.join(root, "scripts")));
  }, 150_000);

  it("names the sections when asked for one that does not exist", () => {
    const run = npm("nosuch");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no bench section nosuch; sections: engine,");
  }, 150_000);
});
