// The Office.js writer's requests as Microsoft's office.js sends them (excel-web-16.00.js posting each sync to a
// local RichApi server that executes it against the fake Excel: tests/workbook/support/richApi.ts), next to the
// fake Excel's own count of the same requests, per scenario: all ten sheets of 乐清, the refresh with nothing to
// change, scenario 14 over a filled year, and the 2,000-target edition. Goal: every real request under 1 MB (Excel
// on the web refuses 5 MB).
import { defaultEditionId, getEdition, type EditionData } from "../src/policy";
import { fromEditionFile } from "../src/policy/editionFile";
import { ALL_SHEET_KEYS, type GenerateOptions } from "../src/excel";
import { capabilitiesFrom } from "../src/excel/capabilities";
import { createExcelActions } from "../src/taskpane/excel/actions";
import { syntheticEdition } from "../tests/support/syntheticEdition";
import { correctedEdition } from "../tests/workbook/support/editions";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";
import { loadOfficeJs, RichApiServer } from "../tests/workbook/support/richApi";
import { fillYear } from "../tests/workbook/support/workbookContents";

const NOW = new Date("2025-07-01T02:00:00Z");
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;

/** One workbook driven both ways at once: through office.js (measured on the wire) and on the fake directly. */
async function pair() {
  const real = new FakeExcel();
  const direct = new FakeExcel();
  const server = new RichApiServer(real);
  const url = await server.start();
  const officeJs = loadOfficeJs();
  const viaOffice = createExcelActions({
    run: (batch) => batch(new officeJs.RequestContext(url)),
    capabilities: () => capabilitiesFrom(real.isSetSupported),
  });
  const straight = createExcelActions({
    run: (batch) => batch(direct.context),
    capabilities: () => capabilitiesFrom(direct.isSetSupported),
  });
  /** Runs one generate both ways; returns the real and the fake's request sizes of that step. */
  const step = async (options: GenerateOptions) => {
    const realFrom = server.requests.length;
    const fakeFrom = direct.syncBytes.length;
    await viaOffice.generate({ now: NOW, ...options });
    await straight.generate({ now: NOW, ...options });
    return { real: server.bytes.slice(realFrom), fake: direct.syncBytes.slice(fakeFrom) };
  };
  return { real, direct, step, close: () => server.close() };
}

function line(label: string, sizes: { real: number[]; fake: number[] }): void {
  const largest = Math.max(0, ...sizes.real);
  console.log(
    `${label}: ${sizes.real.length} request(s), real ${sizes.real.map(kib).join(" + ")} | fake's count ` +
      `${sizes.fake.map(kib).join(" + ")} | largest real ${((largest / 1e6) * 100).toFixed(0)}% of 1 MB, ` +
      `real/fake ${(
        sizes.real.reduce((a, b) => a + b, 0) /
        Math.max(
          1,
          sizes.fake.reduce((a, b) => a + b, 0),
        )
      ).toFixed(2)}×`,
  );
}

async function scenarios(label: string, edition: EditionData): Promise<void> {
  const w = await pair();
  try {
    const all = { edition, sheets: ALL_SHEET_KEYS };
    line(`${label}, all ten sheets`, await w.step({ ...all, reportDate: `${edition.document.year}-06-30` }));
    line(`${label}, refresh with nothing to change`, await w.step(all));
    fillYear(w.real, edition);
    fillYear(w.direct, edition);
    line(`${label}, scenario 14 over a filled year`, await w.step({ ...all, edition: correctedEdition(edition) }));
  } finally {
    await w.close();
  }
}

export async function run(): Promise<void> {
  const yueqing = getEdition(defaultEditionId)!;
  await scenarios(`乐清 (${yueqing.targets.length} targets)`, yueqing);
  const large = fromEditionFile(syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5 }));
  const w = await pair();
  try {
    line(
      `generated, ${large.targets.length} targets, all ten sheets`,
      await w.step({ edition: large, sheets: ALL_SHEET_KEYS, reportDate: "2025-06-30" }),
    );
  } finally {
    await w.close();
  }
}
