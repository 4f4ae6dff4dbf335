import type JSZip from "jszip";
import { readPart, relationships } from "./parts";
import { relationshipId } from "./snapshot";
import { serialize } from "./xmlTree";

/**
 * The sheets and defined names of a package as workbook.xml lists them, read through the tokenizer: what the
 * commands read to find our markers (`nameValue` of each) and tests read to carry names across a round trip.
 */

export interface PackageSheet {
  readonly name: string;
  /** Zip path of the sheet part, e.g. xl/worksheets/sheet3.xml ("" when the relationship is missing). */
  readonly path: string;
  readonly state: string;
}

export interface PackageName {
  readonly name: string;
  readonly localSheetId?: string;
  /** The element as serialized, to write back as it was. */
  readonly xml: string;
  /** The formula text, decoded (a string constant keeps its quotes). */
  readonly formula: string;
}

export interface PackageInfo {
  readonly sheets: readonly PackageSheet[];
  readonly names: readonly PackageName[];
}

/** Sheet names, parts and defined names of an .xlsx package. */
export async function readPackage(zip: JSZip): Promise<PackageInfo> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  if (!workbook) return { sheets: [], names: [] };
  const rels = await relationships(zip, "xl/workbook.xml");
  const sheets = (workbook.root.first("sheets")?.all("sheet") ?? []).map((s) => ({
    name: s.get("name") ?? "",
    path: rels.find((r) => r.id === relationshipId(s))?.target ?? "",
    state: s.get("state") ?? "visible",
  }));
  const names = (workbook.root.first("definedNames")?.all("definedName") ?? []).map((n) => {
    const local = n.get("localSheetId");
    return {
      name: n.get("name") ?? "",
      ...(local !== undefined ? { localSheetId: local } : {}),
      xml: serialize(n),
      formula: n.text(),
    };
  });
  return { sheets, names };
}

/** The value of a string-constant name ("abc" → abc), else the formula as written. */
export function nameValue(formula: string): string {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  return f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
}
