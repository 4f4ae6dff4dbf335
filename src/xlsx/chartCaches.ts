import type JSZip from "jszip";
import { parseRange, quoteSheet } from "../workbook/a1";
import type { RawCell } from "../workbook/cells";
import type { WorkbookPatch } from "../workbook/patch";
import type { ApplyStats } from "./applyPatch";
import { readPart, relationships, writePart } from "./parts";
import { readSheetCells, type FileSnapshot } from "./snapshot";
import { REL_TYPE } from "./xml";
import { serialize, XmlElement } from "./xmlTree";

/**
 * After a refresh changed our sheets' cells, the charts on those sheets carry the new figures in their caches too:
 * every series reference (`c:numRef`, `c:strRef`) into the sheet gets its cache rebuilt from the cells' values as
 * written (cached results included), so viewers that show caches (WPS, previews) show what the cells say. A chart
 * part is rewritten only when a cache changes; references to other sheets are left as they are.
 */
export async function refreshChartCaches(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch, stats: ApplyStats) {
  for (const sheet of patch.sheets) {
    if (sheet.kind !== "patch" || (sheet.changes.length === 0 && sheet.results.length === 0)) continue;
    const part = file.sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) continue;
    const drawing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
    if (!drawing) continue;
    const charts = (await relationships(zip, drawing.target)).filter((r) => r.type === REL_TYPE.chart);
    if (charts.length === 0) continue;
    const cells = await readSheetCells(zip, part, file.sharedStrings);
    for (const chart of charts) {
      const xml = await readPart(zip, chart.target);
      if (xml && recache(xml.root, sheet.name, cells)) {
        writePart(zip, chart.target, xml);
        stats.partsChanged.push(chart.target);
      }
    }
  }
}

/** The cells a reference like 'Sheet'!$A$5:$A$16 names, when it names `sheet`; undefined otherwise. */
function referenced(formula: string, sheet: string, cells: readonly (readonly RawCell[])[]): unknown[] | undefined {
  const text = formula.trim();
  const prefixes = [`${quoteSheet(sheet)}!`, `${sheet}!`];
  const prefix = prefixes.find((p) => text.startsWith(p));
  if (!prefix) return undefined;
  const ref = text.slice(prefix.length).replace(/\$/g, "");
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(ref)) return undefined;
  const box = parseRange(ref);
  const out: unknown[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) out.push(cells[r - 1]?.[c - 1]?.value ?? null);
  }
  return out;
}

/** The `c:` elements named `local` under `e`, at any depth. */
function descendants(e: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of e.children) {
    if (!(c instanceof XmlElement)) continue;
    if (c.localName === local) out.push(c);
    else descendants(c, local, out);
  }
  return out;
}

/** Rebuilds the caches of one chart part; true when one changed. */
function recache(root: XmlElement, sheet: string, cells: readonly (readonly RawCell[])[]): boolean {
  let changed = false;
  for (const kind of ["numRef", "strRef"] as const) {
    for (const ref of descendants(root, kind)) {
      const values = referenced(ref.first("f")?.text() ?? "", sheet, cells);
      if (!values) continue;
      const cacheName = kind === "numRef" ? "numCache" : "strCache";
      const old = ref.first(cacheName);
      const cache = new XmlElement(ref.name.replace(kind, cacheName));
      if (kind === "numRef") cache.add("formatCode", [], old?.first("formatCode")?.text() ?? "General");
      cache.add("ptCount", [["val", String(values.length)]]);
      values.forEach((v, i) => {
        const text = kind === "numRef" ? (typeof v === "number" && Number.isFinite(v) ? String(v) : undefined) : v;
        if (text === undefined || text === null || text === "") return;
        cache.add("pt", [["idx", String(i)]]).add("v", [], String(text));
      });
      if (old && serialize(old) === serialize(cache)) continue;
      const at = old ? ref.children.indexOf(old) : -1;
      if (at >= 0) ref.children[at] = cache;
      else ref.children.push(cache);
      changed = true;
    }
  }
  return changed;
}
