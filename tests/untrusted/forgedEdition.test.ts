/**
 * Issue 18, class 9: an edition reusing the official id `yueqing-2025` with other figures is never shown without a
 * word — check, template --out/--update and report say it differs and how, and one command adopts the official one.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getEdition, type EditionData } from "../../src/policy";
import { fromEditionFile, serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import { differenceFromOfficial } from "../../src/policy/officialEdition";
import { readWorkbookEdition } from "../../src/xlsx/editionPart";
import { readFileSync } from "node:fs";
import { cli } from "./support/cli";

jest.setTimeout(180_000);

const official = getEdition("yueqing-2025") as EditionData;

// The file as plain JSON, to be changed the way a hand edit would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The official edition file with a change. */
function forged(change: (file: Json) => void): string {
  const file = JSON.parse(serializeEditionFile(toEditionFile(official))) as Json;
  change(file);
  return JSON.stringify(file, null, 2);
}

// Each forgery keeps the edition valid (the quote says what the figure says), as a careful forger would.
const variants: [string, (f: Json) => void, string][] = [
  [
    "a target's figure 75 → 50",
    (f) => {
      const t = f.targets.find((x: Json) => x.id === "art01-hitech-firms");
      t.value = 50;
      t.quote = t.quote.replace("75家", "50家");
    },
    "art01-hitech-firms 目标值:75家 → 50家",
  ],
  [
    "an area's budget",
    (f) => {
      f.areas[0].budgetYi = 9.74;
      f.areas[0].budgetQuote = f.areas[0].budgetQuote.replace("2.74", "9.74");
      f.edition.sumOfAreaBudgetsYi = Math.round((f.edition.sumOfAreaBudgetsYi + 7) * 100) / 100;
    },
    "预算",
  ],
  ["a target dropped", (f) => void f.targets.splice(3, 1), "缺少目标"],
  ["a comparator", (f) => void (f.targets[0].comparator = "<="), "比较"],
];

/** 说明's 版本编号 cell (the edition id, and the note when the edition is not the official one). */
async function introEditionCell(book: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet("说明");
  let text: string | undefined;
  sheet?.eachRow((row) => {
    if (row.getCell(1).text === "版本编号") text = row.getCell(2).text;
  });
  if (text === undefined) throw new Error(`${book}: 说明 has no 版本编号`);
  return text;
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "zc-forged-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("9. a forged official edition is shown as such", () => {
  it.each(variants)("%s: differenceFromOfficial lists it", (_what, change, line) => {
    const difference = differenceFromOfficial(fromEditionFile(JSON.parse(forged(change))));
    expect(difference?.lines.join("\n")).toContain(line);
  });

  it("a workbook built from the official edition has no note in 说明", async () => {
    const book = path.join(mkdtempSync(path.join(dir, "official-")), "台账.xlsx");
    const out = await cli(["template", "--out", book, "--edition", "yueqing-2025", "--report-date", "2025-06-30"]);
    expect(out.status).toBe(0);
    expect(await introEditionCell(book)).toBe("yueqing-2025");
  });

  it("the official edition itself, and an edition of another id, show nothing", () => {
    expect(differenceFromOfficial(official)).toBeUndefined();
    expect(
      differenceFromOfficial({ ...official, document: { ...official.document, id: "pinghu-2025" } }),
    ).toBeUndefined();
  });

  it.each(variants.slice(0, 2))(
    "%s: check, --out, --update and report warn; --edition yueqing-2025 adopts the official one",
    async (_what, change, line) => {
      const folder = mkdtempSync(path.join(dir, "case-"));
      const json = path.join(folder, "yueqing-2025.json");
      writeFileSync(json, forged(change));
      const book = path.join(folder, "台账.xlsx");

      const check = await cli(["check", json]);
      expect(check.stderr).toMatch(/^警告:.*yueqing-2025\.json:版本自称“yueqing-2025”/);
      expect(check.stderr).toContain(line);

      const out = await cli(["template", "--out", book, "--edition", json, "--report-date", "2025-06-30"]);
      expect(out.status).toBe(0);
      expect(out.stderr).toContain(line);
      const intro = await introEditionCell(book);
      expect(intro).toMatch(
        /^yueqing-2025\n注意:本工作簿所用版本与内置的同编号官方版本“yueqing-2025”不同\(共 \d+ 处\)/,
      );
      expect(intro).toContain(line);
      expect(intro).toContain("“版本”中点“改用内置版本”,或运行 npx zcmb template --update 文件 --edition yueqing-2025");

      const update = await cli(["template", "--update", book]);
      expect(update.status).toBe(0);
      expect(update.stderr).toMatch(new RegExp(`警告:${book.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`));
      expect(update.stderr).toContain("--edition yueqing-2025");
      expect(update.stderr).toContain(line);

      const report = await cli(["report", book, "--month", "2025-06", "--out", path.join(folder, "r.docx")]);
      expect(report.stderr).toContain(line);

      // One action: the official edition replaces the forged one in the workbook; nothing to warn about after it.
      const adopt = await cli(["template", "--update", book, "--edition", "yueqing-2025"]);
      expect(adopt.status).toBe(0);
      expect(adopt.stderr).not.toContain("警告");
      // 说明 is refreshed with the rest: its note goes, the id stays in its cell.
      expect(await introEditionCell(book)).toBe("yueqing-2025");
      const carried = await readWorkbookEdition(readFileSync(book));
      expect(carried.found && carried.edition && differenceFromOfficial(carried.edition)).toBeUndefined();
      expect((await cli(["template", "--update", book])).stderr).not.toContain("警告");
    },
  );
});
