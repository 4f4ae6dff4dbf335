import type { PolicyDocument } from "./types";

/**
 * The document as titles and captions name it: the title with its 文号 in brackets, or the title alone when the
 * document has no 文号 (many web copies and 工作方案 have none).
 *
 * @example
 * titleWithNumber({ title: "乐清市推动经济高质量发展若干政策(2025年版)", docNumber: "乐政发〔2025〕4号" })
 * // "乐清市推动经济高质量发展若干政策(2025年版)(乐政发〔2025〕4号)"
 */
export function titleWithNumber(doc: Pick<PolicyDocument, "title" | "docNumber">): string {
  return doc.docNumber === undefined || doc.docNumber === "" ? doc.title : `${doc.title}(${doc.docNumber})`;
}

/** The 文号 and title side by side (a picker's line), or the title alone. @example numberAndTitle(doc) // "乐政发〔2025〕4号 乐清市…" */
export function numberAndTitle(doc: Pick<PolicyDocument, "title" | "docNumber">): string {
  return doc.docNumber === undefined || doc.docNumber === "" ? doc.title : `${doc.docNumber} ${doc.title}`;
}
