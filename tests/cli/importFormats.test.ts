/**
 * `cli import` reads a real .docx (written here with the `docx` package, one paragraph per line, as Word saves a
 * policy) and an .html in traditional characters (a re-post, converted with opencc-js) into the same draft as the
 * .txt of the same text.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import * as OpenCC from "opencc-js";
import type { Draft } from "../../src/importer";

const root = path.join(__dirname, "..", "..");
const seed = readFileSync(path.join(root, "seeds/yueqing-2025-policy.txt"), "utf8");

function importFile(file: string): Draft {
  const r = spawnSync("npx", ["zcmb", "import", file], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Draft;
}

/** What a reviewer compares: the structure and every target's figure and quote. */
const essence = (d: Draft) => ({
  areas: d.areas.map((a) => [a.title, a.lead, a.budgetYi, a.budgetItems.length]),
  articles: d.articles.map((a) => [a.no, a.area, a.responsible]),
  targets: d.targets.map((t) => [t.id, t.area, t.article, t.value, t.unit, t.comparator, t.quote]),
});

describe("cli import of .docx and traditional-character .html", () => {
  let dir: string;
  let fromText: Draft;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zc-import-formats-"));
    const txt = path.join(dir, "policy.txt");
    writeFileSync(txt, seed);
    fromText = importFile(txt);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a .docx gives the draft the .txt gives", async () => {
    const doc = new Document({
      sections: [
        {
          children: seed
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line) => new Paragraph({ children: [new TextRun(line)] })),
        },
      ],
    });
    const file = path.join(dir, "policy.docx");
    writeFileSync(file, await Packer.toBuffer(doc));
    const fromDocx = importFile(file);
    expect(fromText.targets.length).toBeGreaterThan(100);
    expect(essence(fromDocx)).toEqual(essence(fromText));
  });

  it("an .html in traditional characters gives the simplified draft", () => {
    const traditional = OpenCC.Converter({ from: "cn", to: "t" })(seed);
    expect(traditional).not.toBe(seed);
    const html = `<html><head><meta charset="utf-8"><title>轉載</title></head><body>${traditional
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => `<p>${line}</p>`)
      .join("")}</body></html>`;
    const file = path.join(dir, "policy.html");
    writeFileSync(file, html);
    const fromHtml = importFile(file);
    expect(fromHtml.targets.map((t) => [t.area, t.article, t.value, t.unit, t.comparator])).toEqual(
      fromText.targets.map((t) => [t.area, t.article, t.value, t.unit, t.comparator]),
    );
    expect(fromHtml.areas.map((a) => [a.lead, a.budgetYi])).toEqual(fromText.areas.map((a) => [a.lead, a.budgetYi]));
  });
});
