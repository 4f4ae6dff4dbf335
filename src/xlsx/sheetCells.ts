import type { RawCell } from "../workbook/cells";
import { shiftFormula } from "../workbook/references";
import { splitAddress } from "./sheetOrder";
import { decodeText, parseNodes, rawText, TagCursor, XmlElement, XmlSyntaxError } from "./xmlTree";

/**
 * A worksheet's cells read from its text without building elements: values, formulas with a leading "=", shared
 * formulas (Excel writes them when a user fills down) expanded for each cell.
 */

export function readCells(text: string, from: number, to: number, shared: readonly string[]): RawCell[][] {
  const cells: RawCell[][] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let rowNo = 0;
  let colNo = 0;
  let row: RawCell[] = [];
  // The <c> being read (none when `inCell` is false): a few locals, not an object per cell.
  let inCell = false;
  let cellAt = 0;
  let col = 0;
  let type = "n";
  let value: string | undefined;
  let inline = "";
  let hasFormula = false;
  let formulaText = "";
  let formulaType: string | undefined;
  let formulaSi: string | undefined;
  let textStart = -1;
  let phonetic = 0;
  const finishCell = () => {
    if (!inCell) return;
    const read = valueOf(type, value, inline, shared, cellAt);
    let formula: string | undefined;
    if (hasFormula) {
      if (formulaType === "shared" && formulaSi !== undefined) {
        if (formulaText !== "") masters.set(formulaSi, { formula: formulaText, row: rowNo, col });
        const master = masters.get(formulaSi);
        formula = master ? shiftFormula(master.formula, rowNo - master.row, col - master.col) : undefined;
      } else if (formulaText !== "") formula = formulaText;
    }
    row[col - 1] = formula === undefined ? { value: read } : { value: read, formula: `=${formula}` };
    inCell = false;
  };
  const finishRow = () => {
    for (let i = 0; i < row.length; i++) row[i] ??= { value: null };
    cells[rowNo - 1] = row;
  };
  const tags = new TagCursor(text, from, to);
  while (tags.next()) {
    if (tags.kind === "close") {
      if (tags.is("row")) finishRow();
      else if (tags.is("c")) finishCell();
      else if (tags.is("rPh")) phonetic--;
      else if (inCell && textStart >= 0) {
        const data = charData(text, textStart, tags.start);
        if (tags.is("v")) value = data;
        else if (tags.is("f") && hasFormula) formulaText = data;
        else if (tags.is("t") && phonetic === 0) inline += data;
        textStart = -1;
      }
      continue;
    }
    if (tags.is("c")) {
      const r = tags.attribute("r");
      cellAt = tags.start;
      colNo = r ? splitAddress(r)[1] : colNo + 1;
      // A cell that names no cell cannot be placed: its value would be lost, or read as another cell's.
      if (colNo === 0) throw new XmlSyntaxError(`a cell r="${r ?? ""}" that names no cell`, cellAt);
      inCell = true;
      col = colNo;
      type = tags.attribute("t") ?? "n";
      value = undefined;
      inline = "";
      hasFormula = false;
      if (tags.kind === "empty") finishCell();
    } else if (tags.is("v")) {
      if (inCell) value = "";
      textStart = tags.kind === "open" ? tags.end : -1;
    } else if (tags.is("f")) {
      if (!inCell) continue;
      hasFormula = true;
      formulaText = "";
      formulaType = tags.attribute("t");
      formulaSi = tags.attribute("si");
      textStart = tags.kind === "open" ? tags.end : -1;
    } else if (tags.is("row")) {
      const r = tags.attribute("r");
      rowNo = r === undefined ? rowNo + 1 : Number(r);
      colNo = 0;
      row = [];
      if (tags.kind === "empty") finishRow();
    } else if (tags.is("t")) textStart = tags.kind === "open" ? tags.end : -1;
    else if (tags.is("rPh") && tags.kind === "open") phonetic++;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return cells;
}

/** Character data between two offsets: references resolved, CDATA sections taken as written. */
function charData(text: string, from: number, to: number): string {
  const lt = text.indexOf("<", from);
  if (lt < 0 || lt >= to) return decodeText(text.slice(from, to), from);
  return parseNodes(text.slice(from, to))
    .map((n) => (typeof n === "string" ? n : n instanceof XmlElement ? "" : rawText(n)))
    .join("");
}

/** A number as SpreadsheetML writes one (xsd:double): `Number` alone would also take "", " ", "0x1F" and "Infinity". */
const DOUBLE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INDEX = /^\s*\d+\s*$/;

/**
 * The value a cell holds, as a host reads it (shared and inline strings resolved). A value that is no value of its
 * type — a shared string the table does not hold, a number that is not one — is a damaged part, never a guess: an
 * empty `<v/>` of a shared string read as index 0 would show another cell's text.
 */
function valueOf(
  type: string,
  text: string | undefined,
  inline: string,
  shared: readonly string[],
  at: number,
): unknown {
  if (type === "inlineStr") return inline;
  if (text === undefined) return null;
  switch (type) {
    case "s": {
      const string = INDEX.test(text) ? shared[Number(text)] : undefined;
      if (string === undefined)
        throw new XmlSyntaxError(`a shared string ${JSON.stringify(text)} not in the table`, at);
      return string;
    }
    case "str":
    case "e":
      return text;
    case "b": {
      const bool = text.trim().toLowerCase();
      if (bool === "1" || bool === "true") return true;
      if (bool === "0" || bool === "false") return false;
      throw new XmlSyntaxError(`a boolean ${JSON.stringify(text)} that is none`, at);
    }
    case "d": {
      // SpreadsheetML's dates carry no zone ("2025-06-30T00:00:00"), and JavaScript would read such a date-time
      // in the machine's zone: in 乐清 (UTC+8) the serial would come out eight hours short of its day.
      const zoned = !text.includes("T") || /(?:[zZ]|[+-]\d\d:?\d\d)\s*$/.test(text);
      const date = new Date(zoned ? text : `${text.trim()}Z`);
      if (Number.isNaN(date.getTime())) throw new XmlSyntaxError(`a date ${JSON.stringify(text)} that is none`, at);
      return date;
    }
    default:
      if (text.trim() === "") return null;
      if (!DOUBLE.test(text)) throw new XmlSyntaxError(`a number ${JSON.stringify(text)} that is none`, at);
      return Number(text);
  }
}
