import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { openPackage } from "../../xlsx/parts";
import { defaultEditionId, getEdition } from "../../policy";
import type { EditionData } from "../../policy/types";
import { readMonthKey, reminderText, returnStatus, showValue, type MergePlan, type ReturnMonth } from "../../returns";
import { decodeMarker } from "../../sheets/marker";
import { returnPlaces, workbookCells } from "../../sheets/returnsMerge";
import { readWorkbookEdition } from "../../xlsx/editionPart";
import { nameValue, readPackage } from "../../xlsx/definedNames";
import { makeReturnFiles } from "../../xlsx/makeReturns";
import { readReturnFile } from "../../xlsx/returnFile";
import { mergeReturnsIntoFile } from "../../xlsx/returnsMerge";
import { readFileSnapshot } from "../../xlsx/snapshot";
import { readArguments, usageError, type Command } from "../command";
import { FileError, readWorkbookFile, writeAtomic } from "../files";
import { withWorkbookLock } from "../lock";

/** Exit codes of `returns`: documented in the help and the README. */
export const RETURNS_EXIT = {
  ok: 0,
  /** A file could not be read or written (one line, Chinese then English, naming it). */
  fileError: 1,
  usage: 2,
  /** merge: something needs staff (a refused file, a conflict, a rejected or flagged cell); status: units missing. */
  attention: 3,
} as const;

