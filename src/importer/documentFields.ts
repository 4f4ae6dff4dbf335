/**
 * The document fields of the notice and the closing lines: title, 文号, issuer, dates, the parent policies, the
 * edition year and validity. Whatever the text does not say stays empty and is listed as missing — never guessed
 * silently.
 */
import { placeSlug } from "./places";
import type { Line } from "./structure";
import type { DraftDocument } from "./types";

const DOC_NUMBER = /[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号/g;
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const ISSUER = /(?:人民政府|办公室|管委会|管理委员会|委员会)$/;

const iso = (m: RegExpExecArray) => `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}`;

export interface DocumentReading {
  document: Omit<DraftDocument, "totalBudgetYi" | "totalBudgetWords" | "totalBudgetQuote" | "sumOfAreaBudgetsYi">;
  missing: string[];
  reasons: string[];
}

/** The edition's title from the notice (《…》印发给你们, 关于印发…的通知) or the body's title line. */
function readTitle(front: readonly Line[]): string {
  for (const { text } of front) {
    const m = /《([^》]{4,80})》(?:已经|印发|现印发|已|经)/.exec(text) ?? /现将《([^》]{4,80})》/.exec(text);
    if (m && /政策|意见|方案|举措|措施/.test(m[1] ?? "")) return m[1] ?? "";
  }
  for (const { text } of front) {
    const m = /关于印发《?(.+?)》?的?通知$/.exec(text) ?? /关于印发《?(.+?(?:方案|政策|意见|举措))》?$/.exec(text);
    if (m) return m[1] ?? "";
  }
  for (let i = 0; i < front.length; i++) {
    const text = front[i]?.text ?? "";
    if (/[。,:]/.test(text) || !/政策|意见|方案|举措|措施/.test(text)) continue;
    const next = front[i + 1]?.text ?? "";
    return /^\(\d{4}年版\)$/.test(next) ? text + next : text;
  }
  return "";
}

export function readDocument(
  front: readonly Line[],
  closing: readonly Line[],
  areaText: string,
  override?: string,
): DocumentReading {
  const missing: string[] = [];
  const reasons: string[] = [];
  const title = readTitle(front);
  const docNumber = front.find((l) => new RegExp(`^${DOC_NUMBER.source}$`).test(l.text))?.text ?? "";
  let issuer = "";
  let signedDate = "";
  for (let i = 0; i < front.length; i++) {
    const text = front[i]?.text ?? "";
    const date = DATE.exec(front[i + 1]?.text ?? "");
    if (ISSUER.test(text) && text.length <= 30 && date && date[0] === front[i + 1]?.text) {
      issuer = text;
      signedDate = iso(date);
      break;
    }
  }
  if (issuer === "") {
    const notice = front.map((l) => /^([^,。:;]{2,20}?(?:人民政府|办公室))(?:关于|印发)/.exec(l.text)).find(Boolean);
    if (notice) issuer = notice[1] ?? "";
    else {
      const place = /^([\u4e00-\u9fff]{2,4}?[省市县区])(?:关于|推动|进一步)/.exec(title);
      if (place) {
        issuer = `${place[1]}人民政府`;
        reasons.push("发文机关由标题推断");
      }
    }
  }
  if (signedDate === "") {
    const line = front.find((l) => DATE.exec(l.text)?.[0] === l.text);
    const m = line ? DATE.exec(line.text) : null;
    if (m) signedDate = iso(m);
  }
  const printed = closing.map((l) => /(\d{4})年(\d{1,2})月(\d{1,2})日印发/.exec(l.text)).find(Boolean);
  const printedDate = printed ? iso(printed) : signedDate;
  if (!printed && signedDate !== "") reasons.push("印发日期未见,按成文日期");
  const frontText = front.map((l) => l.text).join("\n");
  const parentPolicies = [
    ...new Set([...frontText.matchAll(DOC_NUMBER)].map((m) => m[0]).filter((n) => n !== docNumber)),
  ];
  const editionYear = /\((\d{4})年版\)/.exec(title) ?? /\((\d{4})年版\)/.exec(frontText);
  const years = [...areaText.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const year = editionYear ? Number(editionYear[1]) : (common ?? (signedDate ? Number(signedDate.slice(0, 4)) : 0));
  if (!editionYear && year !== 0) reasons.push(`年度按正文中最常见的年份(${year}年)`);
  const allText = [...front, ...closing].map((l) => l.text).join("\n") + areaText;
  const valid =
    /均为(\d{4})年全年实施有效/.exec(allText) ?? /(?:有效期|实施期限)[^。]*?(\d{4})年[^。]*?全年/.exec(allText);
  // Not guessed: an edition without a stated validity holds for its year, which the validation says.
  const y = valid?.[1] ?? String(year);
  const validity = valid ? { from: `${y}-01-01`, to: `${y}-12-31`, quote: valid[0] } : undefined;
  if (!valid && year !== 0) reasons.push("有效期未写明,按年度全年");
  if (title === "") missing.push("title 标题");
  if (docNumber === "") missing.push("docNumber 文号");
  if (issuer === "") missing.push("issuer 发文机关");
  if (signedDate === "") missing.push("signedDate 成文日期");
  if (year === 0) missing.push("year 年度");
  if (!validity) missing.push("validity 有效期");
  const place = placeSlug(issuer) ?? placeSlug(title);
  const id = override ?? `${place ?? "edition"}-${year || "draft"}`;
  return {
    document: {
      id,
      year,
      title,
      ...(docNumber === "" ? {} : { docNumber }),
      issuer,
      signedDate,
      printedDate,
      ...(validity ? { validity } : {}),
      parentPolicies,
    },
    missing,
    reasons,
  };
}
