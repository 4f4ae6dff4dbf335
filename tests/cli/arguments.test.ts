/** How every command reads its command line (src/cli/command.ts readArguments): `--flag value` or `--flag=value`. */
import { tmpdir } from "node:os";
import path from "node:path";
import { readArguments } from "../../src/cli/command";
import { checkCommand } from "../../src/cli/commands/check";
import { datasetCommand } from "../../src/cli/commands/dataset";
import { RETURNS_EXIT, returnsCommand } from "../../src/cli/commands/returns";
import { runInProcess } from "../support/inProcessCli";

/** Each argument as [flag, value] where the flag takes one (those named in `valued`), [flag] where not. */
function read(argv: readonly string[], valued: readonly string[]): (string | undefined)[][] {
  const out: (string | undefined)[][] = [];
  // As the commands read them: one at a time, a value taken before the next argument is asked for.
  for (const a of readArguments(argv)) out.push(valued.includes(a.flag) ? [a.flag, a.value()] : [a.flag]);
  return out;
}

describe("readArguments", () => {
  it("takes a value after = or from the next argument, which is then not read again", () => {
    expect(read(["--out=a.xlsx", "--edition", "e.json", "台账.xlsx", "--force"], ["--out", "--edition"])).toEqual([
      ["--out", "a.xlsx"],
      ["--edition", "e.json"],
      ["台账.xlsx"],
      ["--force"],
    ]);
  });

  it("keeps an = after the first in the value, and splits only --flags", () => {
    expect(read(["--id=a=b", "-x=1", "a=b.xlsx"], ["--id"])).toEqual([["--id", "a=b"], ["-x=1"], ["a=b.xlsx"]]);
  });

  it("has no value when it is missing, empty, or the next argument is a flag", () => {
    expect(read(["--out="], ["--out"])).toEqual([["--out", undefined]]);
    expect(read(["--out", ""], ["--out"])).toEqual([["--out", undefined]]);
    expect(read(["--out", "--force"], ["--out"])).toEqual([["--out", undefined]]);
    expect(read(["--out"], ["--out"])).toEqual([["--out", undefined]]);
    // Given after "=", a value may start with "--" (the user said it is the value).
    expect(read(["--text=--x"], ["--text"])).toEqual([["--text", "--x"]]);
  });
});

describe("every command reads its command line alike", () => {
  it("returns: takes --month=YYYY-MM as --month YYYY-MM, and refuses an empty folder", async () => {
    const missing = path.join(tmpdir(), "zcmb-no-such-台账.xlsx");
    // Past the arguments, the command reaches the file, which is not there: a file error, not a usage error.
    const spaced = await runInProcess(returnsCommand, ["status", missing, "--month", "2025-07"]);
    const joined = await runInProcess(returnsCommand, ["status", missing, "--month=2025-07"]);
    expect(spaced.code).toBe(RETURNS_EXIT.fileError);
    expect(joined.code).toBe(RETURNS_EXIT.fileError);
    expect(joined.stderr).toBe(spaced.stderr);
    const bad = await runInProcess(returnsCommand, ["status", missing, "--month=2025-13"]);
    expect(bad.code).toBe(RETURNS_EXIT.usage);
    expect(bad.stderr).toContain("--month 应为 YYYY-MM");
    const empty = await runInProcess(returnsCommand, ["make", missing, "--month=2025-07", "--out-dir", ""]);
    expect(empty.code).toBe(RETURNS_EXIT.usage);
    expect(empty.stderr).toContain("--out-dir needs a value");
  });

  it.each([
    ["check", ["--text=", "e.json"], checkCommand, "--text needs a file"],
    ["check", ["e.json", "--text", ""], checkCommand, "--text needs a file"],
    ["dataset", ["--edition="], datasetCommand, "--edition needs an edition id or file"],
    ["dataset", ["--edition", "--help"], datasetCommand, "--edition needs an edition id or file"],
  ])("%s %j: refuses a flag given no value", async (_, args, command, message) => {
    const run = await runInProcess(command, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("dataset: takes --edition=ID as --edition ID", async () => {
    const spaced = await runInProcess(datasetCommand, ["--edition", "yueqing-2025"]);
    const joined = await runInProcess(datasetCommand, ["--edition=yueqing-2025"]);
    expect(spaced.code).toBe(0);
    expect(joined.stdout).toBe(spaced.stdout);
  });
});
