import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");

/**
 * The development corpus (texts with answer keys) lives beside the repository: `../shared/corpus/` from the
 * repository root (a git worktree one level deeper finds it at `../../shared/corpus/`; ZC_CORPUS_DIR overrides).
 */
export function corpusDir(): string {
  const candidates = [
    process.env.ZC_CORPUS_DIR,
    path.join(root, "../shared/corpus"),
    path.join(root, "../../shared/corpus"),
  ].filter((d): d is string => d !== undefined && d !== "");
  const found = candidates.find((d) => existsSync(path.join(d, "texts")));
  if (found === undefined)
    throw new Error(`corpus not found (looked in ${candidates.join(", ")}); set ZC_CORPUS_DIR / 未找到语料目录`);
  return found;
}

export interface CorpusDocument {
  slug: string;
  text: string;
  key: unknown;
}

/** Every corpus text with its key, in file-name order (of `dir`: corpus-more has the same layout). */
export function corpusDocuments(dir = corpusDir()): CorpusDocument[] {
  return readdirSync(path.join(dir, "texts"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.txt$/, "");
      return {
        slug,
        text: readFileSync(path.join(dir, "texts", f), "utf8"),
        key: JSON.parse(readFileSync(path.join(dir, "keys", `${slug}.json`), "utf8")) as unknown,
      };
    });
}

/** The full 乐清 2025 text, the one complete document. */
export function yueqingText(): string {
  return readFileSync(path.join(root, "seeds/yueqing-2025-policy.txt"), "utf8");
}
