/**
 * Runs LibreOffice headless with a profile of its own (other engineers' and CI's soffice runs must not share one)
 * that recalculates every formula on load — the default keeps the file's cached values.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

function profile(dir: string): string {
  const user = path.join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${path.join(dir, "profile")}`;
}

/** Converts `input` with soffice (`to` is e.g. "pdf" or "xlsx:Calc MS Excel 2007 XML"); returns the output path. */
export function sofficeConvert(dir: string, input: string, to: string, outDir: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile(dir)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  const ext = to.split(":")[0] ?? to;
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${ext}`);
  // A CSV export writes one file per sheet (name-Sheet.csv), not `out`.
  if (ext !== "csv" && !existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** CSV export of every sheet (one file each, `name-Sheet.csv`): raw values, UTF-8, formulas' results. */
export const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A CSV field as a value: numbers become numbers, everything else stays text. */
export function csvValue(field: string | undefined): string | number {
  if (field === undefined) return "";
  // Percent-formatted cells export as "57.55%" even unformatted.
  const percent = /^(-?\d+(\.\d+)?(E[-+]?\d+)?)%$/i.exec(field);
  if (percent) return Number(percent[1]) / 100;
  return /^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(field) ? Number(field) : field;
}

/** Every sheet of `input` as LibreOffice recalculates it: sheet name → rows of CSV fields. */
export function sofficeCsv(dir: string, input: string, outDir: string): Map<string, string[][]> {
  mkdirSync(outDir, { recursive: true });
  sofficeConvert(dir, input, CSV_FILTER, outDir);
  const stem = path.basename(input, path.extname(input));
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(outDir)) {
    if (!f.startsWith(`${stem}-`) || !f.endsWith(".csv")) continue;
    sheets.set(f.slice(stem.length + 1, -4), parseCsv(readFileSync(path.join(outDir, f), "utf8")));
  }
  return sheets;
}
