import { formatIssue, parseEdition, type Issue } from "../../policy/validation";
import { readArguments, usageError, type Command } from "../command";
import { readText, reportLoadFailure, warnIfNotOfficial } from "../edition";

const help = (): string =>
  [
    "Usage / 用法: npx zcmb check EDITION.json [--text POLICY.txt]",
    "",
    "Validates an edition file (schema/edition.schema.json and the checks of src/policy/validation) and prints the",
    "report; exits 1 when there are errors (warnings alone exit 0). With --text (or the file's own `text`), every",
    "quote must be an exact part of the policy text.",
    "校验版本文件(格式及各项核对)并打印报告;有错误时退出码为 1(仅有警告为 0)。给出 --text(或文件自带 text)时,",
    "逐条核对摘录是否为原文中的一段。",
    "",
    "Options / 选项:",
    "  --text FILE   the policy text (UTF-8) / 政策原文(UTF-8 文本)",
    "  -h, --help    show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

const list = (title: string, issues: readonly Issue[]): string =>
  issues.length === 0 ? "" : `${title}\n${issues.map((i) => `  ${formatIssue(i)}\n`).join("")}`;

export const checkCommand: Command = {
  name: "check",
  async run(args) {
    let file: string | undefined;
    let textFile: string | undefined;
    for (const { raw, flag, value } of readArguments(args)) {
      if (flag === "-h" || flag === "--help") {
        process.stdout.write(help());
        return 0;
      }
      if (flag === "--text") {
        textFile = value();
        if (textFile === undefined) return fail("--text needs a file.", "--text 需要一个文本文件。");
        continue;
      }
      if (raw.startsWith("-") || file !== undefined)
        return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
      file = raw;
    }
    if (file === undefined) return fail("give the edition file to check.", "请给出要校验的版本文件。");
    let text: string | undefined;
    if (textFile !== undefined) {
      const read = await readText(textFile);
      if (!("text" in read)) return reportLoadFailure(read);
      text = read.text;
    }
    const source = await readText(file);
    if (!("text" in source)) return reportLoadFailure(source);
    const result = parseEdition(source.text, text === undefined ? {} : { text });
    const e = result.edition;
    if (e !== undefined) warnIfNotOfficial(file, e, `--edition ${e.document.id}`);
    const head = e
      ? `${file}: 《${e.document.title}》${e.document.docNumber ?? "(无文号)"},${e.document.year}年度;` +
        `${e.areas.length} 个领域、${e.articles.length} 条、${e.targets.length} 个目标;` +
        `${e.document.totalBudgetYi === undefined ? "未写支持总额" : `支持总额 ${e.document.totalBudgetYi}亿元`}${text !== undefined || e.text !== undefined ? ";已对照原文核对摘录" : ";未对照原文(可用 --text)"}\n`
      : `${file}: 不是有效的版本文件 / not a valid edition file\n`;
    process.stdout.write(
      head +
        list(`错误 ${result.errors.length} 处 / ${result.errors.length} error(s):`, result.errors) +
        list(`警告 ${result.warnings.length} 处 / ${result.warnings.length} warning(s):`, result.warnings) +
        (result.errors.length === 0 ? "校验通过 / valid\n" : ""),
    );
    return result.errors.length === 0 ? 0 : 1;
  },
};
