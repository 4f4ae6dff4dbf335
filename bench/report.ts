// The 进展情况 report: time to draft it (pure drafter: findings and text) and to build its .docx, over a full
// synthetic year, each against a baseline measured in the same run: the engine's twelve monthly statuses of
// every target (what 月度状态 computes, the least a report must do), and zipping the report's text as one XML part
// (the least any .docx must do). Then the 进展报告 sheet on the fake Excel (syncs, payload) and the pane's lazily
// loaded docx chunk.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import JSZip from "jszip";
import { monthlyStatus } from "../src/engine";
import { getEdition } from "../src/policy";
import { draftReport, reportText } from "../src/report";
import { writeReportSheet } from "../src/excel/report";
import { reportDocx } from "../src/docx/write";
import { reportSheetLayout } from "../src/sheets/report";
import { ensureBuilt } from "../tests/support/ensureBuilt";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";
import { syntheticYear } from "../tests/report/syntheticYear";
import { medianMs, medianMsAsync } from "./measure";

const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const data = getEdition("yueqing-2025");
  if (!data) throw new Error("no bundled edition yueqing-2025");
  const figures = syntheticYear(data);

  for (const month of [6, 12]) {
    const judge = medianMs(51, () =>
      data.targets.map((t) => {
        const f = figures.targets.get(t.id);
        const months = (f?.months ?? []).map((v) => (typeof v === "number" ? v : null));
        return monthlyStatus(t, months, data.document.year, typeof f?.previous === "number" ? f.previous : null);
      }),
    );
    const draft = medianMs(51, () => draftReport(figures, month));
    const text = medianMs(51, () => reportText(draftReport(figures, month)));
    console.log(
      `draft ${String(month).padStart(2)}月 (${data.targets.length} targets): findings ${ms(draft)}, with text ${ms(text)}` +
        `  (${(text / judge).toFixed(1)}× of the engine's 12 monthly statuses of every target: ${ms(judge)})`,
    );
  }

  const text = reportText(draftReport(figures, 6));
  const words = [text.title, ...text.sections.flatMap((s) => [s.heading, ...s.paragraphs])]
    .concat(text.figures.map((f) => `${f.label} ${f.value} ${f.source}`))
    .join("\n");
  const zipOnly = await medianMsAsync(15, async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", `<w:document><w:t>${words}</w:t></w:document>`);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  });
  const docx = await medianMsAsync(15, () => reportDocx(text));
  const bytes = await reportDocx(text);
  console.log(
    `.docx build (6月, ${text.figures.length} appendix rows): ${ms(docx)}, ${kb(bytes.length)}` +
      `  (${(docx / zipOnly).toFixed(1)}× of zipping the same text as one part: ${ms(zipOnly)})`,
  );
  const layoutMs = medianMs(51, () => reportSheetLayout(text));
  console.log(`进展报告 sheet layout: ${ms(layoutMs)}  (${(layoutMs / docx).toFixed(2)}× of the .docx build)`);

  const excel = new FakeExcel();
  const layout = reportSheetLayout(text);
  await writeReportSheet(excel.context, layout);
  const first = { syncs: excel.syncs, bytes: excel.payloadBytes };
  await writeReportSheet(excel.context, layout);
  console.log(
    `进展报告 sheet via Office.js: ${layout.cells.length} rows; first write ${first.syncs} syncs, ${kb(first.bytes)}; ` +
      `replace ${excel.syncs - first.syncs} syncs, ${kb(excel.payloadBytes - first.bytes)}`,
  );

  // The pane: the docx library is a chunk of its own, loaded on the first download, not with the pane.
  const dist = ensureBuilt();
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((m) => m[1] ?? "")
    .filter((src) => src !== "" && !/^https?:/i.test(src))
    .reduce((s, src) => s + gzipSync(readFileSync(path.join(dist, src)), { level: 9 }).length, 0);
  const lazy = readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .filter((f) => f === "report-docx.js" || readFileSync(path.join(dist, f), "utf8").includes("w:document"))
    .filter((f) => !html.includes(f));
  const lazyBytes = lazy.reduce((s, f) => s + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  console.log(
    `docx in the pane: ${lazy.join(" + ")} = ${kb(lazyBytes)} gzip, loaded on the first download` +
      `  (${(lazyBytes / initial).toFixed(2)}× of the pane's initial JS, ${kb(initial)} gzip, which it stays out of)`,
  );
}
