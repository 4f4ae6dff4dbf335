/**
 * Runs LibreOffice headless with a profile of its own (other engineers' and CI's soffice runs must not share one)
 * that recalculates every formula on load — the default keeps the file's cached values.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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
