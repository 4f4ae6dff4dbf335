import { columnLetter } from "./a1";

/**
 * The one place that rewrites the references of a formula: a refresh relocating a product formula to where the
 * user's row and columns are ({@link relocateFormula}), a fill or a shared formula giving each cell its own text
 * ({@link shiftFormula}). Text in quotes, quoted sheet names and structured references (`Table[列]`) are never
 * references; a reference is a cell (`$A$1`, `B7`) or a column range (`A:C`), qualified by a sheet
 * (`'目标任务'!B7`, `Sheet1!B7`) or not.
 */
export interface ReferenceMove {
  /** The new column (1-based) of a reference's column part, given whether it is `$`-anchored and sheet-qualified. */
  readonly column: (column: number, anchored: boolean, qualified: boolean) => number;
  /** The new row (1-based) of a reference's row part. */
  readonly row: (row: number, anchored: boolean, qualified: boolean) => number;
}

/**
 * A formula with every reference moved as `move` says (never below row or column 1); `$` marks are kept.
 * @example moveReferences("A1+$B$2", { column: (c) => c + 1, row: (r, anchored) => (anchored ? r : r + 1) }) // "B2+$C$2"
 */
export function moveReferences(formula: string, move: ReferenceMove): string {
  let out = "";
  let at = 0;
  for (let p = 0; p < formula.length; p++) {
    const c = formula.charCodeAt(p);
    if (c === QUOTE || c === APOSTROPHE || c === BRACKET) {
      const end = quotedEnd(formula, p);
      if (end > 0) p = end - 1;
      continue;
    }
    if (p > 0 && !mayLead(formula.charCodeAt(p - 1))) continue;
    const ref = reference(formula, p, move);
    if (ref === undefined) continue;
    out += formula.slice(at, p) + ref.text;
    at = ref.end;
    p = ref.end - 1;
  }
  return at === 0 ? formula : out + formula.slice(at);
}

// A reference is read by scanning character codes rather than by a regular expression: a refresh relocates
// thousands of formulas, and the scan is several times faster (a third of a refresh's planning went to the
// expression). The rules are the expression's, `(^|LEAD)(\$?)([A-Z]{1,3})(?::(\$?)([A-Z]{1,3})|(\$?)(\d+))` with
// neither part followed by a name character: a name character (letters, digits, `_`, anything past ASCII) never
// starts or ends a reference; `.` and `$` may not come just before one (`Sheet1.A1`, `$$A1`), `(` and `!` not just
// after (`LOG10(`, `A1!`). The scan needs no lookbehind, which ES5 engines (the legacy pane) lack.

const DOLLAR = 36;
const COLON = 58;
const BANG = 33;
const QUOTE = 34;
const APOSTROPHE = 39;
const BRACKET = 91;

/** Letters, digits, `_` and every character past ASCII: what a name is made of. */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c >= 0x80;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character a reference may follow (the start of the text counts too). */
function mayLead(c: number): boolean {
  return !isNameChar(c) && c !== 46 && c !== DOLLAR;
}

/** A character a reference may end before (the end of the text is NaN: it may). */
function mayFollow(c: number): boolean {
  return !isNameChar(c) && c !== 40 && c !== BANG;
}

/** The end of the run of capital letters from `i`, when it is one to three letters long; -1 otherwise. */
function columnEnd(part: string, i: number): number {
  let j = i;
  while (isUpper(part.charCodeAt(j))) j++;
  return j - i >= 1 && j - i <= 3 ? j : -1;
}

function columnOf(part: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 26 + (part.charCodeAt(i) - 64);
  return n;
}

function movedColumn(anchored: boolean, column: number, move: ReferenceMove, qualified: boolean): string {
  return `${anchored ? "$" : ""}${columnLetter(Math.max(1, move.column(column, anchored, qualified)))}`;
}

/**
 * Where text in quotes (`"a""b"`), a quoted sheet name or a structured reference (`[实际值]`) starting at `p` ends
 * (exclusive), or -1 when it is not closed. An unclosed string whose doubled quotes are read as pairs ends at the
 * last pair's first quote, as the regular expression `"(?:[^"]|"")*"` reads it.
 */
function quotedEnd(text: string, p: number): number {
  const open = text.charCodeAt(p);
  if (open === BRACKET) {
    const close = text.indexOf("]", p + 1);
    return close < 0 ? -1 : close + 1;
  }
  let lastPair = -1;
  for (let j = p + 1; j < text.length; j++) {
    if (text.charCodeAt(j) !== open) continue;
    if (text.charCodeAt(j + 1) !== open) return j + 1;
    lastPair = j;
    j++;
  }
  return lastPair < 0 ? -1 : lastPair + 1;
}

/** The reference starting at `p` (just after a character it may follow), moved, and where it ends. */
function reference(text: string, p: number, move: ReferenceMove): { text: string; end: number } | undefined {
  const c$ = text.charCodeAt(p) === DOLLAR;
  const colStart = c$ ? p + 1 : p;
  const colEnd = columnEnd(text, colStart);
  if (colEnd < 0) return undefined;
  // Qualified: a sheet name ends in "!" just before (quoted or not).
  const qualified = p > 0 && text.charCodeAt(p - 1) === BANG;
  if (text.charCodeAt(colEnd) === COLON) {
    const c2$ = text.charCodeAt(colEnd + 1) === DOLLAR;
    const col2Start = c2$ ? colEnd + 2 : colEnd + 1;
    const col2End = columnEnd(text, col2Start);
    if (col2End < 0 || !mayFollow(text.charCodeAt(col2End))) return undefined;
    const left = movedColumn(c$, columnOf(text, colStart, colEnd), move, qualified);
    return { text: `${left}:${movedColumn(c2$, columnOf(text, col2Start, col2End), move, qualified)}`, end: col2End };
  }
  const r$ = text.charCodeAt(colEnd) === DOLLAR;
  const rowStart = r$ ? colEnd + 1 : colEnd;
  let rowEnd = rowStart;
  while (isDigit(text.charCodeAt(rowEnd))) rowEnd++;
  if (rowEnd === rowStart || !mayFollow(text.charCodeAt(rowEnd))) return undefined;
  const row = Math.max(1, move.row(Number(text.slice(rowStart, rowEnd)), r$, qualified));
  const column = movedColumn(c$, columnOf(text, colStart, colEnd), move, qualified);
  return { text: `${column}${r$ ? "$" : ""}${row}`, end: rowEnd };
}

