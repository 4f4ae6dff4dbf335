/**
 * Reading a policy file for the importer: .txt as UTF-8 (GB18030 when it is not valid UTF-8), .docx with mammoth,
 * .html stripped to its text. The importer itself only ever sees a string.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import mammoth from "mammoth";
import { FileError } from "./files";

/** An .html page (copied from a government site) as text: scripts and styles dropped, blocks on their own lines. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = {
    nbsp: " ",
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    ldquo: "“",
    rdquo: "”",
    mdash: "—",
    hellip: "…",
    middot: "·",
  };
  return html
    .replace(/<(script|style|noscript|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:p|div|li|tr|h[1-6]|section|article|table|ul|ol|blockquote)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, name: string) => entities[name.toLowerCase()] ?? m)
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

/** The text of a policy file, or a FileError naming the file (missing, unreadable, a .docx that is not one). */
export async function readPolicyFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(`文件“${file}”不存在。`, `"${file}" does not exist.`);
    if (code === "EISDIR") throw new FileError(`“${file}”是文件夹,不是文件。`, `"${file}" is a folder, not a file.`);
    throw new FileError(`无法读取“${file}”(${code ?? "?"})。`, `cannot read "${file}" (${code ?? String(error)}).`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === ".docx") {
    try {
      const result = await mammoth.extractRawText({ buffer: bytes });
      return result.value;
    } catch {
      throw new FileError(
        `“${file}”不是有效的 .docx 文件(无法解压;旧版 .doc 请先在 Word 或 WPS 中另存为 .docx)。`,
        `"${file}" is not a valid .docx file (not a Word package; save an old .doc as .docx first).`,
      );
    }
  }
  if (ext === ".doc" || ext === ".pdf" || ext === ".xlsx" || ext === ".xls")
    throw new FileError(
      `不能直接导入 ${ext} 文件:请另存为 .docx 或 .txt,或复制正文粘贴。`,
      `cannot import a ${ext} file: save it as .docx or .txt, or paste the text.`,
    );
  const text = decode(bytes);
  return ext === ".html" || ext === ".htm" || /^\s*<(?:!doctype|html)/i.test(text) ? htmlToText(text) : text;
}
