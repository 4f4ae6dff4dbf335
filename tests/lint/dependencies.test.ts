/**
 * package.json's `dependencies` are what the product's code (src/) imports, and nothing else: a library that only
 * tests, the bench or scripts use (ExcelJS, @xmldom/xmldom) is a devDependency, so an install without dev
 * dependencies leaves it out. Imports are read with TypeScript's own pre-processor (dynamic `import()` counts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.[cm]?[jt]sx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The package a bare specifier names ("@scope/name/sub" → "@scope/name"); undefined for files and Node's own. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
  return builtinModules.includes(name) ? undefined : name;
}

/** The packages the files under `dir` import, each with one file that imports it. */
function packagesImportedBy(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of sourceFiles(path.join(root, dir))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name && !out.has(name)) out.set(name, path.relative(root, file));
    }
  }
  return out;
}

describe("package.json's dependencies", () => {
  const product = packagesImportedBy("src");

  it("are each imported by the product's code", () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !product.has(name));
    expect(unused).toEqual([]);
  });

  it("leave ExcelJS and @xmldom/xmldom to the tests and the bench", () => {
    for (const name of ["exceljs", "@xmldom/xmldom"]) {
      expect([name, product.get(name)]).toEqual([name, undefined]);
      expect(Object.keys(manifest.devDependencies)).toContain(name);
    }
    expect(packagesImportedBy("tests").has("exceljs")).toBe(true);
  });

  it("declare every package the product's code imports", () => {
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
    const undeclared = [...product].filter(([name]) => !declared.has(name));
    expect(undeclared).toEqual([]);
  });
});
