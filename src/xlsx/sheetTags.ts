/**
 * The row and cell start tags of a worksheet's text, found by character codes for the limits' scan before any
 * parse (./packageLimits.ts): what `/<(?:\w+:)?(row|c)\b([^>]*)>/g` and `/\br="([^"]*)"/` find, without a match
 * object and two regular expressions per tag (a sheet of ours holds thousands). Nothing here needs well-formed XML.
 */

/** Excel's grid: 1,048,576 rows and 16,384 columns (A–XFD). */
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COLUMN = 16_384;

const isWord = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** After a prefix at `at` (`x:`: word characters and a colon), or `at` when there is none. */
function afterPrefix(text: string, at: number): number {
  let i = at;
  while (isWord(text.charCodeAt(i))) i++;
  return i > at && text.charCodeAt(i) === 0x3a ? i + 1 : at;
}

/** The length of the name `row` (3) or `c` (1), as a whole word, at `at`; 0 for any other. */
function rowOrCellName(text: string, at: number): number {
  if (text.startsWith("row", at) && !isWord(text.charCodeAt(at + 3))) return 3;
  return text.charCodeAt(at) === 0x63 /* c */ && !isWord(text.charCodeAt(at + 1)) ? 1 : 0;
}

/** The first `r="…"` at a word's start among the attributes `text[from, to)`. */
function refIn(text: string, from: number, to: number): string | undefined {
  for (let p = text.indexOf('r="', from); p >= 0 && p + 3 <= to; p = text.indexOf('r="', p + 1)) {
    if (p > from && isWord(text.charCodeAt(p - 1))) continue;
    const q = text.indexOf('"', p + 3);
    if (q >= 0 && q < to) return text.slice(p + 3, q);
  }
  return undefined;
}

/**
 * Calls `visit` for each `<row …>` and `<c …>` start tag of `text` (with any prefix), in order, with the value of
 * its `r` attribute when it has one.
 */
export function forEachRowOrCell(text: string, visit: (isRow: boolean, ref: string | undefined) => void): void {
  for (let lt = text.indexOf("<"); lt >= 0;) {
    // With its prefix first, else without (`<c:x>` is a cell whose name is followed by a colon).
    let name = afterPrefix(text, lt + 1);
    let length = rowOrCellName(text, name);
    if (length === 0 && name !== lt + 1) length = rowOrCellName(text, (name = lt + 1));
    if (length === 0) {
      lt = text.indexOf("<", lt + 1);
      continue;
    }
    const close = text.indexOf(">", name + length);
    if (close < 0) return;
    visit(length === 3, refIn(text, name + length, close));
    lt = text.indexOf("<", close + 1);
  }
}

/** Whether a row number (`12`) or a cell address (`$AB$12`, either case) lies in Excel's grid. */
export function withinGrid(ref: string, isRow: boolean): boolean {
  let i = 0;
  let column = 0;
  if (!isRow) {
    if (ref.charCodeAt(i) === 0x24 /* $ */) i++;
    const letters = i;
    for (; i < ref.length; i++) {
      const c = ref.charCodeAt(i) | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      column = column * 26 + c - 0x60;
    }
    if (i === letters) return false;
    if (ref.charCodeAt(i) === 0x24) i++;
  }
  const digits = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    row = row * 10 + c - 0x30;
  }
  return i > digits && row >= 1 && row <= EXCEL_MAX_ROW && column <= EXCEL_MAX_COLUMN;
}
