// The CLI as a user runs it: `npx zcmb …` finds the package's bin, which runs the compiled bundle and rebuilds it
// when it is older than its sources (a fresh `npm ci`, a pull, an edit).
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/buildCli.cjs") as {
  bundle: string;
  isFresh(argv?: readonly string[]): boolean;
  buildCli(): string;
};

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

  it("answers --help, --version and an unknown command from zcmb.cjs alone: no command's bundle, no npm package", () => {
    build.buildCli();
    // esbuild heads each source module it bundles with a `// path` comment: zcmb.cjs holds the command list only.
    const modules = readFileSync(build.bundle, "utf8").match(/^\/\/ src\/\S+$/gm);
    expect([...new Set(modules)].sort()).toEqual(["// src/cli/command.ts", "// src/cli/main.ts"]);
    const bin = path.join(root, "bin", "zcmb.cjs");
    for (const args of [["--help"], ["--version"], ["nonsense"]]) {
      // The CLI as bin/zcmb.cjs runs it, reporting at exit every module file it loaded.
      const probe =
        `process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(Object.keys(require.cache))));` +
        `process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify(args)}];` +
        `require(${JSON.stringify(bin)});`;
      const r = spawnSync(process.execPath, ["-e", probe], { cwd: root, encoding: "utf8" });
      const loaded = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf("\nLOADED ") + 8)) as string[];
      expect(loaded).toContain(build.bundle);
      expect(
        loaded.filter((file) => file.includes("node_modules") || file.includes(`${path.sep}commands${path.sep}`)),
      ).toEqual([]);
    }
    expect(npx("--version").stdout).toMatch(/^zcmb \d+\.\d+\.\d+\n$/);
  });

  it("rebuilds a bundle older than its sources before running it", () => {
    build.buildCli();
    expect(build.isFresh()).toBe(true);
    // Older than main.ts, which every run needs (however long ago the checkout or the last edit was).
    const source = path.join(root, "src/cli/main.ts");
    const sourceTime = statSync(source).mtime;
    const old = new Date(sourceTime.getTime() - 60_000);
    utimesSync(build.bundle, old, old);
    expect(build.isFresh()).toBe(false);
    const r = npx("nonsense");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "nonsense"');
    expect(build.isFresh()).toBe(true);
    expect(statSync(build.bundle).mtimeMs).toBeGreaterThanOrEqual(sourceTime.getTime());
  });

  it("checks the sources of zcmb.cjs and of the command asked for, so --help stats two files", () => {
    build.buildCli();
    const source = path.join(root, "src/cli/commands/template.ts");
    const { atime, mtime } = statSync(source);
    try {
      const later = new Date(Date.now() + 60_000);
      utimesSync(source, later, later);
      expect(build.isFresh(["--help"])).toBe(true);
      expect(build.isFresh(["check", "x.json"])).toBe(true);
      expect(build.isFresh(["template", "--help"])).toBe(false);
      expect(build.isFresh()).toBe(false);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(build.isFresh()).toBe(true);
  });

  it("runs a command's own --help through the same bundle", () => {
    const r = npx("template", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("npx zcmb template --out FILE.xlsx");
  });
});
