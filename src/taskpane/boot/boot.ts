/**
 * The first script the pane's page runs (webpack `boot`, compiled to ECMAScript 5 like the legacy build, and
 * checked so by tests/taskpane/es5.test.ts). It decides which build to load and makes sure the page never stays
 * on "正在加载…":
 *
 * - Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML), the webviews of volume-licensed Office through 2019
 *   and of some Windows/Office combinations, get the legacy build (`legacy.js`: ES5, no React); every other
 *   engine gets the main pane (`functions.js`, then `taskpane.js`). The test is Microsoft's own, from "Support older
 *   Microsoft webviews and Office versions": "Trident" or "Edge/" in the user agent. `?build=legacy` forces the
 *   legacy build (tests run it in Chromium; a person can try it in any browser).
 * - A script that fails to load, throws while it starts, or loads without starting (a syntax the engine cannot
 *   parse) replaces the loading text with a message that says what to do, at once; a script that neither loads nor
 *   fails within {@link STALL_MS} does the same.
 *
 * Written in the subset of TypeScript that compiles to plain ES5 without helpers: no classes, no spread, no
 * for…of, no Promise.
 */
import { chooseBuild, failureMessage, scriptsOf, type FailureReason } from "./choose";

/** What a build calls once its code runs: the page's boot is then over and errors are the build's to show. */
interface BootHandle {
  started(): void;
}

declare global {
  interface Window {
    __zcBoot?: BootHandle;
  }
}

/** How long the page waits for a script to load before saying it is stuck (slow intranets load 1 MB in time). */
const STALL_MS = 15000;

function showFailure(script: string, reason: FailureReason): void {
  const root = document.getElementById("root");
  if (!root) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-zc-boot", "failed");
  box.style.cssText = "font-family: 'Microsoft YaHei', sans-serif; padding: 16px; color: #a4262c; line-height: 1.6";
  const lines = failureMessage(script, reason);
  for (let i = 0; i < lines.length; i++) {
    const p = document.createElement("p");
    p.appendChild(document.createTextNode(lines[i] ?? ""));
    if (i === lines.length - 1) p.style.color = "#616161";
    box.appendChild(p);
  }
  root.appendChild(box);
}

/** Loads `scripts` one after another; stops at the first failure and shows it. */
export function boot(scripts: string[]): void {
  let started = false;
  let failed = false;
  let current = "";
  const fail = (script: string, reason: FailureReason) => {
    if (started || failed) return;
    failed = true;
    showFailure(script, reason);
  };
  window.__zcBoot = {
    started: () => {
      started = true;
    },
  };
  // An error thrown while a build starts (before it calls started()) is the boot's to report.
  const onError = (event: ErrorEvent) => {
    const file = event.filename || "";
    for (let i = 0; i < scripts.length; i++) {
      const own = scripts[i] ?? "";
      if (!started && own && file.indexOf(own) !== -1) fail(own, "error");
    }
  };
  if (window.addEventListener) window.addEventListener("error", onError);

  const next = (index: number) => {
    if (failed) return;
    if (index >= scripts.length) {
      // Every script loaded; the last one starts the build synchronously, so started() has been called by now.
      if (!started) fail(current, "not-started");
      return;
    }
    const src = scripts[index] ?? "";
    current = src;
    const script = document.createElement("script");
    const stall = setTimeout(() => fail(src, "stalled"), STALL_MS);
    script.onload = () => {
      clearTimeout(stall);
      next(index + 1);
    };
    script.onerror = () => {
      clearTimeout(stall);
      fail(src, "error");
    };
    script.src = src;
    document.getElementsByTagName("head")[0]?.appendChild(script);
  };
  next(0);
}

boot(scriptsOf(chooseBuild(navigator.userAgent, window.location.search)));
