/**
 * Command-line entry: `npx zcmb <command> [options]` runs the compiled bundle of this file (bin/zcmb.cjs builds
 * it into dist-cli/ when it is missing or older than the sources; `npm run build` builds it too).
 *
 * Commands live in `commands/`, one file each; adding one is one entry in {@link commands}. Each command is a bundle
 * of its own (scripts/buildCli.cjs), loaded only when it runs, so `--help`, `--version` and a usage error parse
 * this file alone: no ExcelJS, JSZip, mammoth or edition data.
 * Exit codes: 0 success, 2 usage error (unknown command or bad argument, message on stderr in English and Chinese).
 */
import { USAGE_ERROR, type Command } from "./command";

/** package.json's version, set by the build (esbuild `define`); absent when this file runs unbundled. */
declare const ZCMB_VERSION: string | undefined;

export type { Command } from "./command";

export interface CommandEntry {
  readonly name: string;
  /** One line for `--help`. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: "dataset",
    summary: "print an edition as an edition file (JSON) / 以版本文件(JSON)打印政策数据",
    load: async () => (await import("./commands/dataset")).datasetCommand,
  },
  {
    name: "check",
    summary: "validate an edition file / 校验版本文件",
    load: async () => (await import("./commands/check")).checkCommand,
  },
  {
    name: "diff",
    summary: "what changed between two editions / 比较两版政策的变化",
    load: async () => (await import("./commands/diff")).diffCommand,
  },
  {
    name: "template",
    summary: "write or refresh the policy workbook (.xlsx) / 生成或刷新政策目标工作簿",
    load: async () => (await import("./commands/template")).templateCommand,
  },
  {
    name: "report",
    summary:
      "draft a month's 进展情况 report (.docx or the 进展报告 sheet) from a workbook / 根据工作簿起草进展情况报告",
    load: async () => (await import("./commands/report")).reportCommand,
  },
  {
    name: "returns",
    summary: "department returns: make, merge, status / 各单位填报表:分发、回收、催报",
    load: async () => (await import("./commands/returns")).returnsCommand,
  },
  {
    name: "import",
    summary: "draft an edition from a policy text; review it in Excel / 由政策原文生成版本草稿并审核",
    load: async () => (await import("./commands/import")).importCommand,
  },
];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage / 用法: npx zcmb <command> [options]",
    "       npx zcmb --version",
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
  if (name === "--version" || name === "-v") {
    process.stdout.write(`zcmb ${typeof ZCMB_VERSION === "string" ? ZCMB_VERSION : "(unbundled)"}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    process.stderr.write(`Error: unknown command "${name}". / 错误:未知命令 "${name}"。\n\n${usage()}`);
    return USAGE_ERROR;
  }
  return (await entry.load()).run(rest);
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
