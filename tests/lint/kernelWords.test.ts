// The kernel (src/workbook) knows workbooks, not the product: eslint keeps the product's modules out of its imports
// (purity.test.ts); this keeps the product's words out of its code — a sheet key, a table name, a reason only the
// product writes — which no import rule sees. Comments may name the product's sheets as examples; code may not.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SHEET_KEYS } from "../../src/sheets/marker";
import { TABLE_NAMES } from "../../src/sheets/layout";
import { MONITOR_TABLE, MONTHLY_TABLE_NAMES } from "../../src/sheets/monthlyLayout";

const kernel = path.resolve(__dirname, "../../src/workbook");

/** The product's words: its sheet keys, table names and the reasons it declares (src/sheets/changeReasons.ts). */
const productWords = new Set<string>([
  ...SHEET_KEYS,
  ...Object.values(TABLE_NAMES),
  ...Object.values(MONTHLY_TABLE_NAMES),
  MONITOR_TABLE,
  "carryOver",
  "return",
  "SheetKey",
]);

/** The string literals, property names and type names of a file's code, comments left out. */
function codeWords(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const words: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isIdentifier(node)) words.push(node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) words.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

const productWordsIn = (file: string, text: string): string[] =>
  codeWords(file, text).filter((word) => productWords.has(word));

describe("the kernel names nothing of the product", () => {
  it.each(readdirSync(kernel).filter((f) => f.endsWith(".ts")))("src/workbook/%s", (file) => {
    expect(productWordsIn(file, readFileSync(path.join(kernel, file), "utf8"))).toEqual([]);
  });

  it("finds a product word in code, and not in a comment", () => {
    const planted = [
      "/** e.g. 目标任务's ZC_Targets */",
      'export type Key = "目标任务" | "汇总";',
      'export const table = "ZC_Targets";',
      'export interface Change { reason: "carryOver" }',
    ].join("\n");
    expect(productWordsIn("planted.ts", planted)).toEqual(["目标任务", "汇总", "ZC_Targets", "carryOver"]);
  });
});
