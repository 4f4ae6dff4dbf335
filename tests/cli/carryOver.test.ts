/**
 * The year's turn, the way the bureau does it: the 2025 workbook filled through 12月 in LibreOffice (UNO, as a
 * person types), a 2026 edition derived from it (figures raised, two targets reworded — one keeping its 编号, one
 * imported without it —, one dropped, one new), and `template --out 2026.xlsx --edition 2026.json --previous
 * 2025.xlsx`: every 上年值 of the new workbook checked by 编号 against the 2025 file; then `--update … --previous`
 * on a 2026 workbook where staff typed two 上年值 themselves — neither is replaced, the different one is reported.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { reportCommand } from "../../src/cli/commands/report";
import { templateCommand } from "../../src/cli/commands/template";
import { runInProcess } from "../support/inProcessCli";
import { fromExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import { serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import type { EditionData, Target } from "../../src/policy/types";
import { findSheet } from "../../src/sheets/read";
import { readFigures } from "../../src/sheets/reportFigures";
import { writeWorkbookEdition } from "../../src/xlsx/editionPart";
import { writeTemplate } from "../../src/xlsx";
import { readFileSnapshot } from "../../src/xlsx/snapshot";
import { requireLibreOfficeUno } from "../support/realEngines";
import { NEW_ID, nextYearOf } from "../carryover/support/years";

const describeUno = requireLibreOfficeUno() ? describe : describe.skip;
const HARNESS = path.join(__dirname, "..", "support", "lo_uno.py");
const y2025 = getEdition("yueqing-2025") as EditionData;
const NOW = new Date("2025-12-31T02:00:00Z");

const DROPPED = "art24-energy-private-share";
const REWORDED_KEPT = "art11-national-sports-events"; // reworded, 编号 kept (imported with --previous)
const REWORDED_NEW = { from: "art26-capacity-investment", to: "art26-capacity-investment-2026" }; // 编号 not kept

const SHORT = "art01-hitech-firms"; // 60 of 75: costs points in the 自评, with a 偏差原因 on 绩效监控
const REASON = "认定批次推迟至次年";

/** The 12月 figure typed for each 2025 target (its own scale): round numbers near the target, a ratio for 倍差. */
function december(t: Target, i: number): number {
  if (t.id === SHORT) return 60;
  if (t.value === null) return 1.7 + (i % 5) / 100;
  return t.unit === "%" ? t.value + 0.5 : t.value + (i % 7);
}

function edition2026(): EditionData {
  // Quotes stay excerpts of the text with the new figure in place (the file's checks want the words in the quote).
  const raise = (t: Target): Target => {
    if (t.value === null || t.unit === "%" || !t.quote.includes(String(t.value))) return t;
    const value = Math.round(t.value * 1.1 * 100) / 100;
    return { ...t, value, quote: t.quote.replace(String(t.value), String(value)) };
  };
  const targets = y2025.targets
    .filter((t) => t.id !== DROPPED)
    .map((t): Target => {
      if (t.id === REWORDED_KEPT) return { ...t, indicator: `举办乐清半程马拉松等${t.indicator.replace(/^举办/, "")}` };
      if (t.id === REWORDED_NEW.from) return { ...t, id: REWORDED_NEW.to, indicator: `${t.indicator}(含续建项目)` };
      return raise(t);
    });
  return nextYearOf(targets);
}

const cli = (...args: string[]) => runInProcess(templateCommand, args);

/** A workbook's figures by 编号 as the product reads them: 12月 and 上年值, in each target's scale. */
async function figuresOf(file: string, data: EditionData) {
  const snap = await readFileSnapshot(await JSZip.loadAsync(readFileSync(file)));
  const sheets = [...(snap.snapshot.sheets?.values() ?? [])];
  return { read: readFigures(data, sheets), targets: findSheet(sheets, "目标任务") };
}

