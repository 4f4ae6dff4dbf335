/**
 * Issue 18, the CLI's untrusted files, each class with its variants, the CLI run as a user runs it under a 512 MB
 * heap: exit code, the one error line (`错误:<file>:<reason> / Error: <file>: <reason>`), the user's file byte for
 * byte (sha256) and nothing left beside it. Hostile inputs come from tests/support/hostile.ts: one line each.
 */
import { readdirSync, readFileSync, symlinkSync, lstatSync, writeFileSync, chmodSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { BAD_CHARACTER_REFERENCES, binaryBytes, rezip, sheetPartOf, zipOf, type ZipEntry } from "../support/hostile";
import { scratchWithFreshWorkbook } from "./support/scratch";
import { cli, expectRefusal, leftovers, root, sha256 } from "./support/cli";
import { spawn } from "node:child_process";

jest.setTimeout(180_000);

const GiB = 2 ** 30;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`;
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A minimal workbook package around hostile parts. */
const workbookWith = (...parts: ZipEntry[]) =>
  zipOf([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, { name: "xl/workbook.xml", data: WORKBOOK }, ...parts]);

const scratch = scratchWithFreshWorkbook("zc-untrusted-");

/** `scratch.fresh` with the 目标任务 sheet's part replaced: rows and cells are limited on the product's sheets. */
async function ourSheetWith(xml: string): Promise<Buffer> {
  const part = await sheetPartOf(scratch.fresh, "目标任务");
  return rezip(scratch.fresh, (name) => (name === part ? { data: xml } : undefined));
}

describe("3. small hostile packages: refused before inflating, under a 512 MB heap", () => {
  const bombs: [string, () => Buffer | Promise<Buffer>, string][] = [
    [
      "a sheet part inflating to 2 GiB",
      () => workbookWith({ name: "xl/worksheets/sheet1.xml", zeros: 2 * GiB }),
      "xl/worksheets/sheet1.xml",
    ],
    [
      "the same, its size hidden (declared 1 KB)",
      () => workbookWith({ name: "xl/worksheets/sheet1.xml", zeros: GiB, declaredSize: 1024 }),
      "xl/worksheets/sheet1.xml",
    ],
    [
      "sharedStrings inflating to 1 GiB",
      () => workbookWith({ name: "xl/sharedStrings.xml", zeros: GiB }),
      "xl/sharedStrings.xml",
    ],
    [
      "sharedStrings hiding 300 MB",
      () => workbookWith({ name: "xl/sharedStrings.xml", zeros: 300 * 2 ** 20, declaredSize: 10 }),
      "xl/sharedStrings.xml",
    ],
    [
      "the edition part inflating to 64 MB",
      () => workbookWith({ name: "customXml/item1.xml", zeros: 64 * 2 ** 20 }),
      "customXml/item1.xml",
    ],
    [
      "a foreign part hiding 1 GiB",
      () => workbookWith({ name: "xl/media/image1.png", zeros: GiB, declaredSize: 5 }),
      "xl/media/image1.png",
    ],
    [
      "1.2 GB in 80 honest parts",
      () =>
        workbookWith(...Array.from({ length: 80 }, (_, i) => ({ name: `xl/media/p${i}.bin`, zeros: 15 * 2 ** 20 }))),
      "MB",
    ],
    [
      "a row numbered 2,000,000,000 in one of our sheets",
      () => ourSheetWith(sheetXml('<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>')),
      "2000000000",
    ],
    [
      "a cell in column XFE in one of our sheets",
      () => ourSheetWith(sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>')),
      "XFE1",
    ],
    [
      "one of our sheets filled down to row 1,048,576",
      () => ourSheetWith(sheetXml(Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join(""))),
      "50,000",
    ],
    [
      "600,000 cells in 1,000 rows of one of our sheets",
      () =>
        ourSheetWith(
          sheetXml(
            Array.from({ length: 1000 }, (_, r) => `<row r="${r + 1}">${"<c><v>1</v></c>".repeat(600)}</row>`).join(""),
          ),
        ),
      "500,000",
    ],
    [
      "one of our sheets of 40 MB",
      () =>
        ourSheetWith(
          sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(40 * 2 ** 20)}</t></is></c></row>`),
        ),
      "32 MB",
    ],
  ];

  const commands: [string, (file: string) => string[]][] = [
    ["template --update", (file) => ["template", "--update", file]],
    ["report", (file) => ["report", file, "--month", "2025-06"]],
    ["report --sheet", (file) => ["report", file, "--month", "2025-06", "--sheet"]],
    [
      "import --from-review",
      (file) => ["import", "--from-review", file, "--out", path.join(path.dirname(file), "e.json")],
    ],
    ["returns status", (file) => ["returns", "status", file, "--month", "2025-07"]],
  ];

  // Each bomb against one command (in turn), the first against all: every command opens files the same way.
  it.each(bombs.map((b, i) => [...b, i] as const))(
    "%s: refused in one line, the file unchanged",
    async (_what, make, part, i) => {
      const { file, folder, hash } = scratch.place("台账.xlsx", await make());
      for (const [, argv] of i === 0 ? commands : [commands[i % commands.length] ?? commands[0]!]) {
        const run = await cli(argv(file));
        expect(run.signal).toBeNull();
        expectRefusal(run, file, part);
        expect(sha256(file)).toBe(hash);
        expect(leftovers(folder)).toEqual([]);
      }
    },
  );

  it.each([
    ["a .docx whose document.xml inflates to 2 GiB", { name: "word/document.xml", zeros: 2 * GiB }],
    ["a .docx hiding 1 GiB in document.xml", { name: "word/document.xml", zeros: GiB, declaredSize: 100 }],
    ["a .docx hiding 1 GiB in styles.xml", { name: "word/styles.xml", zeros: GiB, declaredSize: 100 }],
  ])("import refuses %s", async (_what, entry) => {
    const { file, hash } = scratch.place(
      "政策.docx",
      zipOf([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, entry]),
    );
    const run = await cli(["import", file]);
    expectRefusal(run, file, entry.name);
    expect(run.stdout).toBe("");
    expect(sha256(file)).toBe(hash);
  });

  it.each(bombs.slice(0, 4).map((b) => [b[0], b[1]] as const))(
    "a returned file that is %s is no return: not merged, named in one line, no figure written",
    async (_what, make) => {
      const { file, folder, hash } = scratch.place("台账.xlsx", scratch.fresh);
      const returned = path.join(folder, "2025-07_市科技局.xlsx");
      writeFileSync(returned, await make());
      const run = await cli(["returns", "merge", file, returned]);
      expect(run.signal).toBeNull();
      expect(run.status).toBe(3);
      const lines = run.stderr.trim().split("\n");
      expect(lines.find((l) => l.includes("2025-07_市科技局.xlsx"))).toMatch(/^错误:.*未合并.* \/ Error: /);
      expect(run.stderr).not.toMatch(/\bat \w+ \(|RangeError|heap/);
      // Nothing of it is written: the workbook only gains the refusal in 填报记录.
      expect(run.stderr).toContain("已写入 0 个单元格");
      expect(sha256(file)).not.toBe(hash);
      expect(leftovers(folder)).toEqual([]);
    },
  );

  it("a real workbook still opens under the limits (the 乐清 workbook, refreshed in place)", async () => {
    const { file } = scratch.place("台账.xlsx", scratch.fresh);
    const run = await cli(["template", "--update", file]);
    expect(run.stderr).not.toMatch(/错误|Error/);
    expect(run.status).toBe(0);
  });
});

