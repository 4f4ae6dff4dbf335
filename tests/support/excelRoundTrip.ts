/**
 * Tests stand in for a person's Excel with ExcelJS (load, type, save). ExcelJS drops what it does not model: our
 * marker names (string constants), other names, the charts, and the column page breaks. These put back what the
 * person's Excel would have kept, with the product's own part writers.
 */
import JSZip from "jszip";
import type { WorkbookSpec } from "../../src/workbook/model";
import type { ApplyStats } from "../../src/xlsx/applyPatch";
import { namesElement, setName } from "../../src/xlsx/applyPatch";
import { readPackage, type PackageName } from "../../src/xlsx/definedNames";
import { readPart, writePart } from "../../src/xlsx/parts";
import { SheetPart } from "../../src/xlsx/sheetPart";
import { SheetParts } from "../../src/xlsx/sheetParts";
import { insertInOrder, WORKSHEET_ORDER } from "../../src/xlsx/sheetOrder";
import { NS } from "../../src/xlsx/xml";
import { parseNodes, XmlElement } from "../../src/xlsx/xmlTree";
import { MARKER_PREFIX } from "../../src/sheets/marker";

const key = (n: { name: string; localSheetId?: string }) => `${n.name}|${n.localSheetId ?? ""}`;

/** Appends names (as their elements were written) that workbook.xml lacks. */
async function putBack(zip: JSZip, names: readonly PackageName[]): Promise<void> {
  const present = new Set((await readPackage(zip)).names.map(key));
  const doc = await readPart(zip, "xl/workbook.xml");
  if (!doc) return;
  for (const n of names) {
    if (present.has(key(n))) continue;
    namesElement(doc.root).children.push(...parseNodes(n.xml));
  }
  writePart(zip, "xl/workbook.xml", doc);
}

/** Puts back defined names of the original package that an ExcelJS round trip lost. */
export async function restoreNames(buffer: Uint8Array, original: readonly PackageName[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  await putBack(zip, original);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * After ExcelJS saved a workbook of `spec`: its markers, the original's other names, its charts and its column
 * breaks, as Excel would have kept them.
 */
export async function postProcess(
  buffer: Uint8Array,
  spec: WorkbookSpec,
  options: { readonly originalNames?: readonly PackageName[] } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const rewritten = new Set(spec.names.map((n) => n.name));
  await putBack(
    zip,
    (options.originalNames ?? []).filter(
      (n) => !n.name.startsWith("_xlnm.") && !(n.name.startsWith(MARKER_PREFIX) && rewritten.has(n.name)),
    ),
  );
  const doc = await readPart(zip, "xl/workbook.xml");
  if (doc) {
    for (const n of spec.names) setName(doc.root, n);
    writePart(zip, "xl/workbook.xml", doc);
  }
  const info = await readPackage(zip);
  const stats: ApplyStats = { cellsWritten: 0, resultsCached: 0, partsChanged: [] };
  const parts = await SheetParts.open(zip, stats);
  for (const sheet of spec.sheets) {
    const part = info.sheets.find((s) => s.name === sheet.name)?.path;
    const text = part ? await zip.file(part)?.async("string") : undefined;
    if (!part || text === undefined) continue;
    if (sheet.charts.length === 0 && sheet.columnBreaks.length === 0) continue;
    const ws = SheetPart.parse(text);
    const root = ws.root();
    const prefix = root.name.includes(":") ? `${root.name.split(":")[0]}:` : "";
    const drawing = await parts.addCharts(part, sheet.name, sheet.charts);
    if (drawing) {
      if (!root.attributes.some(([k, v]) => k.startsWith("xmlns:") && v === NS.rel)) root.set("xmlns:r", NS.rel);
      insertInOrder(root, new XmlElement(`${prefix}drawing`, [["r:id", drawing]]), WORKSHEET_ORDER);
    }
    if (sheet.columnBreaks.length > 0 && !root.first("colBreaks")) {
      const n = String(sheet.columnBreaks.length);
      const breaks = new XmlElement(`${prefix}colBreaks`, [
        ["count", n],
        ["manualBreakCount", n],
      ]);
      for (const c of sheet.columnBreaks)
        breaks.add("brk", [
          ["id", String(c - 1)],
          ["max", "1048575"],
          ["man", "1"],
        ]);
      insertInOrder(root, breaks, WORKSHEET_ORDER);
    }
    zip.file(part, ws.toString());
  }
  parts.save();
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