describeUno("template --previous: the year's turn on files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-carry-"));
  const file = (name: string) => path.join(dir, name);
  const y2026 = edition2026();
  const figures2025 = new Map(y2025.targets.map((t, i) => [t.id, december(t, i)]));

  beforeAll(async () => {
    const { buffer } = await writeTemplate(y2025, { now: NOW, reportDate: "2025-12-31" });
    writeFileSync(file("blank-2025.xlsx"), await writeWorkbookEdition(buffer, y2025));
    // Percentages typed as Excel holds them (0.0362 for 3.62%), the way a person types 3.62%.
    const ops: Record<string, unknown>[] = y2025.targets.map((t) => ({
      op: "set",
      sheet: "月度填报",
      id: t.id,
      col: "12月",
      value: t.unit === "%" ? (figures2025.get(t.id) ?? 0) / 100 : figures2025.get(t.id),
    }));
    ops.push({ op: "set", sheet: "绩效监控", id: SHORT, col: "偏差原因分析", value: REASON });
    const job = file("job.json");
    writeFileSync(
      job,
      JSON.stringify({
        profile: file("profile"),
        jobs: [{ in: file("blank-2025.xlsx"), ops, out: file("2025台账.xlsx") }],
      }),
    );
    execFileSync("/usr/bin/python3", [HARNESS, job], { stdio: "pipe", timeout: 300_000 });
    writeFileSync(file("2026.json"), serializeEditionFile(toEditionFile(y2026)));
  }, 400_000);

  it("fills every 上年值 of the new workbook from the 2025 file by 编号, lists what has none", async () => {
    const r = await cli(
      "--out",
      file("2026.xlsx"),
      "--edition",
      file("2026.json"),
      "--previous",
      file("2025台账.xlsx"),
    );
    expect(r.stderr).not.toContain("错误");
    expect(r.code).toBe(0);
    // The 2025 file as the product reads it: what UNO typed is what the carry-over takes.
    const before = (await figuresOf(file("2025台账.xlsx"), y2025)).read.figures.targets;
    const after = await figuresOf(file("2026.xlsx"), y2026);
    for (const t of y2026.targets) {
      const previous = after.read.figures.targets.get(t.id)?.previous;
      const from = t.id === REWORDED_NEW.to ? REWORDED_NEW.from : t.id;
      if (t.id === NEW_ID) {
        expect(previous).toBeNull();
        continue;
      }
      const typed = before.get(from)?.months[11];
      expect([t.id, previous]).toEqual([t.id, typed]);
      expect(typeof previous === "number" && Math.abs(previous - (figures2025.get(from) ?? NaN))).toBeLessThan(1e-9);
    }
    expect(r.stderr).toContain(`结转上年值:自“2025台账.xlsx”写入 ${y2026.targets.length - 1} 项`);
    expect(r.stderr).toContain(`本年新增目标(上年无对应):${NEW_ID}`);
    expect(r.stderr).toContain(`上年目标本年已无:${DROPPED}`);
    // The 上升/下降 targets are judged against the carried value in the cached results (WPS shows those).
    const cells = after.targets?.cells ?? [];
    const header = cells.findIndex((row) => row.some((c) => c?.value === "上年值"));
    const col = (name: string) => (cells[header] ?? []).findIndex((c) => c?.value === name);
    const row = cells.find((x) => x[col("编号")]?.value === "area7-income-ratio");
    expect(fromExcelValue({ unit: "" }, Number(row?.[col("上年值")]?.value))).toBe(
      figures2025.get("area7-income-ratio"),
    );
  }, 300_000);

  it("--update --previous keeps the 上年值 staff typed and reports the one that differs", async () => {
    const typed = { same: "art01-hitech-firms", other: "art02-tech-projects" };
    const job = file("job-typed.json");
    writeFileSync(
      job,
      JSON.stringify({
        profile: file("profile"),
        jobs: [
          {
            in: file("2026-blank.xlsx"),
            ops: [
              { op: "set", sheet: "目标任务", id: typed.same, col: "上年值", value: figures2025.get(typed.same) },
              { op: "set", sheet: "目标任务", id: typed.other, col: "上年值", value: 999 },
            ],
            out: file("2026-typed.xlsx"),
          },
        ],
      }),
    );
    const blank = await cli("--out", file("2026-blank.xlsx"), "--edition", file("2026.json"));
    expect(blank.code).toBe(0);
    execFileSync("/usr/bin/python3", [HARNESS, job], { stdio: "pipe", timeout: 300_000 });
    const r = await cli("--update", file("2026-typed.xlsx"), "--previous", file("2025台账.xlsx"));
    expect(r.code).toBe(0);
    const after = (await figuresOf(file("2026-typed.xlsx"), y2026)).read.figures.targets;
    expect(after.get(typed.same)?.previous).toBe(figures2025.get(typed.same));
    expect(after.get(typed.other)?.previous).toBe(999);
    expect(r.stderr).toContain(`写入 ${y2026.targets.length - 3} 项,另有 1 项已填且与上年一致`);
    expect(r.stderr).toContain(
      `已填上年值与上年数不同,保留已填值:${typed.other} 已填 999,上年 2025台账.xlsx 月度填报 12月 为 ${figures2025.get(typed.other)}`,
    );
    // 核对 says it too, beside the values, and the refresh that followed the carry-over kept it.
    const sheet = (await figuresOf(file("2026-typed.xlsx"), y2026)).targets;
    const checks = new Map((sheet?.cells ?? []).map((row) => [row[0]?.value, row.map((c) => c?.value)]));
    const checkOf = (id: string) => checks.get(id)?.find((v) => typeof v === "string" && v.startsWith("上年值"));
    expect(checkOf(typed.same)).toBe("上年值取自 2025台账.xlsx 月度填报 12月");
    expect(checkOf(typed.other)).toBe(
      `上年值与上年数不同,保留所填:上年 2025台账.xlsx 月度填报 12月 为 ${figures2025.get(typed.other)}项`,
    );
    // Again: everything is there now — nothing written, every carried value agrees, the typed 999 still differs.
    const again = await cli("--update", file("2026-typed.xlsx"), "--previous", file("2025台账.xlsx"));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`写入 0 项,另有 ${y2026.targets.length - 2} 项已填且与上年一致`);
    expect(again.stderr).toContain(`保留已填值:${typed.other} 已填 999`);
  }, 300_000);

  it("the 12月 report drafts each area's 绩效自评: score, grade, the targets that cost points and why", async () => {
    const { code } = await runInProcess(reportCommand, [
      file("2025台账.xlsx"),
      "--month",
      "2025-12",
      "--out",
      file("2025-report.docx"),
    ]);
    expect(code).toBe(0);
    const docx = await JSZip.loadAsync(readFileSync(file("2025-report.docx")));
    const xml = (await docx.file("word/document.xml")?.async("string")) ?? "";
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("、绩效自评");
    expect(text).toContain("评分标准:预算执行率10分、产出指标50分、效益指标30分、满意度10分");
    expect(text).toContain(`新增高新技术企业(目标75家,全年完成60家,完成率80.0%,失2.00分;原因:${REASON})`);
    expect(text).toMatch(/\(一\)推进教育科技人才一体发展:自评得分\d+\.\d\d分,等级“[优良中差]”/);
  }, 120_000);

  it("refuses a previous file that is not one of ours in one line, naming it", async () => {
    writeFileSync(file("other.xlsx"), (await writeTemplate(y2025, { now: NOW })).buffer);
    const r = await cli("--out", file("x.xlsx"), "--edition", file("2026.json"), "--previous", file("other.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("other.xlsx");
    expect(r.stderr).toContain("上年工作簿中没有可用的内嵌政策版本");
    const missing = await cli(
      "--out",
      file("y.xlsx"),
      "--edition",
      file("2026.json"),
      "--previous",
      file("无此文件.xlsx"),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("无此文件.xlsx");
    const bad = await cli("--out", file("z.xlsx"), "--previous", file("2025台账.csv"));
    expect(bad.code).toBe(2);
  }, 120_000);
});
