/**
 * manifest.xml against Microsoft's published XSDs (OfficeApp 1.1, VersionOverrides 1.0, with the Runtimes element
 * the shared runtime adds): the check Office's sideloading applies first, run offline in CI.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateManifest } from "./support/xsd";

const xml = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

describe("manifest.xml against the add-in manifest schemas", () => {
  it("is valid", async () => {
    expect(await validateManifest(xml)).toEqual({ valid: true, errors: [] });
  });

  it("stays valid once rewritten to a production origin", async () => {
    const production = xml.replaceAll("https://localhost:3000/", "https://zc.example.org/addin/");
    expect((await validateManifest(production)).valid).toBe(true);
  });

  it("rejects what Office rejects: elements out of order, a resid over 32 characters, a set outside bt:", async () => {
    const outOfOrder = xml.replace(
      /(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
      "$3$2$1",
    );
    expect(outOfOrder).not.toBe(xml);
    const moved = await validateManifest(outOfOrder);
    expect(moved.valid).toBe(false);
    expect(moved.errors.join("\n")).toMatch(/Runtimes/);

    const longId = xml.replaceAll('"Functions.Namespace"', `"${"N".repeat(33)}"`);
    expect((await validateManifest(longId)).valid).toBe(false);

    const unqualified = xml.replace("<bt:Sets", "<Sets").replace("</bt:Sets>", "</Sets>");
    expect(unqualified).not.toBe(xml);
    expect((await validateManifest(unqualified)).valid).toBe(false);
  });
});
