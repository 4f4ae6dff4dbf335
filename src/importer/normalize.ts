/**
 * Text normalisation: whatever a policy arrived as (a web page's text, a .docx, a PDF copy, a traditional-character
 * re-post), the rest of the importer reads one form — simplified characters, ASCII digits and punctuation where the
 * project's texts use them, no stray spaces, one paragraph per line.
 */
import * as OpenCC from "opencc-js/t2cn";
import { hasTraditional, simplifierFrom } from "./traditional";

let toSimplified: ((s: string) => string) | undefined;

/** Traditional → simplified (OpenCC's `t` → `cn`); identity on simplified text. */
function simplify(text: string): string {
  // Building OpenCC's trie and its first, cold walk over 30,000 characters were most of a first traditional
  // import's time: the same dictionaries become one regular expression instead (same output, tests/importer/
  // traditional.test.ts), and a simplified text (nearly all of them) skips even that.
  if (!hasTraditional(text)) return text;
  toSimplified ??= simplifierFrom(OpenCC.Locale.configs.t2s) ?? OpenCC.Converter({ from: "t", to: "cn" });
  return toSimplified(text);
}

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
/** Characters a heading or sentence ends with; a line ending otherwise was probably wrapped by a PDF. */
const TERMINAL = /[。;;::!!??”」』)\]》]$/;
const AREA_MARK = /^[一二三四五六七八九十]{1,3}、/;
const ARTICLE_MARK =
  /^(?:\([一二三四五六七八九十百]{1,4}\)|\d{1,3}[.、](?!\d)|第(?:[一二三四五六七八九十百]{1,4}|\d{1,3})条)/;
const HEADING_MARK = new RegExp(`${AREA_MARK.source}|${ARTICLE_MARK.source}`);

/** Full-width ASCII forms (０-９, ％, （）, ，, ：, ；) to ASCII; ideographic and no-break spaces to spaces. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2002-\u200a\u202f\u205f]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "");
}

/**
 * A PDF's spaces inside a figure (2025 年, 〔 2025 〕 4 号, 3.12 %) are never a paragraph's end: they go before the
 * paragraphs of a run-together copy are looked for, so that its dates and 文号 read as such.
 */
function tightenFigures(line: string): string {
  return line
    .replace(/(?<=\d) +(?=[年月日号〕%‰亿万千百个项家条人名所座件次倍元吨亩])/g, "")
    .replace(/(?<=[〔年月第]) +(?=\d)/g, "");
}

/**
 * A web page that lost its paragraphs serves the whole document as one line with a space where each paragraph
 * ended. Spaces that end a paragraph are put back as line breaks: before a heading number, after a sentence, a
 * date or a closing bracket, before a date or a bracketed note, and before the preamble's opening 为.
 */
function splitRunTogether(line: string): string {
  const spaces = line.match(/ /g)?.length ?? 0;
  if (line.length < 150 || spaces < 3) return line;
  return (
    line
      .replace(
        / +(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十百]{1,4}\)|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十百]{1,4}条))/g,
        "\n",
      )
      .replace(new RegExp(`(?<=[。;:!?)〕》]|日) +(?=[${CJK}(《“])`, "g"), "\n")
      .replace(new RegExp(`(?<=[${CJK}]) +(?=\\d{4} ?年 ?\\d{1,2} ?月 ?\\d{1,2} ?日)`, "g"), "\n")
      // The notice's 文号 on its own, and the addressee line (各…:).
      .replace(new RegExp(`(?<=[${CJK}]) +(?=[${CJK}]{1,8}〔\\d{4}〕\\d{1,4}号(?: |$))`, "g"), "\n")
      .replace(new RegExp(`(?<=[${CJK}]) +(?=各[^。 \\n]{2,80}[::](?:[ \\n]|$))`, "g"), "\n")
      .replace(new RegExp(`(?<=[${CJK}]) +(?=为(?:深入|全面|认真|进一步|加快|贯彻|落实|推动|更好))`, "g"), "\n")
      .replace(new RegExp(`(?<=^[一二三四五六七八九十]{1,3}、[^ 。,]{2,40}) +(?=[${CJK}])`, "gm"), "\n")
  );
}

