/**
 * Reads the example formulas of the catalog (`=ZC.BUDGET("合计",,"万元")`): a function of the ZC namespace
 * with literal arguments — text in double quotes ("" inside text is a quote), numbers, TRUE/FALSE, or nothing.
 * An omitted argument is null, as Excel passes it.
 */
export interface ParsedFormula {
  readonly id: string;
  readonly args: readonly (string | number | boolean | null)[];
}

export function parseFormula(formula: string): ParsedFormula {
  const m = /^=ZC\.([A-Z][A-Z0-9_.]*)\((.*)\)$/s.exec(formula.trim());
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`not a ZC formula: ${formula}`);
  const source = m[2];
  const args: (string | number | boolean | null)[] = [];
  let i = 0;
  if (source.trim() === "") return { id: m[1], args };
  for (;;) {
    while (source[i] === " ") i++;
    if (source[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated text in ${formula}`);
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i];
        i++;
      }
      args.push(text);
    } else {
      let end = source.indexOf(",", i);
      if (end === -1) end = source.length;
      const token = source.slice(i, end).trim();
      i = end;
      if (token === "") args.push(null);
      else if (/^(TRUE|FALSE)$/i.test(token)) args.push(token.toUpperCase() === "TRUE");
      else if (/^-?\d+(\.\d+)?$/.test(token)) args.push(Number(token));
      else throw new Error(`unsupported argument ${token} in ${formula}`);
    }
    while (source[i] === " ") i++;
    if (i >= source.length) break;
    if (source[i] !== ",") throw new Error(`expected , at ${i} in ${formula}`);
    i++;
    if (i >= source.length) {
      args.push(null);
      break;
    }
  }
  return { id: m[1], args };
}
