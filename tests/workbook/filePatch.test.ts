/**
 * The file route patches the package: only the product sheets' parts change, every other part passes through
 * byte for byte; the result validates against the OOXML schemas; the layout-upgrade fixture (a v0.1 workbook
 * filled and edited in LibreOffice) is upgraded without losing anything.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getEdition } from "../../src/policy";
import { monitorHeaderRow } from "../../src/sheets/monitor";
import { selfEvaluationHeaderRow } from "../../src/sheets/selfEvaluationLayout";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { growSqref } from "../../src/xlsx/applyPatch";
import { writeWorkbookEdition } from "../../src/xlsx/editionPart";
import { NAME_COMMENT } from "../../src/sheets/marker";
import { SheetPart } from "../../src/xlsx/sheetPart";
import { readFileSnapshot, readSheetCells } from "../../src/xlsx/snapshot";
import { relationships } from "../../src/xlsx/parts";
import { REL_TYPE } from "../../src/xlsx/xml";
import { requireXmllint, validatePackage } from "../support/ooxml";
import { correctedEdition } from "./support/editions";
import { overlappingValidations } from "./support/validations";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");
const FIXTURE = path.join(__dirname, "..", "fixtures", "workbooks", "v0.1-filled.xlsx");
const fixture = () => new Uint8Array(readFileSync(FIXTURE));

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

async function sheetCells(bytes: Uint8Array, name: string) {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === name)?.part ?? "";
  return readSheetCells(zip, part, file.sharedStrings);
}

/** Every pair of overlapping data-validation ranges on every sheet of the package. */
describe("file route: patch the package", () => {
  const hasXmllint = requireXmllint();

  it("writes one validation rule per range: no two sqrefs overlap, fresh or refreshed", async () => {
    const fresh = await writeTemplate(data, { now: NOW });
    expect(await overlappingValidations(fresh.buffer)).toEqual([]);
    const refreshed = await refreshWorkbook(fixture(), correctedEdition(data), { now: NOW });
    expect(await overlappingValidations(refreshed.buffer)).toEqual([]);
  });

  (hasXmllint ? it : it.skip)(
    "every XML part of the CLI's workbook, of a refresh and of created sheets validates against ECMA-376",
    async () => {
      const fresh = await writeTemplate(data, { now: NOW });
      const upgraded = await refreshWorkbook(fixture(), correctedEdition(data), { now: NOW });
      const partial = await writeTemplate(data, { now: NOW, sheets: ["目标任务"] });
      const created = await refreshWorkbook(new Uint8Array(partial.buffer), data, { now: NOW });
      expect(created.patch.summary.sheetsCreated).toEqual([
        "说明",
        "预算安排",
        "预算执行",
        "责任分工",
        "汇总",
        "月度填报",
        "月度支出",
        "月度状态",
        "绩效监控",
        "绩效自评",
      ]);
      // What the CLI writes: the workbook with its edition part.
      const cli = await writeWorkbookEdition(fresh.buffer, data);
      for (const bytes of [fresh.buffer, cli, upgraded.buffer, created.buffer]) {
        const result = await validatePackage(bytes);
        expect(result.errors).toEqual([]);
        expect(result.parts.length).toBeGreaterThan(25);
      }
    },
  );

  it("prints 月度填报 and 月度支出 in month blocks — fresh, created by a refresh, and kept through an edition change", async () => {
    /** The sheet's page setup, column breaks and print titles as the package holds them. */
    async function printOf(bytes: Uint8Array, name: string) {
      const zip = await JSZip.loadAsync(bytes);
      const file = await readFileSnapshot(zip);
      const at = file.sheets.findIndex((x) => x.name === name);
      const xml = await zip.file(file.sheets[at]?.part ?? "")!.async("string");
      const workbook = await zip.file("xl/workbook.xml")!.async("string");
      const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${at}">([^<]*)<`).exec(workbook);
      return {
        fitToPage: /<pageSetUpPr[^>]*fitToPage="1"/.test(xml),
        scale: Number(/<pageSetup[^>]*\bscale="(\d+)"/.exec(xml)?.[1]),
        breaks: [...xml.matchAll(/<colBreaks[^>]*>(.*?)<\/colBreaks>/g)].flatMap((m) =>
          [...(m[1] ?? "").matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((b) => Number(b[1]) + 1),
        ),
        titles: titles?.[1]?.replace(/&apos;/g, "'"),
      };
    }
    const fresh = await writeTemplate(data, { now: NOW });
    const scale = (name: string) => fresh.plan.spec.sheets.find((x) => x.name === name)?.print.scale ?? 0;
    // 7月, 1月状态 and the helper columns start pages on 月度填报; 7月 on 月度支出.
    const expected = {
      月度填报: {
        fitToPage: false,
        scale: scale("月度填报"),
        breaks: [15, 22, 34],
        titles: "'月度填报'!$A:$C,'月度填报'!$4:$4",
      },
      月度支出: {
        fitToPage: false,
        scale: scale("月度支出"),
        breaks: [9],
        titles: "'月度支出'!$A:$B,'月度支出'!$4:$4",
      },
    };
    expect(Math.min(scale("月度填报"), scale("月度支出"))).toBeGreaterThanOrEqual(85);
    // The v0.1 fixture has no monthly sheets: the refresh creates them from a scratch package.
    const upgraded = await refreshWorkbook(fixture(), data, { now: NOW });
    expect(upgraded.patch.summary.sheetsCreated).toEqual(expect.arrayContaining(["月度填报", "月度支出"]));
    // An edition with a new target appends a row to 月度填报: the blocks and titles stay as they were.
    const changed = await refreshWorkbook(new Uint8Array(fresh.buffer), correctedEdition(data), { now: NOW });
    expect(changed.patch.summary.rowsAppended.some((r) => r.sheet === "月度填报")).toBe(true);
    for (const bytes of [new Uint8Array(fresh.buffer), upgraded.buffer, changed.buffer]) {
      for (const [name, want] of Object.entries(expected)) {
        expect([name, await printOf(bytes, name)]).toEqual([name, want]);
      }
    }
    // 目标任务 still fits one page width.
    expect(await printOf(new Uint8Array(fresh.buffer), "目标任务")).toMatchObject({ fitToPage: true, breaks: [] });
  });

  it("a refresh with nothing to change returns the file byte for byte, and says so", async () => {
    const once = await refreshWorkbook(fixture(), data, { now: NOW });
    const twice = await refreshWorkbook(once.buffer, data, { now: NOW });
    expect(twice.patch.summary.cellsWritten).toBe(0);
    expect(twice.stats.cellsWritten).toBe(0);
    expect(twice.buffer).toBe(once.buffer);
  });

  it("upgrades the v0.1 fixture: every input, the user's sheet and column kept; old formulas upgraded, none an override", async () => {
    const before = fixture();
    const result = await refreshWorkbook(before, data, { now: NOW });
    const s = result.patch.summary;
    expect(s.overridesKept).toEqual([]);
    expect(s.formulasUpgraded).toBeGreaterThan(300);
    // Same edition: no figure changes on the input sheets (a later layout may add its own texts elsewhere, into
    // cells that were empty).
    expect(s.officialUpdates.filter((u) => u.sheet === "目标任务" || u.sheet === "预算执行")).toEqual([]);
    // 说明's prose is the product's own help text and follows the product version; no other existing text changes.
    expect(s.officialUpdates.filter((u) => u.sheet !== "说明" && u.before !== null && u.before !== "")).toEqual([]);
    const old = await sheetCells(before, "目标任务");
    const now = await sheetCells(result.buffer, "目标任务");
    // Same rows, same place: inputs (上年值 I, 实际值 J, 备注 O), the user's 科室 column (Q) and every official cell
    // (row 3's legend is the product's help text: it now says where 实际值 comes from).
    for (let r = 0; r < old.length; r++) {
      for (const c of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 16]) {
        if (r === 2 && c === 0) continue;
        // A blank 实际值 became the formula: its result is "" (blank) until 月度填报 has the month.
        const v = now[r]?.[c]?.value;
        expect([r, c, c === 9 && v === "" ? null : (v ?? null)]).toEqual([r, c, old[r]?.[c]?.value ?? null]);
      }
    }
    // Each typed 实际值 moved into 6月 of 月度填报 (报告日期 2025-06-30), text 待统计 too; 实际值 shows it by formula.
    const typed = old.filter((row, r) => r > 3 && row[9]?.value !== null && row[9]?.value !== undefined);
    expect(typed.length).toBe(11); // of the 13 targets the fixture fills, 11 have a 实际值
    const monthly = await sheetCells(result.buffer, "月度填报");
    const monthCol = (monthly[3] ?? []).findIndex((c) => c?.value === "6月");
    for (const row of typed) {
      const at = now.find((x) => x[0]?.value === row[0]?.value);
      expect([row[0]?.value, at?.[9]?.formula]).toEqual([row[0]?.value, expect.stringContaining("月度填报")]);
      const m = monthly.find((x) => x[0]?.value === row[0]?.value);
      expect([row[0]?.value, m?.[monthCol]?.value]).toEqual([row[0]?.value, row[9]?.value]);
    }
    expect(s.valuesMoved).toBe(0); // the monthly sheets are new here: the months are written with them
    expect(now[5]?.[16]?.value).toBe("经建科");
    expect(now[5]?.[10]?.formula).toMatch(/ISLOGICAL\(J6\)/);
    const a = await parts(before);
    const b = await parts(result.buffer);
    // Every name a refresh writes (markers, reference names) is written one way: hidden, with its comment (the
    // fixture's own markers, saved by LibreOffice without theirs, are not the refresh's to rewrite unless their text
    // changes).
    const workbookXml = await (await JSZip.loadAsync(result.buffer)).file("xl/workbook.xml")!.async("string");
    expect(result.patch.names.length).toBeGreaterThan(5);
    for (const marker of result.patch.names) {
      const tag = [...workbookXml.matchAll(/<definedName [^>]*>/g)]
        .map((m) => m[0])
        .find((t) => t.includes(`name="${marker.name}"`));
      expect([tag, tag?.includes(`comment="${NAME_COMMENT.replace(/"/g, "&quot;")}"`)]).toEqual([tag, true]);
    }
    const userSheet = (await readFileSnapshot(await JSZip.loadAsync(before))).sheets.find((x) => x.name === "我的报表");
    expect(b.get(userSheet?.part ?? "")?.equals(a.get(userSheet?.part ?? "") as Buffer)).toBe(true);
  });

  it("edition change: one official cell updated, one row appended, the table and its ranges grown; all other parts byte-identical", async () => {
    const before = fixture();
    const result = await refreshWorkbook(before, data, { now: NOW });
    const upgraded = result.buffer;
    const edited = await refreshWorkbook(upgraded, correctedEdition(data), { now: NOW });
    const s = edited.patch.summary;
    // On 目标任务 and 月度填报 (which shows each target's 目标值 beside its months): the one figure; 责任分工 lists
    // the new target under its article (its own official text).
    for (const sheet of ["目标任务", "月度填报"]) {
      expect(
        s.officialUpdates.filter((u) => u.sheet === sheet).map((u) => [u.rowKey, u.column, u.before, u.after]),
      ).toEqual([["art01-hitech-firms", "目标值", 75, 80]]);
    }
    // 绩效监控 writes the figure as the form does (≥75家 → ≥80家).
    expect(
      s.officialUpdates.filter((u) => u.sheet === "绩效监控").map((u) => [u.rowKey, u.column, u.before, u.after]),
    ).toEqual([["art01-hitech-firms", "年度指标值", "≥75家", "≥80家"]]);
    // So does 绩效自评.
    expect(
      s.officialUpdates.filter((u) => u.sheet === "绩效自评").map((u) => [u.rowKey, u.column, u.before, u.after]),
    ).toEqual([["art01-hitech-firms", "年度指标值", "≥75家", "≥80家"]]);
    // The changed edition keeps the official id: 说明's 版本编号 cell says it differs from the bundled one (and how).
    expect(
      s.officialUpdates
        .filter((u) => u.sheet === "说明")
        .map((u) => [
          u.before,
          String(u.after).replace(/\n注意:本工作簿所用版本与内置的同编号官方版本.*75家 → 80家.*$/s, ""),
        ]),
    ).toEqual([["yueqing-2025", "yueqing-2025"]]);
    expect(new Set(s.officialUpdates.map((u) => u.sheet))).toEqual(
      new Set(["目标任务", "月度填报", "责任分工", "绩效监控", "绩效自评", "说明"]),
    );
    const targetsChanges = edited.patch.sheets.find((x) => x.name === "目标任务");
    // The figure, the new row's cells, and the results its new figure changes (art01's 完成率, 差距, 状态).
    expect(
      targetsChanges?.kind === "patch" && targetsChanges.changes.filter((c) => c.row !== 118).map((c) => c.address),
    ).toEqual(["E6"]);
    // The new target gets its row on 目标任务 and its row of months on 月度填报.
    expect(s.rowsAppended.map((r) => [r.sheet, r.rowKey, r.row])).toEqual([
      ["目标任务", "art01-new-rd-centers", 118],
      ["月度填报", "art01-new-rd-centers", 118],
      ["绩效监控", "art01-new-rd-centers", monitorHeaderRow(data.areas.length) + data.targets.length + 1],
      ["绩效自评", "art01-new-rd-centers", selfEvaluationHeaderRow(data.areas.length) + data.targets.length + 1],
    ]);
    const cells = await sheetCells(edited.buffer, "目标任务");
    expect(cells[5]?.[4]?.value).toBe(80);
    expect(cells[117]?.[0]?.value).toBe("art01-new-rd-centers");
    expect(cells[117]?.[10]?.formula).toContain("J118");
    const zip = await JSZip.loadAsync(edited.buffer);
    const file = await readFileSnapshot(zip);
    // The planner takes the user's column 科室 (typed at the table's right edge) into the table, as Excel does.
    expect(file.tables.find((t) => t.name === "ZC_Targets")?.ref).toBe("A4:Q118");
    const tablePart = file.tables.find((t) => t.name === "ZC_Targets")?.part ?? "";
    expect(await zip.file(tablePart)!.async("string")).toContain('<tableColumn id="17" name="科室"/>');
    const targetsPart = file.sheets.find((x) => x.name === "目标任务")?.part ?? "";
    const xml = await zip.file(targetsPart)!.async("string");
    expect(xml).toContain('sqref="J5:J118"');
    expect(xml).toContain('sqref="K5:M118"');
    // Inside the part, the rows the patch did not write keep their bytes.
    const written = new Set(
      targetsChanges?.kind === "patch" ? [...targetsChanges.changes, ...targetsChanges.results].map((c) => c.row) : [],
    );
    const oldRows = SheetPart.parse(
      await (await JSZip.loadAsync(upgraded)).file(targetsPart)!.async("string"),
    ).rowTexts();
    const newRows = SheetPart.parse(xml).rowTexts();
    let kept = 0;
    for (const [r, text] of oldRows) {
      if (written.has(r)) continue;
      expect([r, newRows.get(r) === text]).toEqual([r, true]);
      kept++;
    }
    expect(kept).toBeGreaterThan(100);
    // Only product parts changed; every other part (user sheet, charts, shared strings, theme…) as it was.
    const a = await parts(upgraded);
    const b = await parts(edited.buffer);
    const product = new Set(edited.stats.partsChanged);
    const productSheets = new Set(file.sheets.filter((x) => x.name !== "我的报表").map((x) => x.part));
    // The charts on our sheets (汇总's): their caches follow the cells the edition change rewrote.
    const productCharts = new Set<string>();
    for (const part of productSheets) {
      for (const d of (await relationships(zip, part)).filter((r) => r.type === REL_TYPE.drawing)) {
        for (const c of await relationships(zip, d.target)) if (c.type === REL_TYPE.chart) productCharts.add(c.target);
      }
    }
    expect(product.has("xl/charts/chart1.xml")).toBe(true);
    for (const p of product) {
      const ok =
        productSheets.has(p) ||
        productCharts.has(p) ||
        /^xl\/(tables\/|workbook\.xml$|styles\.xml$|calcChain)/.test(p) ||
        p === "[Content_Types].xml";
      expect([p, ok]).toEqual([p, true]);
    }
    for (const [name, bytes] of a) {
      if (product.has(name)) continue;
      expect([name, b.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  });

  it("a calculation chain is removed with its relationship and content type when cells change, never left wrong", async () => {
    const zip = await JSZip.loadAsync(fixture());
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    zip.file(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${main}"><c r="K6" i="3"/></calcChain>`,
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const input = await zip.generateAsync({ type: "uint8array" });
    const out = await JSZip.loadAsync((await refreshWorkbook(input, correctedEdition(data), { now: NOW })).buffer);
    expect(out.file("xl/calcChain.xml")).toBeNull();
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("calcChain");
    expect(await out.file("[Content_Types].xml")!.async("string")).not.toContain("calcChain");
  });

  it("growSqref grows ranges that end on the table's last row inside its columns, and nothing else", () => {
    const g = { from: "A4:P117", to: "A4:P118" };
    expect(growSqref("J5:J117 K5:M117", g)).toBe("J5:J118 K5:M118");
    expect(growSqref("B2", g)).toBe("B2");
    expect(growSqref("J5:J100", g)).toBe("J5:J100");
    expect(growSqref("Q5:Q117", g)).toBe("Q5:Q117");
  });
});
