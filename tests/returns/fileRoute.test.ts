/**
 * The file route of department returns as staff and units use it: `returns make` writes one file per lead unit,
 * units fill them in LibreOffice as a person would (typing １２, 3.3%, 约12家, a text in a figure cell, sorting
 * their rows, inserting a row), `returns merge` previews (--dry-run) and merges them into 月度填报 and 填报记录,
 * refusing what is not a return for this workbook; a second merge writes nothing; a conflict waits for
 * --take-returned; `returns status` lists who has not answered.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { getEdition } from "../../src/policy";
import { unitDuties } from "../../src/returns";
import { writeTemplate } from "../../src/xlsx";
import { requireLibreOffice } from "../support/realEngines";

const root = path.join(__dirname, "..", "..");
const edition = getEdition("yueqing-2025")!;
const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
const jingxin = unitDuties(edition).find((d) => d.unit === "市经信局")!;
const counts = keji.leads.filter((t) => t.kind === "count");
const [hitech, second, third] = counts;
const rd = keji.leads.find((t) => t.id === "area1-rd-intensity")!;
const jxPercent = jingxin.leads.find((t) => t.unit === "%" && t.value !== null && t.value < 20)!;
const jxCount = jingxin.leads.find((t) => t.kind === "count")!;

function cli(...args: string[]) {
  const r = spawnSync("npx", ["zcmb", ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function libreoffice(dir: string, jobs: unknown[]) {
  const job = path.join(dir, `job-${Date.now()}.json`);
  writeFileSync(job, JSON.stringify({ profile: path.join(dir, "profile"), jobs }));
  const r = spawnSync("/usr/bin/python3", [path.join(root, "tests/support/lo_uno.py"), job], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`lo_uno failed: ${r.stderr}${r.stdout}`);
}

/** A cell's text as ExcelJS gives it (LibreOffice saves mixed-font headers as rich text). */
const textOf = (v: ExcelJS.CellValue): unknown =>
  v !== null && typeof v === "object" && "richText" in v ? v.richText.map((t) => t.text).join("") : v;

/** 月度填报's cell of a target under a header (a month, 情况说明), read with ExcelJS (an independent reader). */
async function monthCell(file: string, id: string, month: number | string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("月度填报")!;
  let idCol = 0;
  let monthCol = 0;
  ws.getRow(4).eachCell((c, col) => {
    if (textOf(c.value) === "编号") idCol = col;
    if (textOf(c.value) === (typeof month === "number" ? `${month}月` : month)) monthCol = col;
  });
  let value: unknown = undefined;
  ws.eachRow((row) => {
    if (textOf(row.getCell(idCol).value) === id) value = row.getCell(monthCol).value;
  });
  return value;
}

async function logRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("填报记录");
  const rows: string[][] = [];
  ws?.eachRow((row) => rows.push(Array.from({ length: 10 }, (_, i) => String(textOf(row.getCell(i + 1).value) ?? ""))));
  return rows;
}

const run = requireLibreOffice() ? it : it.skip;

