import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { editions } from "../../src/policy";
import { serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";

const yueqing2025 = editions["yueqing-2025"].data;
const toDatasetJson = toEditionFile;

const root = join(__dirname, "..", "..");

function cli(...args: string[]) {
  const result = spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });
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
    expect(stdout).toBe(serializeEditionFile(toDatasetJson(yueqing2025)));
    expect(stdout).toBe(readFileSync(join(root, "src/policy/editions/yueqing-2025.json"), "utf8"));
  });

  it("prints an edition file given with --edition FILE byte for byte, its text included", () => {
    const file = join(root, "tests/fixtures/editions/shifan-2026.json");
    const { status, stdout, stderr } = cli("dataset", "--edition", file);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toBe(readFileSync(file, "utf8"));
  });

  it("refuses a broken edition file with its errors, naming the file, exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-dataset-"));
    const bad = JSON.parse(readFileSync(join(root, "tests/fixtures/editions/shifan-2026.json"), "utf8"));
    bad.targets[2].value = "100";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const { status, stdout, stderr } = cli("dataset", "--edition", file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toMatch(
      /^错误:.*bad\.json:不是有效的版本文件.* \/ Error: .*bad\.json: not a valid edition file/,
    );
    expect(stderr).toContain("targets[2].value 应为数字或null");
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
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
