/**
 * End-to-end harness: serves the built dist/ on 127.0.0.1, drives /usr/bin/chromium headless with playwright-core
 * (a fresh profile each time), and answers the office.js request with tests/e2e/stub/office-stub.js. Every other
 * request off 127.0.0.1 is refused, so the test proves the pane needs nothing but its origin and Office's CDN.
 */
import { readFileSync, mkdtempSync, rmSync, existsSync, mkdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const SCREENSHOTS = path.resolve(__dirname, "../../artifacts/screenshots");
export const PANE = { width: 350, height: 700 };

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const stub = readFileSync(path.join(__dirname, "stub/office-stub.js"), "utf8");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/** A static server for dist/: no directory listings, no paths outside it. */
export async function serve(dir: string): Promise<Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "zc-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: PANE,
    locale: "zh-CN",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PaneOptions {
  /** Office's display language the stub reports (zh-CN by default). */
  displayLanguage?: string;
  /** Sheets that exist before the add-in writes (someone else's). */
  foreignSheets?: string[];
  /** Milliseconds each context.sync() takes, to see the progress state. */
  syncDelayMs?: number;
  query?: string;
}

export interface Pane {
  page: Page;
  /** CSP violations, uncaught errors and console errors seen so far. */
  problems: string[];
  /** Requests the pane tried to send anywhere but its origin and office.js. */
  blocked: string[];
}

export async function openPane(browser: Browser, origin: string, options: PaneOptions = {}): Promise<Pane> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const blocked: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(
    (settings) => {
      (window as unknown as { __zcStub: unknown }).__zcStub = settings;
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    },
    {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      foreignSheets: options.foreignSheets ?? [],
      syncDelayMs: options.syncDelayMs ?? 5,
    },
  );
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: stub });
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.goto(`${origin}/taskpane.html${options.query ?? ""}`);
  return { page, problems, blocked };
}

/** The CSP violations the page reported. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
