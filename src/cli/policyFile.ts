/**
 * Reading a policy file for the importer: .txt as UTF-8 (GB18030 when it is not valid UTF-8), .docx with mammoth,
 * .html stripped to its text. The importer itself only ever sees a string.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import mammoth from "mammoth";
import { FileError, openUserPackage, systemError } from "./files";
import { DOCX_LIMITS, MAX_POLICY_FILE_BYTES, policyFileTooLarge } from "../xlsx/packageLimits";

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ["nbsp", " "],
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["ldquo", "“"],
  ["rdquo", "”"],
  ["mdash", "—"],
  ["hellip", "…"],
  ["middot", "·"],
]);

/** A numeric character reference that names no character (beyond U+10FFFF, a surrogate, NUL). */
export class BadCharacterReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`bad character reference ${reference}`);
    this.name = "BadCharacterReferenceError";
  }
}

function character(reference: string, codePoint: number): string {
  if (!(codePoint > 0 && codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff))
    throw new BadCharacterReferenceError(reference);
  return String.fromCodePoint(codePoint);
}

/**
 * An .html page (copied from a government site) as text: scripts and styles dropped, blocks on their own lines.
 * A character reference that names no character is refused ({@link BadCharacterReferenceError}), not guessed at.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:p|div|li|tr|h[1-6]|section|article|table|ul|ol|blockquote)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (m, h: string) => character(m, parseInt(h, 16)))
    .replace(/&#(\d+);/g, (m, d: string) => character(m, Number(d)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES.get(name.toLowerCase()) ?? m)
    .replace(/\n[ \t]*(?=\n)/g, "\n")
    .replace(/\n{2,}/g, "\n");
}

function decode(bytes: Buffer): string {
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const bad = (utf8.match(/\ufffd/g) ?? []).length;
  if (bad > 0 && bad > utf8.length * 0.01) {
    try {
      return new TextDecoder("gb18030").decode(bytes);
    } catch {
      return utf8;
    }
  }
  return utf8;
}

/**
 * Control characters a text file never holds (all below U+0020 but tab, newline, carriage return and form feed):
 * a file where they are more than 1 in 1000 characters is a binary file renamed, not a policy text.
 */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls > Math.max(0, text.length / 1000);
}

/** The text of a policy file, or a FileError naming the file (missing, unreadable, a .docx that is not one). */
export async function readPolicyFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    if (info.size > MAX_POLICY_FILE_BYTES) {
      const { chinese, english } = policyFileTooLarge(info.size);
      throw new FileError(file, chinese, english);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw systemError("read", file, error);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === ".docx") {
    await openUserPackage(file, bytes, DOCX_LIMITS);
    try {
      const result = await mammoth.extractRawText({ buffer: bytes });
      return result.value;
    } catch {
      throw new FileError(
        file,
        "不是有效的 .docx 文件(无法解压;旧版 .doc 请先在 Word 或 WPS 中另存为 .docx)。",
        "not a valid .docx file (not a Word package; save an old .doc as .docx first).",
      );
    }
  }
  if (ext === ".doc" || ext === ".pdf" || ext === ".xlsx" || ext === ".xls")
    throw new FileError(
      file,
      `不能直接导入 ${ext} 文件:请另存为 .docx 或 .txt,或复制正文粘贴。`,
      `cannot import a ${ext} file: save it as .docx or .txt, or paste the text.`,
    );
  const text = decode(bytes);
  if (looksBinary(text))
    throw new FileError(
      file,
      "不是文本文件(含有大量控制字符,可能是改了扩展名的二进制文件);请导入 .txt、.docx 或 .html 格式的政策原文。",
      "not a text file (it is full of control characters: a binary file renamed?); import the policy as .txt, .docx or .html.",
    );
  const html = ext === ".html" || ext === ".htm" || /^\s*<(?:!doctype|html)/i.test(text);
  if (!html) return text;
  try {
    return htmlToText(text);
  } catch (error) {
    if (!(error instanceof BadCharacterReferenceError)) throw error;
    throw new FileError(
      file,
      `含有无效的字符引用 ${error.reference}(不对应任何字符),未导入;请从原网页重新另存。`,
      `holds the character reference ${error.reference}, which names no character; nothing was imported (save the page again).`,
    );
  }
}
