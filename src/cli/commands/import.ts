import path from "node:path";
import { importEdition, type ImportOptions } from "../../importer";
import { editionFromReview, reviewSheetOf } from "../../importer/review";
import { serializeEditionFile } from "../../policy/editionFile";
import { formatIssue, validateEdition } from "../../policy/validation";
import { readArguments, usageError, type Command } from "../command";
import { checkTarget, errorLine, FileError, printFileError, readWorkbookFile, writeAtomic } from "../files";
import { EVERY_SHEET_LIMITS } from "../../xlsx/packageLimits";
import { readPolicyFile } from "../policyFile";
import { readReviewWorkbook, writeReviewWorkbook } from "../reviewWorkbook";

const help = (): string =>
  [
    "Usage / 用法:",
    "  npx zcmb import POLICY.(txt|docx|html) [--previous OLD.json] [--out DRAFT.json] [--review review.xlsx]",
    "  npx zcmb import --from-review review.xlsx --out EDITION.json",
    "",
    "Drafts an edition from a policy text: document fields, areas (lead, budget in 亿元, items), articles (责任单位",
    "in order) and every quantitative target with its exact quote, each with a confidence and reasons, plus the",
    "figures it excluded and why. --review writes the review sheet 导入审核 (low confidence first); after staff have",
    "edited it, --from-review builds the edition from it and validates it (nothing is written when it has errors).",
    "从政策原文生成版本草稿(文件信息、领域、条款、量化目标及原文摘录,附置信度、说明和排除的数字);--review 写出审核表",
    "“导入审核”;审核后用 --from-review 生成并校验版本文件(有错误时不写出)。",
    "",
    "Options / 选项:",
    "  --previous OLD.json   last edition: matching targets keep their ids / 上一版:相同指标沿用编号",
    "  --out FILE            write the draft (or edition) here instead of stdout / 输出文件(默认标准输出)",
    "  --review FILE.xlsx    also write the review sheet / 同时写出审核表",
    "  --from-review FILE    build the edition from a reviewed sheet / 由审核表生成版本文件",
    "  --id ID               edition id (default: place-year, e.g. yueqing-2026) / 版本编号",
    "  --force               replace existing output files / 覆盖已有输出文件",
    "  -h, --help            show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

interface Args {
  policy?: string;
  previous?: string;
  out?: string;
  review?: string;
  fromReview?: string;
  id?: string;
  force: boolean;
}

function parse(argv: readonly string[]): Args | number {
  const args: Args = { force: false };
  for (const { raw, flag, value } of readArguments(argv)) {
    if (flag === "-h" || flag === "--help") {
      process.stdout.write(help());
      return 0;
    }
    if (flag === "--force") {
      args.force = true;
      continue;
    }
    if (["--previous", "--out", "--review", "--from-review", "--id"].includes(flag)) {
      const v = value();
      if (v === undefined) return fail(`${flag} needs a value.`, `${flag} 需要一个值。`);
      if (flag === "--previous") args.previous = v;
      else if (flag === "--out") args.out = v;
      else if (flag === "--review") args.review = v;
      else if (flag === "--from-review") args.fromReview = v;
      else {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v))
          return fail(
            `--id "${v}" must be lowercase letters, digits and hyphens.`,
            `--id “${v}”只能用小写字母、数字和连字符。`,
          );
        args.id = v;
      }
      continue;
    }
    if (raw.startsWith("-") || args.policy !== undefined)
      return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
    args.policy = raw;
  }
  if (
    args.fromReview !== undefined &&
    (args.policy !== undefined || args.review !== undefined || args.previous !== undefined)
  )
    return fail(
      "--from-review takes no policy file, --review or --previous.",
      "--from-review 不能与政策文件、--review、--previous 同用。",
    );
  if (args.fromReview === undefined && args.policy === undefined)
    return fail(
      "give the policy file to import (.txt, .docx or .html).",
      "请给出要导入的政策文件(.txt、.docx 或 .html)。",
    );
  if (args.review !== undefined && !/\.xlsx$/i.test(args.review))
    return fail(`--review must name an .xlsx file.`, `--review 须为 .xlsx 文件。`);
  return args;
}

