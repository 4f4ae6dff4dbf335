/**
 * The pane's policy-file reader: a picked .txt, .docx (mammoth, loaded only when needed) or .html (the browser's
 * own parser) becomes the string the importer takes. A .docx is someone else's package: it is opened within the same
 * limits as the CLI's `import` (src/xlsx/packageLimits.ts, DOCX_LIMITS) before mammoth inflates anything, so a few
 * hundred KB that inflate to gigabytes are refused in one message instead of taking the pane down.
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

/** A policy file beyond a limit (its size, or a package limit), with the reason in Chinese and English. */
export class PolicyFileRefusedError extends Error {
  readonly code = "PolicyFileRefused";
  constructor(
    readonly fileName: string,
    readonly chinese: string,
    readonly english: string,
  ) {
    super(`${fileName}: ${english}`);
    this.name = "PolicyFileRefusedError";
  }
}

export async function readPolicyFile(file: File): Promise<string> {
  const name = file.name.toLowerCase();
  // The limits' module brings jszip: a chunk of its own, loaded with the first file picked (as mammoth is).
  const limits = await import(/* webpackChunkName: "package-limits" */ "../xlsx/packageLimits");
  const refused = (error: { chinese: string; english: string }) =>
    new PolicyFileRefusedError(file.name, error.chinese, error.english);
  if (file.size > limits.MAX_POLICY_FILE_BYTES) throw refused(limits.policyFileTooLarge(file.size));
  const bytes = await file.arrayBuffer();
  if (name.endsWith(".docx")) {
    try {
      await limits.openWithinLimits(new Uint8Array(bytes), limits.DOCX_LIMITS);
    } catch (error) {
      throw error instanceof limits.PackageLimitError ? refused(error) : new UnreadableFileError(file.name);
    }
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
