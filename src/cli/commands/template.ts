import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { defaultEditionId, editionIds, getEdition } from "../../policy";
import { SHEET_KEYS } from "../../template/spec/marker";
import type { SheetKey } from "../../template/spec/types";
import { LossyWorkbookError, updateTemplate, writeTemplate } from "../../template/xlsx";
import { usageError, type Command } from "../command";

const help = (): string =>
  [
    "Usage / 用法:",
    "  npm run -s cli -- template --out FILE.xlsx [options]",
    "  npm run -s cli -- template --update FILE.xlsx [--out FILE2.xlsx] [options]",
    "",
    "Writes the policy workbook (说明, 预算安排, 目标任务, 预算执行, 责任分工, 汇总) as .xlsx, or refreshes one:",
    "official figures are rewritten from the edition, every typed input is kept (matched by 编号 and by area),",
    "a same-named sheet this tool did not create is left alone, other sheets pass through. Prints the path written.",
    "生成政策目标工作簿(.xlsx),或刷新已有工作簿:政策数据按版本重写,填报内容按编号和领域保留,",
    "非本工具生成的同名工作表不改动,其他工作表原样保留。成功时在标准输出打印写入的文件路径。",
    "",
    "Options / 选项:",
    `  --out FILE            file to write / 输出文件 (with --update: default is FILE itself / 默认覆盖原文件)`,
    "  --update FILE         refresh an existing workbook / 刷新已有工作簿",
    `  --edition ID          edition id / 版本编号 (default / 默认: ${defaultEditionId}; known / 可选: ${editionIds().join(", ")})`,
    `  --sheets A,B          sheets to write / 只生成这些工作表 (${SHEET_KEYS.join(",")}; 汇总 brings 目标任务, 预算执行)`,
    "  --unit 万元|亿元       amount unit of 预算执行 / 预算执行金额单位 (default / 默认: 万元)",
    "  --report-date DATE    报告日期 of new sheets, yyyy-mm-dd / 新表的报告日期 (default / 默认: today / 今天)",
    "  --rename-foreign      write ours as 名称(政策目标) beside a same-named foreign sheet / 遇同名他人工作表时另建",
    "  --force               refresh even if the file has charts, pivot tables… on other sheets that would be lost",
    "                        / 即使其他工作表中的图表、数据透视表等会丢失也刷新",
    "  -h, --help            show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

interface Args {
  out?: string;
  update?: string;
  edition: string;
  sheets?: SheetKey[];
  unit?: "万元" | "亿元";
  reportDate?: string;
  rename: boolean;
  force: boolean;
}

function parse(args: readonly string[]): Args | number {
  const out: Args = { edition: defaultEditionId, rename: false, force: false };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? "";
    const eq = raw.indexOf("=");
    const flag = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      const v = inline ?? args[++i];
      return v === undefined || v === "" || (inline === undefined && v.startsWith("--")) ? undefined : v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        process.stdout.write(help());
        return 0;
      case "--out":
      case "--update":
      case "--edition":
      case "--sheets":
      case "--unit":
      case "--report-date": {
        const v = value();
        if (v === undefined) return fail(`${flag} needs a value.`, `${flag} 需要一个值。`);
        if (flag === "--out") out.out = v;
        else if (flag === "--update") out.update = v;
        else if (flag === "--edition") out.edition = v;
        else if (flag === "--report-date") {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
            return fail(`--report-date "${v}" is not yyyy-mm-dd.`, `--report-date “${v}”不是 yyyy-mm-dd。`);
          out.reportDate = v;
        } else if (flag === "--unit") {
          if (v !== "万元" && v !== "亿元") return fail(`--unit must be 万元 or 亿元.`, `--unit 只能是 万元 或 亿元。`);
          out.unit = v;
        } else {
          const keys = v
            .split(/[,,、]/)
            .map((s) => s.trim())
            .filter(Boolean);
          const bad = keys.filter((k) => !(SHEET_KEYS as readonly string[]).includes(k));
          if (bad.length > 0) return fail(`unknown sheet(s): ${bad.join(", ")}.`, `未知工作表:${bad.join("、")}。`);
          out.sheets = keys as SheetKey[];
        }
        break;
      }
      case "--rename-foreign":
        out.rename = true;
        break;
      case "--force":
        out.force = true;
        break;
      default:
        return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
    }
  }
  return out;
}

/** Writes atomically: a crash midway never leaves a half-written workbook in place of the user's file. */
async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, data);
  await rename(temp, file);
}

export const templateCommand: Command = {
  name: "template",
  summary: "write or refresh the policy workbook (.xlsx) / 生成或刷新政策目标工作簿",
  async run(argv) {
    const args = parse(argv);
    if (typeof args === "number") return args;
    const data = getEdition(args.edition);
    if (data === undefined) {
      const known = editionIds().join(", ");
      return fail(
        `unknown edition "${args.edition}" (known: ${known}).`,
        `未知版本 "${args.edition}"(可选:${known})。`,
      );
    }
    if (args.update === undefined && args.out === undefined) {
      return fail(
        "give --out FILE (new workbook) or --update FILE (refresh).",
        "请指定 --out 文件(新建)或 --update 文件(刷新)。",
      );
    }
    const options = {
      ...(args.sheets ? { sheets: args.sheets } : {}),
      ...(args.unit ? { amountUnit: args.unit } : {}),
      ...(args.reportDate ? { reportDate: args.reportDate } : {}),
      onForeignSheet: args.rename ? ("rename" as const) : ("skip" as const),
    };
    try {
      let result;
      if (args.update !== undefined) {
        const input = await readFile(args.update);
        result = await updateTemplate(new Uint8Array(input), data, { ...options, force: args.force });
      } else {
        result = await writeTemplate(data, options);
      }
      const target = args.out ?? args.update ?? "";
      await writeAtomic(target, result.buffer);
      for (const s of result.plan.skipped) process.stderr.write(`Skipped / 已跳过 ${s.sheet}: ${s.reason}\n`);
      process.stdout.write(`${path.resolve(target)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof LossyWorkbookError) {
        process.stderr.write(`Error / 错误: ${error.message}\n`);
        return 1;
      }
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Error / 错误: ${message}\n`);
      return 1;
    }
  },
};
