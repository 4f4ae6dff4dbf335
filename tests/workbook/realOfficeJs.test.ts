/**
 * The pane's Excel code driven through Microsoft's own client library (@microsoft/office-js, excel-web-16.00.js):
 * `new Excel.RequestContext(url)` posts each `context.sync()` to `url/ProcessQuery`, and tests/workbook/support/
 * richApi.ts answers against the fake Excel. So the real proxies, their load/sync rules, their argument checks, the
 * large-write splitting and their JSON are what reach the workbook — and each request is measured as sent.
 *
 * Each scenario runs twice, through the real library and straight on the fake, and the two workbooks must be the
 * same (every cell, format, table, validation, chart, name). Requests: under 1 MB each (Excel on the web refuses 5 MB).
 */
import { defaultEditionId, getEdition } from "../../src/policy";
import { fromEditionFile } from "../../src/policy/editionFile";
import { ALL_SHEET_KEYS, SHEET_KEYS, type GenerateOptions, type GenerateSummary } from "../../src/excel";
import { capabilitiesFrom } from "../../src/excel/capabilities";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { syntheticEdition } from "../support/syntheticEdition";
import { correctedEdition } from "./support/editions";
import { FakeExcel } from "./support/fakeExcel";
import { loadOfficeJs, RichApiServer } from "./support/richApi";
import { contents, fillYear } from "./support/workbookContents";

const NOW = new Date("2025-07-01T02:00:00Z");
const MB = 1_000_000;
const yueqing = getEdition(defaultEditionId)!;

/** The pane's actions on a fake Excel: through the real office.js over HTTP, or on the fake's context directly. */
async function workbook(route: "office.js" | "direct", options: { excelApi?: string } = {}) {
  const excel = new FakeExcel(options);
  const capabilities = () => capabilitiesFrom(excel.isSetSupported);
  if (route === "direct") {
    return { excel, actions: createExcelActions({ run: (batch) => batch(excel.context), capabilities }), close: noop };
  }
  const server = new RichApiServer(excel);
  const url = await server.start();
  const officeJs = loadOfficeJs();
  const actions = createExcelActions({ run: (batch) => batch(new officeJs.RequestContext(url)), capabilities });
  return { excel, actions, server, close: () => server.close() };
}
const noop = () => Promise.resolve();

/** The same steps through both routes: the workbooks compared after each step, the real requests returned. */
async function both(
  steps: (run: (options: GenerateOptions) => Promise<GenerateSummary>, excel: FakeExcel) => Promise<void>,
) {
  const real = await workbook("office.js");
  const direct = await workbook("direct");
  try {
    await steps(async (options) => {
      const viaOffice = await real.actions.generate({ now: NOW, ...options });
      const straight = await direct.actions.generate({ now: NOW, ...options });
      expect(contents(real.excel)).toEqual(contents(direct.excel));
      // The same work, counted the same: the writer's summary does not depend on the route.
      expect(viaOffice.cellsWritten).toBe(straight.cellsWritten);
      expect(viaOffice.writeRequests).toEqual(straight.writeRequests);
      return viaOffice;
    }, real.excel);
    return real.server?.requests ?? [];
  } finally {
    await real.close();
  }
}

describe("the pane's Excel code through Microsoft's office.js (RichApi over HTTP)", () => {
  it("generates all ten sheets: the same workbook as on the fake, in requests under 1 MB", async () => {
    const requests = await both(async (run) => {
      await run({ edition: yueqing, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
    });
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const r of requests) expect(r.bytes).toBeLessThan(MB);
    // Reads first (sheet names, names, tables), then the writes.
    expect(requests[0]?.body.Actions.some((a) => a.ActionType === 2)).toBe(true);
  }, 120_000);

  it("refreshes with nothing to change: reads only, no cell written", async () => {
    let writes = -1;
    const requests = await both(async (run, excel) => {
      await run({ edition: yueqing, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
      const before = excel.cellsWritten;
      const summary = await run({ edition: yueqing, sheets: ALL_SHEET_KEYS });
      writes = excel.cellsWritten - before;
      expect(summary.writeRequests).toEqual([]);
    });
    expect(writes).toBe(0);
    for (const r of requests) expect(r.bytes).toBeLessThan(MB);
  }, 120_000);

  it("scenario 14 over a filled year: one figure corrected, one target added — the same cells as on the fake", async () => {
    const real = await workbook("office.js");
    const direct = await workbook("direct");
    try {
      for (const w of [real, direct]) {
        await w.actions.generate({ edition: yueqing, now: NOW, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
        fillYear(w.excel, yueqing);
      }
      const sent = real.server?.requests.length ?? 0;
      const viaOffice = await real.actions.generate({
        edition: correctedEdition(yueqing),
        now: NOW,
        sheets: ALL_SHEET_KEYS,
      });
      const straight = await direct.actions.generate({
        edition: correctedEdition(yueqing),
        now: NOW,
        sheets: ALL_SHEET_KEYS,
      });
      expect(contents(real.excel)).toEqual(contents(direct.excel));
      expect(viaOffice.cellsWritten).toBe(straight.cellsWritten);
      expect(viaOffice.preview.rowsAppended.map((r) => r.rowKey)).toContain("art01-new-rd-centers");
      const refresh = real.server?.requests.slice(sent) ?? [];
      expect(refresh).toHaveLength(viaOffice.syncs);
      for (const r of refresh) expect(r.bytes).toBeLessThan(MB);
    } finally {
      await real.close();
    }
  }, 180_000);

  it("the 2,000-target edition: the same workbook, every request under 1 MB", async () => {
    const large = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5 }));
    const requests = await both(async (run) => {
      await run({ edition: large, reportDate: "2025-06-30", sheets: ALL_SHEET_KEYS });
    });
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) expect(r.bytes).toBeLessThan(MB);
  }, 300_000);

  it("an Excel at ExcelApi 1.7: what it lacks is left out the same way, and the real library sends nothing above it", async () => {
    const real = await workbook("office.js", { excelApi: "1.7" });
    const direct = await workbook("direct", { excelApi: "1.7" });
    try {
      const options = { edition: yueqing, now: NOW, reportDate: "2025-06-30", sheets: SHEET_KEYS };
      const viaOffice = await real.actions.generate(options);
      await direct.actions.generate(options);
      expect(contents(real.excel)).toEqual(contents(direct.excel));
      expect(viaOffice.skippedFeatures.map((s) => s.feature)).toContain("dataValidation");
      const names = (real.server?.requests ?? []).flatMap((r) => [
        ...r.body.Actions.map((a) => a.Name),
        ...Object.values(r.body.ObjectPaths).map((p) => p.Name),
      ]);
      for (const above of ["DataValidation", "PageLayout", "CopyFrom", "HorizontalPageBreaks"])
        expect([above, names.includes(above)]).toEqual([above, false]);
    } finally {
      await real.close();
    }
  }, 120_000);

  it("a property read before it is loaded fails in the real library as in Excel (PropertyNotLoaded)", async () => {
    const real = await workbook("office.js");
    try {
      const officeJs = loadOfficeJs();
      const context = new officeJs.RequestContext(real.server?.url ?? "");
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available|PropertyNotLoaded/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual([]);
    } finally {
      await real.close();
    }
  });
});
