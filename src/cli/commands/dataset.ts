import { serializeEditionFile, toEditionFile } from "../../policy/editionFile";
import { defaultEditionId, editionIds } from "../../policy";
import { readArguments, usageError, type Command } from "../command";
import { loadEdition, reportLoadFailure } from "../edition";

const help = (): string =>
  [
    "Usage / 用法: npx zcmb dataset [--edition ID|FILE.json]",
    "",
    "Prints an edition as an edition file (JSON, schema/edition.schema.json) on stdout; printing a file read with",
    "--edition FILE gives its bytes back.",
    "以版本文件格式(JSON,见 schema/edition.schema.json)在标准输出打印某一版政策;对 --edition 文件原样输出。",
    "",
    "Options / 选项:",
    `  --edition ID|FILE   bundled edition id or edition file / 内置版本编号或版本文件 (default / 默认: ${defaultEditionId}; bundled / 内置: ${editionIds().join(", ")})`,
    "  -h, --help          show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

export const datasetCommand: Command = {
  name: "dataset",
  async run(args) {
    let edition: string = defaultEditionId;
    for (const { raw, flag, value } of readArguments(args)) {
      if (flag === "-h" || flag === "--help") {
        process.stdout.write(help());
        return 0;
      }
      if (flag === "--edition") {
        const id = value();
        if (id === undefined)
          return fail("--edition needs an edition id or file.", "--edition 需要一个版本编号或版本文件。");
        edition = id;
        continue;
      }
      return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
    }
    const loaded = await loadEdition(edition);
    if (!loaded.ok) return loaded.usage ? fail(loaded.english, loaded.chinese) : reportLoadFailure(loaded);
    process.stdout.write(serializeEditionFile(toEditionFile(loaded.data)));
    return 0;
  },
};
