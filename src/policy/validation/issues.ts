/** One finding of the validation: where (a path into the file, as `targets[12].value`) and what, in Chinese. */
export interface Issue {
  /** `targets[12].value`, `edition.totalBudgetQuote`, or "" for the file as a whole. */
  readonly path: string;
  /** Chinese, for the user: 应为数字, 不是原文中的一段 … */
  readonly message: string;
}

/** The issue as one line: `targets[12].value 应为数字`. */
export function formatIssue(issue: Issue): string {
  return issue.path === "" ? issue.message : `${issue.path} ${issue.message}`;
}

/** `/targets/12/value` (JSON Pointer, as ajv reports it) → `targets[12].value`. */
export function pointerToPath(pointer: string): string {
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(part) ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out;
}
