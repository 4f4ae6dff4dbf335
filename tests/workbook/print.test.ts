/**
 * What a person sees when printing the CLI's workbook, checked on the PDF LibreOffice makes of it — configured as a
 * Chinese office's LibreOffice is (zh-CN locale, and the README's fontconfig step, run as written under a temporary
 * HOME, so that 微软雅黑 falls back to a Simplified Chinese face): one sans-serif font family and never the Japanese Noto CJK face
 * (pdffonts, and the pixels of 骨直说关), page footers numbered 1…N of N for the whole workbook, 汇总's two charts with their legends and caption on one page, and its two trend blocks (table + chart) on a page each;
 * 月度填报 and 月度支出 in month blocks (identity columns and header on every page, every id in each block, text at
 * ≥ 85 % of full size); and the 进展报告 sheet the CLI writes into a filled workbook, A4 portrait with every sentence
 * printed and no line over another. The pages are left as PNGs in artifacts/print/ (the report's in
 * artifacts/print/report-sheet/) for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { reportCommand } from "../../src/cli/commands/report";
import { runInProcess } from "../support/inProcessCli";
import { fromYi, toExcelValue } from "../../src/engine";
import { getEdition } from "../../src/policy";
import { draftReport, reportText } from "../../src/report";
import { WORKBOOK_FONT } from "../../src/sheets";
import { areaLabel } from "../../src/sheets/context";
import { readFigures } from "../../src/sheets/reportFigures";
import { writeTemplate } from "../../src/xlsx";
import { readWorksheet } from "../support/readWorksheet";
import { readPackage } from "../../src/xlsx/definedNames";
import { restoreNames } from "../support/excelRoundTrip";
import { syntheticYear } from "../report/syntheticYear";
import { requireLibreOffice } from "../support/realEngines";

const describeLo = requireLibreOffice() ? describe : describe.skip;
const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts", "print");

/** A LibreOffice profile with the zh-CN locale (Asian text language zh-CN), as in a Chinese office. */
function chineseProfile(dir: string): string {
  const user = path.join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  const prop = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="${name}" oor:op="fuse"><value>zh-CN</value></prop></item>`;
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${prop("DefaultLocale")}
${prop("DefaultLocale_CJK")}
</oor:items>
`,
  );
  return `file://${path.join(dir, "profile")}`;
}

/**
 * The README's Linux print step, run as written (the ```sh block that copies into ~/.config/fontconfig/conf.d), in the
 * repository, with HOME and XDG_CONFIG_HOME in `dir`: the environment LibreOffice then prints with. Nothing else
 * points fontconfig at the file, so a name fontconfig does not read there fails the Japanese-forms test below.
 */
function readmeFontconfigStep(dir: string): NodeJS.ProcessEnv {
  const root = path.join(__dirname, "..", "..");
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
  const step = blocks.find((b) => b.includes("~/.config/fontconfig/conf.d"));
  if (!step) throw new Error("README has no ```sh block for ~/.config/fontconfig/conf.d");
  const home = path.join(dir, "home");
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, ".config") };
  delete env.FONTCONFIG_FILE;
  delete env.FONTCONFIG_PATH;
  execFileSync("bash", ["-euc", step], { cwd: root, env, stdio: "pipe" });
  return env;
}

