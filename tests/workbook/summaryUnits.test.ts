/**
 * 汇总 counts 未填报 by unit as well as by area: a block per lead unit (牵头目标, 已填报, 未填报, 填报情况) in classic
 * COUNTIFS over 目标任务, with cached results; after returns are merged on the file route, LibreOffice's
 * recalculation gives each unit the same counts as `returns status` (the pure module). A refresh keeps the block
 * where it is, and adds it to a 汇总 made before it below everything there (a user's note stays); a second refresh
 * writes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { makeIdentity, returnStatus, unitDuties, type ReturnedFile } from "../../src/returns";
import { returnPlaces, workbookCells } from "../../src/sheets/returnsMerge";
import { UNITS_TITLE } from "../../src/sheets/summaryUnits";
import { refreshWorkbook, writeTemplate } from "../../src/xlsx";
import { mergeReturnsIntoFile } from "../../src/xlsx/returnsMerge";
import { SheetPart } from "../../src/xlsx/sheetPart";
import { readFileSnapshot, readSharedStrings, readSheetCells } from "../../src/xlsx/snapshot";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";

/** 乐清 2025 with 市经信局 renamed so its name holds a COUNTIFS wildcard: it must count its own rows, no others. */
const WILD = "市经*局";
const rename = (u: string) => (u === "市经信局" ? WILD : u);
const official = getEdition("yueqing-2025")!;
const data = {
  ...official,
  areas: official.areas.map((a) => ({ ...a, lead: rename(a.lead) })),
  articles: official.articles.map((a) => ({ ...a, responsible: a.responsible.map(rename) })),
};
const NOW = new Date("2025-08-01T02:00:00Z");
const leading = unitDuties(data).filter((d) => d.leads.length > 0);

type Cells = readonly (readonly { value: unknown; formula?: string }[])[];

async function summaryCells(bytes: Uint8Array): Promise<Cells> {
  const zip = await JSZip.loadAsync(bytes);
  const file = await readFileSnapshot(zip);
  const part = file.sheets.find((s) => s.name === "汇总")?.part ?? "";
  return readSheetCells(zip, part, await readSharedStrings(zip));
}

/** The block's rows by unit: [牵头目标, 已填报, 未填报, 填报情况] as the cells hold them. */
function unitRows(cells: Cells): Map<string, unknown[]> {
  const top = cells.findIndex((row) => row[0]?.value === UNITS_TITLE);
  expect(top).toBeGreaterThan(0);
  const out = new Map<string, unknown[]>();
  for (let r = top + 2; r < cells.length; r++) {
    const unit = String(cells[r]?.[0]?.value ?? "");
    if (unit === "合计" || unit === "") break;
    out.set(
      unit,
      [1, 2, 3, 4].map((c) => cells[r]?.[c]?.value),
    );
  }
  return out;
}

/** 市科技局's return with every target filled, 市经*局's with two: for 7月. */
function returns(): ReturnedFile[] {
  return ["市科技局", WILD].map((unit, i) => {
    const leads = leading.find((d) => d.unit === unit)!.leads;
    const filled = i === 0 ? leads : leads.slice(0, 2);
    return {
      name: `2025-07_${unit}.xlsx`,
      digest: String(i).repeat(64),
      identity: makeIdentity(
        unit,
        { year: 2025, month: 7 },
        data.document.id,
        leads.map((t) => t.id),
      ),
      rows: filled.map((t) => ({ id: t.id, figure: t.unit === "%" ? "1%" : 1 })),
    };
  });
}

