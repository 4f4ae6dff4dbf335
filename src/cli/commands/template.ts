import path from "node:path";
import { defaultEditionId, editionIds, getEdition, type EditionData } from "../../policy";
import { serializeEditionFile, toEditionFile } from "../../policy/editionFile";
import { SHEET_KEYS, type SheetKey } from "../../sheets/marker";
import type { Plan, PlanOptions } from "../../sheets/plan";
import { FilePatchError } from "../../xlsx/applyPatch";
import { BadPartError } from "../../xlsx/xml";
import { NotOurWorkbookError, refreshPackage, refreshWorkbook, writeTemplate } from "../../xlsx";
import { carryOverFile, PreviousWorkbookError } from "../../xlsx/carryOver";
import { describeCarryOver } from "../carryOverSummary";
import { readEditionPart, writeEditionPart } from "../../xlsx/editionPart";
import { savePackage } from "../../xlsx/parts";
import { readArguments, usageError, type Command } from "../command";
import { carriedEdition, loadEdition, reportLoadFailure, warnIfNotOfficial } from "../edition";
import { withWorkbookLock } from "../lock";
import { checkTarget, FileError, openWorkbookFile, readWorkbookFile, writeAtomic } from "../files";
import { describeRefresh } from "../preview";

const help = (): string =>
  [
    "Usage / 用法:",
    "  npx zcmb template --out FILE.xlsx [options]",
    "  npx zcmb template --update FILE.xlsx [--out FILE2.xlsx] [options]",
    "",
    "Writes the policy workbook (说明, 预算安排, 目标任务, 预算执行, 责任分工, 汇总) as .xlsx, or refreshes one:",
    "a refresh patches the file in place: only official cells that differ from the edition are written, new targets",
    "are appended, inputs, values typed over formulas and everything else stay; other sheets, charts, pivots and",
    "macros pass through unchanged. Prints the path written; the summary of a refresh goes to stderr.",
    "生成政策目标工作簿(.xlsx),或刷新已有工作簿:只改写与版本不同的官方数据,新增目标追加在表末,",
    "填报内容、手工覆盖的公式和其他内容一律保留;其他工作表、图表、数据透视表、宏原样保留。",
    "成功时在标准输出打印写入的文件路径,刷新摘要写到标准错误。",
    "",
    "Options / 选项:",
    `  --out FILE.xlsx       file to write; an existing file is refused unless --force / 输出文件,已存在时拒绝(除非 --force)`,
    "                        (with --update: default is FILE itself / 与 --update 同用时默认写回原文件)",
    "  --update FILE         refresh an existing workbook / 刷新已有工作簿",
    `  --edition ID|FILE     bundled edition id or edition file (.json) / 内置版本编号或版本文件 (bundled / 内置: ${editionIds().join(", ")})`,
    `                        default: with --update the edition the workbook carries, else ${defaultEditionId}`,
    `                        / 默认:刷新时用工作簿内嵌的版本,新建时用 ${defaultEditionId}`,
    "                        The workbook stores its edition (a Custom XML part) so the add-in follows it.",
    "                        / 工作簿内嵌所用版本(自定义 XML 部件),加载项随之使用。",
    `  --sheets A,B          sheets to write / 只生成这些工作表 (${SHEET_KEYS.join(",")}; 汇总 brings 目标任务, 预算执行)`,
    "  --unit 万元|亿元       amount unit of 预算执行 / 预算执行金额单位 (default / 默认: 万元)",
    "  --report-date DATE    报告日期 of new sheets, yyyy-mm-dd / 新表的报告日期 (default / 默认: today / 今天)",
    "  --previous LAST.xlsx  the year's turn: fill each target's empty 上年值 from last year's workbook (its 12月",
    "                        figure; same 编号 first, else same article, indicator and unit); typed values are kept",
    "                        / 结转:从上年工作簿(12月数)填写各目标空白的上年值(先按编号,再按条款、指标和单位),",
    "                        已填的上年值不覆盖,不同之处列出",
    "  --rename-foreign      write ours as 名称(政策目标) beside a same-named foreign sheet / 遇同名他人工作表时另建",
    "  --force               replace an existing --out file / 替换已存在的输出文件",
    "  --dry-run             write nothing, print what would change / 不写文件,只显示将要做的改动",
    "  --restore-formulas    with --update: write product formulas back over values typed into them",
    "                        / 刷新时把手工覆盖的公式单元格恢复为公式",
    "  -h, --help            show this help / 显示本帮助",
    "",
    "Exit codes / 退出码: 0 done / 成功; 2 usage error (bad option, not .xlsx) / 用法错误; 1 anything else (file exists,",
    "read-only, missing, not a workbook, open in Excel, none of our sheets, write failed) / 其他错误。",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

const sameEdition = (a: EditionData, b: EditionData): boolean =>
  serializeEditionFile(toEditionFile(a)) === serializeEditionFile(toEditionFile(b));

/** Any failure as one line naming the user's file: ours say what happened, a library's is not shown. */
function asFileError(error: unknown, file: string): FileError {
  if (error instanceof FileError) return error;
  if (
    error instanceof NotOurWorkbookError ||
    error instanceof FilePatchError ||
    error instanceof BadPartError ||
    error instanceof PreviousWorkbookError
  ) {
    const [zh, en] = error.message.split(" / ");
    return new FileError(file, zh ?? "", en ?? "");
  }
  const name = error instanceof Error ? error.name : "unknown";
  return new FileError(
    file,
    `处理时出错,文件未作改动(内部错误 ${name})。`,
    `processing it failed; it was left unchanged (internal error ${name}).`,
  );
}

/** What a run writes (or, with --dry-run, would write), in the figures of the plan. */
function preview(plan: Plan, file: string): string {
  const lines = [
    `${path.basename(file)}:写入 ${plan.spec.sheets.length} 张工作表,${plan.rowsWritten} 行,保留填报 ${plan.valuesKept} 项,保留旧编号 ${plan.orphanRows} 行。` +
      ` / ${plan.spec.sheets.length} sheets, ${plan.rowsWritten} rows written, ${plan.valuesKept} inputs kept, ${plan.orphanRows} old rows kept.`,
  ];
  for (const s of plan.skipped) lines.push(`已跳过 ${s.sheet}:${s.reason} / Skipped ${s.sheet}.`);
  return lines.join("\n");
}

/**
 * With --previous, the year's turn on the workbook just written: empty 上年值 filled from last year's 12月 figures,
 * then a refresh so that the formulas' cached results (状态 of 上升/下降 targets, for WPS) follow the new inputs.
 */
async function carryOver(
  workbook: Uint8Array,
  edition: EditionData,
  options: PlanOptions,
  args: Args,
): Promise<{ buffer: Uint8Array; summary: string }> {
  if (args.previous === undefined) return { buffer: workbook, summary: "" };
  const previous = await readWorkbookFile(args.previous);
  const name = path.basename(args.previous);
  const result = await carryOverFile(workbook, edition, { bytes: previous, file: name }).catch((error: unknown) => {
    throw asFileError(error, args.previous ?? name);
  });
  const summary = `${describeCarryOver(result.plan, result.written, name, args.dryRun)}\n`;
  // Only 核对 notes written: no input changed, no cached result to follow.
  if (result.written === 0) return { buffer: result.buffer, summary };
  const refreshed = await refreshWorkbook(result.buffer, edition, options);
  return { buffer: refreshed.buffer, summary };
}

interface Args {
  out?: string;
  update?: string;
  edition?: string;
  previous?: string;
  sheets?: SheetKey[];
  unit?: "万元" | "亿元";
  reportDate?: string;
  rename: boolean;
  force: boolean;
  dryRun: boolean;
  restoreFormulas: boolean;
}

function parse(args: readonly string[]): Args | number {
  const out: Args = { rename: false, force: false, dryRun: false, restoreFormulas: false };
  for (const { raw, flag, value } of readArguments(args)) {
    switch (flag) {
      case "-h":
      case "--help":
        process.stdout.write(help());
        return 0;
      case "--out":
      case "--update":
      case "--edition":
      case "--previous":
      case "--sheets":
      case "--unit":
      case "--report-date": {
        const v = value();
        if (v === undefined) return fail(`${flag} needs a value.`, `${flag} 需要一个值。`);
        if ((flag === "--out" || flag === "--update" || flag === "--previous") && !/\.xlsx$/i.test(v))
          return fail(
            `${flag} "${v}": only .xlsx workbooks are written and refreshed.`,
            `${flag} “${v}”:只能生成或刷新 .xlsx 工作簿。`,
          );
        if (flag === "--out") out.out = v;
        else if (flag === "--update") out.update = v;
        else if (flag === "--edition") out.edition = v;
        else if (flag === "--previous") out.previous = v;
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
      case "--dry-run":
        out.dryRun = true;
        break;
      case "--restore-formulas":
        out.restoreFormulas = true;
        break;
      default:
        return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
    }
  }
  return out;
}

/** `--update`: the package opened once, refreshed, its edition written, saved once (or not at all). */
async function refresh(
  update: string,
  target: string,
  data: EditionData | undefined,
  args: Args,
  options: PlanOptions,
): Promise<number> {
  // The package is opened once: the edition it carries is read, the refresh and the edition written into it,
  // and it is saved once — or not at all when nothing changes.
  const { bytes: input, zip } = await openWorkbookFile(update);
  // A carried edition that cannot be read or is invalid refuses the refresh (never the bundled one instead).
  const carried = await carriedEdition(() => readEditionPart(zip), update, data !== undefined);
  const edition =
    data ?? (carried.found ? carried.edition : undefined) ?? (getEdition(defaultEditionId) as EditionData);
  warnIfNotOfficial(update, edition, `npx zcmb template --update "${update}" --edition ${edition.document.id}`);
  const result = await refreshPackage(zip, edition, {
    ...options,
    ...(args.restoreFormulas ? { restoreFormulas: true } : {}),
  }).catch((error: unknown) => {
    throw asFileError(error, update);
  });
  const summary = describeRefresh(result.patch.summary, update);
  if (args.dryRun) {
    const planned = await carryOver(result.changed ? await savePackage(zip) : input, edition, options, args).catch(
      (error: unknown) => {
        throw asFileError(error, args.previous ?? update);
      },
    );
    process.stdout.write(`${summary}\n${planned.summary}`);
    return 0;
  }
  // The workbook carries the edition it was refreshed with; when it already carried exactly this one and
  // nothing else changed, the file is left as it is (not even rewritten), unless a copy was asked for.
  const carriesIt = carried.found && carried.edition !== undefined && sameEdition(carried.edition, edition);
  if (!carriesIt) await writeEditionPart(zip, edition);
  const refreshed = result.changed || !carriesIt ? await savePackage(zip) : input;
  const written = await carryOver(refreshed, edition, options, args).catch((error: unknown) => {
    throw asFileError(error, args.previous ?? update);
  });
  const output = written.buffer;
  if (output !== input || path.resolve(target) !== path.resolve(update)) await writeAtomic(target, output);
  process.stderr.write(`${summary}\n${written.summary}`);
  return 0;
}

export const templateCommand: Command = {
  name: "template",
  async run(argv) {
    const args = parse(argv);
    if (typeof args === "number") return args;
    let data: EditionData | undefined;
    if (args.edition !== undefined) {
      const loaded = await loadEdition(args.edition);
      if (!loaded.ok) {
        if (loaded.usage) return fail(loaded.english, loaded.chinese);
        return reportLoadFailure(loaded);
      }
      data = loaded.data;
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
    const update = args.update;
    const target = args.out ?? update ?? "";
    // --update writing back to the file it read replaces it; any other existing target needs --force.
    const replace = args.force || (update !== undefined && path.resolve(target) === path.resolve(update));
    try {
      if (!args.dryRun) await checkTarget(target, { replace, existsHint: "update" });
      if (update === undefined) {
        const edition = data ?? (getEdition(defaultEditionId) as EditionData);
        warnIfNotOfficial(args.edition ?? target, edition, `--edition ${edition.document.id}`);
        const result = await writeTemplate(edition, options, { carryEdition: true });
        const written = await carryOver(result.buffer, edition, options, args);
        if (args.dryRun) {
          process.stdout.write(`${preview(result.plan, target)}\n${written.summary}`);
          return 0;
        }
        await writeAtomic(target, written.buffer);
        process.stderr.write(written.summary);
      } else {
        // The read-modify-write holds the workbook's lock: a second run refuses instead of one result vanishing.
        const work = () => refresh(update, target, data, args, options);
        if (args.dryRun) return await work();
        await withWorkbookLock(target, work);
      }
      process.stdout.write(`${path.resolve(target)}\n`);
      return 0;
    } catch (error) {
      const known = asFileError(error, update ?? target);
      process.stderr.write(`${known.message}\n`);
      if (process.env.ZC_DEBUG && !(error instanceof FileError))
        process.stderr.write(`${String((error as Error).stack)}\n`);
      return 1;
    }
  },
};
