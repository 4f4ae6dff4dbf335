/**
 * A CLI command run inside the test's process (no spawn, no build): what it printed is captured, not shown. For
 * the CLI as a user runs it (the compiled bundle in a child process) see tests/untrusted/support/cli.ts.
 */
import type { Command } from "../../src/cli/command";

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` with `args` as `npx zcmb <command> …args` would, and returns its exit code and output. */
export async function runInProcess(command: Command, args: readonly string[]): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, "write").mockImplementation((c) => (out.push(String(c)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await command.run(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
