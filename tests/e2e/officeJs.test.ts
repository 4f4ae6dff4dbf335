/**
 * The built pane with Microsoft's real office.js (the @microsoft/office-js package, served for the CDN's URLs from
 * node_modules, since the CDN is unreachable here). Outside an Office host office.js reports no host, so this
 * checks what the real library can: it loads and initialises under the pane's Content-Security-Policy with no
 * violation and no page error, fetches nothing but its own files, defines CustomFunctions for functions.js, and the
 * pane comes up in its "not in Excel" mode. Excel's object model is only in the stub (taskpane.test.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { cspViolations, describeE2e, builtPaneForThisFile } from "./harness";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

const e2e = builtPaneForThisFile();

describeE2e("the pane with the real office.js", () => {
  it("loads office.js under the CSP without a violation or an error, and opens outside Excel", async () => {
    const page = await e2e.browser.context.newPage();
    const problems: string[] = [];
    const served: string[] = [];
    const refused: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(e2e.server.origin)) return route.continue();
      if (url.startsWith(CDN)) {
        const file = path.resolve(OFFICE_DIST, new URL(url).pathname.slice(new URL(CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST + path.sep) && existsSync(file)) {
          served.push(path.relative(OFFICE_DIST, file));
          return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
        }
      }
      refused.push(url);
      return route.abort();
    });
    await page.goto(`${e2e.server.origin}/taskpane.html`);
    await page.getByText(/未连接到 Excel/).waitFor({ timeout: 20_000 });

    expect(served).toContain("office.js");
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    // office.js defines the runtime's CustomFunctions; functions.js associated into it without throwing.
    expect(
      await page.evaluate(
        () => typeof (window as unknown as { CustomFunctions?: { associate?: unknown } }).CustomFunctions?.associate,
      ),
    ).toBe("function");
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  }, 60_000);
});