/**
 * A formula moved by (rows, columns), as a spreadsheet moves it when it fills or copies: relative references
 * shift (on any sheet), `$`-anchored parts stay. Excel writes a filled-down column as one shared formula
 * (`<f t="shared">`); this gives each cell's own text.
 * @example shiftFormula("IF(LEN(TRIM(J5))=0,\"\",J5/$E$5)", 2, 0) // "IF(LEN(TRIM(J7))=0,\"\",J7/$E$5)"
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return moveReferences(formula, {
    column: (c, anchored) => (anchored ? c : c + columns),
    row: (r, anchored) => (anchored ? r : r + rows),
  });
}

/**
 * A product formula moved to where the row and columns are in the user's sheet: the builder writes each row's
 * formula for its own position in a fresh sheet (edition order, standard columns); the user may have sorted rows,
 * inserted rows above the table or columns inside it. `moveRow` maps a row the formula refers to (the formula's
 * own row, a cell above the header such as $D$2), `moveColumn` a column (none: no column moved); references into
 * other sheets stay, and references keep their `$` marks. A formula none of whose numbers is a row that moves is
 * returned as it is without being parsed: most formulas of a refresh.
 * @example relocateFormula("IF(LEN(TRIM(J5))=0,\"\",J5/E5)", (r) => (r === 5 ? 12 : r), (c) => c) // "IF(LEN(TRIM(J12))=0,\"\",J12/E12)"
 */
export function relocateFormula(
  formula: string,
  moveRow: (row: number) => number,
  moveColumn?: (column: number) => number,
): string {
  if (moveColumn === undefined && !movesARow(formula, moveRow)) return formula;
  return moveReferences(formula, new Relocation(moveRow, moveColumn));
}

/** The move of {@link relocateFormula}: a class, so that a refresh's thousands of calls create no closures. */
class Relocation implements ReferenceMove {
  constructor(
    private readonly moveRow: (row: number) => number,
    private readonly moveColumn: ((column: number) => number) | undefined,
  ) {}

  column(c: number, _anchored: boolean, qualified: boolean): number {
    return qualified || this.moveColumn === undefined ? c : this.moveColumn(c);
  }

  row(r: number, _anchored: boolean, qualified: boolean): number {
    return qualified ? r : this.moveRow(r);
  }
}

/**
 * Whether any run of digits in the formula is a row `moveRow` moves. Digits of constants and text count too: a
 * false "yes" only costs the full rewrite; a "no" is certain, since every row reference is such a run.
 */
function movesARow(formula: string, moveRow: (row: number) => number): boolean {
  let n = -1;
  for (let i = 0; i <= formula.length; i++) {
    const c = i < formula.length ? formula.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) n = n < 0 ? c - 48 : n * 10 + (c - 48);
    else if (n >= 0) {
      if (n >= 1 && moveRow(n) !== n) return true;
      n = -1;
    }
  }
  return false;
}

/**
 * A formula's text as two engines may give it back, for comparing with ours: no leading "=", no spaces outside
 * strings, upper case outside strings, numbers in one spelling (LibreOffice writes 1E-014 or 0.00000000000001 for
 * 1E-14), sheet names without the quotes they do not need.
 * @example normalizeFormula("=if(A1>0, 0.00000000000001,\"x\")") // "IF(A1>0,1E-14,\"x\")"
 */
export function normalizeFormula(formula: string): string {
  return formula
    .replace(/^\s*=/, "")
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            // 'Sheet'!A1 and Sheet!A1 are one reference: LibreOffice drops the quotes a name does not need.
            .replace(/'((?:[^']|'')+)'!/g, (m: string, name: string) =>
              /^[^\s'!()+\-,;:&=<>^%{}[\]]+$/.test(name) && !/^\d/.test(name) ? `${name}!` : m,
            )
            .replace(/\s+/g, "")
            .toUpperCase()
            // A number not part of a name or reference; its lead matched and written back (no lookbehind: ES5).
            .replace(
              /(^|[^A-Z0-9_$.])(\d+(?:\.\d+)?(?:E[-+]?\d+)?)(?![A-Z0-9_(.])/g,
              (_m: string, lead: string, n: string) => lead + String(Number(n)).toUpperCase().replace("E+", "E"),
            ),
    )
    .join('"');
}

export function sameFormula(a: string, b: string): boolean {
  // A refresh compares each product formula with what the file holds, which is mostly what we wrote: the same
  // text needs no normalizing (a third of a refresh's planning time went there).
  // Compared in place (no slice): a refresh compares every product formula of the workbook, thousands.
  const i = a.charCodeAt(0) === 61 ? 1 : 0;
  const j = b.charCodeAt(0) === 61 ? 1 : 0;
  if (a.length - i === b.length - j && (i === j ? a === b : i === 1 ? a.startsWith(b, 1) : b.startsWith(a, 1))) {
    return true;
  }
  return normalizeFormula(a.slice(i)) === normalizeFormula(b.slice(j));
}
