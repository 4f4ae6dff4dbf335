/**
 * The workbook carries its edition: the CLI's file route writes the Custom XML part, the Office.js path (fake
 * Excel) and `--update` read it back, and a tampered part is refused with a message, the workbook left as it was.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { getEdition } from "../../src/policy";
import { fromEditionFile, type EditionFile } from "../../src/policy/editionFile";
import { formatIssue } from "../../src/policy/validation";
import { EDITION_PART_NAMESPACE, editionPartXml, isEditionPart } from "../../src/policy/editionPart";
import { readWorkbookEdition as readInExcel, storeWorkbookEdition } from "../../src/excel/editionPart";
import { readWorkbookEdition, writeWorkbookEdition } from "../../src/xlsx/editionPart";
import { FakeExcel } from "./support/fakeExcel";

const root = path.join(__dirname, "..", "..");
const fixtureFile = path.join(root, "tests/fixtures/editions/shifan-2026.json");
const shifanFile = JSON.parse(readFileSync(fixtureFile, "utf8")) as EditionFile;
const shifan = fromEditionFile(shifanFile);
const yueqing = getEdition("yueqing-2025")!;

const run = (...args: string[]) => runInProcess(templateCommand, args);

async function partXml(buffer: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const items = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p));
  for (const item of items) {
    const xml = (await zip.file(item)?.async("string")) ?? "";
    if (xml.includes(EDITION_PART_NAMESPACE)) return xml;
  }
  throw new Error("no edition part");
}

/** The workbook with our part's content replaced by `content`, properties part and relationships kept. */
async function tamper(buffer: Uint8Array, content: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const item = Object.keys(zip.files).find((p) => /^customXml\/item\d+\.xml$/.test(p))!;
  zip.file(item, content);
  return zip.generateAsync({ type: "nodebuffer" });
}

