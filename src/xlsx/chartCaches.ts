import type { Document, Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { parseRange, quoteSheet } from "../workbook/a1";
import type { RawCell } from "../workbook/cells";
import type { WorkbookPatch } from "../workbook/patch";
import type { ApplyStats } from "./applyPatch";
import { readSheetCells, readSharedStrings, type FileSnapshot } from "./snapshot";
import { children, readXml, relationships, REL_TYPE, writeXml } from "./xml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/**
 * After a refresh changed our sheets' cells, the charts on those sheets carry the new figures in their caches too:
 * every series reference (`c:numRef`, `c:strRef`) into the sheet gets its cache rebuilt from the cells' values as
 * written (cached results included), so viewers that show caches (WPS, previews) show what the cells say. A chart
 * part is rewritten only when a cache changes; references to other sheets are left as they are.
 */
export async function refreshChartCaches(zip: JSZip, file: FileSnapshot, patch: WorkbookPatch, stats: ApplyStats) {
  let shared: string[] | undefined;
  for (const sheet of patch.sheets) {
    if (sheet.kind !== "patch" || (sheet.changes.length === 0 && sheet.results.length === 0)) continue;
    const part = file.sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) continue;
    const drawing = (await relationships(zip, part)).find((r) => r.type === REL_TYPE.drawing);
    if (!drawing) continue;
    const charts = (await relationships(zip, drawing.target)).filter((r) => r.type === REL_TYPE.chart);
    if (charts.length === 0) continue;
    shared ??= await readSharedStrings(zip);
    const doc = await readXml(zip, part);
    if (!doc) continue;
    const cells = readSheetCells(doc, shared);
    for (const chart of charts) {
      const xml = await readXml(zip, chart.target);
      if (xml && recache(xml, sheet.name, cells)) {
        writeXml(zip, chart.target, xml);
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

function el(doc: Document, name: string, text?: string): Element {
  const e = doc.createElementNS(NS_C, `c:${name}`);
  if (text !== undefined) e.appendChild(doc.createTextNode(text));
  return e;
}

/** Rebuilds the caches of one chart part; true when one changed. */
function recache(doc: Document, sheet: string, cells: readonly (readonly RawCell[])[]): boolean {
  let changed = false;
  for (const kind of ["numRef", "strRef"] as const) {
    for (const ref of Array.from(doc.getElementsByTagNameNS(NS_C, kind))) {
      const f = children(ref, "f")[0]?.textContent ?? "";
      const values = referenced(f, sheet, cells);
      if (!values) continue;
      const cacheName = kind === "numRef" ? "numCache" : "strCache";
      const old = children(ref, cacheName)[0];
      const cache = el(doc, cacheName);
      if (kind === "numRef") {
        const code = old ? children(old, "formatCode")[0]?.textContent : undefined;
        cache.appendChild(el(doc, "formatCode", code ?? "General"));
      }
      const count = el(doc, "ptCount");
      count.setAttribute("val", String(values.length));
      cache.appendChild(count);
      values.forEach((v, i) => {
        const text = kind === "numRef" ? (typeof v === "number" && Number.isFinite(v) ? String(v) : undefined) : v;
        if (text === undefined || text === null || text === "") return;
        const pt = el(doc, "pt");
        pt.setAttribute("idx", String(i));
        pt.appendChild(el(doc, "v", String(text)));
        cache.appendChild(pt);
      });
      if (old?.toString() === cache.toString()) continue;
      if (old) ref.replaceChild(cache, old);
      else ref.appendChild(cache);
      changed = true;
    }
  }
  return changed;
}
