/**
 * The build is the metadata's compiler: it must FAIL (non-zero exit of `webpack`) when the JSDoc is wrong or the
 * Chinese catalog disagrees with it. Each case is a throw-away project built with the same two plugins as
 * webpack.config.js. Also: the one place where error values become CustomFunctions.Error.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { divisionByZero, notAvailable, valueError } from "../../src/engine";
import { toCustomFunctionsError } from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/messages";
import { repoRoot } from "../support/ensureBuilt";
import { ErrorCode, StubCustomFunctionsError } from "./support/loadBundle";

const goodFunctions = `
/**
 * Adds one.
 * @customfunction PLUSONE
 * @param x A number.
 * @param [y] Another number.
 * @returns x + 1 (+ y).
 */
export function plusOne(x: number, y?: number): number {
  return x + 1 + (y ?? 0);
}
`;

const catalogOf = (parameters: string, extra = "", id = "PLUSONE") => `${extra}
export const functionCatalog = [
  { id: "${id}", title: "加一", description: "加一", parameters: [${parameters}], returns: "和", examples: [] },
];
`;
const goodParameters = `
  { name: "x", label: "数", optional: false, help: "一个数" },
  { name: "y", label: "另一个数", optional: true, help: "可选:另一个数" },`;

const config = `
const path = require("path");
const root = ${JSON.stringify(repoRoot)};
const CustomFunctionsMetadataPlugin = require(path.join(root, "node_modules/custom-functions-metadata-plugin"));
const FunctionsZhCnPlugin = require(path.join(root, "scripts/functions-zh-cn-plugin.js"));
module.exports = {
  mode: "production",
  context: __dirname,
  entry: { functions: "./functions.ts" },
  output: { path: path.join(__dirname, "dist"), filename: "[name].js" },
  resolve: { extensions: [".ts", ".js"] },
  resolveLoader: { modules: [path.join(root, "node_modules")] },
  module: { rules: [{ test: /\\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions.ts" }),
    new FunctionsZhCnPlugin({ catalog: "./catalog.ts", output: "functions-zh-cn.json" }),
  ],
};
`;

interface Case {
  functions: string;
  catalog: string;
}

const cases: Record<string, Case> = {
  good: { functions: goodFunctions, catalog: catalogOf(goodParameters) },
  unsupportedType: {
    functions: goodFunctions.replace("x: number, y?: number", "x: Date, y?: number").replace("x + 1", "1"),
    catalog: catalogOf(goodParameters),
  },
  invalidId: { functions: goodFunctions.replace("PLUSONE", "PLUS-ONE"), catalog: catalogOf(goodParameters) },
  paramTypo: { functions: goodFunctions.replace("@param x", "@param z"), catalog: catalogOf(goodParameters) },
  noFunctions: { functions: goodFunctions.replace("@customfunction PLUSONE", ""), catalog: catalogOf(goodParameters) },
  catalogOtherId: { functions: goodFunctions, catalog: catalogOf(goodParameters, "", "PLUSTWO") },
  catalogOptional: {
    functions: goodFunctions,
    catalog: catalogOf(goodParameters.replace("optional: true", "optional: false")),
  },
  catalogImports: {
    functions: goodFunctions,
    catalog: catalogOf(goodParameters, 'import { help } from "./help";\nvoid help;'),
  },
};

interface Outcome {
  code: number | null;
  output: string;
  dir: string;
}

function build(dir: string): Promise<Outcome> {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [repoRoot] });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "--config", path.join(dir, "webpack.config.js")], { cwd: dir });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output, dir }));
  });
}

describe("the build fails on bad metadata", () => {
  let root: string;
  const outcomes: Record<string, Outcome> = {};

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "zc-functions-build-"));
    await Promise.all(
      Object.entries(cases).map(async ([name, files]) => {
        const dir = path.join(root, name);
        mkdirSync(dir);
        writeFileSync(path.join(dir, "functions.ts"), files.functions);
        writeFileSync(path.join(dir, "catalog.ts"), files.catalog);
        writeFileSync(path.join(dir, "tsconfig.json"), '{ "compilerOptions": { "target": "ES2020", "strict": true } }');
        writeFileSync(path.join(dir, "webpack.config.js"), config);
        outcomes[name] = await build(dir);
      }),
    );
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("builds a good project and writes the Chinese overlay", () => {
    const { code, output, dir } = outcomes.good!;
    expect([code, output]).toEqual([0, expect.any(String)]);
    const zh = JSON.parse(readFileSync(path.join(dir, "dist/functions-zh-cn.json"), "utf8"));
    const en = JSON.parse(readFileSync(path.join(dir, "dist/functions.json"), "utf8"));
    expect(zh.functions[0]).toEqual({
      ...en.functions[0],
      description: "加一",
      parameters: [
        { ...en.functions[0].parameters[0], description: "一个数" },
        { ...en.functions[0].parameters[1], description: "可选:另一个数" },
      ],
    });
  });

  it.each([
    ["unsupportedType", 'does not support type "Date"'],
    ["invalidId", "invalid characters"],
    ["paramTypo", "no @param for x"],
    ["noFunctions", "no @customfunction"],
    ["catalogOtherId", "catalog has PLUSTWO"],
    ["catalogOptional", "functions.json has (x, y?), the catalog has (x, y)"],
    ["catalogImports", 'imports "./help"'],
  ])("fails on %s", (name, message) => {
    const { code, output } = outcomes[name]!;
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });
});

describe("error values become CustomFunctions.Error in one place", () => {
  beforeAll(() => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: StubCustomFunctionsError, ErrorCode };
  });
  afterAll(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("maps VALUE, NA and DIV0 to #VALUE!, #N/A and #DIV/0!, with the Chinese message where Excel shows one", () => {
    const value = toCustomFunctionsError(valueError("notNumber", "六十"));
    expect([value.code, value.message]).toEqual(["#VALUE!", "“六十”不是数字"]);
    const na = toCustomFunctionsError(notAvailable("unknownTarget", "x"));
    expect([na.code, na.message]).toEqual(["#N/A", "找不到编号为“x”的目标"]);
    const div = toCustomFunctionsError(divisionByZero("zeroBudget"));
    expect([div.code, div.message]).toEqual(["#DIV/0!", undefined]);
    const own = toCustomFunctionsError(new FunctionError("NA", "articleNotInArea", [20, "一"]));
    expect([own.code, own.message]).toEqual(["#N/A", "第20条不属于领域一"]);
  });

  it("keeps a message that quotes a long input short", () => {
    const long = toCustomFunctionsError(valueError("notNumber", "很长的文字".repeat(100)));
    expect(long.message!.length).toBeLessThanOrEqual(201);
    expect(long.message!.endsWith("…")).toBe(true);
  });
});
