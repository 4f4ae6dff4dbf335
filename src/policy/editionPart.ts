/**
 * The edition a workbook carries: one Custom XML part (docs/edition-part.md says why, and what Microsoft documents
 * about such parts), written by the CLI's file route and by the add-in, read by both. The part is our namespace's
 * root element holding the edition file's JSON as text:
 *
 *   <edition xmlns="urn:zhengce-mubiao:edition" schemaVersion="1">{"schemaVersion":1,…}</edition>
 *
 * Whatever is found in a workbook is a stranger's data until the validation library says otherwise: size first,
 * then XML shape, then the edition file's schema and checks (quotes against the carried text).
 */
import { serializeEditionFile, toEditionFile } from "./editionFile";
import type { EditionData } from "./types";
import { parseEdition, type EditionValidation } from "./validation";

export const EDITION_PART_NAMESPACE = "urn:zhengce-mubiao:edition";

/**
 * 4 MB of UTF-8: Excel on the web caps one Office.js request at 5 MB, and the part travels in one setXml/getXml.
 * A 2,000-target edition with its policy text is about 1 MB.
 */
export const MAX_EDITION_PART_BYTES = 4 * 1024 * 1024;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A character reference (`&#99999999;`) that names no character: the part is refused, not guessed at. */
class BadReference extends Error {
  constructor(readonly reference: string) {
    super(reference);
  }
}

function character(reference: string, codePoint: number): string {
  if (!(codePoint > 0 && codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff))
    throw new BadReference(reference);
  return String.fromCodePoint(codePoint);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (m, d: string) => character(m, Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (m, h: string) => character(m, parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** UTF-8 size without encoding the whole string twice over: one pass over code units. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** The part's XML for an edition; throws only when the edition is too large to travel in a workbook. */
export function editionPartXml(data: EditionData): string {
  const json = serializeEditionFile(toEditionFile(data));
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<edition xmlns="${EDITION_PART_NAMESPACE}" schemaVersion="1">${escapeXml(json)}</edition>`;
  const bytes = utf8Bytes(xml);
  if (bytes > MAX_EDITION_PART_BYTES) {
    throw new Error(
      `版本数据过大(${mb(bytes)} MB,工作簿内最多 4 MB),无法存入工作簿。 / The edition is too large to store in the workbook (${mb(bytes)} MB, at most 4 MB).`,
    );
  }
  return xml;
}

/** What a workbook carries: no edition part, or the validation of the one it has. */
export type WorkbookEdition = { readonly found: false } | ({ readonly found: true } & EditionValidation);

/** The workbook's edition from its part's XML (undefined: the workbook has no edition part). */
export function workbookEditionOf(xml: string | undefined): WorkbookEdition {
  return xml === undefined ? { found: false } : { found: true, ...readEditionPartXml(xml) };
}

const refused = (message: string): EditionValidation => ({ errors: [{ path: "", message }], warnings: [] });

/** Whether an XML part's root element is in our namespace (cheap: the prolog and root tag only). */
export function isEditionPart(xml: string): boolean {
  const root = /<(?!\?|!)[^>]*>/.exec(xml.slice(0, 4096))?.[0] ?? "";
  return root.includes(`"${EDITION_PART_NAMESPACE}"`) || root.includes(`'${EDITION_PART_NAMESPACE}'`);
}

/** The edition in a part's XML, validated; a refusal is an error in Chinese, never a throw. */
export function readEditionPartXml(xml: string): EditionValidation {
  const bytes = utf8Bytes(xml);
  if (bytes > MAX_EDITION_PART_BYTES) return refused(`工作簿中的版本数据过大(${mb(bytes)} MB,上限 4 MB),已拒绝`);
  const m = /^\s*(?:<\?xml[^>]*\?>)?\s*<(?:[\w.-]+:)?edition\b([^>]*)>([\s\S]*)<\/(?:[\w.-]+:)?edition>\s*$/.exec(xml);
  if (!m || !(m[1] ?? "").includes(EDITION_PART_NAMESPACE))
    return refused("工作簿中的版本数据不是政策目标加载项的格式,已拒绝");
  const body = m[2] ?? "";
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(body);
  let json: string;
  try {
    json = cdata ? (cdata[1] ?? "") : unescapeXml(body);
  } catch (error) {
    if (!(error instanceof BadReference)) throw error;
    return refused(`工作簿中的版本数据含无效的字符引用 ${error.reference}(不对应任何字符),已拒绝`);
  }
  return parseEdition(json);
}
