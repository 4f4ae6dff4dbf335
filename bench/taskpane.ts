// The task pane's weight: the JavaScript taskpane.html loads before the pane can draw (every local <script> of
// the production page and the build its boot script loads, gzip-compressed as a server sends it) against the goal of
// 350 KB, the legacy build for Internet Explorer 11 / EdgeHTML against the main one, and the custom functions bundle
// on its own (Excel loads it as the functions' script too). office.js comes from Office's CDN and is not counted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { scriptsOf as buildScripts, type Build } from "../src/taskpane/boot/choose";
import { ensureBuilt } from "../tests/support/ensureBuilt";

const GOAL_BYTES = 350 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((m) => m[1] ?? "")
    .filter((src) => src !== "" && !/^https?:/i.test(src));
}

function sizes(file: string): { raw: number; gzip: number } {
  const body = readFileSync(file);
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

export async function run(): Promise<void> {
  const dist = ensureBuilt();
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = scriptsOf(html);
  if (scripts.length === 0) throw new Error("taskpane.html loads no local script");

  const load = (build: Build) => {
    let total = 0;
    for (const src of [...scripts, ...buildScripts(build)]) {
      const s = sizes(path.join(dist, src));
      total += s.gzip;
      console.log(
        `taskpane.html (${build}) › ${src.padEnd(14)} ${kb(s.raw).padStart(10)} raw  ${kb(s.gzip).padStart(9)} gzip`,
      );
    }
    return total;
  };
  const total = load("main");
  const ratio = total / GOAL_BYTES;
  console.log(
    `pane initial JS (gzip)          ${kb(total).padStart(9)}  = ${ratio.toFixed(2)}× the 350 KB goal ${ratio <= 1 ? "(within)" : "(OVER)"}`,
  );
  const legacy = load("legacy");
  console.log(
    `legacy pane (IE 11 / EdgeHTML: ES5, core-js, planner and writer, no React) ${kb(legacy)} gzip = ${(legacy / total).toFixed(2)}× the main pane's initial JS`,
  );

  const functions = sizes(path.join(dist, "functions.js"));
  console.log(
    `functions bundle                ${kb(functions.raw).padStart(9)} raw, ${kb(functions.gzip)} gzip  = ${(functions.gzip / total).toFixed(2)}× the pane's initial JS`,
  );
}
