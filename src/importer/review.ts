/**
 * The review sheet 导入审核 as data: what the pane (Office.js) and the CLI (ExcelJS) write, and what they read back
 * after staff have edited it. One row per candidate target (low confidence first), the excluded figures below (采纳
 * 否, so a wrong exclusion is undone by typing 是), then the areas, budget items, articles and document fields —
 * all editable. The hosts only move these cells; building the edition from them happens here, once.
 */
import { toChineseNumeral } from "../policy/chineseNumeral";
import { tidy } from "../policy/tidy";
import type { EditionFile } from "../policy/editionFile";
import type { Comparator, TargetKind } from "../policy/types";
import { comparatorOfWords } from "../policy/validation/checks";
import type { Draft } from "./types";

export const REVIEW_SHEET = "导入审核";
/** The normalised text, one line per row, so the edition built from the sheet can check every quote. */
export const REVIEW_TEXT_SHEET = "导入原文";

export type Cell = string | number | null;

export const SECTION = {
  targets: "【目标】",
  excluded: "【排除的数字】",
  areas: "【领域】",
  items: "【预算项目】",
  articles: "【条款】",
  document: "【文件信息】",
} as const;

export const TARGET_HEADER = [
  "序号",
  "采纳",
  "编号",
  "领域",
  "条款",
  "指标",
  "目标值",
  "单位",
  "比较",
  "类型",
  "原文",
  "置信度",
  "说明",
  "字样",
] as const;
const AREA_HEADER = ["领域", "标题", "牵头单位", "预算(亿元)", "预算原文", "说明"] as const;
const ITEM_HEADER = ["领域", "条款", "项目", "金额(亿元)", "原文"] as const;
const ARTICLE_HEADER = ["条款", "领域", "标题", "责任单位(以“、”分隔,第一位为牵头单位)", "说明"] as const;
const DOCUMENT_HEADER = ["字段", "值", "说明"] as const;

const KIND_NAMES: Record<TargetKind, string> = {
  count: "个数",
  amount: "数量",
  ratio: "比率",
  growth: "增幅",
  rank: "名次",
  qualitative: "定性",
};

const YES = new Set(["是", "y", "yes", "Y", "YES", "√", "✓", "1", "true", "TRUE", "采纳"]);

/** The rows of the review sheet, top to bottom; a row is a list of cells from column A. */
export interface ReviewSheet {
  rows: Cell[][];
  /** Rows that hold targets (for the hosts' formatting: low confidence highlighted). */
  lowConfidenceRows: number[];
  text: string[];
}

/** Document fields many texts of the genre lack: left blank, the edition omits them (validation warns). */
const OPTIONAL_FIELDS = ["docNumber", "validity", "totalBudget"] as const;

const DOCUMENT_FIELDS = [
  ["id", "版本编号(小写字母、数字、连字符)"],
  ["year", "年度"],
  ["title", "标题"],
  ["docNumber", "文号"],
  ["issuer", "发文机关"],
  ["signedDate", "成文日期 yyyy-mm-dd"],
  ["printedDate", "印发日期 yyyy-mm-dd"],
  ["validity.from", "有效期起"],
  ["validity.to", "有效期止"],
  ["validity.quote", "有效期原文"],
  ["parentPolicies", "上级文件文号(以“、”分隔)"],
  ["totalBudgetYi", "支持总额(亿元)"],
  ["totalBudgetWords", "总额限定字样(如 除交叉重叠部分外)"],
  ["totalBudgetQuote", "总额原文"],
] as const;

