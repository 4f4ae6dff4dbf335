/**
 * The report against the workbook it is drafted from. The synthetic year (ahead, behind, blank months, one
 * falling behind in 7月) is typed into 月度填报 and 月度支出 of a generated workbook whose 报告日期 is the
 * report month's end; LibreOffice recalculates it; then, from that one recalculated file, the CLI drafts the
 * report of 6月 and of 12月 and the test reads 汇总 and the monthly sheets: the report's counts are 汇总's, its
 * money is 汇总's, and every target's and area's figure in its appendix is the workbook's cell. The reports are
 * rendered (.docx → PDF → PNG) into artifacts/report/ for a person to read.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fromYi, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import { items, percent, STATUSES, targetFigure, versus, yi } from "../../src/report";
import { areaLabel } from "../../src/sheets/context";
import { HEADER_ROW } from "../../src/sheets/layout";
import { writeTemplate } from "../../src/xlsx";
import { readPackage } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";
import { syntheticYear } from "./syntheticYear";

const root = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(root, "artifacts", "report");
const data = getEdition("yueqing-2025")!;
const figures = syntheticYear(data);

/** A formula's cached result, or the cell's value. */
const plain = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "formula" in v ? ((v as { result?: unknown }).result ?? null) : v;

const isFormula = (v: ExcelJS.CellValue) => v !== null && typeof v === "object" && "formula" in v;

/** Header → column on the header row, matched on the text before any "(unit)". */
function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(HEADER_ROW).eachCell((c, col) => {
    if (c.text !== "") out.set(c.text.replace(/\(.*\)$/, ""), col);
  });
  return out;
}

const column = (ws: ExcelJS.Worksheet, header: string): number => {
  const c = columns(ws).get(header);
  if (c === undefined) throw new Error(`${ws.name}: no column ${header}`);
  return c;
};

/** The row (1-based) whose `header` cell holds `value`. */
function rowWhere(ws: ExcelJS.Worksheet, header: string, value: unknown): number {
  const c = column(ws, header);
  let found = 0;
  ws.eachRow((row, r) => {
    if (found === 0 && r > HEADER_ROW && row.getCell(c).value === value) found = r;
  });
  if (found === 0) throw new Error(`${ws.name}: no row with ${header}=${String(value)}`);
  return found;
}

/**
 * The generated workbook with the whole synthetic year typed in. Where 实际值 / 支出数 are still inputs of their
 * own (not yet following the monthly sheets by formula), the report month's figures are typed there too, as staff
 * of that layout do; where they are formulas, they are left to follow.
 */
async function filledWorkbook(month: number): Promise<Uint8Array> {
  const end = new Date(Date.UTC(2025, month, 0)).getUTCDate();
  const reportDate = `2025-${String(month).padStart(2, "0")}-${end}`;
  const { buffer } = await writeTemplate(data, { reportDate, now: new Date("2026-01-05T02:00:00Z") });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const monthly = wb.getWorksheet("月度填报")!;
  const targets = wb.getWorksheet("目标任务")!;
  for (const t of data.targets) {
    const f = figures.targets.get(t.id)!;
    const r = rowWhere(monthly, "编号", t.id);
    f.months.forEach((v, i) => {
      if (typeof v === "number") monthly.getCell(r, column(monthly, `${i + 1}月`)).value = toExcelValue(t, v);
    });
    const tr = rowWhere(targets, "编号", t.id);
    if (typeof f.previous === "number")
      targets.getCell(tr, column(targets, "上年值")).value = toExcelValue(t, f.previous);
    const actual = column(targets, "实际值");
    const v = f.months[month - 1];
    if (!isFormula(targets.getCell(tr, actual).value) && typeof v === "number")
      targets.getCell(tr, actual).value = toExcelValue(t, v);
  }
  const spending = wb.getWorksheet("月度支出")!;
  const execution = wb.getWorksheet("预算执行")!;
  for (const a of data.areas) {
    const months = figures.areas.get(a.no)!.months;
    const r = rowWhere(spending, "领域", areaLabel(a));
    months.forEach((v, i) => {
      if (typeof v === "number") spending.getCell(r, column(spending, `${i + 1}月`)).value = fromYi(v, "万元");
    });
    const er = rowWhere(execution, "领域", areaLabel(a));
    const spent = column(execution, "支出数");
    const v = months[month - 1];
    if (!isFormula(execution.getCell(er, spent).value) && typeof v === "number")
      execution.getCell(er, spent).value = fromYi(v, "万元");
  }
  // ExcelJS drops our marker names on the way: put them back as a person's Excel would have kept them.
  const original = await readPackage(await JSZip.loadAsync(buffer));
  return restoreNames(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), original.names);
}

