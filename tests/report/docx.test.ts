/**
 * The drafted report as .docx: its structure (A4 portrait, every paragraph of the text in order, the figures
 * table last), and rendered by LibreOffice to PDF and PNG in artifacts/report/ for a person to read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { getEdition } from "../../src/policy";
import { draftReport, reportText } from "../../src/report";
import { reportDocx } from "../../src/docx/write";
import { requireLibreOffice } from "../support/realEngines";
import { sofficeConvert } from "../support/soffice";
import { syntheticYear } from "./syntheticYear";

const data = getEdition("yueqing-2025")!;
const ARTIFACTS = path.join(__dirname, "..", "..", "artifacts", "report");

/** The text of each w:p of a WordprocessingML part, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? "")
      .join("")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"'),
  );
}

describe("report .docx", () => {
  const text = reportText(draftReport(syntheticYear(data), 6));
  let xml = "";
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await reportDocx(text);
    const zip = await JSZip.loadAsync(bytes);
    xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  });

  it("is A4 portrait", () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toMatch(/w:orient="landscape"/);
  });

  it("holds the text's title, headings and paragraphs in order, then the table of figures used", () => {
    const expected = [
      text.title,
      text.subtitle,
      ...text.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
      "附表:本报告所用数据",
    ];
    const got = paragraphs(xml);
    expect(got.slice(0, expected.length)).toEqual(expected);
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]));
    expect(rows[0]).toEqual(["项目", "数值", "来源"]);
    expect(rows.slice(1)).toEqual(text.figures.map((f) => [f.label, f.value, f.source]));
  });

  (requireLibreOffice() ? it : it.skip)(
    "renders with LibreOffice to A4 portrait PDF pages (PNG in artifacts/report/)",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "zc-report-"));
      try {
        mkdirSync(ARTIFACTS, { recursive: true });
        // Only this test's files: the reports drafted from recalculated workbooks sit in folders beside them.
        for (const f of readdirSync(ARTIFACTS, { withFileTypes: true }))
          if (f.isFile()) rmSync(path.join(ARTIFACTS, f.name), { force: true });
        const docx = path.join(ARTIFACTS, "进展报告-2025-06.docx");
        writeFileSync(docx, bytes);
        const pdf = sofficeConvert(dir, docx, "pdf", ARTIFACTS);
        const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
        expect(pages).toBeGreaterThan(2);
        for (const m of info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
          expect(Math.abs(Number(m[1]) - 595.28)).toBeLessThan(1); // A4 portrait: 210 × 297 mm
          expect(Math.abs(Number(m[2]) - 841.89)).toBeLessThan(1);
        }
        // The Chinese text is there as text (a CJK font was found), not boxes.
        const words = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
        expect(words).toContain("截至2025年6月底");
        expect(words).toContain("附表:本报告所用数据");
        execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(ARTIFACTS, "page")], { timeout: 120_000 });
        expect(readdirSync(ARTIFACTS).filter((f) => f.endsWith(".png"))).toHaveLength(pages);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
