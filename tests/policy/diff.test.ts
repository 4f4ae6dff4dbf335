import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { getEdition, type EditionData } from "../../src/policy";
import { diffEditions, formatDiff } from "../../src/policy/diff";
import { fromEditionFile, toEditionFile } from "../../src/policy/editionFile";

const root = join(__dirname, "..", "..");
const fixture = join(root, "tests/fixtures/editions/shifan-2026.json");
const shifan = fromEditionFile(JSON.parse(readFileSync(fixture, "utf8")));
const yueqing = getEdition("yueqing-2025")!;

/** A 2027 successor of the fixture: one target raised and renamed, one dropped, one new, a budget and an article. */
function successor(): EditionData {
  const f = JSON.parse(JSON.stringify(toEditionFile(shifan)));
  f.edition.id = "shifan-2027";
  f.edition.title = "示范县促进数字经济发展若干政策(2027年版)";
  f.targets[1].id = "art01-retrofits"; // renamed: matched by indicator and unit
  f.targets[1].value = 40;
  f.targets[1].quote = "力争完成数字化改造企业40家以上";
  f.targets.splice(2, 1);
  f.targets.push({
    ...f.targets[0],
    id: "area1-data-firms",
    indicator: "数据企业",
    value: 12,
    unit: "家",
    kind: "count",
    comparator: ">=",
    words: [],
    quote: "数据企业12家",
  });
  f.areas[0].budgetYi = 0.4;
  f.areas[0].budgetQuote = "县财政2027年预算安排资金4000万元";
  f.edition.sumOfAreaBudgetsYi = 0.4;
  f.articles[1].responsible = ["县经信局"];
  f.articles.push({ no: 3, area: 1, title: "发展数据产业", responsible: ["县数据局"] });
  return fromEditionFile(f);
}

describe("diffEditions", () => {
  it("matches by id, then indicator and unit, and lists every kind of change", () => {
    const d = diffEditions(shifan, successor());
    expect(d.targetsChanged.map((c) => [c.after.id, c.changes.map((x) => `${x.field}:${x.from}→${x.to}`)])).toEqual([
      ["art01-retrofits", ["目标值:30家→40家", "编号:art01-digital-retrofits→art01-retrofits"]],
    ]);
    expect(d.targetsAdded.map((t) => t.id)).toEqual(["area1-data-firms"]);
    expect(d.targetsRemoved.map((t) => t.id)).toEqual(["art02-cloud-firms"]);
    expect(d.budgetsChanged).toEqual([{ area: "加快数字经济发展", fromYi: 0.35, toYi: 0.4 }]);
    expect(d.articlesAdded.map((a) => a.title)).toEqual(["发展数据产业"]);
    expect(d.articlesRemoved).toEqual([]);
  });

  it("finds nothing between an edition and itself, and every target removed against another document", () => {
    const same = diffEditions(yueqing, yueqing);
    expect([same.targetsAdded, same.targetsRemoved, same.targetsChanged, same.budgetsChanged]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    const other = diffEditions(yueqing, shifan);
    expect(other.targetsRemoved.length + other.targetsChanged.length).toBe(113);
    expect(other.budgetsChanged).toHaveLength(8); // area 1 matched by number (renamed), 7 gone
  });

  it("formats tab-separated Chinese tables for a memo", () => {
    const text = formatDiff(diffEditions(shifan, successor()));
    expect(text.split("\n").slice(0, 5)).toEqual([
      "《示范县促进数字经济发展若干政策(2026年版)》→《示范县促进数字经济发展若干政策(2027年版)》主要变化",
      "",
      "一、调整的目标(2 项)",
      "编号\t指标\t项目\t原\t新",
      "art01-retrofits\t完成数字化改造企业\t目标值\t30家\t40家",
    ]);
    expect(text).toContain("四、预算安排变化(1 项)\n领域\t原预算\t新预算\n加快数字经济发展\t0.35亿元\t0.4亿元");
  });
});

describe("cli diff", () => {
  it("prints the table for two edition files, and refuses a broken one", () => {
    const dir = mkdtempSync(join(tmpdir(), "zc-diff-"));
    const next = successor();
    const file = join(dir, "next.json");
    const text = `${shifan.text}\n力争完成数字化改造企业40家以上。数据企业12家。县财政2027年预算安排资金4000万元。`;
    writeFileSync(file, JSON.stringify(toEditionFile({ ...next, text })));
    const ok = spawnSync("npx", ["zcmb", "diff", fixture, file], { cwd: root, encoding: "utf8" });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(formatDiff(diffEditions(shifan, { ...next, text })));
    writeFileSync(file, "{}");
    const bad = spawnSync("npx", ["zcmb", "diff", fixture, file], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`错误:${file}:不是有效的版本文件`);
  });
});
