/**
 * Validates an add-in manifest against Microsoft's XML schemas (../shared/schemas/office-addin-manifest/, see its
 * SOURCE.txt) with libxml2's validator compiled to WebAssembly (xmllint-wasm): offline, the same check as
 * `xmllint --schema OfficeAppManifestV1_1.xsd manifest.xml`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { sharedPath } from "../../support/shared";

export const schemaDir = sharedPath("schemas", "office-addin-manifest");
const ENTRY = "OfficeAppManifestV1_1.xsd";

export async function validateManifest(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const file = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), "utf8") });
  const imports = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd") && f !== ENTRY);
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [file(ENTRY)],
    preload: imports.map(file),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
