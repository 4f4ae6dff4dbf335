/**
 * The tests that drive real engines (LibreOffice, Chromium) need them installed. Missing, they fail with the way
 * to install them — never a silent skip — unless the developer opts out with ZC_SKIP_REAL_ENGINES=1 (never in CI).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const HOW = "install them with `sudo bash scripts/install-system-deps.sh` (or set ZC_SKIP_REAL_ENGINES=1 to skip)";

function requireEngine(name: string, present: boolean): boolean {
  if (present) return true;
  if (process.env.ZC_SKIP_REAL_ENGINES === "1" && !process.env.CI) {
    console.warn(`${name} is missing: skipping its tests (ZC_SKIP_REAL_ENGINES=1).`);
    return false;
  }
  throw new Error(`${name} is needed by these tests: ${HOW}.`);
}

/** True when LibreOffice can run; throws with install advice when it cannot (unless opted out). */
export function requireLibreOffice(): boolean {
  return requireEngine("LibreOffice (soffice)", spawnSync("soffice", ["--version"]).status === 0);
}

/** True when Chromium exists at `path`; throws with install advice when it does not (unless opted out). */
export function requireChromium(path: string): boolean {
  return requireEngine(`Chromium (${path})`, existsSync(path));
}

/** True when LibreOffice and Debian's python3-uno can run (the UNO tests edit workbooks as a person does). */
export function requireLibreOfficeUno(): boolean {
  if (!requireLibreOffice()) return false;
  const uno = spawnSync("/usr/bin/python3", ["-c", "import uno"]).status === 0;
  return requireEngine("python3-uno (/usr/bin/python3 with import uno)", uno);
}
