/**
 * The add-in's formula side as Excel loads it: the BUILT dist/functions.js evaluated alone with a stub
 * CustomFunctions, and the metadata files Excel reads (functions.json, and functions-zh-cn.json in Chinese Excel).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { functionCatalog } from "../../src/functions/catalog";
import { ensureBuilt } from "../support/ensureBuilt";
import { parseFormula } from "./support/formula";
import {
  ErrorCode,
  loadFunctionsBundle,
  readMetadata,
  StubCustomFunctionsError,
  type FunctionsMetadata,
  type LoadedBundle,
} from "./support/loadBundle";

let dist: string;
let zc: LoadedBundle;
let metadata: FunctionsMetadata;
let zhCn: FunctionsMetadata;

beforeAll(() => {
  dist = ensureBuilt("functions");
  zc = loadFunctionsBundle(dist);
  metadata = readMetadata(dist);
  zhCn = readMetadata(dist, "functions-zh-cn.json");
});

const ids = () => metadata.functions.map((f) => f.id);
const shape = (m: FunctionsMetadata) =>
  m.functions.map((f) => ({
    id: f.id,
    name: f.name,
    result: f.result,
    options: f.options,
    parameters: f.parameters.map(({ name, type, optional }) => ({ name, type, optional })),
  }));

function expectThrown(value: unknown, code: string, part?: string): void {
  expect(value).toBeInstanceOf(StubCustomFunctionsError);
  const error = value as StubCustomFunctionsError;
  expect(error.code).toBe(code);
  if (part !== undefined) expect(error.message).toContain(part);
}

describe("functions.json", () => {
  it("declares exactly the thirteen ZC functions, with ASCII names equal to their ids", () => {
    expect(ids()).toEqual([
      "TARGET",
      "COMPLETION",
      "MET",
      "GAP",
      "STATUS",
      "BUDGET",
      "VARIANCE",
      "EXECRATE",
      "TIMEPROGRESS",
      "PACE",
      "TARGETS",
      "RESPONSIBLE",
      "EDITION",
    ]);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("takes every argument untyped, so blank cells and omitted optionals arrive as null", () => {
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.type).toBe("any");
  });

  it("declares no volatile, streaming or address-requiring function", () => {
    for (const f of metadata.functions) expect(f.options ?? {}).toEqual({});
  });

  it("spills only ZC.TARGETS", () => {
    const matrix = metadata.functions.filter((f) => f.result.dimensionality === "matrix").map((f) => f.id);
    expect(matrix).toEqual(["TARGETS"]);
  });

  it("agrees with the catalog on ids and parameters", () => {
    expect(ids()).toEqual(functionCatalog.map((f) => f.id));
    for (const f of metadata.functions) {
      const entry = functionCatalog.find((c) => c.id === f.id)!;
      expect(f.parameters.map((p) => [p.name, p.optional ?? false])).toEqual(
        entry.parameters.map((p) => [p.name, p.optional]),
      );
      expect(f.description).toBeTruthy();
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
  });
});

describe("functions-zh-cn.json", () => {
  it("has the same ids, names, parameters, types and options as functions.json", () => {
    expect(shape(zhCn)).toEqual(shape(metadata));
  });

  it("carries the catalog's Chinese description and parameter help", () => {
    for (const f of zhCn.functions) {
      const entry = functionCatalog.find((c) => c.id === f.id)!;
      expect(f.description).toBe(entry.description);
      expect(f.parameters.map((p) => p.description)).toEqual(entry.parameters.map((p) => p.help));
    }
  });
});

describe("dist/functions.js", () => {
  it("loads without throwing where the host has no custom-functions runtime (no CustomFunctions global)", () => {
    const file = path.join(dist, "functions.js");
    const sandbox: Record<string, unknown> = {};
    expect(() =>
      vm.runInContext(readFileSync(file, "utf8"), vm.createContext(sandbox), { filename: file }),
    ).not.toThrow();
    // The guard's stand-in is inert: nothing registers, nothing is called.
    expect(typeof (sandbox.CustomFunctions as { associate?: unknown } | undefined)?.associate).toBe("function");
  });

  it("associates every id of functions.json, once, and nothing else", () => {
    expect([...zc.functions.keys()].sort()).toEqual([...ids()].sort());
    expect(zc.duplicates).toEqual([]);
  });

  it("answers every function's catalog examples with the document's figures", () => {
    for (const entry of functionCatalog) {
      for (const example of entry.examples) {
        const { id, args } = parseFormula(example.formula);
        const result = zc.call(id, ...args);
        expect([example.formula, JSON.parse(JSON.stringify(result))]).toEqual([example.formula, example.result]);
      }
    }
  });

  it("gives the headline figures", () => {
    expect(zc.call("BUDGET", 6)).toBe(33.6);
    expect(zc.call("BUDGET", "合计", null, "万元")).toBe(492500);
    expect(zc.call("BUDGET", "各领域合计")).toBe(69.49);
    expect(zc.call("TIMEPROGRESS", 45838)).toBe(0.5);
    expect(zc.call("TARGET", "area1-rd-intensity")).toBe(0.0312);
    expect(zc.call("GAP", "area2-industrial-value-added", 0.08)).toBe(-2);
    expect(zc.call("COMPLETION", "art01-hitech-firms", "60")).toBe(0.8);
    expect(zc.call("STATUS", "art01-hitech-firms", 40, 45838)).toBe("达进度");
  });

  it("ignores the invocation context Excel appends to every call", () => {
    const invocation = { address: "Sheet1!C2", functionName: "ZC.COMPLETION" };
    expect(zc.call("COMPLETION", "art01-hitech-firms", 60, null, invocation)).toBe(0.8);
    expect(zc.call("BUDGET", 6, null, null, invocation)).toBe(33.6);
  });

  it("leaves an unfilled row blank", () => {
    expect(zc.call("COMPLETION", "art01-hitech-firms", null)).toBe("");
    expect(zc.call("MET", "art01-hitech-firms", "")).toBe("");
    expect(zc.call("GAP", "art01-hitech-firms", null)).toBe("");
    expect(zc.call("VARIANCE", 6, null)).toBe("");
    expect(zc.call("STATUS", "art01-hitech-firms", null)).toBe("未填报");
  });

  it("throws CustomFunctions.Error with a Chinese message naming what was not found", () => {
    expectThrown(zc.call("TARGET", "art99-nothing"), ErrorCode.notAvailable, "art99-nothing");
    expectThrown(zc.call("TARGET", "area6-fai-stable"), ErrorCode.notAvailable, "定性指标");
    expectThrown(zc.call("TARGET", "art01-hitech-firms", "colour"), ErrorCode.notAvailable, "colour");
    expectThrown(zc.call("BUDGET", 9), ErrorCode.notAvailable, "9");
    expectThrown(zc.call("BUDGET", 2, "人才"), ErrorCode.notAvailable, "人才");
    expectThrown(zc.call("RESPONSIBLE", 40), ErrorCode.notAvailable, "40");
    expectThrown(zc.call("COMPLETION", "area7-income-ratio", 1.7), ErrorCode.notAvailable, "上年");
  });

  it("throws #VALUE! with a message for text that is not a number and for a bad option", () => {
    expectThrown(zc.call("COMPLETION", "art01-hitech-firms", "六十"), ErrorCode.invalidValue, "六十");
    expectThrown(zc.call("BUDGET", 6, null, "美元"), ErrorCode.invalidValue, "美元");
    expectThrown(zc.call("TIMEPROGRESS", 45838, "week"), ErrorCode.invalidValue, "week");
    expectThrown(zc.call("MET", "area1-rd-intensity", 0.03, null, 5), ErrorCode.invalidValue, "容差");
    expectThrown(zc.call("COMPLETION", "art01-hitech-firms", "1e400"), ErrorCode.invalidValue);
  });

  it("is self-contained (no React, no Fluent UI) and at most 80 KB minified", () => {
    const file = path.join(dist, "functions.js");
    const code = readFileSync(file, "utf8");
    expect(statSync(file).size).toBeLessThanOrEqual(80 * 1024);
    expect(code).not.toMatch(/react|fluentui|__webpack_require__\.e\(|importScripts|require\(/i);
    expect(gzipSync(code).length).toBeLessThan(statSync(file).size);
  });
});
