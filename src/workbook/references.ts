import { columnLetter, columnNumber } from "./a1";

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

const NOT_A_REFERENCE = /("(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\])/;
const AFTER = String.raw`(?![A-Za-z0-9_(!\u0080-\uffff])`;
// The character before a reference (the lead) is matched and written back rather than looked behind at: ES5
// engines cannot parse a lookbehind, and the legacy pane (Internet Explorer 11) runs this. A reference ends in a
// letter or digit, which no lead can be, so consuming the lead never hides the next reference.
const REFERENCE = new RegExp(
  String.raw`(^|[^A-Za-z0-9_.$\u0080-\uffff])(\$?)([A-Z]{1,3})(?::(\$?)([A-Z]{1,3})${AFTER}|(\$?)(\d+)${AFTER})`,
  "g",
);

/**
 * A formula with every reference moved as `move` says (never below row or column 1); `$` marks are kept.
 * @example moveReferences("A1+$B$2", { column: (c) => c + 1, row: (r, anchored) => (anchored ? r : r + 1) }) // "B2+$C$2"
 */
export function moveReferences(formula: string, move: ReferenceMove): string {
  // Text, quoted sheet names and structured references are split off only when the formula has any.
  if (!/["'[]/.test(formula)) return movePart(formula, move);
  const parts = formula.split(NOT_A_REFERENCE);
  let out = "";
  for (let i = 0; i < parts.length; i++) out += i % 2 === 1 ? parts[i] : movePart(parts[i] ?? "", move);
  return out;
}

function movedColumn(abs: string | undefined, letters: string, move: ReferenceMove, qualified: boolean): string {
  return `${abs ?? ""}${columnLetter(Math.max(1, move.column(columnNumber(letters), abs === "$", qualified)))}`;
}

/** The references of a span outside text and quoted names, moved (a loop rather than a callback per match). */
function movePart(part: string, move: ReferenceMove): string {
  REFERENCE.lastIndex = 0;
  let out = "";
  let at = 0;
  for (let m = REFERENCE.exec(part); m !== null; m = REFERENCE.exec(part)) {
    const [all, lead = "", c$, col = "", c2$, col2, r$, row] = m;
    // Qualified: a sheet name ends in "!" just before (a quoted name is the segment before this one).
    const qualified = part[m.index + lead.length - 1] === "!";
    out += part.slice(at, m.index) + lead;
    if (col2 !== undefined) {
      out += `${movedColumn(c$, col, move, qualified)}:${movedColumn(c2$, col2, move, qualified)}`;
    } else {
      const r = Math.max(1, move.row(Number(row), r$ === "$", qualified));
      out += `${movedColumn(c$, col, move, qualified)}${r$ ?? ""}${r}`;
    }
    at = m.index + all.length;
  }
  return at === 0 ? part : out + part.slice(at);
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
  return moveReferences(formula, {
    column: (c, _anchored, qualified) => (qualified || moveColumn === undefined ? c : moveColumn(c)),
    row: (r, _anchored, qualified) => (qualified ? r : moveRow(r)),
  });
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
  const x = a.startsWith("=") ? a.slice(1) : a;
  const y = b.startsWith("=") ? b.slice(1) : b;
  return x === y || normalizeFormula(x) === normalizeFormula(y);
}
