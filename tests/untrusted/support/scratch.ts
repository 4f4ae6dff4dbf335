/**
 * The set-up the untrusted-file tests share: a scratch folder (removed after the file's tests) holding a fresh
 * workbook that `template --out` wrote, and a folder of its own for each case, so that what the CLI leaves beside a
 * file is that case's alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templateCommand } from "../../../src/cli/commands/template";
import { runInProcess } from "../../support/inProcessCli";
import { sha256 } from "./cli";

export interface Scratch {
  /** The scratch folder (valid inside the tests). */
  readonly dir: string;
  /** The bytes of `template --out … --report-date 2025-06-30`. */
  readonly fresh: Buffer;
  /** Writes `bytes` as `name` in a folder of its own; returns the path, the folder and the file's sha256. */
  place(name: string, bytes: Uint8Array): { file: string; folder: string; hash: string };
}

/** Registers the `beforeAll` that makes the folder and the fresh workbook, and the `afterAll` that removes them. */
export function scratchWithFreshWorkbook(prefix: string): Scratch {
  let dir: string | undefined;
  let fresh: Buffer | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    const file = path.join(dir, "fresh.xlsx");
    expect((await runInProcess(templateCommand, ["--out", file, "--report-date", "2025-06-30"])).code).toBe(0);
    fresh = readFileSync(file);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the scratch folder is made in beforeAll");
    return value;
  };
  return {
    get dir() {
      return ready(dir);
    },
    get fresh() {
      return ready(fresh);
    },
    place(name, bytes) {
      const folder = mkdtempSync(path.join(ready(dir), "case-"));
      const file = path.join(folder, name);
      writeFileSync(file, bytes);
      return { file, folder, hash: sha256(file) };
    },
  };
}
