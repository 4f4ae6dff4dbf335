/** What every CLI command is, and how each reports a usage error, so all commands answer alike. */
export interface Command {
  readonly name: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

/** Exit code of a usage error (unknown command or bad argument). */
export const USAGE_ERROR = 2;

/** Explains a bad argument on stderr, in English and Chinese, followed by the command's help. */
export function usageError(english: string, chinese: string, help: string): number {
  process.stderr.write(`Error: ${english} / 错误:${chinese}\n\n${help}`);
  return USAGE_ERROR;
}

/** One argument of a command line as every command reads it: `--flag value` or `--flag=value`. */
export interface Argument {
  /** The argument as typed. */
  readonly raw: string;
  /** The argument without the `=value` of a `--flag=value`. */
  readonly flag: string;
  /**
   * The flag's value: after its "=", or else the next argument, which it takes up; undefined when there is none,
   * it is empty, or the next argument is a flag itself.
   */
  value(): string | undefined;
}

/**
 * The arguments in order, read one at a time (`for … of`): a value taken by {@link Argument.value} before the
 * next argument is asked for is not yielded again.
 * @example [...readArguments(["--out=a.xlsx", "--force"])].map((a) => a.flag) // ["--out", "--force"]
 */
export function* readArguments(argv: readonly string[]): Generator<Argument> {
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? "";
    const eq = raw.indexOf("=");
    const inline = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    yield {
      raw,
      flag: inline === undefined ? raw : raw.slice(0, eq),
      value: () => {
        const v = inline ?? argv[++i];
        return v === undefined || v === "" || (inline === undefined && v.startsWith("--")) ? undefined : v;
      },
    };
  }
}
