import { spawnSync } from "node:child_process";
import path from "node:path";

// The engine and the edition data run inside Excel's formula runtime, the pane, the CLI and tests alike;
// the lint rule is what keeps host APIs out. This proves the rule fires, so it cannot silently rot.
const root = path.resolve(__dirname, "../..");
const eslintBin = path.join(root, "node_modules/eslint/bin/eslint.js");

// The CLI rather than the ESLint class: the flat config is an ES module, which jest's CommonJS runtime can't load.
async function messagesFor(file: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [eslintBin, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  const results = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (results[0]?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("pure layers", () => {
  it.each([
    ["src/engine/bad.ts", "no React", 'import { useState } from "react";\nexport const x = useState;\n'],
    [
      "src/policy/bad.ts",
      "no React",
      'import { Button } from "@fluentui/react-components";\nexport const b = Button;\n',
    ],
    ["src/engine/bad.ts", "no Excel", "export const x = () => Excel.run(async () => undefined);\n"],
    ["src/policy/bad.ts", "no Office", "export const x = () => Office.context;\n"],
    ["src/engine/bad.ts", "no Node APIs", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n'],
    ["src/engine/bad.ts", "never back", 'import { x } from "../sheets/x";\nexport const y = x;\n'],
    ["src/report/bad.ts", "never back", 'import { x } from "../workbook";\nexport const y = x;\n'],
    [
      "src/policy/bad.ts",
      "policy/ is the bottom layer",
      'import { gap } from "../engine/gap";\nexport const g = gap;\n',
    ],
    [
      "src/policy/validation/bad.ts",
      "policy/ is the bottom layer",
      'import * as E from "../../engine";\nexport const e = E;\n',
    ],
    [
      "src/policy/bad.ts",
      "policy/ is the bottom layer",
      'import { importEdition } from "../importer";\nexport const i = importEdition;\n',
    ],
    ["src/policy/bad.ts", "never back", 'import { x } from "../xlsx/x";\nexport const y = x;\n'],
    [
      "src/workbook/bad.ts",
      "workbook/ is the kernel",
      'import type { Target } from "../policy/types";\nexport type T = Target;\n',
    ],
    [
      "src/workbook/bad.ts",
      "workbook/ is the kernel",
      'import { isBlankInput } from "../engine";\nexport const b = isBlankInput;\n',
    ],
    [
      "src/workbook/bad.ts",
      "workbook/ is the kernel",
      'import { HEADER_ROW } from "../sheets/layout";\nexport const h = HEADER_ROW;\n',
    ],
    ["src/workbook/bad.ts", "never back", 'import { applySpec } from "../xlsx/write";\nexport const a = applySpec;\n'],
    ["src/workbook/bad.ts", "no Office", 'import ExcelJS from "exceljs";\nexport const w = ExcelJS;\n'],
    ["src/importer/bad.ts", "no Office", 'import ExcelJS from "exceljs";\nexport const w = ExcelJS;\n'],
    ["src/importer/bad.ts", "no Node APIs", 'import { readFileSync } from "fs";\nexport const r = readFileSync;\n'],
    ["src/carryover/bad.ts", "no Node APIs", 'import { readFileSync } from "fs";\nexport const r = readFileSync;\n'],
    ["src/carryover/bad.ts", "never back", 'import { x } from "../sheets/x";\nexport const y = x;\n'],
    [
      "src/engine/bad.ts",
      "they never import it",
      'import { planCarryOver } from "../carryover";\nexport const p = planCarryOver;\n',
    ],
    [
      "src/importer/bad.ts",
      "they never import it",
      'import { planCarryOver } from "../carryover/planCarryOver";\nexport const p = planCarryOver;\n',
    ],
    ["src/returns/bad.ts", "no Office", 'import ExcelJS from "exceljs";\nexport const w = ExcelJS;\n'],
    ["src/returns/bad.ts", "no Node APIs", 'import { createHash } from "node:crypto";\nexport const h = createHash;\n'],
    ["src/returns/bad.ts", "never back", 'import { x } from "../cli/x";\nexport const y = x;\n'],
    ["src/returns/bad.ts", "no Excel", "export const x = () => Excel.run(async () => undefined);\n"],
  ])("%s: %s", async (file, expected, code) => {
    const messages = await messagesFor(file, code);
    expect(messages.join("\n")).toContain(expected);
  });

  it("lets the engine import policy/ (the direction imports point)", async () => {
    const messages = await messagesFor(
      "src/engine/ok.ts",
      'import { tidy } from "../policy/tidy";\nexport const t = tidy;\n',
    );
    expect(messages).toEqual([]);
  });

  it("lets carryover/ build on the importer's matching and the engine", async () => {
    const messages = await messagesFor(
      "src/carryover/ok.ts",
      'import { assignIds } from "../importer/ids";\nimport { convertUnit } from "../engine/convertUnit";\nexport const a = [assignIds, convertUnit];\n',
    );
    expect(messages).toEqual([]);
  });

  it("lets the product's sheets import the kernel (the direction imports point)", async () => {
    const messages = await messagesFor(
      "src/sheets/ok.ts",
      'import { cellAddress } from "../workbook/a1";\nexport const a = cellAddress;\n',
    );
    expect(messages).toEqual([]);
  });

  it("allows the same code in a host", async () => {
    const messages = await messagesFor(
      "src/taskpane/ok.ts",
      "export const x = () => Excel.run(async () => undefined);\n",
    );
    expect(messages).toEqual([]);
  });
});
