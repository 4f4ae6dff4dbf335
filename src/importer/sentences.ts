/** Where a figure stands in its sentence: sentences, clauses (at , : outside brackets), quotes and brackets. */

export function sentencesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ("。;!?".includes(text[i] ?? "")) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** Splits a sentence into clauses at , : (outside brackets), keeping offsets. */
export function clausesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if ("(“《".includes(ch)) depth++;
    else if (")”》".includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === "," || ch === ":")) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, text.length]);
  return out;
}

export interface Bracket {
  /** “…” or 《…》 around the position. */
  quoted: boolean;
  titled: boolean;
  /** Inside ( ) and the text inside. */
  paren: string | undefined;
  quoteText: string;
  quoteStart: number;
}

export function bracketAt(text: string, at: number): Bracket {
  let quoteStart = -1;
  let titleStart = -1;
  let parenStart = -1;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (ch === "“") quoteStart = i;
    else if (ch === "”") quoteStart = -1;
    else if (ch === "《") titleStart = i;
    else if (ch === "》") titleStart = -1;
    else if (ch === "(") parenStart = i;
    else if (ch === ")") parenStart = -1;
  }
  const close = (open: number, closer: string) => {
    const end = text.indexOf(closer, at);
    return open === -1 || end === -1 ? undefined : text.slice(open + 1, end);
  };
  const quoteText = close(quoteStart, "”");
  return {
    quoted: quoteText !== undefined,
    titled: close(titleStart, "》") !== undefined,
    paren: close(parenStart, ")"),
    quoteText: quoteText ?? "",
    quoteStart,
  };
}

export function bracket(sentence: string, at: number): boolean {
  const open = sentence.lastIndexOf("(", at);
  const close = sentence.lastIndexOf(")", at);
  return open > close && sentence.indexOf(")", at) !== -1;
}
