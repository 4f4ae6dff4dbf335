import { stat } from "node:fs/promises";
import path from "node:path";
import { reportMonth } from "../../engine";
import { defaultEditionId, getEdition, type EditionData } from "../../policy";
import { monthReportText } from "../../report";
import { reportDocx } from "../../docx/write";
import { ReportSheetTakenError, reportSheetLayout } from "../../sheets/report";
import { writeReportIntoWorkbook } from "../../xlsx/reportSheet";
import { readFigures } from "../../sheets/reportFigures";
import { decodeMarker } from "../../sheets/marker";
import { nameValue, readPackage } from "../../xlsx/definedNames";
import { readFileSnapshot, readSheetCells, type FileSnapshot } from "../../xlsx/snapshot";
import type { ExistingSheet } from "../../workbook/snapshot";
import { readArguments, usageError, type Command } from "../command";
import { carriedEdition, loadEdition, reportLoadFailure, warnIfNotOfficial } from "../edition";
import { checkTarget, FileError, openWorkbookFile, printFileError, readWorkbookFile, writeAtomic } from "../files";
import { EVERY_SHEET_LIMITS } from "../../xlsx/packageLimits";
import { withWorkbookLock } from "../lock";
import { readEditionPart } from "../../xlsx/editionPart";

const help = (): string =>
  [
    "Usage / 用法: npx zcmb report FILE.xlsx [--month YYYY-MM] [--out 进展报告.docx] [--sheet | --into OUT.xlsx]",
    "",
    "Drafts the 进展情况 report of a month from the workbook's figures (月度填报 and 月度支出; a workbook of the",
    "earlier layout gives the month of its 报告日期) and writes it as .docx, ending with the table of figures used;",
    "with --sheet or --into, as the 进展报告 sheet (text cells, A4 portrait) instead — the sheet the add-in writes.",
    "Prints each path written. Without --sheet the workbook is only read.",
    "根据工作簿的月度数据起草某月的进展情况报告(.docx,文末附所用数据表);加 --sheet 或 --into 则写成“进展报告”工作表",
    "(文本单元格,A4 纵向打印,与加载项写入的相同)。在标准输出逐行打印写入的文件路径。不加 --sheet 时工作簿只读不改。",
    "",
    "Options / 选项:",
    "  --month YYYY-MM   the report month / 报告月份 (default / 默认: the latest month filled up to 报告日期)",
    "  --out FILE.docx   file to write / 输出文件 (default / 默认: <工作簿名>-进展报告-YYYY-MM.docx beside it);",
    "                    an existing file is refused unless --force / 已存在时拒绝(除非 --force)",
    "  --force           replace an existing .docx / 替换已存在的 .docx",
    "  --sheet           write the 进展报告 sheet into FILE.xlsx itself (an earlier report of ours is replaced in",
    "                    place; every other sheet, name and reference is kept) / 将“进展报告”工作表写入该工作簿",
    "                    (替换原有的本工具报告表,其他内容原样保留)",
    "  --into OUT.xlsx   the same, into a copy OUT.xlsx; FILE.xlsx is only read / 写入工作簿副本 OUT.xlsx,原工作簿不改",
    "                    (with --sheet or --into, a .docx too only when --out is given / 此时仅在指定 --out 时另写 .docx)",
    `  --edition ID|FILE edition instead of the one the workbook carries / 代替工作簿内嵌版本的版本`,
    `                    (default / 默认: the workbook's own edition, else ${defaultEditionId} / 工作簿内嵌版本,否则 ${defaultEditionId})`,
    "  --text            also print the report's text on stdout / 同时在标准输出打印报告正文",
    "  -h, --help        show this help / 显示本帮助",
    "",
  ].join("\n");

const fail = (english: string, chinese: string): number => usageError(english, chinese, help());

/** A file problem: the one error line, naming the user's file; exit 1. */
function fileError(file: string, chinese: string, english: string): number {
  return printFileError(new FileError(file, chinese, english));
}

interface Args {
  file?: string;
  month?: { year: number; month: number };
  out?: string;
  edition?: string;
  text: boolean;
  force: boolean;
  /** Write the 进展报告 sheet into the workbook itself. */
  sheet: boolean;
  /** Write the workbook with the 进展报告 sheet to this file. */
  into?: string;
}

