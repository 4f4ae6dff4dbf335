/**
 * @jest-environment node
 *
 * The legacy build (dist/legacy.js) as Internet Explorer 11 would run it, with Microsoft's own Excel client library:
 * a jsdom page whose JavaScript engine is stripped of everything ES2015+ (Promise, Symbol, fetch,
 * Object.assign/entries/values, Array.from/find/includes, String.startsWith/padStart …; Map, Set and WeakMap once
 * office.js has loaded), where
 * excel-web-16.00.js from @microsoft/office-js then falls back to its own Promise and to XMLHttpRequest, and
 * legacy.js to its core-js polyfills. `Excel.run` runs the batch on `new Excel.RequestContext(url)`, whose requests
 * tests/workbook/support/richApi.ts answers against the fake Excel — so a person's clicks on the legacy pane go
 * through the real library into the fake workbook. Office's host part (Office.onReady, the requirement-set check)
 * is the one thing stood in for: it is what only Excel can answer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultEditionId, getEdition } from "../../src/policy";
import { ALL_SHEET_KEYS, generateWorkbook } from "../../src/excel";
import { ensureBuilt } from "../support/ensureBuilt";
import { FakeExcel } from "../workbook/support/fakeExcel";
import { RichApiServer } from "../workbook/support/richApi";

// jsdom comes with jest-environment-jsdom; its own window is the engine under test here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require("jsdom") as {
  JSDOM: new (html: string, options: object) => { window: Window & { eval(code: string): unknown } };
};

const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** What IE 11 lacks (and EdgeHTML partly): removed from the page's engine before any script runs. */
const STRIP_ES2015 = `
  ["Promise", "Symbol", "Proxy", "Reflect", "fetch"].forEach(function (k) { delete window[k]; });
  ["assign", "entries", "values", "fromEntries", "getOwnPropertySymbols", "is", "setPrototypeOf"].forEach(function (k) { delete Object[k]; });
  ["from", "of"].forEach(function (k) { delete Array[k]; });
  ["find", "findIndex", "findLast", "findLastIndex", "includes", "fill", "flat", "flatMap", "keys", "values", "entries", "at", "copyWithin"].forEach(function (k) { delete Array.prototype[k]; });
  ["includes", "startsWith", "endsWith", "repeat", "padStart", "padEnd", "codePointAt", "trimStart", "trimEnd", "at", "replaceAll", "normalize"].forEach(function (k) { delete String.prototype[k]; });
  ["isFinite", "isInteger", "isNaN", "isSafeInteger", "EPSILON", "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"].forEach(function (k) { delete Number[k]; });
  ["trunc", "sign", "log10", "log2", "hypot", "cbrt", "expm1", "log1p", "fround", "imul", "clz32"].forEach(function (k) { delete Math[k]; });
  window.__stripped = typeof Promise + typeof Symbol + typeof [].includes + typeof "".padStart;
`;

/**
 * IE 11 has Map, Set and WeakMap, but without iterators or iterable constructors: office.js may use them, our code
 * must not rely on them. They go after office.js has loaded and before legacy.js does.
 */
const STRIP_COLLECTIONS = `
  ["Map", "Set", "WeakMap", "WeakSet"].forEach(function (k) { delete window[k]; });
  window.__stripped += typeof Map;
`;

/** Office's host part for the page: Excel as the host at `excelApi`, Excel.run on the real RequestContext(url). */
const officeHost = (url: string, excelApi: string) => `
  window.Office = {
    HostType: { Excel: "Excel" },
    context: { requirements: { isSetSupported: function (name, version) {
      if (name !== "ExcelApi") return false;
      var want = String(version || "1.1").split("."), have = "${excelApi}".split(".");
      var d = Number(want[0]) - Number(have[0]) || Number(want[1] || 0) - Number(have[1] || 0);
      return d <= 0;
    } } },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "PC" };
      setTimeout(function () { callback(info); }, 0);
      return OfficeExtension.Promise.resolve(info);
    }
  };
  Excel.run = function (batch) { return batch(new Excel.RequestContext("${url}")); };
`;

