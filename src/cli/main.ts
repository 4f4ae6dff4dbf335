/**
 * Command-line entry: `npm run -s cli -- <command> [options]` (tsx src/cli/main.ts).
 *
 * Commands live in `commands/`, one file each; adding one is one line in {@link commands}.
 * Exit codes: 0 success, 2 usage error (unknown command or bad argument, message on stderr in English and Chinese).
 */
import { USAGE_ERROR, type Command } from "./command";
import { checkCommand } from "./commands/check";
import { datasetCommand } from "./commands/dataset";
import { diffCommand } from "./commands/diff";
import { importCommand } from "./commands/import";
import { reportCommand } from "./commands/report";
import { templateCommand } from "./commands/template";

export type { Command } from "./command";

export const commands: readonly Command[] = [
  datasetCommand,
  checkCommand,
  diffCommand,
  templateCommand,
  reportCommand,
  importCommand,
];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage / 用法: npm run -s cli -- <command> [options]",
    "",
    "Commands / 命令:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `<command> --help` for a command's options. / 运行 `<命令> --help` 查看该命令的选项。",
    "",
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`Error: no command given. / 错误:未指定命令。\n\n${usage()}`);
    return USAGE_ERROR;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    process.stderr.write(`Error: unknown command "${name}". / 错误:未知命令 "${name}"。\n\n${usage()}`);
    return USAGE_ERROR;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode (not process.exit) lets a large stdout finish flushing into a pipe.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
