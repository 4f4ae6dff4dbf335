/**
 * @jest-environment node
 *
 * `OFFICE_JS=local npm run build` (README, 内网部署): office.js and the files it loads come from the add-in's own
 * origin. Built here into a temporary folder exactly so; then: the page and the manifest name no other origin for
 * scripts, the CSP allows scripts from 'self' only, the files office.js loads for Excel are there — and in headless
 * Chromium the page loads office.js from its origin, initialises under that CSP and sends nothing anywhere else.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../support/ensureBuilt";
import { chromiumHere, cspViolations, launch, serve } from "../e2e/harness";

const INTRANET = "https://zcmb.caizheng.example/";

/** The src of each <script> of a page, in order. */
const pageScripts = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");

/** The directives of the page's Content-Security-Policy <meta>. */
function csp(html: string): Map<string, string[]> {
  const content = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name ?? "", values]),
  );
}

describe("OFFICE_JS=local: office.js from the add-in's own origin", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "zc-officejs-local-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  beforeAll(() => {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [repoRoot] });
    // As README's 内网部署 says: the intranet origin and OFFICE_JS=local.
    const env: NodeJS.ProcessEnv = { ...process.env, OFFICE_JS: "local", ADDIN_PROD_URL: INTRANET };
    delete env.ZC_ONLY_FUNCTIONS;
    const run = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", out], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`OFFICE_JS=local build failed:\n${(run.stdout + run.stderr).slice(-4000)}`);
  }, 900_000);

  it("the page's scripts are all on its own origin, and its CSP allows scripts from 'self' only", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const scripts = pageScripts(html);
    expect(scripts).toEqual(["office-js/office.js", "boot.js"]);
    for (const src of scripts) expect(src).not.toMatch(/^[a-z]+:|^\/\//i);
    const policy = csp(html);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(html).not.toMatch(/https?:\/\/(?!schemas\.)/);
  });

  it("the manifest names no origin but the add-in's for anything it loads", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1] ?? ""));
    expect(urls.length).toBeGreaterThan(5);
    const origins = new Set(urls.map((u) => u.origin));
    expect([...origins]).toEqual([new URL(INTRANET).origin]);
    expect(manifest).not.toContain("appsforoffice");
  });

  it("dist/office-js holds office.js and what it loads for Excel on every platform, no debug builds", () => {
    for (const file of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "excel-15.02.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
      "telemetry/oteljs_agave.js",
    ])
      expect([file, existsSync(path.join(out, "office-js", file))]).toEqual([file, true]);
    expect(existsSync(path.join(out, "office-js", "office.debug.js"))).toBe(false);
  });

  (chromiumHere ? it : it.skip)(
    "in Chromium: office.js from the page's origin, no CSP violation, nothing sent anywhere else",
    async () => {
      const server = await serve(out);
      const browser = await launch();
      try {
        const page = await browser.context.newPage();
        const problems: string[] = [];
        const elsewhere: string[] = [];
        const loaded: string[] = [];
        page.on("pageerror", (error) => problems.push(error.message));
        await page.addInitScript(() => {
          (window as unknown as { __csp: string[] }).__csp = [];
          document.addEventListener("securitypolicyviolation", (e) => {
            (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
          });
        });
        await page.route("**/*", (route) => {
          const url = route.request().url();
          if (!url.startsWith(server.origin)) {
            elsewhere.push(url);
            return route.abort();
          }
          loaded.push(new URL(url).pathname);
          return route.continue();
        });
        await page.goto(`${server.origin}/taskpane.html`);
        await page.getByText(/未连接到 Excel/).waitFor({ timeout: 30_000 });
        expect(loaded).toContain("/office-js/office.js");
        expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
        expect(await cspViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        expect(elsewhere).toEqual([]);
        await page.close();
      } finally {
        await browser.close();
        await server.close();
      }
    },
    120_000,
  );
});
