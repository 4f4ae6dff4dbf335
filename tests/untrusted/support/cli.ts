/**
 * The CLI as a user runs it, under a 512 MB heap so that a regression to "inflate everything" fails the test (an
 * out-of-memory abort, exit 134) instead of taking the machine; and the checks every refusal shares.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "../../..");

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

// The compiled CLI that `npx zcmb` runs (bin/zcmb.cjs builds it when stale), built once here so that parallel spawns
// never race to build it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require(path.join(root, "scripts/buildCli.cjs")) as {
  isFresh(): boolean;
  buildCli(): void;
  bundle: string;
};
if (!compiled.isFresh()) compiled.buildCli();

/** `node --max-old-space-size=512 dist-cli/zcmb.cjs …args` (what `npx zcmb` runs), with an optional signal sent on cue. */
export function cli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=512", compiled.bundle, ...args], {
      cwd: options.cwd ?? root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

export const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Hidden files the CLI may leave beside a file when it fails: temporaries and locks. */
export const leftovers = (dir: string): string[] =>
  readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.startsWith(".~zc-lock."));

/**
 * A refusal as the issue defines it: exit 1, one line `错误:<file>:<reason> / Error: <file>: <reason>` naming the
 * user's file, no stack, no library text.
 */
export function expectRefusal(run: { status: number | null; stderr: string }, file: string, ...parts: string[]) {
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: expect.any(String) });
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? "";
  expect(line.startsWith(`错误:${file}:`)).toBe(true);
  expect(line).toContain(` / Error: ${file}: `);
  expect(line).not.toMatch(/\bat \S+:\d+|RangeError|JSZip|heap|\.tmp\b/);
  for (const part of parts) expect(line).toContain(part);
}
