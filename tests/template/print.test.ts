/**
 * What a person sees when printing the CLI's workbook, checked on the PDF LibreOffice makes of it — configured as a
 * Chinese office's LibreOffice is (zh-CN locale): one sans-serif font family (pdffonts), page footers numbered
 * 1…N of N for the whole workbook, and 汇总's two charts with their legends and caption on one page. The pages are left as
 * PNGs in artifacts/print/ for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getEdition } from "../../src/policy";
import { writeTemplate } from "../../src/template/xlsx";
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

function toPdf(dir: string, inputs: readonly string[]): void {
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${chineseProfile(dir)}`, "--headless", "--norestore", "--convert-to", "pdf"].concat(
      "--outdir",
      dir,
      ...inputs,
    ),
    { stdio: "pipe", timeout: 180_000, env: { ...process.env, LANG: "zh_CN.UTF-8", LC_ALL: "zh_CN.UTF-8" } },
  );
}

const pdfText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });

const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);

/** Font names pdffonts lists, without the subset prefix (ABCDEF+). */
function fontsOf(pdf: string): string[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2);
  return [...new Set(lines.map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, "") ?? "").filter(Boolean))];
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

  it("sets every character in one sans-serif family: no serif fallback beside it", () => {
    const fonts = fontsOf(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /serif/i.test(f) && !/sans/i.test(f))).toEqual([]);
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
});
