/**
 * The 责任单位 clause that closes an article: "(责任单位:市科技局、市经信局,列第一位的为牵头单位,下同)".
 * Units are kept as written (市委组织部<市委人才办> is one unit) and in the order written; trailers that are
 * standing notes (列第一位的为牵头单位, 下同, 以下工作均需各县〈市、区〉政府…落实,不再列出) are not units.
 */

export interface ResponsibleClause {
  units: string[];
  /** Where the clause starts and ends in the text (brackets included), so figures inside it are not read. */
  start: number;
  end: number;
  /** The standing note after the units, if any. */
  trailer: string;
}

const OPEN = /[((]\s*(?:责任单位|牵头单位|责任部门|牵头部门)\s*[::]/g;
const BARE = /(?:^|[。;])\s*(?:责任单位|责任部门)\s*[::]([^。]*)。?$/;

/** Splits on 、 and , that are outside 〈〉 <> () brackets. */
function splitUnits(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("〈<((【".includes(ch)) depth++;
    if ("〉>))】".includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === "、" || ch === "," || ch === ";" || ch === ",")) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((u) => u.trim()).filter((u) => u !== "");
}

/** A note rather than a unit: it speaks about the list (牵头, 下同, 不再列出, 落实). */
const NOTE = /牵头|下同|不再列出|落实|负责|配合|为准|同上|排名|第一位|第一为/;

function readList(inner: string): { units: string[]; trailer: string } {
  // 牵头单位:A;配合单位:B、C — keep the order, drop the labels.
  const labelled = inner.split(/[;;]\s*(?=[^、,]{2,6}[::])/);
  const parts = labelled.map((p) => p.replace(/^[^、,]{2,6}[::]/, ""));
  const units: string[] = [];
  let trailer = "";
  for (const part of parts) {
    const pieces = part.split(/[,。;](?![^〈<]*[〉>])/);
    const first = pieces.shift() ?? "";
    for (const unit of splitUnits(first)) {
      if (NOTE.test(unit) && unit.length > 6) trailer = trailer || unit;
      else units.push(unit);
    }
    const rest = pieces.join(",");
    if (rest.trim() !== "") trailer = trailer || rest.trim();
  }
  return { units, trailer };
}

/**
 * Finds the article's 责任单位 clause (the last one written), or undefined when the article names none.
 *
 * @example
 * readResponsible("…(责任单位:市科技局、市经信局,第一为牵头单位,下同)")?.units // ["市科技局", "市经信局"]
 */
export function readResponsible(text: string): ResponsibleClause | undefined {
  let found: ResponsibleClause | undefined;
  for (const m of text.matchAll(OPEN)) {
    const start = m.index ?? 0;
    let depth = 0;
    let end = -1;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (ch === "(" || ch === "(") depth++;
      else if (ch === ")" || ch === ")") {
        depth--;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    // An excerpt cut inside the clause: read to the end of the text.
    if (end === -1) end = text.length;
    const close = text[end - 1] === ")" || text[end - 1] === ")" ? 1 : 0;
    const inner = text.slice(start + m[0].length, end - close);
    const { units, trailer } = readList(inner);
    found = { units, start, end, trailer };
  }
  if (found) return found;
  const bare = BARE.exec(text);
  if (bare) {
    const start = (bare.index ?? 0) + (bare[0].search(/责任/) ?? 0);
    const { units, trailer } = readList(bare[1] ?? "");
    return { units, start, end: text.length, trailer };
  }
  return undefined;
}
