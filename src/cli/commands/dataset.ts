import { toDatasetJson } from "../../policy/datasetJson";
import { defaultEditionId, editionIds, getEdition } from "../../policy";
import { usageError, type Command } from "../command";

const help = (): string =>
  [
    "Usage / 用法: npm run -s cli -- dataset [--edition ID]",
    "",
    "Prints an edition's dataset (document, areas, articles, targets) as JSON on stdout.",
    "以 JSON 格式在标准输出打印某一版政策的数据集(文件、领域、条款、目标)。",
    "",
    "Options / 选项:",
    `  --edition ID   edition id / 版本编号 (default / 默认: ${defaultEditionId}; known / 可选: ${editionIds().join(", ")})`,
    "  -h, --help     show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

export const datasetCommand: Command = {
  name: "dataset",
  summary: "print an edition's dataset as JSON / 以 JSON 打印政策数据集",
  async run(args) {
    let editionId: string = defaultEditionId;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? "";
      if (arg === "-h" || arg === "--help") {
        process.stdout.write(help());
        return 0;
      }
      if (arg === "--edition" || arg.startsWith("--edition=")) {
        const value = arg === "--edition" ? args[++i] : arg.slice("--edition=".length);
        if (value === undefined || value === "" || value.startsWith("-")) {
          return fail("--edition needs an edition id.", "--edition 需要一个版本编号。");
        }
        editionId = value;
        continue;
      }
      return fail(`unexpected argument "${arg}".`, `无法识别的参数 "${arg}"。`);
    }
    const data = getEdition(editionId);
    if (data === undefined) {
      const known = editionIds().join(", ");
      return fail(`unknown edition "${editionId}" (known: ${known}).`, `未知版本 "${editionId}"(可选:${known})。`);
    }
    process.stdout.write(`${JSON.stringify(toDatasetJson(data), null, 2)}\n`);
    return 0;
  },
};
