import { columnLetter, columnNumber } from "./a1";

/**
 * A product formula moved to where the row and columns are in the user's sheet: the builder writes each row's
 * formula for its own position in a fresh sheet (edition order, standard columns); the user may have sorted rows,
 * inserted rows above the table or columns inside it. `moveRow` maps a row the formula refers to (the formula's
 * own row, a cell above the header such as $D$2), `moveColumn` a column; references keep their `$` marks.
 * Text inside string literals is left alone.
 * @example relocateFormula("IF(LEN(TRIM(J5))=0,\"\",J5/E5)", (r) => (r === 5 ? 12 : r), (c) => c) // "IF(LEN(TRIM(J12))=0,\"\",J12/E12)"
 */
export function relocateFormula(
  formula: string,
  moveRow: (row: number) => number,
  moveColumn: (column: number) => number,
): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.!'$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g,
            (_m, lead: string, c$: string, col: string, r$: string, row: string) =>
              `${lead}${c$}${columnLetter(moveColumn(columnNumber(col)))}${r$}${moveRow(Number(row))}`,
          ),
    )
    .join('"');
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
            .replace(/(?<![A-Z0-9_$.])(\d+(?:\.\d+)?(?:E[-+]?\d+)?)(?![A-Z0-9_(.])/g, (m: string) =>
              String(Number(m)).toUpperCase().replace("E+", "E"),
            ),
    )
    .join('"');
}

export function sameFormula(a: string, b: string): boolean {
  return normalizeFormula(a) === normalizeFormula(b);
}
