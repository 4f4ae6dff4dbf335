import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..", "..");
const fixture = join(root, "tests/fixtures/editions/shifan-2026.json");

function cli(...args: string[]) {
  const result = spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli check", () => {
  it("reports a valid edition checked against its seed text and exits 0", () => {
    const { status, stdout, stderr } = cli(
      "check",
      "src/policy/editions/yueqing-2025.json",
      "--text",
      "seeds/yueqing-2025-policy.txt",
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain("8 个领域、37 条、113 个目标");
    expect(stdout).toContain("已对照原文核对摘录");
    expect(stdout).toContain("校验通过 / valid");
  });

  it("lists every error with its place and exits 1; warnings alone exit 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-check-"));
    const bad = JSON.parse(readFileSync(fixture, "utf8"));
    bad.targets[1].quote = "力争完成数字化改造企业30家以上!";
    bad.areas[0].budgetItems[0].yi = 0.5;
    const badFile = join(dir, "bad.json");
    writeFileSync(badFile, JSON.stringify(bad));
    const failed = cli("check", badFile);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("错误 3 处 / 3 error(s):");
    expect(failed.stdout).toContain("areas[0].budgetItems 预算项目合计 0.5亿元,超过领域预算 0.35亿元");
    expect(failed.stdout).toContain("areas[0].budgetItems[0].quote 未写出金额 0.5亿元");
    expect(failed.stdout).toContain("targets[1].quote 不是原文中的一段(须逐字摘录)");

    const warned = JSON.parse(readFileSync(fixture, "utf8"));
    warned.articles[1].responsible = [];
    const warnFile = join(dir, "warn.json");
    writeFileSync(warnFile, JSON.stringify(warned));
    const ok = cli("check", warnFile);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("警告 1 处 / 1 warning(s):\n  articles[1].responsible 未列责任单位");
  });

  it("uses --text over the file's own text", () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-check-"));
    const text = join(dir, "other.txt");
    writeFileSync(text, "另一份文件");
    const { status, stdout } = cli("check", fixture, "--text", text);
    expect(status).toBe(1);
    expect(stdout).toContain("text 与所给原文不同,按所给原文核对");
    expect(stdout).toContain("targets[0].quote 不是原文中的一段");
  });

  it.each([
    [["check"], "请给出要校验的版本文件"],
    [["check", fixture, "--text"], "--text"],
    [["check", fixture, "extra.json"], "extra.json"],
  ])("exits 2 for the usage error %j", (args, mentioned) => {
    const { status, stderr } = cli(...args);
    expect(status).toBe(2);
    expect(stderr).toContain(mentioned);
  });

  it("names a missing file in Chinese and English, exit 1", () => {
    const { status, stderr } = cli("check", "nope.json");
    expect(status).toBe(1);
    expect(stderr).toBe(
      "错误:nope.json:无法读取:文件或文件夹不存在。 / Error: nope.json: cannot read it: no such file or folder.\n",
    );
  });
});
