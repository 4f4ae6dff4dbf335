/**
 * The workbook's edition through Office.js (workbook.customXmlParts, ExcelApi 1.5): the same part the CLI writes
 * (../policy/editionPart.ts), found by its namespace. Reading validates before anything uses it; writing replaces our
 * part in place (setXml) so co-authors' other parts and the rest of the workbook are untouched.
 */
import type { EditionData } from "../policy/types";
import { EDITION_PART_NAMESPACE, editionPartXml, workbookEditionOf, type WorkbookEdition } from "../policy/editionPart";

export type { WorkbookEdition } from "../policy/editionPart";

/** The edition the open workbook carries, validated — two syncs when there is one, one when there is none. */
export async function readWorkbookEdition(context: Excel.RequestContext): Promise<WorkbookEdition> {
  const parts = context.workbook.customXmlParts.getByNamespace(EDITION_PART_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded as items/id above
  const first = parts.items[0];
  if (first === undefined) return workbookEditionOf(undefined);
  const xml = first.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by the sync, not loaded
  return workbookEditionOf(xml.value);
}

/** Stores the edition in the open workbook (one part of ours; extras a past version left are removed). */
export async function storeWorkbookEdition(context: Excel.RequestContext, data: EditionData): Promise<void> {
  const xml = editionPartXml(data);
  const parts = context.workbook.customXmlParts.getByNamespace(EDITION_PART_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded as items/id above
  const [first, ...extra] = parts.items;
  if (first === undefined) context.workbook.customXmlParts.add(xml);
  else first.setXml(xml);
  for (const part of extra) part.delete();
  await context.sync();
}
