// The CLI as a user runs it: `npx zcmb …` finds the package's bin, which runs the compiled bundle and rebuilds it
// when it is older than its sources (a fresh `npm ci`, a pull, an edit).
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/buildCli.cjs") as { bundle: string; isFresh(): boolean; buildCli(): string };

const npx = (...args: string[]) => spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });

describe("npx zcmb", () => {
  it("is the package's bin and answers --help with every command", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ zcmb: "bin/zcmb.cjs" });
    const r = npx("--help");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const name of ["dataset", "check", "diff", "template", "report", "import"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    }
    expect(r.stdout).toContain("npx zcmb <command>");
  });

  it("rebuilds a bundle older than its sources before running it", () => {
    build.buildCli();
    expect(build.isFresh()).toBe(true);
    const old = new Date(Date.now() - 3_600_000);
    const source = path.join(root, "src/cli/main.ts");
    const sourceTime = statSync(source).mtime;
    utimesSync(build.bundle, old, old);
    expect(build.isFresh()).toBe(false);
    const r = npx("nonsense");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "nonsense"');
    expect(build.isFresh()).toBe(true);
    expect(statSync(build.bundle).mtimeMs).toBeGreaterThanOrEqual(sourceTime.getTime());
  });

  it("runs a command's own --help through the same bundle", () => {
    const r = npx("template", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("npx zcmb template --out FILE.xlsx");
  });
});
