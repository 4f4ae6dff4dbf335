import { NA_RESULT, type CellSpec, type Scalar } from "../workbook/model";
import { XmlElement } from "./xmlTree";

/**
 * A cell's content as SpreadsheetML writes it, for a cell a patch writes and for every cell of a sheet written
 * whole: numbers as they are, text inline (so no shared string table other sheets index into changes), formulas
 * with their cached result.
 */

/** Empties a cell element: its children and its type go, its style and other attributes stay. */
function clear(c: XmlElement): void {
  c.children.length = 0;
  c.set("t", undefined);
}

/** A formula's cached result: numbers as they are, booleans as 1/0, #N/A as the error, text (and blank) as text. */
export function writeResult(c: XmlElement, result: Scalar | null | undefined): void {
  for (let i = c.children.length - 1; i >= 0; i--) {
    const n = c.children[i];
    if (n instanceof XmlElement && n.localName === "v") c.children.splice(i, 1);
  }
  c.set("t", undefined);
  if (typeof result === "number" && Number.isFinite(result)) {
    c.add("v", [], String(result));
  } else if (typeof result === "boolean") {
    c.set("t", "b").add("v", [], result ? "1" : "0");
  } else if (result === NA_RESULT) {
    c.set("t", "e").add("v", [], NA_RESULT);
  } else {
    c.set("t", "str").add("v", [], result === null || result === undefined ? "" : String(result));
  }
}

/** Writes a cell's value or formula (and cached result) into its element, replacing what it held. */
export function writeCell(c: XmlElement, spec: CellSpec): void {
  clear(c);
  if (spec.formula !== undefined) {
    c.add("f", [], spec.formula.replace(/^=/, ""));
    writeResult(c, spec.result);
    return;
  }
  const value = spec.value;
  if (value === null || value === undefined || value === "") return;
  if (typeof value === "number") c.add("v", [], String(value));
  else if (typeof value === "boolean") c.set("t", "b").add("v", [], value ? "1" : "0");
  else {
    c.set("t", "inlineStr");
    const space: [string, string][] = /^\s|\s$|\n/.test(value) ? [["xml:space", "preserve"]] : [];
    c.add("is").add("t", space, value);
  }
}