async function readPrevious(file: string): Promise<ImportOptions["previous"]> {
  const text = await readPolicyFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FileError(file, "不是 JSON 文件。", "not a JSON file.");
  }
  const targets = (json as { targets?: unknown }).targets;
  const ok =
    Array.isArray(targets) &&
    targets.every(
      (t) =>
        typeof t === "object" &&
        t !== null &&
        typeof (t as { id?: unknown }).id === "string" &&
        typeof (t as { indicator?: unknown }).indicator === "string",
    );
  if (!ok) throw new FileError(file, "不是版本文件(没有 targets 列表)。", "not an edition file (no targets list).");
  return { targets: targets as NonNullable<ImportOptions["previous"]>["targets"] };
}

async function output(file: string | undefined, content: string, force: boolean): Promise<void> {
  if (file === undefined) {
    process.stdout.write(content);
    return;
  }
  await checkTarget(file, { replace: force });
  await writeAtomic(file, new TextEncoder().encode(content));
}

async function fromReview(args: Args & { fromReview: string }): Promise<number> {
  // Read by ExcelJS, which parses every sheet: every sheet within the rows-and-cells limits.
  const bytes = await readWorkbookFile(args.fromReview, EVERY_SHEET_LIMITS);
  const read = await readReviewWorkbook(bytes);
  if (read === undefined) throw new FileError(args.fromReview, "没有“导入审核”工作表。", "it has no 导入审核 sheet.");
  const { file, problems } = editionFromReview(read.rows, read.text);
  const result = validateEdition(file, file.text === undefined ? {} : { text: file.text });
  const issues = [...problems, ...result.errors.map(formatIssue)];
  for (const w of result.warnings) process.stderr.write(`警告 / warning: ${formatIssue(w)}\n`);
  if (issues.length > 0) {
    process.stderr.write(
      `${errorLine(args.fromReview, `审核表有 ${issues.length} 处问题,未写出版本文件。`, `the review sheet has ${issues.length} problem(s); no edition written.`)}\n`,
    );
    for (const p of issues) process.stderr.write(`  ${p}\n`);
    return 1;
  }
  await output(args.out, serializeEditionFile(file), args.force);
  process.stderr.write(
    `版本 ${file.edition.id}:${file.areas.length} 个领域、${file.articles.length} 条、${file.targets.length} 个目标,校验通过 / valid edition${args.out ? ` → ${path.resolve(args.out)}` : ""}\n`,
  );
  return 0;
}

export const importCommand: Command = {
  name: "import",
  async run(argv) {
    const args = parse(argv);
    if (typeof args === "number") return args;
    try {
      if (args.fromReview !== undefined) return await fromReview({ ...args, fromReview: args.fromReview });
      const policy = args.policy ?? "";
      if (args.out !== undefined) await checkTarget(args.out, { replace: args.force });
      if (args.review !== undefined) await checkTarget(args.review, { replace: args.force });
      const options: ImportOptions = {};
      if (args.previous !== undefined) options.previous = await readPrevious(args.previous);
      if (args.id !== undefined) options.id = args.id;
      const draft = importEdition(await readPolicyFile(policy), options);
      await output(args.out, `${JSON.stringify(draft, null, 2)}\n`, true);
      if (args.review !== undefined) await writeAtomic(args.review, await writeReviewWorkbook(reviewSheetOf(draft)));
      const low = draft.draft.targets.filter((t) => t.confidence < 0.7).length;
      const kept = draft.draft.targets.filter((t) => t.previousId !== undefined).length;
      process.stderr.write(
        `${policy}:${draft.areas.length} 个领域、${draft.articles.length} 条、${draft.targets.length} 个目标(${low} 个待核对` +
          `${args.previous ? `,${kept} 个沿用上一版编号` : ""}),排除 ${draft.draft.excluded.length} 个数字` +
          `${draft.draft.missing.length ? `;缺少:${draft.draft.missing.join("、")}` : ""}` +
          `${draft.draft.messages.length ? `;${draft.draft.messages.join(";")}` : ""}\n` +
          `${policy}: ${draft.areas.length} areas, ${draft.articles.length} articles, ${draft.targets.length} targets (${low} to check), ${draft.draft.excluded.length} figures excluded\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof FileError) return printFileError(error);
      throw error;
    }
  },
};
