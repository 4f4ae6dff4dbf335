/**
 * The pane's policy-file reader: a picked .txt, .docx (mammoth, loaded only when needed) or .html (the browser's
 * own parser) becomes the string the importer takes.
 */

/** Text of an .html page: scripts and styles dropped, block elements on their own lines. */
export function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll("script,style,noscript").forEach((e) => e.remove());
  doc.querySelectorAll("br").forEach((e) => e.replaceWith("\n"));
  doc.querySelectorAll("p,div,li,tr,h1,h2,h3,h4,h5,h6,section,article").forEach((e) => e.append("\n"));
  return doc.body?.textContent ?? "";
}

export class UnreadableFileError extends Error {
  readonly code = "UnreadableFile";
  constructor(readonly fileName: string) {
    super(`cannot read ${fileName}`);
    this.name = "UnreadableFileError";
  }
}

export async function readPolicyFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  const bytes = await file.arrayBuffer();
  if (name.endsWith(".docx")) {
    const mammoth = await import("mammoth");
    try {
      return (await mammoth.extractRawText({ arrayBuffer: bytes })).value;
    } catch {
      throw new UnreadableFileError(file.name);
    }
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return name.endsWith(".html") || name.endsWith(".htm") ? htmlText(text) : text;
}