function toPdf(dir: string, inputs: readonly string[]): void {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${chineseProfile(dir)}`, "--headless", "--norestore", "--convert-to", "pdf"].concat(
      "--outdir",
      dir,
      ...inputs,
    ),
    { stdio: "pipe", timeout: 180_000, env: readmeFontconfigStep(dir) },
  );
}

const pdfText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

/** Words of a page with their boxes (pdftotext -bbox), in reading order. */
function words(pdf: string, page: number): { text: string; x: number; y: number; x2: number; h: number }[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: m[5] ?? "",
    x: Number(m[1]),
    y: Number(m[2]),
    x2: Number(m[3]),
    h: Number(m[4]) - Number(m[2]),
  }));
}

/** Page sizes in points, rounded: [842, 595] is A4 landscape. */
function pageSizes(pdf: string, first: number, last: number): [number, number][] {
  const info = execFileSync("pdfinfo", ["-f", String(first), "-l", String(last), pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);

/** Font names pdffonts lists, without the subset prefix (ABCDEF+). */
function fontsOf(pdf: string): string[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2);
  return [...new Set(lines.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, "") ?? "").filter(Boolean))];
}

/** A grey-level raster of page 1 (pdftoppm's binary PGM). */
function raster(pdf: string): { width: number; height: number; pixels: Uint8Array } {
  const out = execFileSync("pdftoppm", ["-r", "100", "-gray", "-f", "1", "-l", "1", pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(out.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a PGM");
  return { width: Number(header[1]), height: Number(header[2]), pixels: out.subarray(header[0].length) };
}

/** Pixels that differ by more than a quarter of the grey range (different page sizes: every pixel). */
function difference(a: ReturnType<typeof raster>, b: ReturnType<typeof raster>): number {
  if (a.width !== b.width || a.height !== b.height) return a.pixels.length;
  let n = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 64) n++;
  return n;
}

describeLo("printing the workbook (LibreOffice, zh-CN)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-print-"));
  let pdf = "";
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const file = path.join(dir, "workbook.xlsx");
    const { buffer } = await writeTemplate(getEdition("yueqing-2025")!, {
      now: new Date("2025-07-01T02:00:00Z"),
      reportDate: "2025-06-30",
    });
    writeFileSync(file, buffer);
    toPdf(dir, [file]);
    pdf = path.join(dir, "workbook.pdf");
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "workbook.pdf"), readFileSync(pdf));
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(ARTIFACTS, "page")]);
  }, 240_000);

  it("sets every character in one sans-serif Chinese family: no serif fallback, no Japanese face", () => {
    const fonts = fontsOf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /serif/i.test(f) && !/sans/i.test(f))).toEqual([]);
    expect(fonts.filter((f) => /CJKjp|CJKJP/.test(f))).toEqual([]);
    const families = new Set(fonts.map((f) => f.split("-")[0]));
    expect([...families]).toHaveLength(1);
    expect(readdirSync(ARTIFACTS).filter((f) => f.endsWith(".png")).length).toBe(pageCount(pdf));
  });

  it("numbers the page footers 1…N of N, the same way on every sheet", () => {
    const n = pageCount(pdf);
    expect(n).toBeGreaterThan(6);
    for (let page = 1; page <= n; page++) expect(pdfText(pdf, page)).toContain(`第 ${page} 页,共 ${n} 页`);
  });

  it("keeps 汇总's two charts, their legends and the caption on one page", () => {
    const n = pageCount(pdf);
    const pages = Array.from({ length: n }, (_, i) => pdfText(pdf, i + 1));
    const withChart = pages.filter((t) => t.includes("各领域目标完成情况") || t.includes("各领域预算与支出"));
    expect(withChart).toHaveLength(1);
    const page = withChart[0] ?? "";
    // Legend entries (LibreOffice sets the parentheses apart, so the names are matched without them).
    for (const text of ["各领域预算与支出", "未填报", "预算数", "支出数", "注:两张图表"]) expect(page).toContain(text);
  });

  it("prints 绩效监控 on A4 landscape pages, each with the table's header and the 编号 of its rows", () => {
    const n = pageCount(pdf);
    const pages = Array.from({ length: n }, (_, i) => pdfText(pdf, i + 1));
    const first = pages.findIndex((t) => t.includes("绩效运行监控表"));
    expect(first).toBeGreaterThanOrEqual(0);
    // 绩效监控 is followed by 绩效自评, the last sheet.
    const own = pages.slice(
      first,
      pages.findIndex((t) => t.includes("绩效自评表")),
    );
    for (const text of own) expect(text).toContain("纠偏措施");
    const last = String(first + own.length);
    const sizes = execFileSync("pdfinfo", ["-f", String(first + 1), "-l", last, pdf], { encoding: "utf8" });
    const landscape = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(landscape).toHaveLength(own.length);
    for (const m of landscape) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([842, 595]);
    const printed = own.join("\n").replace(/\s+/g, "");
    const edition = getEdition("yueqing-2025")!;
    for (const t of edition.targets) expect([t.id, printed.includes(t.id)]).toEqual([t.id, true]);
  });

  it("prints 绩效自评 on A4 landscape pages, each with the table's header, every target and the rule stated", () => {
    const n = pageCount(pdf);
    const pages = Array.from({ length: n }, (_, i) => pdfText(pdf, i + 1));
    const first = pages.findIndex((t) => t.includes("绩效自评表"));
    expect(first).toBeGreaterThanOrEqual(0);
    const own = pages.slice(first);
    expect(own[0]).toContain("完成率超过100%的按100%计");
    for (const text of own) expect(text).toContain("评分方式");
    const sizes = execFileSync("pdfinfo", ["-f", String(first + 1), "-l", String(n), pdf], { encoding: "utf8" });
    const landscape = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(landscape).toHaveLength(own.length);
    for (const m of landscape) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([842, 595]);
    const printed = own.join("\n").replace(/\s+/g, "");
    for (const t of getEdition("yueqing-2025")!.targets) expect([t.id, printed.includes(t.id)]).toEqual([t.id, true]);
  });

  it("prints 汇总's trends on two pages of their own: each table with its chart and legend, the caption under the second", () => {
    const n = pageCount(pdf);
    const pages = Array.from({ length: n }, (_, i) => pdfText(pdf, i + 1));
    // 汇总's pages (月度状态's legend names the same things).
    const summary = pages.filter((t) => t.includes("【政策目标】汇总"));
    const status = summary.filter((t) => t.includes("各月目标状态"));
    const execution = summary.filter((t) => t.includes("各月预算执行"));
    expect([status.length, execution.length]).toEqual([1, 1]);
    expect(pages.indexOf(execution[0] ?? "")).toBe(pages.indexOf(status[0] ?? "") + 1);
    // The table's twelve months and the chart's legend on the same page.
    for (const text of ["1月", "12月", "已完成", "欠进度", "未填报", "合计"]) expect(status[0]).toContain(text);
    expect(status[0]).not.toContain("各月预算执行");
    for (const text of ["12月", "执行率", "序时进度", "100.0%", "注:两张趋势图"]) expect(execution[0]).toContain(text);
  });

  /** The pages of one of our sheets: from the page with its title to the page before the next sheet's title. */
  function sheetPages(title: string, next: string): number[] {
    const n = pageCount(pdf);
    const texts = Array.from({ length: n }, (_, i) => pdfText(pdf, i + 1));
    const first = texts.findIndex((t) => t.includes(title));
    const end = texts.findIndex((t, i) => i > first && t.includes(next));
    expect([first >= 0, end > first]).toEqual([true, true]);
    return Array.from({ length: end - first }, (_, i) => first + 1 + i);
  }

  /** Which block of months a page of a monthly sheet prints, by the header words on it. */
  function blockOf(page: number): string {
    const on = new Set(words(pdf, page).map((w) => w.text));
    const months = (from: number, to: number, suffix = "") =>
      Array.from({ length: to - from + 1 }, (_, i) => on.has(`${from + i}月${suffix}`));
    if (months(1, 6).every(Boolean) && !months(7, 12).some(Boolean)) return "1–6月";
    if (months(7, 12).every(Boolean) && !months(1, 6).some(Boolean)) return "7–12月";
    if (months(1, 9, "状态").every(Boolean) && !months(1, 12).some(Boolean)) return "状态";
    if (on.has("下限") && on.has("核对") && !months(1, 12).some(Boolean)) return "辅助列";
    return `? ${[...on].slice(0, 40).join(" ")}`;
  }

  /** The ids printed in the 编号 column of a page: the words left of the 编号 header, pieces wrapped at hyphens joined. */
  function idsOn(page: number): string[] {
    const all = words(pdf, page);
    const header = all.find((w) => w.text === "编号");
    if (!header) return [];
    const pieces = all.filter((w) => w.x < header.x && w.y > header.y && /[a-z]/.test(w.text));
    const ids: string[] = [];
    let open = "";
    for (const w of pieces) {
      open += w.text;
      if (!open.endsWith("-")) {
        ids.push(open);
        open = "";
      }
    }
    return ids;
  }

  it("prints 月度填报 in month blocks on A4 landscape: 编号 领域 指标 and the header on every page, every id in each block", () => {
    const pages = sheetPages("【政策目标】月度填报", "【政策目标】月度支出");
    expect(pageSizes(pdf, pages[0] ?? 0, pages[pages.length - 1] ?? 0)).toEqual(pages.map(() => [842, 595]));
    const blocks = pages.map(blockOf);
    // Down, then over: every page of 1–6月, then 7–12月, then the statuses, then the helper columns.
    const order = ["1–6月", "7–12月", "状态", "辅助列"];
    expect([...new Set(blocks)]).toEqual(order);
    expect(blocks).toEqual([...blocks].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const perBlock = order.map((b) => blocks.filter((x) => x === b).length);
    expect(new Set(perBlock).size).toBe(1);
    const ids = getEdition("yueqing-2025")!.targets.map((t) => t.id);
    for (const block of order) {
      const own = pages.filter((_, i) => blocks[i] === block);
      for (const page of own) {
        const text = pdfText(pdf, page);
        for (const h of ["编号", "领域", "指标"]) expect([page, h, text.includes(h)]).toEqual([page, h, true]);
      }
      expect([block, own.flatMap(idsOn)]).toEqual([block, ids]);
    }
    expect(pdfText(pdf, pages[0] ?? 0)).toContain("上年值");
    expect(pdfText(pdf, pages[perBlock[0] ?? 0] ?? 0)).toContain("本期数");
  });

  it("prints 月度支出 in two blocks (1–6月, 7–12月 with 本期数) with 领域 and 预算数 on both, at 100 %", () => {
    const pages = sheetPages("【政策目标】月度支出", "【政策目标】月度状态");
    expect(pageSizes(pdf, pages[0] ?? 0, pages[pages.length - 1] ?? 0)).toEqual(pages.map(() => [842, 595]));
    expect(pages.map(blockOf)).toEqual(["1–6月", "7–12月"]);
    const areas = getEdition("yueqing-2025")!.areas.length;
    for (const page of pages) {
      const text = pdfText(pdf, page).replace(/[ \t]+/g, "");
      expect(text).toContain("预算数(万元)");
      for (const label of ["一、", "八、"]) expect(text).toContain(label);
      expect((text.match(/^[一二三四五六七八九十]+、/gm) ?? []).length).toBe(areas);
    }
    expect(pdfText(pdf, pages[1] ?? 0)).toContain("本期数");
  });

  it("sets the monthly sheets' text at a readable size: no fit-to-width shrink, at least 85 % of 月度支出's 100 %", () => {
    /** Median height of the header words of a page (bold 11 pt in the sheet). */
    const headerHeight = (page: number, texts: readonly string[]) => {
      const hs = words(pdf, page)
        .filter((w) => texts.includes(w.text))
        .map((w) => w.h)
        .sort((a, b) => a - b);
      return hs[Math.floor(hs.length / 2)] ?? 0;
    };
    const spending = sheetPages("【政策目标】月度支出", "【政策目标】月度状态");
    const targets = sheetPages("【政策目标】月度填报", "【政策目标】月度支出");
    const full = headerHeight(spending[0] ?? 0, ["1月", "2月", "3月", "4月", "5月", "6月"]);
    expect(full).toBeGreaterThan(11);
    for (const page of targets) {
      const h = headerHeight(page, ["编号", "领域", "指标"]);
      expect([page, h / full >= 0.85]).toEqual([page, true]);
    }
  });

  it("draws Han characters with the Chinese face, not Noto CJK's Japanese forms (骨 直 说 关 differ)", async () => {
    const files: string[] = [];
    for (const [key, font] of [
      ["ours", WORKBOOK_FONT.name],
      ["jp", "Noto Sans CJK JP"],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("字形");
      const cell = ws.getCell("A1");
      cell.value = "骨直说关";
      cell.font = { name: font, size: 28, charset: WORKBOOK_FONT.charset, family: WORKBOOK_FONT.family };
      ws.getColumn(1).width = 40;
      ws.getRow(1).height = 48;
      const file = path.join(dir, `glyphs-${key}.xlsx`);
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      files.push(file);
    }
    toPdf(dir, files);
    const ours = raster(path.join(dir, "glyphs-ours.pdf"));
    const jp = raster(path.join(dir, "glyphs-jp.pdf"));
    expect(fontsOf(path.join(dir, "glyphs-ours.pdf")).some((f) => /CJKjp/.test(f))).toBe(false);
    expect(difference(ours, jp)).toBeGreaterThan(100);
  }, 120_000);
});

describeLo("printing the 进展报告 sheet the CLI writes into the workbook (LibreOffice, zh-CN)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-print-report-"));
  const edition = getEdition("yueqing-2025")!;
  const REPORT_PNGS = path.join(ARTIFACTS, "report-sheet");
  let pdf = "";
  let pages: number[] = [];
  let draft: ReturnType<typeof reportText> | undefined;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // Six months of the synthetic year (ahead, behind, gaps …) typed into the monthly sheets, as staff fill them.
    const { buffer } = await writeTemplate(edition, {
      now: new Date("2025-07-01T02:00:00Z"),
      reportDate: "2025-06-30",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const year = syntheticYear(edition);
    const fill = (sheet: string, key: string, figure: (key: unknown, month: number) => number | undefined) => {
      const ws = wb.getWorksheet(sheet)!;
      const header = new Map<string, number>();
      ws.getRow(4).eachCell((c, col) => header.set(c.text.replace(/\(.*\)$/, ""), col));
      ws.eachRow((row, r) => {
        if (r <= 4) return;
        for (let m = 1; m <= 6; m++) {
          const v = figure(row.getCell(header.get(key) ?? 1).value, m);
          if (v !== undefined) row.getCell(header.get(`${m}月`) ?? 0).value = v;
        }
      });
    };
    fill("月度填报", "编号", (id, m) => {
      const t = edition.targets.find((x) => x.id === id);
      const v = t ? year.targets.get(t.id)?.months[m - 1] : undefined;
      return t && typeof v === "number" ? toExcelValue(t, v) : undefined;
    });
    fill("月度支出", "领域", (label, m) => {
      const a = edition.areas.find((x) => areaLabel(x) === label);
      const v = a ? year.areas.get(a.no)?.months[m - 1] : undefined;
      return typeof v === "number" ? fromYi(v, "万元") : undefined;
    });
    // ExcelJS, saving, starts every sheet's page numbers at 1 and drops our marker names: both are undone, so the
    // workbook is as Excel would have saved it.
    const saved = await JSZip.loadAsync(
      await restoreNames(
        new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
        (await readPackage(await JSZip.loadAsync(buffer))).names,
      ),
    );
    for (const f of saved.file(/^xl\/worksheets\/[^/]+\.xml$/)) {
      const xml = await f.async("string");
      saved.file(f.name, xml.replace(/ firstPageNumber="1" useFirstPageNumber="1"/g, ""));
    }
    const file = path.join(dir, "台账.xlsx");
    writeFileSync(file, await saved.generateAsync({ type: "nodebuffer" }));
    draft = reportText(
      draftReport(
        readFigures(
          edition,
          wb.worksheets.map((w) => readWorksheet(w)),
        ).figures,
        6,
      ),
    );
    const out = path.join(dir, "report.xlsx");
    expect((await runInProcess(reportCommand, [file, "--month", "2025-06", "--into", out])).code).toBe(0);
    toPdf(dir, [out]);
    pdf = path.join(dir, "report.pdf");
    const n = pageCount(pdf);
    const first = Array.from({ length: n }, (_, i) => i + 1).find((p) =>
      pdfText(pdf, p).includes("【政策目标】进展报告"),
    );
    pages = first === undefined ? [] : Array.from({ length: n - first + 1 }, (_, i) => first + i);
    rmSync(REPORT_PNGS, { recursive: true, force: true });
    mkdirSync(REPORT_PNGS, { recursive: true });
    if (first !== undefined)
      execFileSync("pdftoppm", [
        "-r",
        "60",
        "-png",
        "-f",
        String(first),
        "-l",
        String(n),
        pdf,
        path.join(REPORT_PNGS, "page"),
      ]);
  }, 300_000);

  it("prints as A4 portrait pages after the workbook's landscape ones, numbered on", () => {
    expect(pages.length).toBeGreaterThan(2);
    const first = pages[0] ?? 0;
    const last = pages[pages.length - 1] ?? 0;
    expect(pageSizes(pdf, first - 1, first - 1)).toEqual([[842, 595]]);
    expect(pageSizes(pdf, first, last)).toEqual(pages.map(() => [595, 842]));
    for (const p of pages) expect(pdfText(pdf, p)).toContain(`第 ${p} 页,共 ${last} 页`);
    expect(readdirSync(REPORT_PNGS).filter((f) => f.endsWith(".png"))).toHaveLength(pages.length);
  });

  it("prints every paragraph of the draft whole: each sentence in the PDF's text, no line drawn over another", () => {
    const printed = pages
      .map((p) => pdfText(pdf, p))
      .join("")
      .replace(/[\s\u3000]+/g, "");
    const lines = [draft!.title, draft!.subtitle, ...draft!.sections.flatMap((s) => [s.heading, ...s.paragraphs])];
    const sentences = lines.flatMap((line) =>
      line
        .split(/(?<=[。;])/)
        .map((x) => x.replace(/[\s\u3000]+/g, ""))
        .filter(Boolean),
    );
    // Overview, eight areas, the lists of 欠进度 and 未填报 targets, the changes since 5月.
    expect(sentences.length).toBeGreaterThan(100);
    for (const sentence of sentences) expect([sentence, printed.includes(sentence)]).toEqual([sentence, true]);
    // Text too tall for its row runs into the next row's: LibreOffice still draws it (and pdftotext still reads it),
    // so the check is that no two words' boxes overlap and none reaches down to the footer.
    for (const p of pages) {
      const ws = words(pdf, p);
      const footer = Math.max(...ws.filter((w) => w.text === "第").map((w) => w.y));
      const overlaps: string[] = [];
      ws.forEach((a, i) =>
        ws.slice(i + 1).forEach((b) => {
          const ox = Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
          const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
          if (ox > 1 && oy > 2) overlaps.push(`${a.text} | ${b.text}`);
        }),
      );
      expect([p, overlaps]).toEqual([p, []]);
      const body = ws.filter((w) => w.y < footer - 5);
      expect([p, body.filter((w) => w.y + w.h > footer).map((w) => w.text)]).toEqual([p, []]);
    }
  });
});
