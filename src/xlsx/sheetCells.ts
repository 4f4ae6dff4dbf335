import type { RawCell } from "../workbook/cells";
import { shiftFormula } from "../workbook/references";
import { splitAddress } from "./sheetOrder";
import { decodeText, localName, parseNodes, scanTags, tagAttribute } from "./xmlTree";

/**
 * A worksheet's cells read from its text without building elements: values, formulas with a leading "=", shared
 * formulas (Excel writes them when a user fills down) expanded for each cell.
 */

/** What a `<c>` holds while it is read. */
interface CellRead {
  col: number;
  type: string;
  value?: string;
  inline: string;
  formula?: { text: string; type?: string; si?: string };
}

export function readCells(text: string, from: number, to: number, shared: readonly string[]): RawCell[][] {
  const cells: RawCell[][] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let rowNo = 0;
  let colNo = 0;
  let row: RawCell[] = [];
  let cell: CellRead | undefined;
  let textStart = -1;
  let phonetic = 0;
  const finishCell = () => {
    if (!cell) return;
    const value = valueOf(cell, shared);
    let formula: string | undefined;
    const f = cell.formula;
    if (f) {
      if (f.type === "shared" && f.si !== undefined) {
        if (f.text !== "") masters.set(f.si, { formula: f.text, row: rowNo, col: cell.col });
        const master = masters.get(f.si);
        formula = master ? shiftFormula(master.formula, rowNo - master.row, cell.col - master.col) : undefined;
      } else if (f.text !== "") formula = f.text;
    }
    row[cell.col - 1] = formula === undefined ? { value } : { value, formula: `=${formula}` };
    cell = undefined;
  };
  const finishRow = () => {
    for (let i = 0; i < row.length; i++) row[i] ??= { value: null };
    cells[rowNo - 1] = row;
  };
  scanTags(
    text,
    (tag) => {
      const local = localName(tag.name);
      if (tag.kind === "close") {
        if (local === "row") finishRow();
        else if (local === "c") finishCell();
        else if (local === "rPh") phonetic--;
        else if (cell && textStart >= 0) {
          const data = charData(text, textStart, tag.start);
          if (local === "v") cell.value = data;
          else if (local === "f" && cell.formula) cell.formula.text = data;
          else if (local === "t" && phonetic === 0) cell.inline += data;
          textStart = -1;
        }
        return;
      }
      switch (local) {
        case "row": {
          const r = tagAttribute(text, tag, "r");
          rowNo = r === undefined ? rowNo + 1 : Number(r);
          colNo = 0;
          row = [];
          if (tag.kind === "empty") finishRow();
          return;
        }
        case "c": {
          const r = tagAttribute(text, tag, "r");
          colNo = r ? splitAddress(r)[1] : colNo + 1;
          cell = { col: colNo, type: tagAttribute(text, tag, "t") ?? "n", inline: "" };
          if (tag.kind === "empty") finishCell();
          return;
        }
        case "f":
          if (!cell) return;
          cell.formula = { text: "" };
          {
            const type = tagAttribute(text, tag, "t");
            const si = tagAttribute(text, tag, "si");
            if (type !== undefined) cell.formula.type = type;
            if (si !== undefined) cell.formula.si = si;
          }
          textStart = tag.kind === "open" ? tag.end : -1;
          return;
        case "v":
          if (cell) cell.value = "";
          textStart = tag.kind === "open" ? tag.end : -1;
          return;
        case "t":
          textStart = tag.kind === "open" ? tag.end : -1;
          return;
        case "rPh":
          if (tag.kind === "open") phonetic++;
          return;
        default:
          return;
      }
    },
    from,
    to,
  );
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return cells;
}

/** Character data between two offsets: references resolved, CDATA sections taken as written. */
function charData(text: string, from: number, to: number): string {
  const chunk = text.slice(from, to);
  if (chunk.indexOf("<") < 0) return decodeText(chunk, from);
  return parseNodes(chunk)
    .map((n) => (typeof n === "string" ? n : "raw" in n && n.raw.startsWith("<![CDATA[") ? n.raw.slice(9, -3) : ""))
    .join("");
}

/** The value a cell holds, as a host reads it (shared and inline strings resolved). */
function valueOf(cell: CellRead, shared: readonly string[]): unknown {
  if (cell.type === "inlineStr") return cell.inline;
  const text = cell.value;
  if (text === undefined) return null;
  switch (cell.type) {
    case "s":
      return shared[Number(text)] ?? "";
    case "str":
    case "e":
      return text;
    case "b":
      return text === "1" || text.toLowerCase() === "true";
    case "d":
      return new Date(text);
    default:
      return text === "" ? null : Number(text);
  }
}
