/**
 * `report FILE.xlsx --month 2025-06`: a workbook filled with a month of synthetic figures and recalculated by
 * LibreOffice, then drafted by the CLI. The report's counts equal 汇总's, its budget figures equal 汇总's, and
 * every target's figure in the appendix equals the workbook's cell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fromYi, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import { items, percent, STATUSES, targetFigure, yi } from "../../src/report";
import { writeTemplate } from "../../src/template/xlsx";
import { syntheticYear } from "../report/syntheticYear";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";

const root = path.join(__dirname, "..", "..");
const data = getEdition("yueqing-2025")!;

function cli(...args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const header = (ws: ExcelJS.Worksheet, text: string, row = 4): number => {
  let found = 0;
  ws.getRow(row).eachCell((c, col) => {
    if (typeof c.value === "string" && c.value.replace(/\(.*\)$/, "") === text) found = col;
  });
  if (found === 0) throw new Error(`no column ${text}`);
  return found;
};

const plain = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;

async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? "").join(""),
  );
}

describe("cli report", () => {
  it("refuses usage errors with exit 2, file errors with exit 1 naming the file", () => {
    expect(cli("report").status).toBe(2);
    expect(cli("report", "x.xlsx", "--month", "2025-13").status).toBe(2);
    expect(cli("report", "x.xlsx", "--out", "x.pdf").status).toBe(2);
    const missing = cli("report", "/nonexistent/台账.xlsx");
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("“/nonexistent/台账.xlsx”");
    const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-report-"));
    try {
      const notZip = path.join(dir, "坏文件.xlsx");
      writeFileSync(notZip, "not a workbook");
      const bad = cli("report", notZip);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/^错误:.*不是有效的 \.xlsx 工作簿。 \/ Error: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (requireLibreOffice() ? it : it.skip)(
    "drafts 6月 from a workbook LibreOffice recalculated: counts and money equal 汇总's, figures equal the cells",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "zc-cli-report-"));
      try {
        const figures = syntheticYear(data);
        const { buffer } = await writeTemplate(data, {
          reportDate: "2025-06-30",
          now: new Date("2025-07-01T02:00:00Z"),
        });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
        const targets = wb.getWorksheet("目标任务")!;
        const idCol = header(targets, "编号");
        const actualCol = header(targets, "实际值");
        const previousCol = header(targets, "上年值");
        targets.eachRow((row, r) => {
          if (r <= 4) return;
          const t = data.targets.find((x) => x.id === row.getCell(idCol).value);
          const f = t ? figures.targets.get(t.id) : undefined;
          if (!t || !f) return;
          const v = f.months[5];
          if (typeof v === "number") row.getCell(actualCol).value = toExcelValue(t, v);
          if (typeof f.previous === "number") row.getCell(previousCol).value = toExcelValue(t, f.previous);
        });
        const execution = wb.getWorksheet("预算执行")!;
        const spentCol = header(execution, "支出数");
        data.areas.forEach((a, i) => {
          const v = figures.areas.get(a.no)?.months[5];
          if (typeof v === "number") execution.getCell(5 + i, spentCol).value = fromYi(v, "万元");
        });
        const filled = path.join(dir, "台账.xlsx");
        await wb.xlsx.writeFile(filled);
        const outDir = path.join(dir, "recalc");
        const recalculated = sofficeConvert(dir, filled, "xlsx:Calc MS Excel 2007 XML", outDir);

        const out = path.join(dir, "进展报告.docx");
        const run = cli("report", recalculated, "--month", "2025-06", "--out", out);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        expect(run.stdout.trim()).toBe(path.resolve(out));
        const text = (await docxParagraphs(out)).join("\n");

        const back = new ExcelJS.Workbook();
        await back.xlsx.readFile(recalculated);
        const summary = back.getWorksheet("汇总")!;
        let totalRow = 0;
        summary.eachRow((row, r) => {
          if (row.getCell(1).text === "合计") totalRow = r;
        });
        const counts = STATUSES.map((_, i) => Number(plain(summary.getCell(totalRow, 2 + i).value)));
        const phrase = STATUSES.map((s, i) => `${s}${items(counts[i] ?? -1)}`).join("、");
        expect(counts.reduce((s, n) => s + n, 0)).toBe(data.targets.length);
        expect(text).toContain(`${data.targets.length}项目标任务中,${phrase}。`);

        let moneyRow = 0;
        summary.eachRow((row, r) => {
          if (row.getCell(1).text === "合计(总体执行)") moneyRow = r;
        });
        const budget = Number(plain(summary.getCell(moneyRow, 2).value)) / 10000;
        const spent = Number(plain(summary.getCell(moneyRow, 3).value)) / 10000;
        const rate = Number(plain(summary.getCell(moneyRow, 4).value));
        expect(text).toContain(`预算安排${yi(budget)}`);
        expect(text).toContain(`已支出${yi(spent)},执行率${percent(rate)}`);

        // Appendix: each target's figure as the cell holds it.
        const rows = (await docxParagraphs(out)).join("\n");
        const t2 = back.getWorksheet("目标任务")!;
        t2.eachRow((row, r) => {
          if (r <= 4) return;
          const t = data.targets.find((x) => x.id === row.getCell(idCol).value);
          const v = plain(row.getCell(actualCol).value);
          if (!t || typeof v !== "number") return;
          const own = t.unit === "%" ? v * 100 : v;
          expect(rows).toContain(`${t.indicator}(${t.id})\n${targetFigure(t, own)}\n`);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