describe("汇总's count by unit", () => {
  let fresh: Uint8Array;
  beforeAll(async () => {
    fresh = (await writeTemplate(data, { now: NOW })).buffer;
  }, 120_000);

  it("lists every lead unit with COUNTIFS over 目标任务 and cached results (a new workbook: all 未报)", async () => {
    const cells = await summaryCells(fresh);
    const rows = unitRows(cells);
    expect([...rows.keys()]).toEqual(leading.map((d) => d.unit));
    for (const d of leading) expect(rows.get(d.unit)).toEqual([d.leads.length, 0, d.leads.length, "未报"]);
    const top = cells.findIndex((row) => row[0]?.value === UNITS_TITLE);
    const formulas = cells[top + 2]?.map((c) => c.formula ?? "") ?? [];
    expect(formulas[1]).toMatch(
      /^=COUNTIFS\('?目标任务'?!\$\w+:\$\w+,"="&SUBSTITUTE\(.*\$A\d+.*\)\+COUNTIFS\(.*&"、\*"\)$/,
    );
    expect(formulas[3]).toContain('"未填报"');
    for (const f of formulas.join(" ").match(/[A-Z]+(?=\()/g) ?? [])
      expect(["COUNTIFS", "IF", "SUBSTITUTE"]).toContain(f);
  });

  (requireLibreOffice() ? it : it.skip)(
    "after a merge, LibreOffice's recalculation counts as `returns status` does",
    async () => {
      const merged = await mergeReturnsIntoFile(fresh, data, returns(), { time: "2025-08-05 09:30" });
      expect(merged.plan.writes.length).toBeGreaterThan(0);
      const dir = mkdtempSync(path.join(tmpdir(), "zc-units-"));
      try {
        const input = path.join(dir, "台账.xlsx");
        writeFileSync(input, merged.buffer);
        const outDir = path.join(dir, "out");
        const out = sofficeConvert(dir, input, "xlsx:Calc MS Excel 2007 XML", outDir);
        const recalculated = unitRows(await summaryCells(new Uint8Array(readFileSync(out))));
        const zip = await JSZip.loadAsync(merged.buffer);
        const cells = workbookCells(returnPlaces((await readFileSnapshot(zip)).snapshot));
        const statuses = returnStatus(data, cells, 7);
        expect(statuses.find((s) => s.unit === "市科技局")?.state).toBe("已报");
        expect(statuses.find((s) => s.unit === WILD)?.state).toBe("未报全");
        for (const s of statuses) {
          const filled = s.leads.length - s.missing.length;
          expect([s.unit, recalculated.get(s.unit)]).toEqual([
            s.unit,
            [s.leads.length, filled, s.missing.length, s.state],
          ]);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it("a 汇总 whose criteria are bare references (as earlier versions wrote them) is upgraded, not kept as typed", async () => {
    const zip = await JSZip.loadAsync(fresh);
    const part = (await readFileSnapshot(zip)).sheets.find((s) => s.name === "汇总")!.part;
    const text = await zip.file(part)!.async("string");
    // Either spelling of quotes in a formula element: &quot; as ExcelJS writes, " as the part patch does.
    const wrapped =
      /(?:&quot;|")=(?:&quot;|")&amp;SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\((\$A\d+),[^<]*?~\?(?:&quot;|")\)/g;
    const bare = text.replace(wrapped, "$1");
    expect(bare).not.toBe(text);
    zip.file(part, bare);
    const upgraded = await refreshWorkbook(await zip.generateAsync({ type: "uint8array" }), data, { now: NOW });
    expect(upgraded.patch.summary.overridesKept).toEqual([]);
    expect(upgraded.patch.summary.cellsWritten).toBeGreaterThan(0);
    const after = await (await JSZip.loadAsync(upgraded.buffer)).file(part)!.async("string");
    expect(after.match(wrapped)?.length).toBe(text.match(wrapped)?.length);
  }, 120_000);

  it("a refresh adds it to a 汇总 made before it, below a note the user typed there; a second refresh writes nothing", async () => {
    // A 汇总 from before the block: its rows cut off at the block's title, and a note typed on that row.
    const zip = await JSZip.loadAsync(fresh);
    const file = await readFileSnapshot(zip);
    const part = file.sheets.find((s) => s.name === "汇总")!.part;
    const text = await zip.file(part)!.async("string");
    const cells = await summaryCells(fresh);
    const top = cells.findIndex((row) => row[0]?.value === UNITS_TITLE) + 1;
    const rows = SheetPart.parse(text).rowTexts();
    const kept = [...rows].filter(([r]) => r < top).map(([, t]) => t);
    const note = `<row r="${top}"><c r="A${top}" t="inlineStr"><is><t>科室备注:各单位情况见OA</t></is></c></row>`;
    const start = text.indexOf("<sheetData>") + "<sheetData>".length;
    const end = text.indexOf("</sheetData>");
    const old = text.slice(0, start) + kept.join("") + note + text.slice(end);
    zip.file(part, old.replace(new RegExp(`<brk id="${top - 1}"[^>]*/>`), ""));
    const before = await zip.generateAsync({ type: "uint8array" });

    const upgraded = await refreshWorkbook(before, data, { now: NOW });
    expect(upgraded.patch.summary.blocksAdded).toEqual([{ sheet: "汇总", title: UNITS_TITLE, charts: 0 }]);
    const after = await summaryCells(upgraded.buffer);
    expect(after[top - 1]?.[0]?.value).toBe("科室备注:各单位情况见OA");
    expect(after.findIndex((row) => row[0]?.value === UNITS_TITLE) + 1).toBe(top + 2);
    const units = unitRows(after);
    for (const d of leading) expect(units.get(d.unit)).toEqual([d.leads.length, 0, d.leads.length, "未报"]);
    const summary = upgraded.patch.sheets.find((s) => s.name === "汇总");
    expect(summary?.kind === "patch" && summary.changes.every((c) => c.reason === "layout" && c.row >= top + 2)).toBe(
      true,
    );

    const again = await refreshWorkbook(upgraded.buffer, data, { now: NOW });
    expect(again.patch.summary.cellsWritten).toBe(0);
    expect(again.patch.summary.blocksAdded).toBeUndefined();
  }, 120_000);
});
