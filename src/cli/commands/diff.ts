import { diffEditions, formatDiff } from "../../policy/diff";
import { usageError, type Command } from "../command";
import { loadEdition, reportLoadFailure } from "../edition";

const help = (): string =>
  [
    "Usage / 用法: npx zcmb diff OLD.json|ID NEW.json|ID",
    "",
    "Lists what changed between two editions — targets changed, added, removed; budgets by area; articles — as",
    "tab-separated Chinese tables to paste into a memo. Targets match by id, then by indicator and unit.",
    "列出两版政策之间的变化(目标调整、新增、取消,各领域预算,条款增删),以制表符分隔的中文表格输出,可直接粘贴到文稿。",
    "",
  ].join("\n");

export const diffCommand: Command = {
  name: "diff",
  async run(args) {
    if (args.includes("-h") || args.includes("--help")) {
      process.stdout.write(help());
      return 0;
    }
    if (args.length !== 2 || args.some((a) => a.startsWith("-")))
      return usageError("give the old and the new edition.", "请给出旧版和新版两个版本。", help());
    const [before, after] = await Promise.all(args.map((a) => loadEdition(a)));
    for (const loaded of [before, after]) {
      if (loaded && !loaded.ok)
        return loaded.usage ? usageError(loaded.english, loaded.chinese, help()) : reportLoadFailure(loaded);
    }
    if (!before?.ok || !after?.ok) return 1;
    process.stdout.write(formatDiff(diffEditions(before.data, after.data)));
    return 0;
  },
};
