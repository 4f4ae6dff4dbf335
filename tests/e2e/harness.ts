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
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { ensureBuilt } from "../support/ensureBuilt";
import { requireChromium } from "../support/realEngines";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const SCREENSHOTS = path.resolve(__dirname, "../../artifacts/screenshots");
export const PANE = { width: 350, height: 700 };

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const stub = readFileSync(path.join(__dirname, "stub/office-stub.js"), "utf8");

/** Chromium present: the e2e files run; absent, they are skipped (and say so), never passed empty. */
export const chromiumHere = requireChromium(CHROMIUM);
export const describeE2e = chromiumHere ? describe : describe.skip;

export type Cells = Record<string, { value: unknown; formula?: string }>;

/** What tests/e2e/stub/office-stub.js exposes on window, for tests to read and edit the stub Excel. */
export interface StubWorkbook {
  sheetNames(): string[];
  cells(sheet: string): Cells | null;
  merges(sheet: string): string[] | null;
  numberFormat(sheet: string, address: string): string;
  names(): { name: string; value: string }[];
  customFunctions: Record<string, unknown>;
  type(sheet: string, address: string, value: unknown): void;
  select(sheet: string, address: string): void;
  setName(name: string, text: string): void;
  xmlParts(): { id: string; xml: string }[];
  log: { path: string; kind: string; args: unknown[] }[];
}
declare global {
  interface Window {
    __zc: StubWorkbook;
  }
}

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

/** The built pane served and a browser launched for one test file: before its tests, closed after them. */
export interface E2eSession {
  readonly server: Server;
  readonly browser: Browser;
}

export function builtPaneForThisFile(): E2eSession {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!chromiumHere) return;
    // ZC_E2E_DIST serves another build (e.g. while debugging); by default dist/, built when missing or stale.
    server = await serve(process.env.ZC_E2E_DIST || ensureBuilt());
    browser = await launch();
  }, 600_000); // a cold build of dist/ takes minutes on a busy machine
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the e2e session is used before beforeAll started it");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
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
  /** The ExcelApi version the stub's Excel stops at (an older Excel), e.g. "1.1"; default: every set. */
  excelApi?: string;
  query?: string;
}

export interface Pane {
  page: Page;
  /** CSP violations, uncaught errors and console errors seen so far. */
  problems: string[];
  /** Requests the pane tried to send anywhere but its origin and office.js. */
  blocked: string[];
}

export async function openPane(session: E2eSession, options: PaneOptions = {}): Promise<Pane> {
  const { origin } = session.server;
  const page = await session.browser.context.newPage();
  // Playwright's 30 s default is too short for a whole-workbook write on a loaded 2-core CI machine; jest's own
  // 120 s per test still bounds a hang.
  page.setDefaultTimeout(90_000);
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
      excelApi: options.excelApi,
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

/**
 * Waits for 生成's summary and returns it; an error bar instead (or beside it) fails at once with its text. Call it
 * after clicking 生成 / 刷新工作簿.
 */
export async function generateSummary(page: Page): Promise<Locator> {
  const summary = page.getByTestId("generate-summary");
  const alert = page.getByRole("alert");
  await summary.or(alert).first().waitFor({ timeout: 60_000 });
  const errors = await alert.allTextContents();
  if (errors.length > 0) throw new Error(`生成 failed in the pane: ${errors.join(" | ")}`);
  return summary;
}

/** The pane ran clean: no CSP violation, no uncaught or console error, no request off its origin and office.js. */
export async function expectHealthy(pane: Pane): Promise<void> {
  expect(await cspViolations(pane.page)).toEqual([]);
  expect(pane.problems).toEqual([]);
  expect(pane.blocked).toEqual([]);
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

/** The stub Excel of a pane's page, read and edited from the test as a user would in Excel. */
export const stubExcel = (page: Page) => ({
  sheetNames: () => page.evaluate(() => window.__zc.sheetNames()),
  cells: (sheet: string) => page.evaluate((s) => window.__zc.cells(s), sheet),
  merges: (sheet: string) => page.evaluate((s) => window.__zc.merges(s), sheet),
  names: () => page.evaluate(() => window.__zc.names()),
  customFunctions: () => page.evaluate(() => Object.keys(window.__zc.customFunctions)),
  xmlParts: () => page.evaluate(() => window.__zc.xmlParts()),
  numberFormat: (sheet: string, address: string) =>
    page.evaluate(([s, a]) => window.__zc.numberFormat(s, a), [sheet, address] as const),
  type: (sheet: string, address: string, value: unknown) =>
    page.evaluate(([s, a, v]) => window.__zc.type(s, a, v), [sheet, address, value] as const),
  setName: (name: string, text: string) => page.evaluate(([n, t]) => window.__zc.setName(n, t), [name, text] as const),
  select: (sheet: string, address: string) =>
    page.evaluate(([s, a]) => window.__zc.select(s, a), [sheet, address] as const),
  /** The values the pane set on paths starting with `prefix`, in order. */
  sets: (prefix: string) =>
    page.evaluate(
      (p) =>
        window.__zc.log
          .filter((e) => e.kind === "set" && e.path.startsWith(p))
          .map((e) => [e.path.slice(p.length), e.args[0]]),
      prefix,
    ),
});

/** The address of the first cell holding `text` in a sheet. */
export const addressOf = (cells: Cells, text: string): string | undefined =>
  Object.entries(cells).find(([, c]) => c.value === text)?.[0];

/** The row of an A1 address ("C12" → "12"). */
export const rowOf = (address: string): string => address.replace(/^[A-Z]+/, "");
/** The column of an A1 address ("C12" → "C"). */
export const columnOf = (address: string): string => address.replace(/\d+$/, "");