/** The review sheet of a draft. */
export function reviewSheetOf(draft: Draft): ReviewSheet {
  const rows: Cell[][] = [];
  const low: number[] = [];
  rows.push([`导入审核:${draft.edition.title || "(未读出标题)"}`]);
  rows.push([
    "请逐行核对:“采纳”填 是/否;可直接修改指标、目标值、单位、比较(>= > ~ <= rank<=)、领域、条款;排除的数字改为“是”即恢复为目标。改完后在加载项中点“确认导入”(或 cli import --from-review)。",
  ]);
  const optional = (f: string) => OPTIONAL_FIELDS.some((o) => f.startsWith(o));
  for (const m of [
    ...draft.draft.messages,
    ...draft.draft.missing.map((f) => (optional(f) ? `原文未写:${f}(可留空)` : `缺少:${f}(请在【文件信息】中填写)`)),
  ])
    rows.push([m]);
  rows.push([]);
  rows.push([SECTION.targets]);
  rows.push([...TARGET_HEADER]);
  const order = draft.targets.map((t, i) => ({ t, i, c: draft.draft.targets[i] }));
  order.sort((a, b) => (a.c?.confidence ?? 0) - (b.c?.confidence ?? 0) || a.i - b.i);
  for (const { t, i, c } of order) {
    if ((c?.confidence ?? 0) < 0.7) low.push(rows.length);
    rows.push([
      i + 1,
      "是",
      t.id,
      t.area,
      t.article,
      t.indicator,
      t.value,
      t.unit,
      t.comparator,
      KIND_NAMES[t.kind],
      t.quote,
      c?.confidence ?? null,
      (c?.reasons ?? []).join(";"),
      t.words.join("、"),
    ]);
  }
  rows.push([]);
  rows.push([SECTION.excluded]);
  rows.push([...TARGET_HEADER]);
  draft.draft.excluded.forEach((x, k) => {
    const c = x.candidate;
    rows.push([
      `X${k + 1}`,
      "否",
      "",
      c?.area ?? x.area,
      c?.article ?? x.article,
      c?.indicator ?? "",
      c?.value ?? x.value,
      c?.unit ?? x.unit,
      c?.comparator ?? "",
      c ? KIND_NAMES[c.kind] : "",
      x.quote,
      null,
      x.reason,
      c?.words.join("、") ?? "",
    ]);
  });
  rows.push([]);
  rows.push([SECTION.areas]);
  rows.push([...AREA_HEADER]);
  for (const a of draft.areas) {
    const c = draft.draft.areas.find((x) => x.no === a.no);
    rows.push([a.no, a.title, a.lead, a.budgetYi, a.budgetQuote, (c?.reasons ?? []).join(";")]);
  }
  rows.push([]);
  rows.push([SECTION.items]);
  rows.push([...ITEM_HEADER]);
  for (const a of draft.areas)
    for (const item of a.budgetItems) rows.push([a.no, item.article, item.label, item.yi, item.quote]);
  rows.push([]);
  rows.push([SECTION.articles]);
  rows.push([...ARTICLE_HEADER]);
  for (const a of draft.articles) {
    const c = draft.draft.articles.find((x) => x.no === a.no);
    rows.push([a.no, a.area, a.title, a.responsible.join("、"), (c?.reasons ?? []).join(";")]);
  }
  rows.push([]);
  rows.push([SECTION.document]);
  rows.push([...DOCUMENT_HEADER]);
  const doc = draft.edition;
  const valueOf = (field: string): Cell => {
    if (field === "validity.from") return doc.validity?.from ?? null;
    if (field === "validity.to") return doc.validity?.to ?? null;
    if (field === "validity.quote") return doc.validity?.quote ?? null;
    if (field === "parentPolicies") return doc.parentPolicies.join("、");
    const v = (doc as unknown as Record<string, unknown>)[field];
    return typeof v === "number" || typeof v === "string" ? v : null;
  };
  for (const [field, label] of DOCUMENT_FIELDS) {
    const missing = draft.draft.missing.some((m) => m.startsWith(field.split(".")[0] ?? field));
    const note = optional(field) ? "原文未见,可留空" : "原文未见,请填写";
    rows.push([field, valueOf(field), missing ? `${label} — ${note}` : label]);
  }
  return { rows, lowConfidenceRows: low, text: draft.text.split("\n") };
}