describe("1. a carried edition that cannot be read refuses the refresh", () => {
  const edition = "customXml/item1.xml";
  const variants: [string, (bytes: Buffer) => Promise<Buffer>, string][] = [
    ...BAD_CHARACTER_REFERENCES.map((ref): [string, (b: Buffer) => Promise<Buffer>, string] => [
      `a character reference ${ref} in the part`,
      (b) =>
        rezip(b, async (name, text) =>
          name === edition ? { data: (await text()).replace("乐清市", `乐清市${ref}`) } : undefined,
        ),
      ref,
    ]),
    [
      "a damaged compressed stream",
      (b) =>
        rezip(b, (name) => (name === edition ? { compressed: binaryBytes(3000), declaredSize: 90_000 } : undefined)),
      edition,
    ],
    [
      "a part of 8 MB",
      (b) =>
        rezip(b, async (name, text) =>
          name === edition ? { data: (await text()).replace("乐清市", `乐清市${" ".repeat(8 * 2 ** 20)}`) } : undefined,
        ),
      edition,
    ],
    [
      "a part hiding 1 GiB",
      (b) => rezip(b, (name) => (name === edition ? { zeros: GiB, declaredSize: 90_000 } : undefined)),
      edition,
    ],
    [
      "a truncated part",
      (b) => rezip(b, async (name, text) => (name === edition ? { data: (await text()).slice(0, 5000) } : undefined)),
      "内嵌的版本",
    ],
  ];

  it.each(variants)("%s: --update and report exit 1, the file byte for byte unchanged", async (_what, make, why) => {
    const { file, folder, hash } = scratch.place("台账.xlsx", await make(scratch.fresh));
    for (const argv of [
      ["template", "--update", file],
      ["template", "--update", file, "--out", path.join(folder, "copy.xlsx")],
      ["report", file, "--month", "2025-06"],
    ]) {
      const run = await cli(argv);
      expectRefusal(run, file, why);
      expect(sha256(file)).toBe(hash);
      expect(leftovers(folder)).toEqual([]);
    }
  });

  it("a workbook with no edition part uses the bundled one; --edition replaces an unreadable part", async () => {
    const bare = await rezip(scratch.fresh, (name) => (name.startsWith("customXml/") ? null : undefined));
    const { file } = scratch.place("台账.xlsx", bare);
    expect((await cli(["template", "--update", file])).status).toBe(0);
    const broken = await rezip(scratch.fresh, async (name, text) =>
      name === edition ? { data: (await text()).replace("乐清市", "乐清市&#99999999;") } : undefined,
    );
    const b = scratch.place("台账.xlsx", broken);
    const run = await cli(["template", "--update", b.file, "--edition", "yueqing-2025"]);
    expect(run.status).toBe(0);
    expect(sha256(b.file)).not.toBe(b.hash);
  });
});

