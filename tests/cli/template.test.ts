/**
 * The template command is safe with files: it never replaces a workbook it was not told to, writes atomically,
 * and answers every file problem in one line, Chinese then English, naming the user's file.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { FileError, writeAtomic, type WriteFs } from "../../src/cli/files";
import { getEdition } from "../../src/policy";
import { writeTemplate } from "../../src/xlsx";

const data = getEdition("yueqing-2025")!;
const NOW = new Date("2025-07-01T02:00:00Z");

const run = (...args: string[]) => runInProcess(templateCommand, args);

/** One line, Chinese first, then English, naming the file; no library text, no temporary file. */
function expectFileError(stderr: string, file: string): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]?.startsWith(`错误:${file}:`)).toBe(true);
  expect(lines[0]).toContain(` / Error: ${file}: `);
  expect(lines[0]).not.toMatch(/\.tmp|JSZip|End of data|Corrupted zip|ENOENT|at Object/);
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("cli template: files", () => {
  let dir: string;
  let fresh: Uint8Array;
  beforeAll(async () => {
    fresh = (await writeTemplate(data, { now: NOW, reportDate: "2025-06-30" })).buffer;
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "zc-cli-files-"));
  });

  it("refuses --out onto an existing file, suggesting --update or --force; --force replaces it", async () => {
    const file = path.join(dir, "台账.xlsx");
    writeFileSync(file, fresh);
    const r = await run("--out", file);
    expect(r.code).toBe(1);
    expectFileError(r.stderr, file);
    expect(r.stderr).toContain("--update");
    expect(r.stderr).toContain("--force");
    expect(readFileSync(file).equals(fresh)).toBe(true);
    const forced = await run("--out", file, "--force", "--report-date", "2025-08-31");
    expect(forced.code).toBe(0);
    expect(readFileSync(file).equals(fresh)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("takes only .xlsx names (exit 2, a usage error)", async () => {
    for (const args of [
      ["--out", path.join(dir, "a.xls")],
      ["--update", path.join(dir, "a.csv")],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(".xlsx");
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses a read-only file, even with --force, and leaves it as it was", async () => {
    const file = path.join(dir, "只读.xlsx");
    writeFileSync(file, fresh);
    chmodSync(file, 0o444);
    for (const args of [
      ["--update", file],
      ["--out", file, "--force"],
    ]) {
      const r = await run(...args);
      expect(r.code).toBe(1);
      expectFileError(r.stderr, file);
      expect(r.stderr).toContain("只读");
    }
    expect(readFileSync(file).equals(fresh)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("refuses a folder as target and a missing folder, leaving no temporary file", async () => {
    const folder = path.join(dir, "文件夹.xlsx");
    mkdirSync(folder);
    const r1 = await run("--out", folder, "--force");
    expect(r1.code).toBe(1);
    expectFileError(r1.stderr, folder);
    const missing = path.join(dir, "没有这个文件夹", "a.xlsx");
    const r2 = await run("--out", missing);
    expect(r2.code).toBe(1);
    expectFileError(r2.stderr, missing);
    expect(r2.stderr).toContain("不存在");
    expect(readdirSync(dir)).toEqual(["文件夹.xlsx"]);
  });

  it("names the user's file for a missing, empty, non-zip, non-workbook or open file", async () => {
    const missing = path.join(dir, "不存在.xlsx");
    const empty = path.join(dir, "空.xlsx");
    writeFileSync(empty, "");
    const text = path.join(dir, "文本.xlsx");
    writeFileSync(text, "编号,实际值\n");
    const docx = path.join(dir, "文档.xlsx");
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    writeFileSync(docx, await zip.generateAsync({ type: "nodebuffer" }));
    const open = path.join(dir, "打开中.xlsx");
    writeFileSync(open, fresh);
    writeFileSync(path.join(dir, ".~lock.打开中.xlsx#"), "user,host,2025");
    const cases: [string, RegExp][] = [
      [missing, /不存在/],
      [empty, /空文件/],
      [text, /不是 \.xlsx 工作簿/],
      [docx, /不是 Excel 工作簿/],
      [open, /LibreOffice 中打开/],
    ];
    for (const [file, why] of cases) {
      const r = await run("--update", file);
      expect(r.code).toBe(1);
      expectFileError(r.stderr, file);
      expect(r.stderr).toMatch(why);
      expect(r.stdout).toBe("");
    }
    expect(readFileSync(open).equals(fresh)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("--update on a workbook with none of our sheets exits 1 and says why", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("目标任务").getCell("A1").value = "科室自己的表";
    const file = path.join(dir, "别人的.xlsx");
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    writeFileSync(file, bytes);
    const r = await run("--update", file);
    expect(r.code).toBe(1);
    expectFileError(r.stderr, file);
    expect(r.stderr).toContain("没有政策目标生成的工作表");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("--dry-run writes nothing and prints the preview; a refresh prints its summary on stderr", async () => {
    const file = path.join(dir, "新.xlsx");
    const dry = await run("--out", file, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/工作表/);
    expect(readdirSync(dir)).toEqual([]);
    const existing = path.join(dir, "台账.xlsx");
    writeFileSync(existing, fresh);
    const dryUpdate = await run("--update", existing, "--dry-run");
    expect(dryUpdate.code).toBe(0);
    expect(dryUpdate.stdout).toContain("台账.xlsx");
    expect(readFileSync(existing).equals(fresh)).toBe(true);
    expect(readdirSync(dir)).toEqual(["台账.xlsx"]);
    const real = await run("--update", existing);
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(`${existing}\n`);
    expect(real.stderr).toContain("台账.xlsx");
    expect(real.stderr).toBe(dryUpdate.stdout);
  });

  it("an atomic write that fails (disk full, permission denied) leaves the file as it was and no temp file", async () => {
    const file = path.join(dir, "台账.xlsx");
    writeFileSync(file, fresh);
    const real = await import("node:fs/promises");
    const failing = (code: string, at: "write" | "rename"): WriteFs => ({
      async writeFile(f, bytes) {
        // Half the bytes reach the disk, then the disk is full: the temp file exists when the error comes.
        await real.writeFile(f, bytes.subarray(0, bytes.length >> 1));
        if (at === "write") throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
      },
      rename: async (from, to) => {
        if (at === "rename") throw Object.assign(new Error(`${code}: permission denied, rename`), { code });
        await real.rename(from, to);
      },
      unlink: (f) => real.unlink(f),
      chmod: (f, m) => real.chmod(f, m),
    });
    for (const [code, at, why] of [
      ["ENOSPC", "write", "磁盘空间不足"],
      ["EACCES", "rename", "没有权限"],
    ] as const) {
      const error = await writeAtomic(file, new Uint8Array(1000), failing(code, at)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileError);
      const message = (error as FileError).message;
      expect(message).toContain(file);
      expect(message).toContain(why);
      expect(message).not.toMatch(/\.tmp|no space left|permission denied, rename/);
      expect(readFileSync(file).equals(fresh)).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    }
  });
});