async function docxRows(file: string): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join(""),
  );
}

(requireLibreOffice() ? describe : describe.skip)("the report of a recalculated workbook", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-report-workbook-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([6, 12])(
    "%i月: counts and money equal 汇总's, every figure of the appendix equals its cell",
    async (month) => {
      const mm = String(month).padStart(2, "0");
      const filled = path.join(dir, `台账-${mm}.xlsx`);
      writeFileSync(filled, await filledWorkbook(month));
      const recalculated = sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", path.join(dir, `recalc-${mm}`));
      const out = path.join(dir, `进展报告-2025-${mm}.docx`);
      const run = spawnSync("npx", ["zcmb", "report", recalculated, "--month", `2025-${mm}`, "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const paragraphs = await docxRows(out);
      const text = paragraphs.join("\n");

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated);
      const summary = wb.getWorksheet("汇总")!;
      const rowOf = (label: string) => {
        let found = 0;
        summary.eachRow((row, r) => {
          if (found === 0 && row.getCell(1).text === label) found = r;
        });
        return found;
      };
      const totalRow = rowOf("合计");
      const counts = STATUSES.map((_, i) => Number(plain(summary.getCell(totalRow, 2 + i).value)));
      expect(counts.reduce((s, n) => s + n, 0)).toBe(data.targets.length);
      // The synthetic year is not all of one status: the comparison means something.
      expect(counts.filter((n) => n > 0).length).toBeGreaterThan(2);
      const phrase = STATUSES.map((s, i) => `${s}${items(counts[i] ?? -1)}`).join("、");
      expect(text).toContain(`${data.targets.length}项目标任务中,${phrase}。`);

      const moneyRow = rowOf("合计(总体执行)");
      const budget = Number(plain(summary.getCell(moneyRow, 2).value)) / 10000;
      const spent = Number(plain(summary.getCell(moneyRow, 3).value)) / 10000;
      const rate = Number(plain(summary.getCell(moneyRow, 4).value));
      expect(text).toContain(`八个领域市财政预算安排${yi(budget)}`);
      expect(text).toContain(
        `已支出${yi(spent)},执行率${percent(rate)},${versus((rate - month / 12) * 100, "序时进度")}`,
      );

      // The appendix (label, value, source per row): each target's figure is 月度填报's cell of the month, each
      // area's spending 月度支出's.
      const monthly = wb.getWorksheet("月度填报")!;
      const spending = wb.getWorksheet("月度支出")!;
      const appendix = new Map<string, string>();
      for (let i = 0; i + 2 < paragraphs.length; i++) appendix.set(paragraphs[i] ?? "", paragraphs[i + 1] ?? "");
      let compared = 0;
      for (const t of data.targets) {
        const cell = plain(monthly.getCell(rowWhere(monthly, "编号", t.id), column(monthly, `${month}月`)).value);
        const shown = appendix.get(`${t.indicator}(${t.id})`);
        if (typeof cell === "number") {
          expect([t.id, shown]).toEqual([t.id, targetFigure(t, t.unit === "%" ? cell * 100 : cell)]);
          compared++;
        } else expect([t.id, shown]).toEqual([t.id, "未填报"]);
      }
      expect(compared).toBeGreaterThan(data.targets.length / 2);
      for (const a of data.areas) {
        const cell = plain(
          spending.getCell(rowWhere(spending, "领域", areaLabel(a)), column(spending, `${month}月`)).value,
        );
        const shown = appendix.get(`${a.title}·${month}月累计支出`);
        expect([a.no, shown]).toEqual([a.no, typeof cell === "number" ? yi(cell / 10000) : "未填报"]);
      }

      // For a person to read: the report as LibreOffice prints it.
      const target = path.join(ARTIFACTS, `workbook-2025-${mm}`);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const docx = path.join(target, `进展报告-2025-${mm}.docx`);
      writeFileSync(docx, readFileSync(out));
      const pdf = sofficeConvert(dir, docx, "pdf", target);
      execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(target, "page")], { timeout: 120_000 });
      expect(readdirSync(target).filter((f) => f.endsWith(".png")).length).toBeGreaterThan(2);
    },
    300_000,
  );
});
