/**
 * The checks the schema cannot express, over a file that already has the schema's shape. Each finding names its
 * place; errors make the edition unusable (a wrong number would follow), warnings are shown and allowed.
 */
import { toChineseNumeral } from "../chineseNumeral";
import { tidy } from "../tidy";
import { sumOfAreaBudgetsYi, type EditionFile } from "../editionFile";
import { quoteHoldsFigure } from "../figures";
import type { Comparator } from "../types";
import type { Issue } from "./issues";

type FileTarget = EditionFile["targets"][number];

/** Units seen in Zhejiang 县级 policy documents; another unit is allowed, with a warning to look twice. */
export const KNOWN_UNITS: readonly string[] = [
  "",
  "%",
  "家",
  "项",
  "人",
  "人次",
  "名",
  "个",
  "个村",
  "亩",
  "场",
  "台",
  "台(套)",
  "套",
  "套(间)",
  "户",
  "幢",
  "张",
  "把",
  "条",
  "家次",
  "公里",
  "万平方米",
  "平方米",
  "万标箱",
  "标箱",
  "吨",
  "万吨",
  "元",
  "万元",
  "亿元",
  "万美元",
  "亿美元",
  "亿千瓦时",
  "万千瓦",
  "亿方",
  "万人",
  "万人次",
  "所",
  "座",
  "处",
  "批",
  "次",
  "件",
  "辆",
  "千米",
  "年",
  "天",
];

/** Direction-only words (no figure): this year against last year. */
const DECREASE = /^(?:下降|降低|低于(?:去年|上年))/;
const INCREASE = /^(?:稳定增长|持续增长|稳步增长|上升|(?:超过?|高于|好于|优于)(?:去年|上年))/;

/**
 * The comparator the qualifiers call for (README's comparator table); the importer drafts with it and the
 * validation checks with it.
 *
 * @example
 * comparatorOfWords(["力争", "以上"]) // ">="
 * comparatorOfWords(["超去年水平"]) // "increase"
 */
export function comparatorOfWords(words: readonly string[]): Comparator {
  const has = (...ws: string[]) => ws.some((w) => words.includes(w));
  if (words.some((w) => DECREASE.test(w))) return "decrease";
  if (words.some((w) => INCREASE.test(w))) return "increase";
  if (has("前")) return "rank<=";
  if (has("左右")) return "~";
  if (has("超", "超过")) return ">";
  if (has("以内", "不超过", "控制在", "以下")) return "<=";
  return ">="; // 以上, 不低于, 不少于, 达, 达到, or no qualifier
}

/** Whether a quote writes the target's figure (in any of the genre's ways: 75家, 前3, 三家, 三分之二, 4.10%). */
function holdsTarget(t: Pick<FileTarget, "value" | "unit" | "kind">, quote: string): boolean {
  return t.value === null || quoteHoldsFigure(quote, t.value, t.unit, { rank: t.kind === "rank" });
}

/** Whether a quote writes an amount in 亿元: 2.74亿元, 27400万元, 1万亿元. */
const holdsAmount = (quote: string, yi: number) => quoteHoldsFigure(quote, yi, "亿元");

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at !== -1 && n < 2; at = text.indexOf(part, at + 1)) n++;
  return n;
}