function parse(argv: readonly string[]): Args | number {
  const out: Args = { text: false, sheet: false, force: false };
  for (const { raw, flag, value } of readArguments(argv)) {
    switch (flag) {
      case "-h":
      case "--help":
        process.stdout.write(help());
        return 0;
      case "--text":
        out.text = true;
        break;
      case "--sheet":
        out.sheet = true;
        break;
      case "--force":
        out.force = true;
        break;
      case "--month": {
        const v = value();
        const m = v === undefined ? null : /^(\d{4})-(\d{1,2})$/.exec(v);
        const month = m ? Number(m[2]) : NaN;
        if (!m || month < 1 || month > 12)
          return fail(`--month needs YYYY-MM (e.g. 2025-06).`, `--month 应为 YYYY-MM(如 2025-06)。`);
        out.month = { year: Number(m[1]), month };
        break;
      }
      case "--out":
      case "--into":
      case "--edition": {
        const v = value();
        if (v === undefined) return fail(`${flag} needs a value.`, `${flag} 需要一个值。`);
        if (flag === "--out") {
          if (!v.toLowerCase().endsWith(".docx"))
            return fail(`--out must name a .docx file.`, `--out 应为 .docx 文件。`);
          out.out = v;
        } else if (flag === "--into") {
          if (!v.toLowerCase().endsWith(".xlsx"))
            return fail(`--into must name a .xlsx file.`, `--into 应为 .xlsx 文件。`);
          out.into = v;
        } else out.edition = v;
        break;
      }
      default:
        if (raw.startsWith("-")) return fail(`unexpected argument "${raw}".`, `无法识别的参数 "${raw}"。`);
        if (out.file !== undefined) return fail(`give one workbook only.`, `只能指定一个工作簿。`);
        out.file = raw;
    }
  }
  if (out.file === undefined) return fail("give the workbook FILE.xlsx.", "请指定工作簿 FILE.xlsx。");
  if (out.sheet && out.into !== undefined)
    return fail("give --sheet or --into, not both.", "--sheet 与 --into 只能选一个。");
  return out;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** "2025-07-01 10:30" in the machine's time, as the pane stamps the sheet it writes. */
function localDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const reportCommand: Command = {
  name: "report",
  async run(argv) {
    const args = parse(argv);
    if (typeof args === "number") return args;
    const file = args.file ?? "";
    try {
      return await report(args, file);
    } catch (error) {
      if (error instanceof FileError) return printFileError(error);
      throw error;
    }
  },
};

async function report(args: Args, file: string): Promise<number> {
  // The report reads every sheet's cells, a colleague's included: every sheet within the rows-and-cells limits.
  const { bytes, zip } = await openWorkbookFile(file, EVERY_SHEET_LIMITS);
  let workbook: FileSnapshot;
  try {
    workbook = await readFileSnapshot(zip);
  } catch {
    return fileError(file, "不是有效的 .xlsx 工作簿。", "not a valid .xlsx workbook.");
  }
  let data: EditionData | undefined;
  if (args.edition !== undefined) {
    const loaded = await loadEdition(args.edition);
    if (!loaded.ok) return loaded.usage ? fail(loaded.english, loaded.chinese) : reportLoadFailure(loaded);
    data = loaded.data;
  }
  // The edition the workbook carries (an imported one included), as --update reads it; a carried part that
  // cannot be read is refused, never replaced by a bundled edition.
  const carried = await carriedEdition(() => readEditionPart(zip), file, data !== undefined);
  if (data === undefined && carried.found) data = carried.edition;
  if (data === undefined) {
    const pkg = await readPackage(zip);
    const marked = pkg.names.map((n) => decodeMarker(n.name, nameValue(n.formula))).find((m) => m !== undefined);
    const editionId = marked?.editionId ?? defaultEditionId;
    data = getEdition(editionId);
    if (data === undefined)
      return fileError(
        file,
        `标明的版本“${editionId}”不是内置版本,工作簿也未内嵌版本数据;请用 --edition 指定版本文件。`,
        `it names the edition "${editionId}", which is not bundled, and carries no edition; give --edition FILE.json.`,
      );
  }
  const edition = data;
  warnIfNotOfficial(file, edition, `npx zcmb template --update "${file}" --edition ${edition.document.id}`);
  const sheets: ExistingSheet[] = [];
  for (const s of workbook.sheets) {
    if (s.part === "") continue;
    sheets.push({ name: s.name, cells: await readSheetCells(zip, s.part, workbook.sharedStrings) });
  }
  const read = readFigures(edition, sheets);
  if (read.sheets.length === 0) {
    return fileError(
      file,
      "没有政策目标的工作表(目标任务、月度填报等)。",
      "it holds none of the policy workbook's sheets (目标任务, 月度填报 …).",
    );
  }
  const year = edition.document.year;
  let month: number;
  if (args.month) {
    if (args.month.year !== year)
      return fail(`--month must be in ${year}, the edition's year.`, `--month 应在政策年度 ${year} 年内。`);
    month = args.month.month;
  } else {
    month = read.reportDate ? reportMonth(read.filled, read.reportDate, year) : read.filled.lastIndexOf(true) + 1;
    if (month === 0) return fileError(file, "还没有填报任何月份的数据。", "it has no month with figures yet.");
  }
  if (
    read.layout === "current" &&
    read.reportDate &&
    read.reportDate.year === year &&
    read.reportDate.month !== month
  ) {
    return fileError(
      file,
      `是早期版式(无月度填报表),只有报告日期所在的${read.reportDate.month}月的数据;请刷新工作簿后按月填报。`,
      `it has the earlier layout (no monthly sheets): only ${read.reportDate.month}月's figures exist; refresh it to fill months.`,
    );
  }
  const text = monthReportText(read.figures, month);
  const written: string[] = [];
  const book = args.sheet ? file : args.into;
  if (book !== undefined) {
    const inPlace = path.resolve(book) === path.resolve(file);
    // A copy never replaces another workbook; FILE itself (--sheet) only when it may be written (not read-only,
    // not open in Excel or LibreOffice), and under its lock so a concurrent refresh is not lost.
    if (!inPlace && (await exists(book)))
      throw new FileError(
        book,
        "已存在,未作改动;要写入原工作簿请用 --sheet,或换一个文件名。",
        "it exists and was left unchanged; write into the workbook itself with --sheet, or name another file.",
      );
    await checkTarget(book, { replace: true });
    const code = await withWorkbookLock(book, async () => {
      // Read again under the lock: the report goes into the file as it is now, not as it was before the wait.
      const current = inPlace ? await readWorkbookFile(file) : bytes;
      let result;
      try {
        result = await writeReportIntoWorkbook(current, reportSheetLayout(text, localDateTime(new Date())));
      } catch (error) {
        if (!(error instanceof ReportSheetTakenError)) throw error;
        const names = error.names.map((n) => `“${n}”`).join("");
        return fileError(
          file,
          `工作簿中的工作表${names}不是本工具生成的,未写入报告;请改名后重试,或不加 --sheet/--into 只生成 .docx。`,
          `its sheets ${error.names.join(", ")} are the user's own: no report written; rename one, or leave out --sheet/--into for the .docx only.`,
        );
      }
      await writeAtomic(book, result.buffer);
      return 0;
    });
    if (code !== 0) return code;
    written.push(book);
  }
  const out =
    args.out ??
    (book !== undefined
      ? undefined
      : path.join(
          path.dirname(file),
          `${path.basename(file, path.extname(file))}-进展报告-${year}-${String(month).padStart(2, "0")}.docx`,
        ));
  if (out !== undefined) {
    // Same rules as template --out: an existing file (read-only included) is replaced only with --force.
    await checkTarget(out, { replace: args.force });
    await writeAtomic(out, await reportDocx(text));
    written.push(out);
  }
  if (args.text) {
    const body = [text.title, text.subtitle, ...text.sections.flatMap((s) => [s.heading, ...s.paragraphs])];
    process.stdout.write(`${body.join("\n")}\n`);
  }
  for (const w of written) process.stdout.write(`${path.resolve(w)}\n`);
  return 0;
}