describe("4. report never overwrites a file it was not told to", () => {
  it.each([
    ["an existing --out", (folder: string) => path.join(folder, "报告.docx"), (out: string) => ["--out", out]],
    ["the default name", (folder: string) => path.join(folder, "台账-进展报告-2025-06.docx"), () => []],
  ])(
    "%s is refused without --force, read-only even with it; --force replaces a writable one",
    async (_what, target, extra) => {
      const { file, folder } = scratch.place("台账.xlsx", scratch.fresh);
      const out = target(folder);
      writeFileSync(out, "the user's own report");
      const hash = sha256(out);
      const refused = await cli(["report", file, "--month", "2025-06", ...extra(out)]);
      expectRefusal(refused, out, "--force");
      expect(sha256(out)).toBe(hash);
      chmodSync(out, 0o444);
      expectRefusal(await cli(["report", file, "--month", "2025-06", ...extra(out), "--force"]), out, "只读");
      expect(sha256(out)).toBe(hash);
      chmodSync(out, 0o644);
      const forced = await cli(["report", file, "--month", "2025-06", ...extra(out), "--force"]);
      expect(forced.status).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
      expect(leftovers(folder)).toEqual([]);
    },
  );
});

describe("5. one read-modify-write at a time", () => {
  it.each([
    ["two --update runs", (f: string) => ["template", "--update", f], (f: string) => ["template", "--update", f]],
    [
      "--update and report --sheet",
      (f: string) => ["template", "--update", f, "--restore-formulas"],
      (f: string) => ["report", f, "--month", "2025-06", "--sheet"],
    ],
  ])("%s on one file: one runs, the other refuses in one line; no result is lost", async (_what, first, second) => {
    const { file, folder } = scratch.place("台账.xlsx", scratch.fresh);
    const [a, b] = await Promise.all([cli(first(file)), cli(second(file))]);
    const runs = [a, b];
    const ok = runs.filter((r) => r.status === 0);
    const refused = runs.filter((r) => r.status !== 0);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expectRefusal(r, file, "锁文件");
    expect(leftovers(folder)).toEqual([]);
  });

  it("a stale lock (its process is gone) is taken over; a live one is obeyed", async () => {
    const { file, folder, hash } = scratch.place("台账.xlsx", scratch.fresh);
    const lock = path.join(folder, ".~zc-lock.台账.xlsx");
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), since: Date.now() }));
    expect((await cli(["template", "--update", file])).status).toBe(0);
    expect(leftovers(folder)).toEqual([]);
    const live = scratch.place("台账.xlsx", scratch.fresh);
    const liveLock = path.join(live.folder, ".~zc-lock.台账.xlsx");
    writeFileSync(liveLock, JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() }));
    expectRefusal(await cli(["template", "--update", live.file]), live.file, String(process.pid));
    expect(sha256(live.file)).toBe(live.hash);
    expect(hash).toBeDefined();
  });

  it("returns merge holds the same lock: with a refresh running it refuses in one line, the workbook unchanged", async () => {
    const { file, folder, hash } = scratch.place("台账.xlsx", scratch.fresh);
    writeFileSync(
      path.join(folder, ".~zc-lock.台账.xlsx"),
      JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() }),
    );
    const returned = path.join(folder, "2025-07_市科技局.xlsx");
    writeFileSync(returned, scratch.fresh);
    expectRefusal(await cli(["returns", "merge", file, returned]), file, "锁文件");
    expect(sha256(file)).toBe(hash);
    // A dry run writes nothing, so it needs no lock.
    expect((await cli(["returns", "merge", file, returned, "--dry-run"])).stderr).not.toContain("锁文件");
  });
});

