import { readFileSync } from "node:fs";
import path from "node:path";
import { functionCatalog, FUNCTIONS_NAMESPACE } from "../../src/functions/catalog";
import { createFunctions } from "../../src/functions/definitions";
import { TARGET_FIELDS } from "../../src/functions/fields";
import { indexEdition } from "../../src/engine";
import { edition, zc } from "./support/zc";
import { parseFormula } from "./support/formula";

const definitions = createFunctions(indexEdition(edition));
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe("the function catalog (one source of the Chinese strings)", () => {
  it("lists the functions of the definitions, in their order, with the same parameters", () => {
    expect(functionCatalog.map((f) => f.id)).toEqual(definitions.map((d) => d.id));
    for (const def of definitions) {
      const entry = functionCatalog.find((f) => f.id === def.id)!;
      expect(entry.parameters.map((p) => [p.name, p.optional])).toEqual(def.args.map((a) => [a.name, a.optional]));
    }
  });

  it("has Chinese text for every function and parameter, and ASCII ids and parameter names", () => {
    expect(FUNCTIONS_NAMESPACE).toBe("ZC");
    for (const entry of functionCatalog) {
      expect(entry.id).toMatch(/^[A-Z][A-Z0-9]*$/);
      for (const text of [entry.title, entry.description, entry.returns]) expect(hasChinese(text)).toBe(true);
      expect(entry.description.length).toBeLessThanOrEqual(255);
      for (const p of entry.parameters) {
        expect(p.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(hasChinese(p.label) && hasChinese(p.help)).toBe(true);
        expect(p.help.length).toBeLessThanOrEqual(255);
        // Excel's dialog shows no brackets, so an optional parameter says so in words.
        expect(p.help.startsWith("可选")).toBe(p.optional);
      }
    }
  });

  it("describes functions and parameters for any edition: no area or article range, total or year of one", () => {
    // Examples are the default edition's (and say so); what Excel shows as help must hold for every edition.
    for (const entry of functionCatalog) {
      for (const text of [entry.description, ...entry.parameters.map((p) => p.help)]) {
        expect([entry.id, text]).not.toEqual([
          entry.id,
          expect.stringMatching(/\d+–\d+|一–|(三十七)|49\.25|69\.49|年度 ?20\d\d|市财政/),
        ]);
      }
    }
  });

  it("documents every field of ZC.TARGET with its Chinese name", () => {
    const help = functionCatalog.find((f) => f.id === "TARGET")!.parameters[1]!.help;
    for (const [field, aliases] of Object.entries(TARGET_FIELDS)) expect(help).toContain(`${field}/${aliases[0]}`);
  });

  it("gives each function examples whose results are what the function returns", () => {
    for (const entry of functionCatalog) {
      expect(entry.examples.length).toBeGreaterThan(0);
      for (const example of entry.examples) {
        const { id, args } = parseFormula(example.formula);
        expect(id).toBe(entry.id);
        expect([example.formula, zc(id, ...args)]).toEqual([example.formula, example.result]);
      }
    }
  });

  it("is what the README documents: every function and every example formula", () => {
    const docs = readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    for (const entry of functionCatalog) {
      expect(docs).toContain(`### ZC.${entry.id}(`);
      for (const example of entry.examples) expect(docs).toContain(example.formula);
    }
  });

  it("is pure data: the build evaluates it alone, so it imports nothing at run time", () => {
    const source = readFileSync(path.join(__dirname, "../../src/functions/catalog.ts"), "utf8");
    const imports = source.split("\n").filter((line) => /^\s*import\s/.test(line) && !/^\s*import\s+type\s/.test(line));
    expect(imports).toEqual([]);
    // The build's own loader agrees.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require("../../scripts/functions-zh-cn-plugin.js") as { loadCatalog: (file: string) => unknown };
    expect(plugin.loadCatalog(path.join(__dirname, "../../src/functions/catalog.ts"))).toEqual(functionCatalog);
  });
});
