/**
 * Issue 18, class 3: a colleague's workbook holding a large sheet of their own is refreshed, not refused. Rows and
 * cells are limited on the product's sheets only (found through xl/workbook.xml, its relationships, our names and
 * tables); a foreign sheet is never parsed, and its compressed bytes are copied into the saved file as they are.
 * The CLI runs as a user runs it, under the 512 MB heap (tests/untrusted/support/cli.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { rezip, sheetPartOf, storedParts, withForeignSheet } from "../support/hostile";
import { scratchWithFreshWorkbook } from "./support/scratch";
import { cli, expectRefusal, leftovers, sha256 } from "./support/cli";

jest.setTimeout(600_000);

const scratch = scratchWithFreshWorkbook("zc-foreign-");

const DEPARTMENTS = ["市发改局", "市经信局", "市科技局", "市财政局", "市商务局", "市农业农村局"];
const ROWS = 200_000;

/**
 * A colleague's ledger of 200,000 rows, as Excel saves one: a unique contract number and a department as shared
 * strings, a date, two amounts, and a formula with its cached result. ≈ 60 MB of sheet XML.
 */
function ledgerXml(firstShared: number, count = ROWS): string {
  const rows: string[] = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>合同编号</t></is></c><c r="B1" t="inlineStr"><is><t>单位</t></is></c></row>`,
  ];
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    const amount = ((i * 7919) % 100_000) / 100;
    const rate = (i % 97) / 100;
    rows.push(
      `<row r="${r}" spans="1:6"><c r="A${r}" t="s"><v>${firstShared + DEPARTMENTS.length + i}</v></c>` +
        `<c r="B${r}" t="s"><v>${firstShared + (i % DEPARTMENTS.length)}</v></c><c r="C${r}" s="0"><v>${45658 + (i % 365)}</v></c>` +
        `<c r="D${r}"><v>${amount}</v></c><c r="E${r}"><v>${rate}</v></c><c r="F${r}"><f>D${r}*E${r}</f><v>${amount * rate}</v></c></row>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:F${count + 1}"/>` +
    `<sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

const contracts = Array.from({ length: ROWS }, (_, i) => `HT-2025-${String(i).padStart(6, "0")}`);

describe("a colleague's own sheets pass through", () => {
  it("a workbook with a 200,000-row sheet of theirs refreshes with template --update; their sheet byte for byte the same", async () => {
    const { bytes, part } = await withForeignSheet(scratch.fresh, "合同台账", ledgerXml, [
      ...DEPARTMENTS,
      ...contracts,
    ]);
    const { file, folder } = scratch.place("台账.xlsx", bytes);
    // A report date other than the workbook's: the refresh has product cells to write, so the package is saved.
    const run = await cli(["template", "--update", file, "--report-date", "2025-09-30"]);
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/错误|Error|heap/);
    expect(run.status).toBe(0);
    expect(leftovers(folder)).toEqual([]);
    const after = readFileSync(file);
    expect(createHash("sha256").update(after).digest("hex")).not.toBe(createHash("sha256").update(bytes).digest("hex"));
    // The foreign part was copied compressed (same method, CRC and deflated bytes), not inflated and deflated again.
    const before = storedParts(bytes).get(part);
    const saved = storedParts(after).get(part);
    expect(saved?.method).toBe(before?.method);
    expect(saved?.crc).toBe(before?.crc);
    expect(saved?.compressed.equals(before?.compressed ?? Buffer.alloc(0))).toBe(true);
    const [a, b] = await Promise.all([JSZip.loadAsync(bytes), JSZip.loadAsync(after)]);
    const [x, y] = await Promise.all([a.file(part)?.async("nodebuffer"), b.file(part)?.async("nodebuffer")]);
    expect(y?.equals(x ?? Buffer.alloc(0))).toBe(true);
    // Their sheet is still in the workbook, under its name, and its shared strings still mean what they meant.
    expect(await sheetPartOf(after, "合同台账")).toBe(part);
    const strings = (await b.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    expect(strings).toContain("HT-2025-199999");
  });

  it("a foreign sheet with a row numbered 2,000,000,000 is never parsed by --update; report, which reads every sheet, refuses it", async () => {
    const hostile = (_first: number) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData></worksheet>`;
    const { bytes, part } = await withForeignSheet(scratch.fresh, "别人的表", hostile);
    const { file, folder, hash } = scratch.place("台账.xlsx", bytes);
    const report = await cli(["report", file, "--month", "2025-06"]);
    expectRefusal(report, file, part, "2000000000");
    expect(sha256(file)).toBe(hash);
    const run = await cli(["template", "--update", file, "--report-date", "2025-09-30"]);
    expect(run.stderr).not.toMatch(/错误|Error/);
    expect(run.status).toBe(0);
    expect(storedParts(readFileSync(file)).get(part)?.compressed.equals(storedParts(bytes).get(part)!.compressed)).toBe(
      true,
    );
    expect(leftovers(folder)).toEqual([]);
  });

  it("60,000 rows of the same in one of ours (目标任务's part) are refused: rows are limited on the product's sheets", async () => {
    const targets = await sheetPartOf(scratch.fresh, "目标任务");
    const big = await rezip(scratch.fresh, (name) => (name === targets ? { data: ledgerXml(0, 60_000) } : undefined));
    const { file, folder, hash } = scratch.place("台账.xlsx", big);
    const run = await cli(["template", "--update", file]);
    expectRefusal(run, file, targets, "50,000");
    expect(sha256(file)).toBe(hash);
    expect(leftovers(folder)).toEqual([]);
  });
});
