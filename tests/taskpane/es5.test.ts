/**
 * @jest-environment node
 *
 * What Internet Explorer 11 can parse: every script the pane's page loads in the legacy build — the page's own
 * <script>s (office.js, boot.js) and what boot.js loads there (legacy.js, and any chunk of it) — parses as
 * ECMAScript 5 (acorn, ecmaVersion 5). The main build's taskpane.js does not, which is why boot.js exists (and shows
 * that the check can fail).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { scriptsOf } from "../../src/taskpane/boot/choose";
import { ensureBuilt } from "../support/ensureBuilt";

const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The first ES5 syntax error of a script, or "" when it parses. */
function es5Error(source: string): string {
  try {
    parse(source, { ecmaVersion: 5, sourceType: "script" });
    return "";
  } catch (error) {
    const at = (error as { pos?: number }).pos ?? 0;
    return `${(error as Error).message} near ${JSON.stringify(source.slice(Math.max(0, at - 60), at + 20))}`;
  }
}

/** The src of each <script> of a page, in order. */
const pageScripts = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");

describe("the legacy page's scripts parse as ECMAScript 5", () => {
  let dist = "";
  beforeAll(() => {
    dist = ensureBuilt();
  }, 600_000);

  /** A script the page names, read from dist/ or, for office.js from Office's CDN, from @microsoft/office-js. */
  const read = (src: string) =>
    /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\//.test(src)
      ? readFileSync(path.join(OFFICE_DIST, src.replace(/^.*\/hosted\//, "")), "utf8")
      : readFileSync(path.join(dist, src), "utf8");

  it("office.js and boot.js, the page's own scripts, in that order", () => {
    const scripts = pageScripts(readFileSync(path.join(dist, "taskpane.html"), "utf8"));
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "boot.js"]);
    for (const src of scripts) expect([src, es5Error(read(src))]).toEqual([src, ""]);
  });

  it("legacy.js, what boot.js loads in Internet Explorer 11 and EdgeHTML, and every chunk it could load", () => {
    const legacy = scriptsOf("legacy");
    expect(legacy).toEqual(["legacy.js"]);
    for (const src of legacy) expect([src, es5Error(read(src))]).toEqual([src, ""]);
    // The legacy build loads no chunk of its own: no webpack chunk loader in it.
    expect(read("legacy.js")).not.toMatch(/\.u=function|__webpack_require__\.e\b|chunkLoadingGlobal/);
  });

  it("the main build does not parse as ES5 (the check can fail; old webviews must not get it)", () => {
    expect(es5Error(read("taskpane.js"))).not.toBe("");
    expect(scriptsOf("main")).toEqual(["functions.js", "taskpane.js"]);
  });
});