export function checkEdition(file: EditionFile, text: string | undefined): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const error = (path: string, message: string) => errors.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });
  const { edition: doc, areas, articles, targets } = file;

  // ---- the document ----
  for (const key of ["signedDate", "printedDate"] as const) {
    if (!isRealDate(doc[key])) error(`edition.${key}`, "不是有效日期");
  }
  if (doc.docNumber === undefined) warn("edition.docNumber", "未写文号(原文没有时可省略)");
  if (doc.validity === undefined) warn("edition.validity", `未写有效期,按 ${doc.year} 年全年`);
  else {
    for (const key of ["from", "to"] as const) {
      if (!isRealDate(doc.validity[key])) error(`edition.validity.${key}`, "不是有效日期");
    }
    if (doc.validity.from > doc.validity.to) error("edition.validity", "起始日期晚于截止日期");
    if (!doc.validity.from.startsWith(String(doc.year)))
      warn("edition.year", `与有效期起始日期 ${doc.validity.from} 不在同一年`);
  }
  if (doc.signedDate > doc.printedDate) warn("edition.printedDate", "早于成文日期");
  const sum = sumOfAreaBudgetsYi(file);
  if (doc.totalBudgetYi === undefined) {
    warn("edition.totalBudgetYi", `未写支持总额,以各领域预算之和 ${sum}亿元为总数`);
  } else {
    if (!holdsAmount(doc.totalBudgetQuote ?? "", doc.totalBudgetYi))
      error("edition.totalBudgetQuote", `未写出支持总额 ${doc.totalBudgetYi}亿元`);
    if (!(doc.totalBudgetQuote ?? "").includes(doc.totalBudgetWords ?? ""))
      error("edition.totalBudgetWords", "不在 totalBudgetQuote 中");
    if (doc.totalBudgetYi > sum) warn("edition.totalBudgetYi", `大于各领域预算之和 ${sum},请核对`);
  }
  if (tidy(doc.sumOfAreaBudgetsYi) !== sum)
    error("edition.sumOfAreaBudgetsYi", `应为各领域预算之和 ${sum}(文件写的是 ${doc.sumOfAreaBudgetsYi})`);

  // ---- areas ----
  const areaNos = new Map<number, number>();
  areas.forEach((area, i) => {
    const at = `areas[${i}]`;
    if (areaNos.has(area.no)) error(`${at}.no`, `领域序号 ${area.no} 重复(areas[${areaNos.get(area.no)}])`);
    else areaNos.set(area.no, i);
    if (i > 0 && area.no <= (areas[i - 1]?.no ?? 0)) warn(`${at}.no`, "领域未按序号排列");
    if (area.no < 100 && area.numeral !== toChineseNumeral(area.no))
      error(`${at}.numeral`, `应为“${toChineseNumeral(area.no)}”(领域序号 ${area.no})`);
    if (area.budgetYi === 0) warn(`${at}.budgetYi`, `领域“${area.title}”未列预算`);
    else if (!holdsAmount(area.budgetQuote, area.budgetYi))
      error(`${at}.budgetQuote`, `未写出预算金额 ${area.budgetYi}亿元`);
    let items = 0;
    area.budgetItems.forEach((item, j) => {
      const iat = `${at}.budgetItems[${j}]`;
      items += item.yi;
      if (!holdsAmount(item.quote, item.yi)) error(`${iat}.quote`, `未写出金额 ${item.yi}亿元`);
      if (!item.quote.includes(item.label)) warn(`${iat}.label`, "不在摘录中");
    });
    if (tidy(items) > area.budgetYi)
      error(`${at}.budgetItems`, `预算项目合计 ${tidy(items)}亿元,超过领域预算 ${area.budgetYi}亿元`);
  });

  // ---- articles ----
  const articleArea = new Map<number, number>();
  articles.forEach((article, i) => {
    const at = `articles[${i}]`;
    if (articleArea.has(article.no)) error(`${at}.no`, `条款序号 ${article.no} 重复`);
    else articleArea.set(article.no, article.area);
    if (!areaNos.has(article.area)) error(`${at}.area`, `领域 ${article.area} 不存在`);
    if (article.responsible.length === 0) warn(`${at}.responsible`, "未列责任单位");
  });
  areas.forEach((area, i) =>
    area.budgetItems.forEach((item, j) => {
      if (item.article !== null && articleArea.get(item.article) !== area.no)
        error(`areas[${i}].budgetItems[${j}].article`, `第${item.article}条不属于领域 ${area.no}`);
    }),
  );

  // ---- targets ----
  const ids = new Map<string, number>();
  const perArea = new Set<number>();
  targets.forEach((t, i) => {
    const at = `targets[${i}]`;
    const key = t.id.toLowerCase();
    if (ids.has(key)) error(`${at}.id`, `编号“${t.id}”重复(targets[${ids.get(key)}])`);
    else ids.set(key, i);
    perArea.add(t.area);
    if (!areaNos.has(t.area)) error(`${at}.area`, `领域 ${t.area} 不存在`);
    if (t.article !== null) {
      const area = articleArea.get(t.article);
      if (area === undefined) error(`${at}.article`, `第${t.article}条不存在`);
      else if (area !== t.area) error(`${at}.article`, `第${t.article}条属于领域 ${area},不属于领域 ${t.area}`);
    }
    if ((t.kind === "qualitative") !== (t.value === null))
      error(`${at}.value`, t.value === null ? "只有定性指标(kind qualitative)可以没有数值" : "定性指标不应有数值");
    if (t.kind === "qualitative") {
      if (t.unit !== "") error(`${at}.unit`, "定性指标不应有单位");
      if (t.comparator !== "increase" && t.comparator !== "decrease")
        error(`${at}.comparator`, "定性指标应为 increase 或 decrease");
    } else if (t.comparator === "increase" || t.comparator === "decrease") {
      error(`${at}.comparator`, "increase/decrease 只用于定性指标");
    }
    if (t.unit === "%" && t.kind !== "ratio" && t.kind !== "growth")
      error(`${at}.kind`, "单位 % 只用于 ratio 或 growth");
    if (t.kind === "growth" && t.unit !== "%") error(`${at}.unit`, "增幅(growth)的单位应为 %");
    if (t.kind === "rank" && (t.unit !== "名" || t.comparator !== "rank<="))
      error(`${at}.kind`, "名次(rank)的单位应为“名”、比较应为 rank<=");
    if (!KNOWN_UNITS.includes(t.unit)) warn(`${at}.unit`, `单位“${t.unit}”不在常用单位表中,请核对`);
    if (t.value !== null && !Number.isFinite(t.value)) error(`${at}.value`, "应为有限数字");
    if (!holdsTarget(t, t.quote)) error(`${at}.quote`, `未写出目标值 ${t.value}${t.unit}`);
    let from = 0;
    for (const word of t.words) {
      const found = t.quote.indexOf(word, from);
      if (found === -1) {
        error(`${at}.words`, `“${word}”不在摘录中(或顺序不对)`);
        break;
      }
      from = found + word.length;
    }
    const expected = comparatorOfWords(t.words);
    if (t.comparator !== expected) error(`${at}.comparator`, `按字样 ${t.words.join("、") || "(无)"} 应为 ${expected}`);
  });
  areas.forEach((area, i) => {
    if (!perArea.has(area.no)) warn(`areas[${i}]`, `领域“${area.title}”没有目标`);
  });

  // ---- quotes against the text ----
  if (text !== undefined) {
    const quotes: [string, string][] = [];
    if (doc.validity !== undefined) quotes.push(["edition.validity.quote", doc.validity.quote]);
    if (doc.totalBudgetQuote !== undefined) quotes.push(["edition.totalBudgetQuote", doc.totalBudgetQuote]);
    areas.forEach((area, i) => {
      if (area.budgetQuote !== "") quotes.push([`areas[${i}].budgetQuote`, area.budgetQuote]);
      area.budgetItems.forEach((item, j) => quotes.push([`areas[${i}].budgetItems[${j}].quote`, item.quote]));
    });
    targets.forEach((t, i) => quotes.push([`targets[${i}].quote`, t.quote]));
    for (const [path, quote] of quotes) {
      const n = count(text, quote);
      if (n === 0) error(path, "不是原文中的一段(须逐字摘录)");
      else if (n > 1) warn(path, "在原文中出现不止一次");
    }
    for (const [path, value] of [
      ["edition.docNumber", doc.docNumber],
      ["edition.title", doc.title],
    ] as const) {
      if (value !== undefined && !text.includes(value)) warn(path, "原文中未见");
    }
  }
  return { errors, warnings };
}