async function legacyPane(excelApi: string) {
  const dist = ensureBuilt();
  const excel = new FakeExcel({ excelApi });
  const server = new RichApiServer(excel);
  const url = await server.start();
  const origin = new URL(url).origin;
  const dom = new JSDOM(
    '<!doctype html><html><head></head><body><div id="root"><p>正在加载政策目标…</p></div></body></html>',
    { url: `${origin}/taskpane.html`, runScripts: "outside-only", pretendToBeVisual: true },
  );
  const win = dom.window;
  const errors: string[] = [];
  win.addEventListener("error", (e) => errors.push(String((e as ErrorEvent).message)));
  // jsdom reports an uncaught error of the page's script on its virtual console.
  (win as unknown as { console: Console }).console.error = (...args: unknown[]) =>
    errors.push(args.map(String).join(" "));
  win.eval(STRIP_ES2015);
  win.eval(readFileSync(path.join(OFFICE_DIST, "excel-web-16.00.js"), "utf8"));
  win.eval(officeHost(url, excelApi));
  win.eval(STRIP_COLLECTIONS);
  win.eval(readFileSync(path.join(dist, "legacy.js"), "utf8"));
  const text = () => win.document.getElementById("root")?.textContent ?? "";
  const until = async (test: () => boolean, what: string, ms = 120_000) => {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; the page says: ${text()}; errors: ${errors.join(" | ")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    win,
    excel,
    server,
    errors,
    text,
    until,
    close: async () => {
      dom.window.close();
      await server.close();
    },
  };
}

describe("the legacy build in an ES5 engine, through Microsoft's office.js", () => {
  it("runs without ES2015 built-ins: choose sheets and 报告日期, 生成, and the summary of all the sheets", async () => {
    const pane = await legacyPane("1.9");
    try {
      expect((pane.win as unknown as { __stripped: string }).__stripped).toBe(
        "undefinedundefinedundefinedundefinedundefined",
      );
      await pane.until(() => !!pane.win.document.getElementById("zc-generate"), "the form");
      const boxes = [...pane.win.document.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
      expect(boxes.map((b) => b.value)).toEqual([...ALL_SHEET_KEYS]);
      expect(boxes.every((b) => b.checked)).toBe(true);
      const date = pane.win.document.getElementById("zc-report-date") as HTMLInputElement;
      date.value = "2025年6月30日";
      (pane.win.document.getElementById("zc-generate") as HTMLButtonElement).click();
      await pane.until(() => !!pane.win.document.querySelector("[data-testid=legacy-summary]"), "the summary");
      expect(pane.text()).toContain(`已完成:写入 ${ALL_SHEET_KEYS.length} 个工作表`);
      expect(pane.errors).toEqual([]);
      expect(pane.excel.sheets.map((s) => s.name)).toEqual([...ALL_SHEET_KEYS]);
      // The same planner and writer as the main pane: 目标任务 as the writer makes it on the fake directly.
      const direct = new FakeExcel({ excelApi: "1.9" });
      await generateWorkbook(direct.context, {
        edition: getEdition(defaultEditionId)!,
        reportDate: "2025-06-30",
        sheets: ALL_SHEET_KEYS,
        capabilities: { excelApi: direct.isSetSupported.bind(null, "ExcelApi"), customFunctions: false },
      });
      expect(pane.excel.grid("目标任务")).toEqual(direct.grid("目标任务"));
      expect(pane.excel.grid("月度填报")).toEqual(direct.grid("月度填报"));
      // Requests went through the real library (XMLHttpRequest: fetch was taken away), each under 1 MB.
      expect(pane.server.requests.length).toBeGreaterThanOrEqual(2);
      for (const r of pane.server.requests) expect(r.bytes).toBeLessThan(1_000_000);

      // 刷新: nothing changed, nothing written.
      const written = pane.excel.cellsWritten;
      (pane.win.document.getElementById("zc-generate") as HTMLButtonElement).click();
      await pane.until(() => /写入 0 个工作表|写入 \d+ 个工作表,共 0 行/.test(pane.text()), "the refresh summary");
      expect(pane.excel.cellsWritten).toBe(written);
    } finally {
      await pane.close();
    }
  }, 300_000);

  it("on ExcelApi 1.1 (Excel 2016 volume-licensed) says in Chinese to build the workbook with the command line", async () => {
    const pane = await legacyPane("1.1");
    try {
      await pane.until(() => !!pane.win.document.querySelector("[data-testid=legacy-too-old]"), "the message");
      expect(pane.text()).toContain("请用命令行生成同样的工作簿");
      expect(pane.text()).toContain("npm run -s cli -- template --out 政策目标.xlsx");
      expect(pane.win.document.getElementById("zc-generate")).toBeNull();
      expect(pane.server.requests).toEqual([]);
    } finally {
      await pane.close();
    }
  }, 120_000);
});