const str = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c).trim());
const num = (c: Cell | undefined): number | null => {
  if (c === null || c === undefined || str(c) === "") return null;
  const n = typeof c === "number" ? c : Number(str(c).replace(/,/g, "").replace(/%$/, ""));
  return Number.isFinite(n) ? n : Number.NaN;
};

const KIND_OF = new Map<string, TargetKind>(Object.entries(KIND_NAMES).map(([k, v]) => [v, k as TargetKind]));
const COMPARATORS: readonly Comparator[] = [">=", ">", "~", "<=", "rank<=", "decrease", "increase"];
const QUALIFIERS = [
  "力争",
  "争取",
  "确保",
  "争创",
  "不低于",
  "不少于",
  "不超过",
  "控制在",
  "超过",
  "达到",
  "维持",
  "超",
  "达",
  "以上",
  "左右",
  "以内",
  "以下",
  "前",
  "持续",
  "下降",
  "保持",
  "稳定增长",
];

/** The qualifiers a quote writes, in order (for a target a reviewer restored or rewrote). */
function wordsInQuote(quote: string, comparator: Comparator): string[] {
  const found: { w: string; at: number }[] = [];
  let masked = quote;
  for (const w of [...QUALIFIERS].sort((a, b) => b.length - a.length)) {
    let at = masked.indexOf(w);
    while (at !== -1) {
      found.push({ w, at });
      masked = masked.slice(0, at) + " ".repeat(w.length) + masked.slice(at + w.length);
      at = masked.indexOf(w);
    }
  }
  const words = found.sort((a, b) => a.at - b.at).map((f) => f.w);
  // Keep only what agrees with the reviewer's comparator: the comparator is their decision.
  return comparatorOfWords(words) === comparator
    ? words
    : words.filter((w) => comparatorOfWords([w]) === ">=" || comparatorOfWords([w]) === comparator);
}

function sectionRows(rows: readonly Cell[][], marker: string): Cell[][] {
  const start = rows.findIndex((r) => str(r[0]) === marker);
  if (start === -1) return [];
  const out: Cell[][] = [];
  for (let i = start + 2; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((c) => str(c) === "")) break;
    if (str(row[0]).startsWith("【")) break;
    out.push(row);
  }
  return out;
}

export interface ReviewReading {
  file: EditionFile;
  /** Cells that could not be read (row numbers are the sheet's, 1-based). */
  problems: string[];
}

/**
 * The edition the reviewed sheet describes: adopted rows (采纳 是) become targets in reading order; a draft's words
 * are kept for an unchanged quote, re-read from the quote otherwise. The result still goes through
 * validateEdition — this only reads cells.
 */