async function targetIds(buffer: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("目标任务")!;
  const ids: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && shifan.targets.concat(yueqing.targets).some((t) => t.id === cell.value))
        ids.push(cell.value);
    });
  });
  return ids;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the workbook's edition part", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zc-edition-part-"));
  });

  it("is written by `template --edition FILE` and read back, text included, by the file and Office.js readers", async () => {
    const file = path.join(dir, "示范.xlsx");
    const r = await run("--out", file, "--edition", fixtureFile, "--report-date", "2026-06-30");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const buffer = readFileSync(file);
    const carried = await readWorkbookEdition(buffer);
    expect(carried).toMatchObject({ found: true, errors: [] });
    expect(carried.found && carried.edition).toEqual(shifan);

    const zip = await JSZip.loadAsync(buffer);
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain(
      'PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"',
    );
    expect(await zip.file("xl/_rels/workbook.xml.rels")?.async("string")).toContain('Target="../customXml/item1.xml"');
    expect(await targetIds(buffer)).toEqual(shifan.targets.map((t) => t.id));

    const excel = new FakeExcel();
    excel.customXmlParts.push({ id: "{A}", xml: '<other xmlns="urn:someone-else">x</other>' });
    excel.customXmlParts.push({ id: "{B}", xml: await partXml(buffer) });
    const read = await readInExcel(excel.context);
    expect(read.found && read.edition).toEqual(shifan);
    expect(excel.syncs).toBe(2);
  });

  it("is replaced in place by the Office.js writer, leaving other parts alone, and refused there when tampered", async () => {
    const excel = new FakeExcel();
    excel.customXmlParts.push({ id: "{A}", xml: '<other xmlns="urn:someone-else">x</other>' });
    expect(await readInExcel(excel.context)).toEqual({ found: false });
    await storeWorkbookEdition(excel.context, yueqing);
    await storeWorkbookEdition(excel.context, shifan);
    expect(excel.customXmlParts).toHaveLength(2);
    expect(excel.customXmlParts[0]?.xml).toBe('<other xmlns="urn:someone-else">x</other>');
    const read = await readInExcel(excel.context);
    expect(read.found && read.edition?.document.id).toBe("shifan-2026");

    excel.customXmlParts[1]!.xml = `<edition xmlns="${EDITION_PART_NAMESPACE}">{"schemaVersion":1,</edition>`;
    const bad = await readInExcel(excel.context);
    expect(bad.found && bad.edition).toBeUndefined();
    expect(bad.found && bad.errors.map(formatIssue)).toEqual(["不是有效的 JSON(第 1 行第 20 列附近)"]);
  });

  it("keeps its edition through `--update` without --edition, and --edition replaces it", async () => {
    const file = path.join(dir, "台账.xlsx");
    expect((await run("--out", file, "--edition", fixtureFile)).code).toBe(0);
    const r = await run("--update", file);
    expect(r.code).toBe(0);
    const updated = readFileSync(file);
    expect((await readWorkbookEdition(updated)).found).toBe(true);
    expect(await targetIds(updated)).toEqual(shifan.targets.map((t) => t.id));

    expect((await run("--update", file, "--edition", "yueqing-2025")).code).toBe(0);
    const replaced = await readWorkbookEdition(readFileSync(file));
    expect(replaced.found && replaced.edition?.document.id).toBe("yueqing-2025");
  });

  it.each([
    [
      "bad JSON",
      () => `<edition xmlns="${EDITION_PART_NAMESPACE}">{"schemaVersion": 1, "edition": </edition>`,
      "不是有效的 JSON",
    ],
    [
      "a quote that is not in the text",
      () => {
        const f = JSON.parse(JSON.stringify(shifanFile));
        f.targets[1].quote = "力争完成数字化改造企业300家以上";
        f.targets[1].value = 300;
        return editionPartXml(fromEditionFile(f));
      },
      "targets[1].quote 不是原文中的一段(须逐字摘录)",
    ],
    [
      "5 MB of garbage",
      () => "\u0007garbage".repeat(650_000),
      // The CLI refuses it before inflating it whole (the package limits); the pane by its size once read.
      ["部件 customXml/item1.xml 解压后超过 4.0 MB", "工作簿中的版本数据过大(5.0 MB,上限 4 MB),已拒绝"],
    ],
    ["a part that is not ours", () => `<edition xmlns="urn:other">{}</edition>`, "不是政策目标加载项的格式"],
  ])("refuses %s: `--update` exits 1 with a message and the file keeps its bytes", async (_what, content, messages) => {
    const [message, paneMessage] = typeof messages === "string" ? [messages, messages] : messages;
    const file = path.join(dir, "台账.xlsx");
    expect((await run("--out", file, "--edition", fixtureFile)).code).toBe(0);
    const tampered = await tamper(readFileSync(file), content());
    writeFileSync(file, tampered);
    const r = await run("--update", file);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^错误:${escapeRegExp(file)}:(内嵌的版本无效|部件 customXml)`));
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`Error: ${file}: `);
    expect(Buffer.compare(readFileSync(file), tampered)).toBe(0);

    // The Office.js reader finds parts by namespace: the same content inside our root element reaches the
    // validation and is refused the same way; a part of another namespace is not ours and is not read at all.
    const xml = content();
    const excel = new FakeExcel();
    excel.customXmlParts.push({ id: "{A}", xml: '<other xmlns="urn:someone-else">x</other>' });
    const ours = xml.includes("urn:other")
      ? xml
      : isEditionPart(xml)
        ? xml
        : `<edition xmlns="${EDITION_PART_NAMESPACE}">${xml}</edition>`;
    excel.customXmlParts.push({ id: "{B}", xml: ours });
    const before = JSON.stringify(excel.customXmlParts);
    const read = await readInExcel(excel.context);
    if (xml.includes("urn:other")) expect(read).toEqual({ found: false });
    else {
      expect(read.found && read.edition).toBeUndefined();
      expect(read.found && read.errors.map(formatIssue).join("\n")).toContain(paneMessage);
    }
    expect(JSON.stringify(excel.customXmlParts)).toBe(before);
    expect(excel.cellsWritten).toBe(0);
  });

  it("refuses to store an edition too large for a workbook, and rewriting the same edition gives the same part", async () => {
    const huge = { ...shifan, text: "政".repeat(1_500_000) };
    expect(() => editionPartXml(huge)).toThrow("版本数据过大(4.3 MB,工作簿内最多 4 MB)");
    const once = await writeWorkbookEdition(await blank(), shifan);
    const twice = await writeWorkbookEdition(once, shifan);
    expect(await partXml(twice)).toBe(await partXml(once));
    const zip = await JSZip.loadAsync(twice);
    expect(Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p))).toHaveLength(1);
  });

  it("a second part of ours (a tool copied it) is removed with its properties, relationship and content type", async () => {
    const once = await JSZip.loadAsync(await writeWorkbookEdition(await blank(), shifan));
    // The copy: item2 with its properties part, related from the workbook and typed, as a tool would add it.
    for (const [from, to] of [
      ["customXml/item1.xml", "customXml/item2.xml"],
      ["customXml/itemProps1.xml", "customXml/itemProps2.xml"],
      ["customXml/_rels/item1.xml.rels", "customXml/_rels/item2.xml.rels"],
    ] as const) {
      once.file(to, (await once.file(from)!.async("string")).replace("itemProps1", "itemProps2"));
    }
    const types = await once.file("[Content_Types].xml")!.async("string");
    once.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/customXml/itemProps2.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
      ),
    );
    const rels = await once.file("xl/_rels/workbook.xml.rels")!.async("string");
    once.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item2.xml"/></Relationships>`,
      ),
    );
    const twice = await JSZip.loadAsync(
      await writeWorkbookEdition(await once.generateAsync({ type: "uint8array" }), yueqing),
    );
    expect(
      Object.keys(twice.files)
        .filter((p) => p.startsWith("customXml/") && !twice.files[p]?.dir)
        .sort(),
    ).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
    expect(await twice.file("[Content_Types].xml")!.async("string")).not.toContain("itemProps2");
    expect(await twice.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("item2.xml");
    const read = await readWorkbookEdition(await twice.generateAsync({ type: "uint8array" }));
    expect(read.found && read.edition?.document.id).toBe(yueqing.document.id);
  });
});

async function blank(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1");
  return Buffer.from(await wb.xlsx.writeBuffer());
}
