/** Column letters of a 1-based column number. @example columnLetter(27) // "AA" */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based column number of letters. @example columnNumber("AA") // 27 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based row and column. @example cellAddress(5, 2) // "B5" */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A1 range between two 1-based corners. @example rangeAddress(4, 1, 9, 3) // "A4:C9" */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The corners of an A1 range ("B5", "A4:C9"). */
export function parseRange(ref: string): Box {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const parse = (s: string | undefined): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s ?? "");
    if (!m) throw new Error(`Not an A1 cell: ${s}`);
    return [Number(m[2]), columnNumber(m[1] ?? "A")];
  };
  const [top, left] = parse(a);
  const [bottom, right] = b === undefined ? [top, left] : parse(b);
  return { top, left, bottom, right };
}

/** A sheet name as formulas quote it. @example quoteSheet("目标任务") // "'目标任务'" */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