describe("7. import refuses what is no policy text", () => {
  it.each<[string, string | Buffer, string]>([
    ...BAD_CHARACTER_REFERENCES.map((ref): [string, string, string] => [
      "政策.html",
      `<html><body><p>一、扩大有效投资${ref}</p></body></html>`,
      ref,
    ]),
    ["政策.htm", "<p>&#x110000;</p>", "&#x110000;"],
    ["政策.txt", binaryBytes(200_000), "不是文本文件"],
    ["政策.txt", Buffer.concat([Buffer.from("一、扩大有效投资\n"), binaryBytes(50_000)]), "不是文本文件"],
    ["政策.html", binaryBytes(10_000, 3), "不是文本文件"],
  ])("%s (%#): exit 1, one line, no draft", async (name, content, why) => {
    const { file, folder } = scratch.place(name, typeof content === "string" ? Buffer.from(content) : content);
    const out = path.join(folder, "draft.json");
    const run = await cli(["import", file, "--out", out]);
    expectRefusal(run, file, why);
    expect(leftovers(folder)).toEqual([]);
    expect(() => lstatSync(out)).toThrow();
  });

  it("an entity named like a prototype member stays as typed, not a function's text", async () => {
    const { file } = scratch.place("政策.html", Buffer.from("<p>一、扩大有效投资&constructor;&amp;</p>"));
    const run = await cli(["import", file]);
    expect(run.stdout).not.toContain("function");
  });
});

