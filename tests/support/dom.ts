/** A second reader for tests: a part as an @xmldom/xmldom document (the product reads parts with src/xlsx/xmlTree). */
import { DOMParser, type Document } from "@xmldom/xmldom";
import type JSZip from "jszip";

export async function readXml(zip: JSZip, part: string): Promise<Document | undefined> {
  const text = await zip.file(part)?.async("string");
  return text === undefined ? undefined : new DOMParser().parseFromString(text, "text/xml");
}
