/**
 * 填报标识, the return's hidden identity sheet, written and read side by side: unit, month, edition, the 编号s and
 * their checksum in plain cells (plain cells survive Excel, WPS and LibreOffice saves, where custom XML parts and
 * some names do not), and which rows have open monitoring inputs.
 */
import type { ReturnIdentity } from "../returns";
import { plainSheet, type SheetContent } from "../workbook/model";
import { FOOTER } from "./sheetBuilder";

export const IDENTITY_SHEET = "填报标识";
/** The first cell of the identity sheet: what a reader looks for before it believes the rest. */
export const IDENTITY_MARK = "政策目标填报表标识";
/** C6 marks that column B flags the 编号 rows with open monitoring inputs by this text. */
const MONITORED_HEADER = "监控";
const MONITORED = "需填";

/** The hidden identity sheet: labels in A, values in B, the 编号s from row 7 down in A. */
export function identitySheet(identity: ReturnIdentity): SheetContent {
  const rows: [string, string][] = [
    [IDENTITY_MARK, "请勿修改"],
    ["单位", identity.unit],
    ["月份", identity.month],
    ["版本", identity.editionId],
    ["校验", identity.checksum],
    ["编号", String(identity.ids.length)],
  ];
  // Column B beside a 编号 says whether its monitoring inputs are open; C6 says that column B does (a return made
  // before returns said so has neither, and opens every row).
  const monitored = identity.monitored && new Set(identity.monitored);
  const cells = [
    ...rows.map(([a, b]) => [{ value: a }, { value: b }]),
    ...identity.ids.map((id) => [{ value: id }, { value: monitored?.has(id) ? MONITORED : null }]),
  ];
  if (monitored) cells[5]?.push({ value: MONITORED_HEADER });
  return plainSheet(IDENTITY_SHEET, cells, {
    columnWidths: [24, 24],
    print: { orientation: "portrait", paper: "A4", fitToWidth: 1, footer: FOOTER },
  });
}

/** Reads the identity sheet's cells back (as any host read them); undefined when they are not an identity. */
export function readIdentityCells(
  cells: readonly (readonly { readonly value: unknown }[])[],
): ReturnIdentity | undefined {
  const text = (r: number, c: number) => {
    const v = cells[r]?.[c]?.value;
    return v === null || v === undefined ? "" : String(v).trim();
  };
  if (text(0, 0) !== IDENTITY_MARK) return undefined;
  const count = Number(text(5, 1));
  if (!Number.isInteger(count) || count < 0 || count > 100_000) return undefined;
  const ids = Array.from({ length: count }, (_, i) => text(6 + i, 0));
  const monitored = text(5, 2) === MONITORED_HEADER ? ids.filter((_, i) => text(6 + i, 1) === MONITORED) : undefined;
  const identity = { unit: text(1, 1), month: text(2, 1), editionId: text(3, 1), checksum: text(4, 1), ids };
  return monitored ? { ...identity, monitored } : identity;
}
