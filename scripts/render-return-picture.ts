// Renders the README's picture of a unit's return sheet: 市科技局's return for 2025-07 from the 乐清 seed, made by
// the product's own return builder and writer (as `returns make` makes it) from a workbook holding an illustrative
// first half-year — so the 已报 column, the live statuses and the yellow 绩效运行监控 rows (behind 序时进度) show —
// printed to PDF by LibreOffice headless (zh-CN profile, 微软雅黑 mapped by scripts/fontconfig as the README's print
// step does) and rasterised by pdftoppm.
//
//   npx tsx scripts/render-return-picture.ts [--out docs/images/return-sheet.png] [--pdf FILE.pdf]
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getEdition } from "../src/policy";
import { returnsForMonth, type CellValue } from "../src/returns";
import { returnWorkbook } from "../src/sheets/returnSheet";
import { writeReturnFile } from "../src/xlsx/returnFile";

const root = path.join(__dirname, "..");
const UNIT = "市科技局";
const MONTH = { year: 2025, month: 7 };

/** 1–6月 cumulative figures as the bureau's workbook might hold them in July (cell scale: 2.9% is 0.029). */
const FIRST_HALF: Record<string, CellValue[]> = {
  "area1-rd-intensity": [null, null, null, null, null, 0.029],
  "art01-hitech-firms": [5, 12, 20, 28, 35, 40],
  "art02-tech-projects": [0, 1, 2, 3, 5, 7],
  "art02-keystone-projects": [0, 0, 0, 1, 1, 1],
  "art02-enterprise-led-share": [null, null, 0.82, null, null, 0.85],
  "art07-tech-vice-presidents": [3, 6, 10, 14, 18, 22],
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** A LibreOffice profile with the zh-CN locale, and a HOME whose fontconfig maps 微软雅黑 (the README's step). */
function printEnvironment(dir: string): { profile: string; env: NodeJS.ProcessEnv } {
  const user = path.join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  const prop = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="${name}" oor:op="fuse"><value>zh-CN</value></prop></item>`;
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">` +
      `${prop("UILocale")}${prop("DefaultLocale")}${prop("DefaultLocale_CJK")}</oor:items>\n`,
  );
  const home = path.join(dir, "home");
  const conf = path.join(home, ".config", "fontconfig", "conf.d");
  mkdirSync(conf, { recursive: true });
  copyFileSync(
    path.join(root, "scripts/fontconfig/50-zh-cn-office-fonts.conf"),
    path.join(conf, "50-zh-cn-office-fonts.conf"),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, ".config") };
  delete env.FONTCONFIG_FILE;
  delete env.FONTCONFIG_PATH;
  return { profile: `file://${path.join(dir, "profile")}`, env };
}

async function main(): Promise<void> {
  const out = path.resolve(option("--out") ?? path.join(root, "docs/images/return-sheet.png"));
  const keepPdf = option("--pdf");
  const edition = getEdition("yueqing-2025");
  if (!edition) throw new Error("the 乐清 2025 edition is missing");
  const months = new Map(Object.entries(FIRST_HALF));
  const made = returnsForMonth(edition, { months, texts: new Map() }, MONTH).returns.find((r) => r.unit === UNIT);
  if (!made) throw new Error(`${UNIT} leads no target`);
  const bytes = await writeReturnFile(
    returnWorkbook(made, { deadline: "8月5日", sendTo: "市财政局绩效科" }),
    new Date("2025-08-01T01:00:00Z"),
  );

  const dir = mkdtempSync(path.join(tmpdir(), "zc-return-picture-"));
  try {
    const xlsx = path.join(dir, made.fileName);
    writeFileSync(xlsx, bytes);
    const { profile, env } = printEnvironment(dir);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, xlsx],
      { stdio: "pipe", timeout: 180_000, env },
    );
    const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
    const prefix = path.join(dir, "page");
    execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, prefix], {
      timeout: 120_000,
    });
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(`${prefix}.png`, out);
    if (keepPdf) renameSync(pdf, path.resolve(keepPdf));
    console.log(`${path.relative(process.cwd(), out) || out}: ${made.fileName}, page 1`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`生成填报表图片失败 / rendering the return picture failed: ${String(error)}`);
  process.exit(1);
});
