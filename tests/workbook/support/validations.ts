import { DOMParser, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { parseRange } from "../../../src/workbook/a1";

/** Data-validation ranges of a package that overlap another on the same sheet (Excel repairs or drops those). */
export async function overlappingValidations(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const f of zip.file(/^xl\/worksheets\/[^/]+\.xml$/)) {
    const doc = new DOMParser().parseFromString(await f.async("string"), "text/xml");
    const refs = Array.from(doc.getElementsByTagName("dataValidation")).flatMap((v: Element) =>
      (v.getAttribute("sqref") ?? "").split(/\s+/).filter(Boolean),
    );
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        const a = parseRange(refs[i] ?? "");
        const b = parseRange(refs[j] ?? "");
        if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom)
          out.push(`${f.name}: ${refs[i]} and ${refs[j]}`);
      }
    }
  }
  return out;
}

/** The list validations of a sheet's part (by sheet name): each one's sqref and its items. */
export async function listValidations(bytes: Uint8Array, sheet: string): Promise<{ sqref: string; items: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = new DOMParser().parseFromString(await zip.file("xl/workbook.xml")!.async("string"), "text/xml");
  const rid = Array.from(workbook.getElementsByTagName("sheet"))
    .find((s: Element) => s.getAttribute("name") === sheet)
    ?.getAttribute("r:id");
  const rels = new DOMParser().parseFromString(
    await zip.file("xl/_rels/workbook.xml.rels")!.async("string"),
    "text/xml",
  );
  const target = Array.from(rels.getElementsByTagName("Relationship"))
    .find((r: Element) => r.getAttribute("Id") === rid)
    ?.getAttribute("Target");
  if (!target) throw new Error(`no sheet ${sheet}`);
  const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const doc = new DOMParser().parseFromString(await zip.file(part)!.async("string"), "text/xml");
  return Array.from(doc.getElementsByTagName("dataValidation"))
    .filter((v: Element) => v.getAttribute("type") === "list")
    .map((v: Element) => ({
      sqref: v.getAttribute("sqref") ?? "",
      items: v.getElementsByTagName("formula1")[0]?.textContent ?? "",
    }));
}
