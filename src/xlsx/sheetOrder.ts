import { XmlElement } from "./xmlTree";

/** Where things are in a worksheet part: cell addresses, and the schema's order of the worksheet's children. */

/**
 * A cell address split: "K12" → [12, 11]; [0, 0] when it is not an address. Letters in either case: Excel writes
 * capitals, but a reader that took "k12" for no cell would lose the cell another producer wrote so.
 */
export function splitAddress(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i === ref.length || !Number.isInteger(row)) return [0, 0];
  return [row, col];
}

/** Child order of `<worksheet>` (CT_Worksheet), to insert an element where the schema wants it. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** Inserts `e` among `parent`'s children at its place in `order` (after every sibling that comes before it). */
export function insertInOrder(parent: XmlElement, e: XmlElement, order: readonly string[]): void {
  const rank = order.indexOf(e.localName);
  let at = parent.children.length;
  for (let i = 0; i < parent.children.length; i++) {
    const c = parent.children[i];
    if (c instanceof XmlElement && order.indexOf(c.localName) > rank) {
      at = i;
      break;
    }
  }
  parent.children.splice(at, 0, e);
}
