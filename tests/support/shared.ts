/**
 * The team's shared material (`../shared/` beside the repository: seeds, corpus, schemas). The schemas are read
 * from there, never copied into the project; CI lays the same folder beside its clone.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");

/** A folder of ../shared/, or an error saying where it was looked for. */
export function sharedPath(...parts: string[]): string {
  const dir = path.join(SHARED_DIR, ...parts);
  if (!existsSync(dir))
    throw new Error(`shared material missing: ${dir} (the repository expects ../shared/ beside it)`);
  return dir;
}
