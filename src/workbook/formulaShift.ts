import { columnLetter, columnNumber } from "./a1";

/**
 * A formula moved by (rows, columns), as a spreadsheet moves it when it fills or copies: relative A1 references
 * shift, `$`-anchored parts stay; text in quotes, quoted sheet names and structured references are left alone.
 * Excel writes a filled-down column as one shared formula (`<f t="shared">`); this gives each cell's own text.
 *
 * @example shiftFormula("IF(LEN(TRIM(J5))=0,\"\",J5/$E$5)", 2, 0) // "IF(LEN(TRIM(J7))=0,\"\",J7/$E$5)"
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  // Segments that are never references: "text", 'sheet name', [structured reference].
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\])/);
  return parts.map((part, i) => (i % 2 === 1 ? part : shiftRefs(part, rows, columns))).join("");
}

const COLUMN_RANGE =
  /(?<![A-Za-z0-9_.$\u0080-\uffff])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(\u0080-\uffff])/g;
const CELL = /(?<![A-Za-z0-9_.$\u0080-\uffff])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(\u0080-\uffff])/g;

function shiftRefs(text: string, rows: number, columns: number): string {
  const col = (abs: string, letters: string) =>
    abs === "$" ? `$${letters}` : columnLetter(Math.max(1, columnNumber(letters) + columns));
  return text
    .replace(COLUMN_RANGE, (_, a1: string, c1: string, a2: string, c2: string) => `${col(a1, c1)}:${col(a2, c2)}`)
    .replace(CELL, (_, ac: string, c: string, ar: string, r: string) => {
      const row = ar === "$" ? `$${r}` : String(Math.max(1, Number(r) + rows));
      return `${col(ac, c)}${row}`;
    });
}
