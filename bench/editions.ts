// Editions as data: the time to validate (schema + checks, every quote against the carried text) and index an
// edition file, for generated editions of 112 and of 2,000 targets and for the bundled 乐清 2025 edition, each
// against JSON.parse of the same characters in the same run — the cost no loader can avoid. Also the size of
// each edition as a file and as the workbook's Custom XML part (capped at 4 MB).
import { indexEdition } from "../src/engine";
import { defaultEditionId, editions } from "../src/policy";
import { fromEditionFile, serializeEditionFile, toEditionFile, type EditionFile } from "../src/policy/editionFile";
import { parseEdition } from "../src/policy/validation";
import type { EditionData } from "../src/policy/types";
import { ALL_SHEET_KEYS, generateWorkbook } from "../src/excel";
import { editionPartXml, MAX_EDITION_PART_BYTES, utf8Bytes } from "../src/policy/editionPart";
import { syntheticEdition } from "../tests/support/syntheticEdition";
import { FakeExcel } from "../tests/workbook/support/fakeExcel";
import { measure } from "./measure";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (perSecond: number) => `${(1000 / perSecond).toFixed(1)} ms`;

function bench(label: string, file: EditionFile, calls: number): void {
  const source = serializeEditionFile(file);
  const check = parseEdition(source);
  if (check.edition === undefined) throw new Error(`${label}: the generated edition does not validate`);
  const parsed = measure(`${label}: JSON.parse`, calls, () => (JSON.parse(source) as EditionFile).targets.length);
  const loaded = measure(`${label}: validate + index`, calls, () => {
    const { edition } = parseEdition(source);
    return edition ? indexEdition(edition).targetsOfArea(1).length : 0;
  });
  const part = utf8Bytes(editionPartXml(check.edition));
  console.log(
    `${label} (${file.targets.length} targets, ${file.areas.length} areas, ${file.articles.length} articles, ` +
      `${file.text === undefined ? "no text: quotes not checked" : "quotes checked against its text"}): ` +
      `validate + index ${ms(loaded.perSecond)} (${(parsed.perSecond / loaded.perSecond).toFixed(1)}× the time of JSON.parse, ` +
      `${ms(parsed.perSecond)}); file ${kb(utf8Bytes(source))}, workbook part ${kb(part)} ` +
      `(${((part / MAX_EDITION_PART_BYTES) * 100).toFixed(0)}% of the 4 MB cap)`,
  );
}

/**
 * The Office.js writer's write requests when it builds the workbook of `data` (fake Excel: the JSON it records), and
 * the one request it sent before it split large writes.
 */
async function requests(data: EditionData): Promise<{ sizes: number[]; single: number }> {
  const write = async (batchBytes?: number) => {
    const excel = new FakeExcel();
    const summary = await generateWorkbook(excel.context, {
      edition: data,
      reportDate: `${data.document.year}-06-30`,
      sheets: ALL_SHEET_KEYS,
      ...(batchBytes !== undefined ? { batchBytes } : {}),
    });
    return excel.syncBytes.slice(summary.syncs - summary.writeRequests.length);
  };
  return { sizes: await write(), single: Math.max(...(await write(Infinity))) };
}

export async function run(): Promise<void> {
  bench("generated", syntheticEdition({ areas: 8, targets: 112 }), 40);
  bench("generated", syntheticEdition({ areas: 12, targets: 2000, articlesPerArea: 5 }), 8);
  const bundled = editions[defaultEditionId].data;
  bench(`bundled ${bundled.document.id}`, toEditionFile(bundled), 40);

  // How the pane's write of a new workbook (every sheet, as the pane writes it) grows with the edition: requests under 1 MB each,
  // as many as the size needs (Excel on the web refuses 5 MB).
  const base = await requests(bundled);
  for (const targets of [400, 2000]) {
    const data = fromEditionFile(syntheticEdition({ areas: 12, targets, articlesPerArea: 5 }));
    const { sizes, single } = await requests(data);
    console.log(
      `Office.js writer, new workbook of ${targets} targets: ${sizes.length} write request(s), largest ${kb(Math.max(...sizes))} ` +
        `(the ${bundled.targets.length}-target edition: ${base.sizes.length}, ${kb(Math.max(...base.sizes))}); ` +
        `as one request (before): ${kb(single)}, ${(single / Math.max(...base.sizes)).toFixed(1)}× the ${bundled.targets.length}-target edition's; goal 1 MB, Excel on the web's limit 5 MB`,
    );
  }
}