describe("10. smaller", () => {
  // Bytes that are no UTF-8 inside a sheet's name: a lenient decoder would write U+FFFD into 说明 as its name.
  it.each([
    ["a stray 0xFF byte", [0xff], (f: string) => ["template", "--update", f]],
    ["a cut multi-byte character", [0xe6, 0xb1], (f: string) => ["report", f, "--month", "2025-06"]],
    ["an overlong encoding of /", [0xc0, 0xaf], (f: string) => ["returns", "status", f, "--month", "2025-07"]],
  ] as const)("a sheet name holding %s: refused in one line naming xl/workbook.xml", async (_what, bad, argv) => {
    const damaged = await rezip(scratch.fresh, async (name, text) => {
      if (name !== "xl/workbook.xml") return undefined;
      const [before, after] = (await text()).split('name="汇总"');
      const name_ = Buffer.concat([Buffer.from('name="汇'), Buffer.from(bad), Buffer.from('总"')]);
      return { data: Buffer.concat([Buffer.from(before ?? ""), name_, Buffer.from(after ?? "")]) };
    });
    const { file, folder, hash } = scratch.place("台账.xlsx", damaged);
    const args = argv(file);
    expectRefusal(await cli(args), file, "xl/workbook.xml", "UTF-8");
    expect(sha256(file)).toBe(hash);
    expect(leftovers(folder)).toEqual([]);
  });

  it("--update through a symbolic link refreshes the file it points to; the link stays a link", async () => {
    const { file, folder } = scratch.place(
      "台账.xlsx",
      await rezip(scratch.fresh, (n) => (n.startsWith("customXml/") ? null : undefined)),
    );
    const link = path.join(folder, "快捷方式.xlsx");
    symlinkSync(file, link);
    const before = sha256(file);
    const run = await cli(["template", "--update", link]);
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(sha256(file)).not.toBe(before);
    expect(leftovers(folder)).toEqual([]);
  });

  it.each([
    ["template --update", (f: string) => ["template", "--update", f]],
    ["template --out", (f: string) => ["template", "--out", f]],
    ["report", (f: string) => ["report", f]],
    ["import --from-review", (f: string) => ["import", "--from-review", f]],
    ["import", (f: string) => ["import", f.replace(/\.xlsx$/, ".txt")]],
    ["check", (f: string) => ["check", f.replace(/\.xlsx$/, ".json")]],
    ["dataset --edition", (f: string) => ["dataset", "--edition", f.replace(/\.xlsx$/, ".json")]],
  ])("%s answers a missing file in the one shape", async (_what, argv) => {
    const missing = path.join(scratch.dir, "nowhere", "台账.xlsx");
    const args = argv(missing);
    const named = args.find((a) => a.includes("nowhere")) ?? "";
    const run = await cli(args);
    expectRefusal(run, named);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s during a write removes the hidden temporary file and leaves the file as it was",
    async (signal, code) => {
      const { file, folder, hash } = scratch.place("台账.xlsx", scratch.fresh);
      // A write that never finishes: the temporary file exists, the rename has not happened.
      const script = path.join(folder, "slow-write.ts");
      writeFileSync(
        script,
        `import { writeAtomic } from ${JSON.stringify(path.join(root, "src/cli/files"))};
import { writeFile } from "node:fs/promises";
void writeAtomic(${JSON.stringify(file)}, new Uint8Array(10), {
  writeFile: async (f, d) => { await writeFile(f, d); process.stdout.write("writing\\n"); await new Promise(() => undefined); },
  rename: async () => undefined, unlink: async () => undefined, chmod: async () => undefined,
});
setInterval(() => undefined, 1000);
`,
      );
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      await new Promise<void>((resolve) => child.stdout.on("data", () => resolve()));
      expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
      const exited = new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(leftovers(folder)).toEqual([]);
      expect(sha256(file)).toBe(hash);
    },
  );
});