/**
 * A heading number right after a sentence or a 责任单位 clause starts a new paragraph, spaces or not: a copy that
 * lost its paragraphs (or a PDF whose wrapped lines were joined) still has its 一、 and (一) after a 。 or ).
 */
function splitAtHeadings(line: string): string[] {
  if (line.length < 60) return [line];
  return (
    line
      .replace(
        /(?<=[。)])(?=(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十百]{1,4}\)|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十百]{1,4}条))/g,
        "\n",
      )
      // …and so does the closing: 上述8个领域政策…, 本文件明确的…, 抄送:, the office and date that printed it.
      .replace(
        /(?<=[。)])(?=上述(?:\d{1,2}个|各)?(?:领域|方面)?政策|本(?:文件|政策|意见|方案|措施)[^,。]{0,6}(?:明确|自|由|所))/g,
        "\n",
      )
      .replace(/(?<=[。)])(?=抄送[::])/g, "\n")
      // …and a re-post's 原文如下: ends its news.
      .replace(/(?<=(?:原文如下|全文如下|以下为原文)[::])(?=.)/g, "\n")
      .replace(/(?<=[。])(?=[^。,]{2,20}\d{4}年\d{1,2}月\d{1,2}日印发$)/g, "\n")
      .split("\n")
  );
}

/** Removes spaces that PDF copies put between digits and characters (2 项以上, 2025 年) but keeps "AEO 认证"-like. */
function dropStraySpaces(line: string): string {
  return line.replace(/ +/g, (m, at: number, s: string) => {
    const before = s[at - 1] ?? "";
    const after = s[at + m.length] ?? "";
    return /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after) ? " " : "";
  });
}

/**
 * A PDF copy wraps lines at a fixed width; such a line ends without punctuation and the next does not start a
 * heading. Joined only when the text looks wrapped (many long lines end mid-sentence), so that short notice lines
 * (issuer, date, title) stay apart.
 */
function joinWrapped(lines: string[]): string[] {
  const long = lines.filter((l) => l.length >= 20);
  const open = long.filter((l) => !TERMINAL.test(l));
  if (open.length < 5 || open.length < long.length * 0.3) return lines;
  const width = [...long.map((l) => l.length)].sort((a, b) => a - b)[Math.floor(long.length * 0.75)] ?? 0;
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      !TERMINAL.test(prev) &&
      prev.length >= width * 0.8 &&
      !HEADING_MARK.test(line) &&
      !/^\d{4}年\d{1,2}月\d{1,2}日/.test(line) &&
      !/^[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号$/.test(line) &&
      line !== ""
    ) {
      out[out.length - 1] = prev + line;
    } else out.push(line);
  }
  return out;
}

/** A re-post that puts the number on its own line ("1" then the article) gets it back on the article's line. */
function joinBareNumbers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1];
    const bare = /^(\d{1,3})[.、]?$/.exec(line);
    const bareNumeral =
      /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十百]{1,4}\)|第(?:[一二三四五六七八九十百]{1,4}|\d{1,3})条)$/.exec(
        line,
      );
    if (next !== undefined && next !== "" && (bare || bareNumeral) && !HEADING_MARK.test(next)) {
      out.push(bare ? `${bare[1]}.${next}` : `${line}${next}`);
      i++;
    } else out.push(line);
  }
  return out;
}

/**
 * The importer's one normalisation: simplified characters, ASCII digits and punctuation, no stray spaces, one
 * paragraph per line (PDF wraps joined, run-together paragraphs split), blank lines dropped.
 *
 * @example
 * normalizeText("一、強化科技創新（市科技局牽頭）\n２０２５ 年，力爭全市研發投入強度達到 2.9%。")
 * // "一、强化科技创新(市科技局牵头)\n2025年,力争全市研发投入强度达到2.9%。"
 */
export function normalizeText(raw: string): string {
  const text = simplify(halfWidth(raw.replace(/\r\n?/g, "\n").replace(/\t/g, " ")));
  const lines = text
    .split("\n")
    .flatMap((line) => splitRunTogether(tightenFigures(line.trim())).split("\n"))
    .map((line) => dropStraySpaces(line.trim()))
    .filter((line) => line !== "");
  return joinBareNumbers(joinWrapped(lines).flatMap(splitAtHeadings)).join("\n");
}
