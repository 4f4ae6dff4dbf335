/**
 * The edition part inside an .xlsx package (ECMA-376 Part 1, 15.2.5 Custom XML Data Storage Part): the item under
 * customXml/, its properties part (the namespace Excel's customXmlParts.getByNamespace finds it by), and the
 * workbook's relationship to it. Other custom XML parts (a co-worker's, another add-in's) are left as they are.
 */
import type JSZip from "jszip";
import type { EditionData } from "../policy/types";
import {
  EDITION_PART_NAMESPACE,
  editionPartXml,
  isEditionPart,
  workbookEditionOf,
  type WorkbookEdition,
} from "../policy/editionPart";

export type { WorkbookEdition } from "../policy/editionPart";
import { newPart, openPackage, readPart, savePackage, writePart } from "./parts";
import { XmlElement } from "./xmlTree";
import { putPart } from "./putPart";
import { entryText } from "./zipEntry";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * The customXml/itemN.xml paths that hold our edition (normally one): by the namespace its properties part
 * declares (as Excel's getByNamespace does), or by its root element when a tool wrote no properties part — so a
 * part of ours whose content was replaced by garbage is still found, and refused, rather than silently ignored.
 */
async function ourItems(zip: JSZip): Promise<string[]> {
  const items = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/.test(p));
  const ours: string[] = [];
  for (const path of items) {
    const n = /item(\d+)\.xml$/.exec(path)?.[1] ?? "";
    const props = await entryText(zip, `customXml/itemProps${n}.xml`);
    if (props?.includes(`ds:uri="${EDITION_PART_NAMESPACE}"`)) {
      ours.push(path);
      continue;
    }
    const xml = await entryText(zip, path);
    if (xml !== undefined && isEditionPart(xml)) ours.push(path);
  }
  return ours;
}

/** Reads and validates the workbook's edition part (the first one, if a tool ever wrote several). */
export async function readWorkbookEdition(input: Uint8Array): Promise<WorkbookEdition> {
  return readEditionPart(await openPackage(input));
}

/** {@link readWorkbookEdition} on a package already open. */
export async function readEditionPart(zip: JSZip): Promise<WorkbookEdition> {
  const [first] = await ourItems(zip);
  return workbookEditionOf(first === undefined ? undefined : ((await entryText(zip, first)) ?? ""));
}

function guid(seed: string): string {
  // Stable per edition id, so rewriting the same edition gives the same package bytes.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ seed.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).repeat(2).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}}`;
}

/** The package with the edition stored in it: our part replaced (or added), everything else untouched. */
export async function writeWorkbookEdition(input: Uint8Array, data: EditionData): Promise<Uint8Array> {
  const zip = await openPackage(input);
  await writeEditionPart(zip, data);
  return savePackage(zip);
}

/** {@link writeWorkbookEdition} into a package already open (saved by the caller). */
export async function writeEditionPart(zip: JSZip, data: EditionData): Promise<void> {
  const xml = editionPartXml(data);
  const existing = await ourItems(zip);
  let path = existing[0];
  for (const extra of existing.slice(1)) await removeItem(zip, extra);
  if (path === undefined) {
    let n = 1;
    while (zip.file(`customXml/item${n}.xml`)) n++;
    path = `customXml/item${n}.xml`;
    const props = `customXml/itemProps${n}.xml`;
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    zip.file(
      props,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid(data.document.id)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${EDITION_PART_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    await addContentType(zip, `/${props}`);
    await addWorkbookRel(zip, `../${path}`);
  }
  putPart(zip, path, xml);
}

/** `[Content_Types].xml` with a default for .xml and an override for `partName`, through the package's parser. */
async function addContentType(zip: JSZip, partName: string): Promise<void> {
  const types = await readPart(zip, CONTENT_TYPES);
  if (!types) return;
  const root = types.root;
  if (!root.all("Default").some((d) => (d.get("Extension") ?? "").toLowerCase() === "xml"))
    root.children.unshift(
      new XmlElement(named(root, "Default"), [
        ["Extension", "xml"],
        ["ContentType", "application/xml"],
      ]),
    );
  if (!root.all("Override").some((o) => o.get("PartName") === partName))
    root.add("Override", [
      ["PartName", partName],
      ["ContentType", CT_PROPS],
    ]);
  writePart(zip, CONTENT_TYPES, types);
}

async function addWorkbookRel(zip: JSZip, target: string): Promise<void> {
  const rels = (await readPart(zip, WORKBOOK_RELS)) ?? newPart("Relationships", NS_PACKAGE_RELS);
  const ids = new Set(rels.root.all("Relationship").map((r) => r.get("Id")));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  rels.root.add("Relationship", [
    ["Id", `rId${n}`],
    ["Type", REL_CUSTOM_XML],
    ["Target", target],
  ]);
  writePart(zip, WORKBOOK_RELS, rels);
}

async function removeItem(zip: JSZip, path: string): Promise<void> {
  const n = /item(\d+)\.xml$/.exec(path)?.[1] ?? "";
  zip.remove(path);
  zip.remove(`customXml/itemProps${n}.xml`);
  zip.remove(`customXml/_rels/item${n}.xml.rels`);
  const drop = async (part: string, gone: (e: XmlElement) => boolean) => {
    const doc = await readPart(zip, part);
    if (!doc) return;
    const kept = doc.root.children.filter((c) => !(c instanceof XmlElement && gone(c)));
    doc.root.children.splice(0, doc.root.children.length, ...kept);
    writePart(zip, part, doc);
  };
  await drop(CONTENT_TYPES, (o) => o.localName === "Override" && o.get("PartName") === `/customXml/itemProps${n}.xml`);
  await drop(WORKBOOK_RELS, (r) => r.localName === "Relationship" && r.get("Target") === `../customXml/item${n}.xml`);
}

/** A name with the prefix `parent` is written with. */
function named(parent: XmlElement, local: string): string {
  const i = parent.name.indexOf(":");
  return i < 0 ? local : `${parent.name.slice(0, i + 1)}${local}`;
}