const help = (): string =>
  [
    "Usage / 用法:",
    "  npx zcmb returns make 台账.xlsx --month YYYY-MM --out-dir 分发/ [--deadline 8月5日] [--send-to 市财政局]",
    "  npx zcmb returns merge 台账.xlsx 回收/*.xlsx [--dry-run] [--take-returned] [--accept-not-lead]",
    "  npx zcmb returns status 台账.xlsx --month YYYY-MM [--deadline 8月5日]",
    "",
    "分发: one return file per unit that leads targets (2025-07_市科技局.xlsx), with the months already in the workbook.",
    "回收: merges returned files into 月度填报 (the return's own month), 情况说明 and 绩效监控; a different value already",
    "in the workbook is a conflict and is not written unless --take-returned; every cell written or refused is logged",
    "in 填报记录. --dry-run prints the preview and writes nothing.",
    "催报: lists the units whose month figures are missing and prints a reminder to paste into 浙政钉/OA.",
    "分发:为每个牵头单位生成填报表;回收:合并各单位报回的填报表(先预览,冲突不覆盖,全部写入填报记录);催报:列出未报单位并生成催报通知。",
    "",
    "Exit codes / 退出码: 0 done / 完成; 1 a file could not be read or written / 文件无法读写;",
    "  2 usage error / 用法错误; 3 merge: refused files, conflicts or rejected cells to look at (the rest merged) /",
    "  合并有被拒文件、冲突或被拒单元格需处理(其余已合并); status: some units have not answered / 有单位未报。",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

/** A FileError in the CLI's one shape (`错误:<file>:<reason> / Error: <file>: <reason>`). */
function fileErrorOf(error: FileError): number {
  process.stderr.write(`${error.message}\n`);
  return RETURNS_EXIT.fileError;
}

function fileError(chinese: string, english: string): number {
  process.stderr.write(`错误:${chinese} / Error: ${english}\n`);
  return RETURNS_EXIT.fileError;
}

interface Args {
  action: "make" | "merge" | "status";
  workbook: string;
  files: string[];
  month?: ReturnMonth;
  outDir?: string;
  deadline?: string;
  sendTo?: string;
  dryRun: boolean;
  takeReturned: boolean;
  acceptNotLead: boolean;
}

function parse(argv: readonly string[]): Args | number {
  const [action, ...rest] = argv;
  if (action === "-h" || action === "--help" || action === undefined) {
    process.stdout.write(help());
    return action === undefined ? RETURNS_EXIT.usage : 0;
  }
  if (action !== "make" && action !== "merge" && action !== "status")
    return fail(`unknown action "${action}" (make, merge, status).`, `未知操作 "${action}"(make、merge、status)。`);
  const out: Args = { action, workbook: "", files: [], dryRun: false, takeReturned: false, acceptNotLead: false };
  const positional: string[] = [];
  for (const { raw, flag, value } of readArguments(rest)) {
    switch (flag) {
      case "-h":
      case "--help":
        process.stdout.write(help());
        return 0;
      case "--dry-run":
        out.dryRun = true;
        break;
      case "--take-returned":
        out.takeReturned = true;
        break;
      case "--accept-not-lead":
        out.acceptNotLead = true;
        break;
      case "--month": {
        const v = value();
        const month = v === undefined ? undefined : readMonthKey(v);
        if (!month) return fail("--month needs YYYY-MM (e.g. 2025-07).", "--month 应为 YYYY-MM(如 2025-07)。");
        out.month = month;
        break;
      }
      case "--out-dir":
      case "--deadline":
      case "--send-to": {
        const v = value();
        if (v === undefined) return fail(`${flag} needs a value.`, `${flag} 需要一个值。`);
        if (flag === "--out-dir") out.outDir = v;
        else if (flag === "--deadline") out.deadline = v;
        else out.sendTo = v;
        break;
      }
      default:
        if (raw.startsWith("-")) return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
        positional.push(raw);
    }
  }
  const [workbook, ...files] = positional;
  if (!workbook) return fail("give the workbook 台账.xlsx.", "请指定台账工作簿。");
  out.workbook = workbook;
  out.files = files;
  if (action === "merge" && files.length === 0) return fail("give the returned files.", "请指定报回的填报表文件。");
  if (action !== "merge" && files.length > 0) return fail("give one workbook only.", "只能指定一个工作簿。");
  if (action !== "merge" && !out.month) return fail("give --month YYYY-MM.", "请用 --month YYYY-MM 指定月份。");
  if (action === "make" && !out.outDir) return fail("give --out-dir FOLDER.", "请用 --out-dir 指定输出文件夹。");
  return out;
}

/** The edition the workbook carries (or names by its markers); the bundled default for a workbook naming none. */
async function editionOf(bytes: Uint8Array): Promise<EditionData | undefined> {
  const carried = await readWorkbookEdition(bytes).catch(() => ({ found: false }) as const);
  if (carried.found) return carried.edition;
  const pkg = await readPackage(await openPackage(bytes));
  const marked = pkg.names.map((n) => decodeMarker(n.name, nameValue(n.formula))).find((m) => m !== undefined);
  return getEdition(marked?.editionId ?? defaultEditionId);
}

async function cellsOf(bytes: Uint8Array) {
  const file = await readFileSnapshot(await openPackage(bytes));
  return returnPlaces(file.snapshot);
}

const beijingTime = (now: Date) => {
  const t = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
};

function printPlan(plan: MergePlan): void {
  const out = process.stdout;
  for (const f of plan.files) {
    if (f.refused) {
      process.stderr.write(`错误:“${f.name}”未合并:${f.refused.zh} / Error: "${f.name}" not merged: ${f.refused.en}\n`);
      continue;
    }
    const cells = plan.cells.filter((c) => c.file.digest === f.digest);
    const count = (o: string) => cells.filter((c) => c.outcome === o).length;
    out.write(
      `${f.name}  ${f.unit} ${f.month}: 写入 ${count("写入")}、已采纳 ${count("已采纳")}、相同 ${count("相同")}、` +
        `冲突 ${count("冲突")}、拒绝 ${count("拒绝")}\n`,
    );
    for (const c of cells) {
      if (c.outcome === "相同" || (c.outcome === "写入" && !c.flagged && c.notes.length === 0)) continue;
      const note = c.notes.map((n) => n.zh).join(";");
      out.write(
        `  ${c.outcome} ${c.id || "(无编号)"} ${c.field} ${showValue(c.before)} → ${showValue(c.returned)}  ${note}\n`,
      );
    }
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const args = parse(argv);
  if (typeof args === "number") return args;
  if (args.action !== "merge" || args.dryRun) return runOn(args);
  // A merge is a read-modify-write of the workbook: it holds the workbook's lock (as template --update does), so a
  // refresh or a second merge at the same time refuses instead of one result vanishing.
  try {
    return await withWorkbookLock(args.workbook, () => runOn(args));
  } catch (error) {
    if (error instanceof FileError) return fileErrorOf(error);
    throw error;
  }
}

async function runOn(args: Args): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readWorkbookFile(args.workbook);
  } catch (error) {
    if (error instanceof FileError) return fileErrorOf(error);
    throw error;
  }
  const edition = await editionOf(bytes);
  if (!edition)
    return fileError(
      `“${args.workbook}”内嵌的版本无效或无法识别。`,
      `the edition of "${args.workbook}" is invalid or unknown.`,
    );
  const year = edition.document.year;
  if (args.month && args.month.year !== year)
    return fail(`--month must be in ${year}, the edition's year.`, `--month 应在政策年度 ${year} 年内。`);
  const places = await cellsOf(bytes);
  if (!places.monthly)
    return fileError(
      `“${args.workbook}”中没有月度填报工作表,请先用 template --update 刷新台账。`,
      `"${args.workbook}" has no 月度填报 sheet; refresh it with template --update first.`,
    );

  if (args.action === "make") {
    const month = args.month as ReturnMonth;
    const dir = args.outDir as string;
    let withoutReturn: readonly string[];
    try {
      await mkdir(dir, { recursive: true });
      const options = { deadline: args.deadline, sendTo: args.sendTo };
      ({ withoutReturn } = await makeReturnFiles(edition, workbookCells(places), month, options, async (file) => {
        const target = path.join(dir, file.fileName);
        await writeAtomic(target, file.bytes);
        process.stdout.write(`${target}\n`);
      }));
    } catch (error) {
      if (error instanceof FileError) return fileErrorOf(error);
      throw error;
    }
    if (withoutReturn.length > 0)
      process.stderr.write(
        `不牵头任何目标、未生成填报表的单位 / units leading no target (no file): ${withoutReturn.join("、")}\n`,
      );
    return 0;
  }

  if (args.action === "status") {
    const month = args.month as ReturnMonth;
    const statuses = returnStatus(edition, workbookCells(places), month.month);
    for (const s of statuses)
      process.stdout.write(`${s.state}\t${s.unit}\t${s.leads.length - s.missing.length}/${s.leads.length}\n`);
    const text = reminderText(edition, statuses, month, { deadline: args.deadline, sendTo: args.sendTo });
    if (text) process.stdout.write(`\n${text}\n`);
    return text ? RETURNS_EXIT.attention : 0;
  }

  const files = [];
  for (const name of args.files) {
    let raw: Uint8Array;
    try {
      raw = await readFile(name);
    } catch {
      return fileError(`无法读取文件“${name}”(不存在或无权限)。`, `cannot read "${name}" (missing or no permission).`);
    }
    const digest = createHash("sha256").update(raw).digest("hex");
    files.push(await readReturnFile(raw, path.basename(name), digest, edition));
  }
  const result = await mergeReturnsIntoFile(bytes, edition, files, {
    time: beijingTime(new Date()),
    dryRun: args.dryRun,
    takeReturned: args.takeReturned,
    acceptNotLead: args.acceptNotLead,
  });
  printPlan(result.plan);
  if (!args.dryRun && result.buffer !== bytes) {
    try {
      await writeAtomic(args.workbook, result.buffer);
    } catch (error) {
      if (error instanceof FileError) return fileErrorOf(error);
      throw error;
    }
  }
  const written = result.plan.writes.length;
  process.stderr.write(
    args.dryRun
      ? `预览:将写入 ${written} 个单元格,未改动文件 / dry run: ${written} cells would be written; nothing changed\n`
      : `已写入 ${written} 个单元格,填报记录增加 ${result.log.length} 行 / ${written} cells written, ${result.log.length} log rows\n`,
  );
  const attention =
    result.plan.files.some((f) => f.refused) ||
    result.plan.cells.some((c) => c.outcome === "冲突" || c.outcome === "拒绝" || c.flagged);
  return attention ? RETURNS_EXIT.attention : 0;
}

export const returnsCommand: Command = { name: "returns", run };
