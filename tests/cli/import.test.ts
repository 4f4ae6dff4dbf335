/**
 * `cli import`: the review loop end to end — import the 乐清 text with a review sheet, edit the sheet in LibreOffice
 * through UNO the way a person does (reject a row, restore an excluded figure, reword an indicator), build the
 * edition from it, and check it; a reviewer's value that is not in the quote is refused with the validator's
 * message and nothing is written. Plus the command's usage and file errors.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importEdition } from "../../src/importer";
import { reviewSheetOf, SECTION } from "../../src/importer/review";
import { requireLibreOffice } from "../support/realEngines";

const root = path.join(__dirname, "..", "..");
const seed = path.join(root, "seeds/yueqing-2025-policy.txt");

function cli(...args: string[]) {
  const r = spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cli import", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zc-import-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints a draft whose edition part is the text's edition and whose draft part is separate", () => {
    const r = cli("import", seed);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout) as ReturnType<typeof importEdition>;
    expect(draft.edition.docNumber).toBe("乐政发〔2025〕4号");
    expect(draft.targets.length).toBe(draft.draft.targets.length);
    expect(r.stderr).toContain("8 个领域、37 条");
  });

  it("usage errors exit 2, file errors exit 1 naming the file", () => {
    expect(cli("import").status).toBe(2);
    expect(cli("import", seed, "--review", "x.txt").status).toBe(2);
    const missing = cli("import", path.join(dir, "nope.txt"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nope.txt");
    expect(missing.stderr.split("\n")[0]).toMatch(/^错误:/);
    const fake = path.join(dir, "fake.docx");
    writeFileSync(fake, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5]));
    const binary = cli("import", fake);
    expect(binary.status).toBe(1);
    expect(binary.stderr).toContain("不是有效的 .docx 文件");
  });

  it("reads .html copied from a government site", () => {
    const html = path.join(dir, "policy.html");
    writeFileSync(
      html,
      "<html><head><style>p{}</style></head><body><p>一、扩大有效投资(由市发改局牵头)</p><p>2025年,完成投资&nbsp;100亿元以上。</p>" +
        "<p>(一)加大财政支持力度。市财政预算安排资金5亿元。(责任单位:市发改局、市财政局)</p></body></html>",
    );
    const r = cli("import", html);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout) as ReturnType<typeof importEdition>;
    expect(draft.areas.map((a) => [a.lead, a.budgetYi])).toEqual([["市发改局", 5]]);
    expect(draft.targets.map((t) => [t.value, t.unit])).toEqual([[100, "亿元"]]);
  });

  it("review loop: import → review.xlsx edited in LibreOffice → from-review → check", () => {
    if (!requireLibreOffice()) return;
    const review = path.join(dir, "review.xlsx");
    const draftFile = path.join(dir, "draft.json");
    const imported = cli("import", seed, "--out", draftFile, "--review", review);
    expect(imported.status).toBe(0);
    const draft = JSON.parse(readFileSync(draftFile, "utf8")) as ReturnType<typeof importEdition>;
    // Where the excluded threshold 1千万元以上 sits on the sheet (1-based row), from the same model the CLI wrote.
    const rows = reviewSheetOf(draft).rows;
    const excludedAt = rows.findIndex((r) => r[0] === SECTION.excluded);
    const threshold = rows.findIndex((r, i) => i > excludedAt && String(r[10] ?? "").includes("1千万元以上"));
    expect(threshold).toBeGreaterThan(excludedAt);
    // The reviewer rejects one drafted target (the seed drafts exactly the edition's 113; none is false).
    const rejected = draft.targets.find((t) => t.quote.includes("研发投入强度"))?.id ?? "";
    expect(rejected).not.toBe("");
    const edited = path.join(dir, "edited.xlsx");
    const bad = path.join(dir, "bad.xlsx");
    const job = {
      profile: path.join(dir, "uno-profile"),
      jobs: [
        {
          in: review,
          out: edited,
          ops: [
            { op: "set", sheet: "导入审核", id: rejected, col: "采纳", value: "否" },
            { op: "set", sheet: "导入审核", id: "art01-hitech-firms", col: "指标", value: "新增国家高新技术企业" },
            { op: "set", sheet: "导入审核", cell: `B${threshold + 1}`, value: "是" },
          ],
        },
        {
          in: review,
          out: bad,
          ops: [{ op: "set", sheet: "导入审核", id: "art01-hitech-firms", col: "目标值", value: 80 }],
        },
      ],
    };
    const jobFile = path.join(dir, "job.json");
    writeFileSync(jobFile, JSON.stringify(job));
    const uno = spawnSync("/usr/bin/python3", [path.join(root, "tests/support/lo_uno.py"), jobFile], {
      encoding: "utf8",
    });
    expect(uno.stderr).toBe("");
    expect(uno.status).toBe(0);

    const editionFile = path.join(dir, "edition.json");
    const built = cli("import", "--from-review", edited, "--out", editionFile);
    expect(built.stderr).toContain("校验通过");
    expect(built.status).toBe(0);
    const edition = JSON.parse(readFileSync(editionFile, "utf8")) as {
      targets: { id: string; indicator: string; value: number; unit: string }[];
      text: string;
    };
    expect(edition.targets.some((t) => t.id === rejected)).toBe(false);
    expect(edition.targets.find((t) => t.id === "art01-hitech-firms")?.indicator).toBe("新增国家高新技术企业");
    expect(edition.targets.find((t) => t.id.startsWith("art13-restored"))).toMatchObject({ value: 1, unit: "千万元" });
    expect(edition.targets).toHaveLength(draft.targets.length);
    expect(edition.text).toBe(draft.text);
    expect(cli("check", editionFile).status).toBe(0);

    const refused = path.join(dir, "refused.json");
    const wrong = cli("import", "--from-review", bad, "--out", refused);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("未写出目标值 80家");
    expect(existsSync(refused)).toBe(false);
  });
});