describe("returns on the file route", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zc-returns-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses usage errors with exit 2 and an unreadable workbook with exit 1 naming it", () => {
    expect(cli("returns").status).toBe(2);
    expect(cli("returns", "make", "x.xlsx", "--month", "2025-13", "--out-dir", "d").status).toBe(2);
    expect(cli("returns", "merge", "x.xlsx").status).toBe(2);
    const missing = cli("returns", "status", "/nonexistent/台账.xlsx", "--month", "2025-07");
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^错误:\/nonexistent\/台账\.xlsx:.* \/ Error: \/nonexistent\/台账\.xlsx: /);
  });

  run(
    "make → fill in LibreOffice → merge (preview, refusals, log) → merge again → conflict taken → status",
    async () => {
      const book = path.join(dir, "台账.xlsx");
      writeFileSync(book, (await writeTemplate(edition)).buffer);
      // The bureau already holds 市科技局's June figure and a July figure for another of its targets.
      libreoffice(dir, [
        {
          in: book,
          out: book,
          ops: [
            { op: "set", sheet: "月度填报", id: hitech!.id, col: "6月", value: 20 },
            { op: "set", sheet: "月度填报", id: second!.id, col: "7月", value: 5 },
          ],
        },
      ]);

      const out = path.join(dir, "分发");
      const made = cli("returns", "make", book, "--month", "2025-07", "--out-dir", out, "--deadline", "8月5日");
      expect(made.status).toBe(0);
      const names = readdirSync(out).sort();
      expect(names).toContain("2025-07_市科技局.xlsx");
      expect(names.length).toBe(unitDuties(edition).filter((d) => d.leads.length > 0).length);
      expect(made.stderr).toContain("市税务局");

      const back = path.join(dir, "回收");
      mkdirSync(back);
      const kejiIn = path.join(out, "2025-07_市科技局.xlsx");
      const jxIn = path.join(out, "2025-07_市经信局.xlsx");
      libreoffice(dir, [
        {
          in: kejiIn,
          out: path.join(back, "2025-07_市科技局.xlsx"),
          ops: [
            { op: "type", sheet: "填报", id: hitech!.id, col: "7月累计", text: "１２" },
            { op: "type", sheet: "填报", id: rd.id, col: "7月累计", text: "3.3%" },
            { op: "type", sheet: "填报", id: second!.id, col: "7月累计", text: "6" },
            { op: "type", sheet: "填报", id: third!.id, col: "7月累计", text: "约12家" },
            { op: "set", sheet: "填报", id: hitech!.id, col: "情况说明", value: "按计划推进" },
            { op: "unprotect", sheet: "填报" },
            { op: "sort", sheet: "填报", header: "指标", descending: true },
            { op: "insertRows", sheet: "填报", row: 7 },
          ],
        },
        {
          in: jxIn,
          out: path.join(back, "2025-07_市经信局.xlsx"),
          ops: [
            { op: "type", sheet: "填报", id: jxPercent.id, col: "7月累计", text: "6.5" },
            { op: "type", sheet: "填报", id: jxCount.id, col: "7月累计", text: "正在统计" },
          ],
        },
        // A return whose identity was edited by hand: its checksum no longer matches.
        {
          in: kejiIn,
          out: path.join(back, "tampered.xlsx"),
          ops: [
            { op: "set", sheet: "填报标识", cell: "B2", value: "市经信局" },
            { op: "type", sheet: "填报", id: hitech!.id, col: "7月累计", text: "99" },
          ],
        },
      ]);
      copyFileSync(book, path.join(back, "not-a-return.xlsx"));
      const files = readdirSync(back).map((f) => path.join(back, f));

      const before = readFileSync(book);
      const preview = cli("returns", "merge", book, ...files, "--dry-run");
      expect(preview.status).toBe(3);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(preview.stderr).toContain("“tampered.xlsx”未合并");
      expect(preview.stderr).toContain("“not-a-return.xlsx”未合并");
      expect(preview.stdout).toContain("约12家");
      expect(preview.stdout).toContain("正在统计");

      const merged = cli("returns", "merge", book, ...files);
      expect(merged.status).toBe(3);
      expect(await monthCell(book, hitech!.id, 7)).toBe(12);
      expect(await monthCell(book, rd.id, 7)).toBeCloseTo(0.033, 12);
      expect(await monthCell(book, jxPercent.id, 7)).toBeCloseTo(0.065, 12);
      expect(await monthCell(book, second!.id, 7)).toBe(5); // a conflict: not overwritten
      expect(await monthCell(book, third!.id, 7)).toBeNull(); // 约12家: rejected
      expect(await monthCell(book, jxCount.id, 7)).toBeNull(); // a text: rejected
      expect(await monthCell(book, hitech!.id, 6)).toBe(20); // June untouched
      const log = await logRows(book);
      expect(log[0]).toEqual(["时间", "单位", "文件", "编号", "月份", "栏目", "原值", "新值", "结果", "说明"]);
      const row = (id: string) => log.find((r) => r[3] === id && r[5] === "累计值");
      expect(row(hitech!.id)?.slice(4, 9)).toEqual(["2025-07", "累计值", "", "12", "写入"]);
      expect(row(hitech!.id)?.[9] ?? "").toContain("低于6月"); // 12 after June's 20: written, flagged
      expect(row(second!.id)?.[8] ?? "").toBe("冲突");
      expect(row(third!.id)?.slice(7, 9)).toEqual(["约12家", "拒绝"]);
      expect(log.some((r) => (r[2] ?? "").startsWith("tampered.xlsx (") && r[8] === "拒绝")).toBe(true);
      expect(log.some((r) => (r[2] ?? "").startsWith("not-a-return.xlsx (") && r[8] === "拒绝")).toBe(true);
      expect(log.find((r) => r[3] === hitech!.id && r[5] === "情况说明")?.[8]).toBe("写入");

      // Merging the same files again writes no cell.
      const again = cli("returns", "merge", book, ...files);
      expect(again.stderr).toContain("已写入 0 个单元格");
      expect(await monthCell(book, hitech!.id, 7)).toBe(12);

      // Staff take the unit's value over the conflict.
      const taken = cli("returns", "merge", book, path.join(back, "2025-07_市科技局.xlsx"), "--take-returned");
      expect(taken.stdout).toContain("已采纳");
      expect(await monthCell(book, second!.id, 7)).toBe(6);

      // 催报: 市科技局 still misses one target (约12家), units that sent nothing are listed.
      const status = cli("returns", "status", book, "--month", "2025-07", "--deadline", "8月5日");
      expect(status.status).toBe(3);
      expect(status.stdout).toMatch(/未报全\t市科技局/);
      expect(status.stdout).toContain("【催报】请以下单位于8月5日前报送2025年1—7月");
      expect(status.stdout).toContain(third!.indicator);

      // A refresh of the workbook keeps what the merge wrote and never touches 填报记录.
      const logBefore = await logRows(book);
      expect(await monthCell(book, hitech!.id, "情况说明")).toBe("按计划推进");
      expect(cli("template", "--update", book).status).toBe(0);
      expect(await monthCell(book, hitech!.id, 7)).toBe(12);
      expect(await monthCell(book, hitech!.id, "情况说明")).toBe("按计划推进");
      expect(await logRows(book)).toEqual(logBefore);

      // LibreOffice opens the merged workbook: the figures are where ExcelJS read them.
      libreoffice(dir, [{ in: book, recalc: true, dump: path.join(dir, "dump.json") }]);
      expect(readFileSync(path.join(dir, "dump.json"), "utf8")).toContain("填报记录");
    },
    600_000,
  );
});
