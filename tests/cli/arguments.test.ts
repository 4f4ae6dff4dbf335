/** How every command reads its command line (src/cli/command.ts readArguments): `--flag value` or `--flag=value`. */
import { readArguments } from "../../src/cli/command";

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
