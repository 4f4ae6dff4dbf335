/**
 * How an input is named inside an error message. Never throws — `String()` does on objects without a prototype —
 * and cuts long text so a pasted paragraph does not become the message.
 *
 * @example
 * describeInput("六十") // "六十"
 * describeInput(Object.create(null)) // "[对象]"
 */
export function describeInput(input: unknown): string {
  let text: string;
  try {
    text = typeof input === "object" && input !== null ? "[对象]" : String(input);
  } catch {
    text = "[对象]";
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A blank for a lookup or an option: nothing, or only spaces. @example isBlankInput("  ") // true */
export function isBlankInput(input: unknown): boolean {
  return input === null || input === undefined || (typeof input === "string" && input.trim() === "");
}
