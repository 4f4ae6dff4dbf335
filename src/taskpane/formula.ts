/**
 * Builds the text of a ZC formula the way Smart View's function builder does: the function, the chosen target's
 * id filled in, and each remaining argument as the user typed it — a blank required argument stays as a blank
 * slot (`=ZC.COMPLETION("art01-hitech-firms", )`) for the user to fill in the cell; blank optional arguments at
 * the end are left out.
 */

export const NAMESPACE = "ZC";

export interface FormulaArg {
  /** What the user typed; "" when left blank. */
  readonly text: string;
  readonly optional: boolean;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?$/;
/** A1, $B$2, C3:D9, Sheet1!A1, '预算 执行'!B2:B9, 目标任务!F5, whole columns or rows (A:A, 3:3). */
const REFERENCE =
  /^(('[^']+'|[^\s!'"(),]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$/;

/** A string literal in Excel syntax: "…" with inner quotes doubled. */
export function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * One argument as Excel syntax: numbers, references, TRUE/FALSE and already-quoted text stay as typed; `=expr`
 * is taken as an expression; anything else is text and gets quoted (so 2025-06-30 is a date string, not 1989).
 */
export function argumentText(raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  if (text.startsWith("=")) return text.slice(1).trim();
  if (/^".*"$/s.test(text)) return text;
  if (NUMBER.test(text) || REFERENCE.test(text) || /^(true|false)$/i.test(text)) return text;
  return quote(text);
}

export function buildFormula(functionName: string, targetId: string, rest: readonly FormulaArg[]): string {
  const args = [quote(targetId), ...rest.map((arg) => argumentText(arg.text))];
  // Drop blank optional arguments from the end; keep blank required ones as empty slots.
  let end = args.length;
  while (end > 1) {
    const arg = rest[end - 2];
    if (!arg || !arg.optional || args[end - 1] !== "") break;
    end--;
  }
  const name = functionName.includes(".") ? functionName : `${NAMESPACE}.${functionName}`;
  return `=${name}(${args.slice(0, end).join(", ")})`;
}
