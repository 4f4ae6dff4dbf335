/**
 * The Node versions package.json promises are the ones every locked dependency accepts, so `npm ci` never warns
 * EBADENGINE on a Node the project says it supports (webpack-cli 7 once needed Node 22.15 under `"node": ">=20"`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

// semver is npm's own range logic (hoisted from the toolchain, untyped), so the check is the one npm applies.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

/** The lowest version of each alternative of the declared range: 20.19.0, 22.13.0, 24.0.0. */
const lowest = pkg.engines.node.split("||").map((part) => semver.minVersion(part.trim())?.version ?? "?");

describe("engines", () => {
  it("the lowest Node of every declared line is accepted by every locked package", () => {
    expect(lowest.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const version of lowest) {
      for (const [name, entry] of Object.entries(lock.packages)) {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (range && !semver.satisfies(version, range)) refused.push(`${version}: ${name} needs ${range}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("the Node running the tests is one the project declares", () => {
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
