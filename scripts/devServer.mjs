// What `npm start` and `npm run stop` share: the dev server's port and the record of the running `npm start`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "package.json"));
// office-addin-cli is the helper library under the office-addin-* scripts; its parseNumber reads npm config values.
const { parseNumber } = require("office-addin-cli");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

export const port =
  parseNumber(
    process.env.npm_package_config_dev_server_port ?? pkg.config?.dev_server_port,
    "package.json config.dev_server_port must be a number / 端口必须是数字",
  ) ?? 3000;

/** Where `npm start` records itself (ZC_DEV_STATE overrides it, for tests). */
export const stateFile =
  process.env.ZC_DEV_STATE ?? path.join(root, "node_modules", ".cache", "zhengce-mubiao", `dev-server-${port}.json`);

export function recordStart(state) {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ ...state, port, startedAt: new Date().toISOString() }));
}

export function readStart() {
  if (!existsSync(stateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(stateFile, "utf8"));
  } catch {
    return undefined;
  }
}

export function forgetStart() {
  rmSync(stateFile, { force: true });
}