export function editionFromReview(rows: readonly Cell[][], text: readonly string[]): ReviewReading {
  const problems: string[] = [];
  const rowNo = (marker: string, k: number) => rows.findIndex((r) => str(r[0]) === marker) + 3 + k;
  const candidates = [
    ...sectionRows(rows, SECTION.targets).map((r, k) => ({ r, at: rowNo(SECTION.targets, k) })),
    ...sectionRows(rows, SECTION.excluded).map((r, k) => ({ r, at: rowNo(SECTION.excluded, k) })),
  ];
  const targets: (EditionFile["targets"][number] & { order: number })[] = [];
  const usedIds = new Set<string>();
  candidates.forEach(({ r, at }, k) => {
    if (!YES.has(str(r[1]))) return;
    const [, , idCell, areaCell, articleCell, indicatorCell, valueCell, unitCell, comparatorCell, kindCell, quoteCell] =
      r;
    const wordsCell = r[13];
    const area = num(areaCell);
    const article = num(articleCell);
    const value = num(valueCell);
    const comparator = str(comparatorCell) as Comparator;
    const kind = KIND_OF.get(str(kindCell)) ?? (str(kindCell) as TargetKind);
    if (area === null || Number.isNaN(area)) problems.push(`第${at}行:领域“${str(areaCell)}”应为数字`);
    if (article !== null && Number.isNaN(article)) problems.push(`第${at}行:条款“${str(articleCell)}”应为数字或空`);
    if (value !== null && Number.isNaN(value)) problems.push(`第${at}行:目标值“${str(valueCell)}”应为数字`);
    if (!COMPARATORS.includes(comparator))
      problems.push(`第${at}行:比较“${str(comparatorCell)}”应为 ${COMPARATORS.join(" ")}`);
    const quote = str(quoteCell);
    let id = str(idCell);
    if (id === "") {
      const prefix = article === null ? `area${area}` : `art${String(article).padStart(2, "0")}`;
      let n = 1;
      while (usedIds.has(`${prefix}-restored-${n}`)) n++;
      id = `${prefix}-restored-${n}`;
    }
    usedIds.add(id);
    const written = str(wordsCell).split("、").filter(Boolean);
    const kept =
      written.length > 0 && written.every((w) => quote.includes(w)) && comparatorOfWords(written) === comparator
        ? written
        : undefined;
    targets.push({
      id,
      area: area ?? 0,
      article: article === null || Number.isNaN(article) ? null : article,
      indicator: str(indicatorCell),
      value: value === null || Number.isNaN(value) ? null : value,
      unit: str(unitCell),
      comparator,
      kind,
      words: kept ? [...kept] : wordsInQuote(quote, comparator),
      quote,
      order: typeof r[0] === "number" ? r[0] : 100000 + k,
    });
  });
  targets.sort((a, b) => a.area - b.area || (a.article ?? 0) - (b.article ?? 0) || a.order - b.order);
  const items = sectionRows(rows, SECTION.items);
  const areas = sectionRows(rows, SECTION.areas).map((r) => {
    const no = num(r[0]) ?? 0;
    return {
      no,
      numeral: toChineseNumeral(no),
      title: str(r[1]),
      lead: str(r[2]),
      budgetYi: num(r[3]) ?? 0,
      budgetQuote: str(r[4]),
      budgetItems: items
        .filter((i) => num(i[0]) === no)
        .map((i) => ({ label: str(i[2]), yi: num(i[3]) ?? 0, article: num(i[1]), quote: str(i[4]) })),
    };
  });
  const articles = sectionRows(rows, SECTION.articles).map((r) => ({
    no: num(r[0]) ?? 0,
    area: num(r[1]) ?? 0,
    title: str(r[2]),
    responsible: str(r[3])
      .split(/[、,,]/)
      .map((u) => u.trim())
      .filter(Boolean),
  }));
  const doc = new Map(sectionRows(rows, SECTION.document).map((r) => [str(r[0]), r[1]]));
  const d = (k: string) => str(doc.get(k));
  const file: EditionFile = {
    schemaVersion: 1,
    edition: {
      id: d("id"),
      year: num(doc.get("year")) ?? 0,
      title: d("title"),
      // Fields the document may lack (文号, 有效期, 支持总额) are left out when the reviewer left them blank.
      ...(d("docNumber") === "" ? {} : { docNumber: d("docNumber") }),
      issuer: d("issuer"),
      signedDate: d("signedDate"),
      printedDate: d("printedDate"),
      ...(d("validity.from") === "" && d("validity.to") === "" && d("validity.quote") === ""
        ? {}
        : { validity: { from: d("validity.from"), to: d("validity.to"), quote: d("validity.quote") } }),
      parentPolicies: d("parentPolicies")
        .split(/[、,,]/)
        .map((p) => p.trim())
        .filter(Boolean),
      ...(d("totalBudgetYi") === "" && d("totalBudgetQuote") === ""
        ? {}
        : {
            totalBudgetYi: num(doc.get("totalBudgetYi")) ?? 0,
            totalBudgetWords: d("totalBudgetWords"),
            totalBudgetQuote: d("totalBudgetQuote"),
          }),
      sumOfAreaBudgetsYi: tidy(areas.reduce((t, a) => t + a.budgetYi, 0)),
    },
    areas,
    articles,
    targets: targets.map(({ order: _order, ...t }) => t),
    ...(text.length > 0 ? { text: text.join("\n") } : {}),
  };
  return { file, problems };
}
