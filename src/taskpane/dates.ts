/** The local calendar date as ISO (yyyy-mm-dd): the 报告日期 a user means by "today". */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO timestamp as the pane shows it: 2025-07-08 14:30 in local time; unparsable text as given. */
export function shortDateTime(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localIsoDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
