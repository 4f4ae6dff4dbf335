import { spawnSync } from "child_process";
import { join } from "path";
import { toDatasetJson } from "../../src/policy/datasetJson";
import { yueqing2025 } from "../../src/policy/editions/yueqing-2025";

const root = join(__dirname, "..", "..");

function cli(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli dataset", () => {
  it("prints the default edition's dataset as JSON on stdout and nothing else", () => {
    const { status, stdout, stderr } = cli("dataset");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toEqual(toDatasetJson(yueqing2025));
    // Byte for byte what toDatasetJson gives, so the key order checked in tests/policy holds on stdout too.
    expect(json.edition.sumOfAreaBudgetsYi).toBe(69.49);
    expect(stdout).toBe(`${JSON.stringify(toDatasetJson(yueqing2025), null, 2)}\n`);
  });

  it("accepts --edition ID and --edition=ID", () => {
    for (const args of [["--edition", "yueqing-2025"], ["--edition=yueqing-2025"]]) {
      const { status, stdout } = cli("dataset", ...args);
      expect(status).toBe(0);
      expect(JSON.parse(stdout).edition.id).toBe("yueqing-2025");
    }
  });

  it("prints usage on stdout for --help", () => {
    const top = cli("--help");
    expect(top.status).toBe(0);
    expect(top.stdout).toContain("dataset");
    expect(top.stderr).toBe("");
    const sub = cli("dataset", "--help");
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain("--edition");
  });

  it.each([
    [["nonsense"], "nonsense"],
    [[], "no command"],
    [["dataset", "--edition", "yueqing-1999"], "yueqing-1999"],
    [["dataset", "--edition"], "--edition"],
    [["dataset", "--frobnicate"], "--frobnicate"],
  ])("exits 2 with a message on stderr for %j", (args, mentioned) => {
    const { status, stdout, stderr } = cli(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(mentioned);
    expect(stderr).toContain("Error");
    expect(stderr).toContain("错误");
  });
});
