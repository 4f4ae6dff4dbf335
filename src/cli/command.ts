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
