// The CLI as a user waits for it: whole processes, the compiled CLI (bin/zcmb.cjs, what `npx zcmb` runs) against
// `node` running ExcelJS for the least the same job needs, each timed from spawn to exit (median of 3):
// `--help`; `template --out` of all ten sheets (baseline: ExcelJS writing the same cells unstyled); `template
// --update` of the year filled, scenario 14 (baseline: ExcelJS loading and re-saving the same file). `npx` adds
// npm's own start-up on top, printed apart.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getEdition } from "../src/policy";
import type { EditionData, Target } from "../src/policy/types";
import { serializeEditionFile, toEditionFile } from "../src/policy/editionFile";
import { planWorkbook } from "../src/sheets";
import { excelValue } from "./exceljsBaseline";
import { correctedEdition } from "../tests/workbook/support/editions";
import { filledYear } from "./monthlyFile";

const root = path.join(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../scripts/buildCli.cjs") as { buildCli(): string };
const NOW = new Date("2025-07-01T02:00:00Z");

function wall(args: readonly string[], command = process.execPath): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { cwd: root, encoding: "utf8" });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

/** Scenario 14 as an edition file the CLI accepts: each changed figure quoted from the edition's text. */
function quotedCorrection(data: EditionData): EditionData {
  const edition = correctedEdition(data);
  const old = data.targets.find((t) => t.id === "art01-hitech-firms") as Target;
  const quote = old.quote.replace(String(old.value), "80");
  const added = "新增省级企业研发中心12家以上";
  return {
    ...edition,
    ...(data.text !== undefined ? { text: `${data.text.replace(old.quote, quote)}\n${added}。` } : {}),
    targets: edition.targets.map((t) =>
      t.id === old.id ? { ...t, quote } : t.id === "art01-new-rd-centers" ? { ...t, quote: added } : t,
    ),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<void> {
  build.buildCli();
  const dir = mkdtempSync(path.join(tmpdir(), "zcmb-bench-"));
  try {
    const bin = path.join(root, "bin", "zcmb.cjs");
    const node = wall(["-e", ""]);
    const help = wall([bin, "--help"]);
    const npx = wall(["zcmb", "--help"], "npx");
    const version = wall([bin, "--version"]);
    const over = Math.round(help - node);
    console.log(
      `CLI --help: ${s(help)}, --version: ${s(version)}; node starting alone: ${s(node)} (--help ` +
        `${over >= 0 ? "+" : ""}${over} ms); through npx, npm's own start-up included: ${s(npx)}`,
    );

    const data = getEdition("yueqing-2025");
    if (!data) throw new Error("no bundled edition yueqing-2025");
    // template --out: the CLI writes the workbook; the baseline writes the same cells with ExcelJS, no styles.
    const plan = planWorkbook(data, { sheetNames: [], definedNames: [] }, { now: NOW });
    const cellsFile = path.join(dir, "cells.json");
    writeFileSync(
      cellsFile,
      JSON.stringify(
        plan.spec.sheets.map((sheet) => ({
          name: sheet.name,
          cells: sheet.cells.map((row) => row.map((cell) => (cell ? excelValue(cell) : null))),
        })),
      ),
    );
    const writeCells = `const E=require("exceljs");const wb=new E.Workbook();for(const s of require(${JSON.stringify(cellsFile)})){const ws=wb.addWorksheet(s.name);s.cells.forEach((r,i)=>(r||[]).forEach((v,j)=>{if(v!==null)ws.getCell(i+1,j+1).value=v;}));}wb.xlsx.writeFile(${JSON.stringify(path.join(dir, "plain.xlsx"))});`;
    const out = path.join(dir, "new.xlsx");
    const cliOut = wall([bin, "template", "--out", out, "--force"]);
    const plainOut = wall(["-e", writeCells]);
    console.log(
      `CLI template --out (10 sheets): ${s(cliOut)}, ${(cliOut / plainOut).toFixed(2)}× node running ExcelJS ` +
        `writing the same cells unstyled (${s(plainOut)})`,
    );

    // template --update of the filled year with scenario 14's edition; the file is restored before each run.
    const { file } = await filledYear(data);
    const filled = path.join(dir, "filled.xlsx");
    const editionFile = path.join(dir, "edition.json");
    writeFileSync(editionFile, serializeEditionFile(toEditionFile(quotedCorrection(data))));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      writeFileSync(filled, file);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [bin, "template", "--update", filled, "--edition", editionFile], {
        cwd: root,
        encoding: "utf8",
      });
      times.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`template --update failed: ${r.stderr}`);
    }
    const cliUpdate = times.sort((a, b) => a - b)[1] ?? 0;
    writeFileSync(filled, file);
    const resave = `const E=require("exceljs");const wb=new E.Workbook();wb.xlsx.readFile(${JSON.stringify(filled)}).then(()=>wb.xlsx.writeFile(${JSON.stringify(path.join(dir, "resaved.xlsx"))}));`;
    const plainUpdate = wall(["-e", resave]);
    console.log(
      `CLI template --update, year filled, scenario 14: ${s(cliUpdate)}, ${(cliUpdate / plainUpdate).toFixed(2)}× ` +
        `node running ExcelJS loading and re-saving the file (${s(plainUpdate)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
