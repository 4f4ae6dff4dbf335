/**
 * The importer: policy text in, draft edition out. Pure — no Office, no React, no Node APIs — so the pane and the
 * CLI import exactly alike. It never throws on a text it only partly understands: it drafts what it can and says
 * what it could not place.
 */
import { tidy } from "../policy/tidy";
import { readAreaBudget, readTotal, type Consumed } from "./budget";
import { readDocument } from "./documentFields";
import { assignIds } from "./ids";
import { normalizeText } from "./normalize";
import { readResponsible } from "./responsible";
import { readStructure, type Line } from "./structure";
import { findTargets, type Paragraph } from "./targets";
import type { Draft, DraftArea, DraftArticle, ImportOptions } from "./types";

/** Longer texts are not policy documents; read only this much, and say so. */
export const MAX_IMPORT_CHARS = 2_000_000;

/**
 * Drafts an edition from a policy text.
 *
 * @example
 * importEdition(seedText).areas.length // 8 for 乐政发〔2025〕4号
 */
export function importEdition(raw: string, options: ImportOptions = {}): Draft {
  const messages: string[] = [];
  let input = raw;
  if (input.length > MAX_IMPORT_CHARS) {
    messages.push(`文本过长(${input.length} 字符),只读取前 ${MAX_IMPORT_CHARS} 个字符`);
    input = input.slice(0, MAX_IMPORT_CHARS);
  }
  // Control characters and U+FFFD: what a binary file (a .docx renamed, an image) decodes to.
  // eslint-disable-next-line no-control-regex
  const unreadable = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;
  const controls = (input.match(unreadable) ?? []).length;
  if (controls > 0 && controls > input.length * 0.01) {
    messages.push("文本中有大量不可读字符,可能不是文本文件(如改了扩展名的二进制文件)");
    input = input.replace(unreadable, "");
  }
  const text = normalizeText(input);
  const lines = text === "" ? [] : text.split("\n");
  const structure = readStructure(lines);
  // Doubts about the layout the skeleton was read from: every area and target read under them says so, and its
  // confidence drops so that the review puts it first.
  const layoutDoubts = [...structure.layoutDoubts];
  const rawLines = input.split("\n").filter((l) => l.trim() !== "").length;
  if (lines.length >= 3 * rawLines && input.length > 300) layoutDoubts.push("原文没有分段,按序号和标点拆分段落");
  if (rawLines >= 2 * lines.length && rawLines > 20) layoutDoubts.push("原文按固定宽度折行(PDF),折行已合并");
  if (structure.areas.length === 0) messages.push("未找到领域标题(一、二、……),不像“推动经济高质量发展若干政策”类文件");

  const consumed: Consumed = new Map();
  const paragraphs: Paragraph[] = [];
  const areas: DraftArea[] = [];
  const articles: DraftArticle[] = [];
  const areaConfidence: Draft["draft"]["areas"] = [];
  const articleConfidence: Draft["draft"]["articles"] = [];
  const skips = new Map<Line, [number, number][]>();

  for (const block of structure.areas) {
    const budgetParagraphs: { line: Line; article: number | null; skip?: readonly [number, number] }[] = [];
    for (const line of block.preamble) budgetParagraphs.push({ line, article: null });
    const areaReasons: string[] = [];
    for (const art of block.articles) {
      const whole = art.lines.map((l) => l.text).join("\n");
      const clause = readResponsible(art.lines.at(-1)?.text ?? "") ?? readResponsible(whole);
      const clauseLine = clause
        ? ([...art.lines].reverse().find((l) => readResponsible(l.text) !== undefined) ?? art.lines.at(-1))
        : undefined;
      if (clause && clauseLine) skips.set(clauseLine, [[clause.start, clause.end]]);
      for (const line of art.lines)
        budgetParagraphs.push({
          line,
          article: art.no,
          ...(line === clauseLine && clause ? { skip: [clause.start, clause.end] as const } : {}),
        });
      articles.push({
        no: art.no,
        area: block.no,
        title: art.title || art.heading.slice(0, 20),
        responsible: clause?.units ?? [],
      });
      const reasons: string[] = [];
      if (!clause) reasons.push("未写责任单位");
      if (art.no !== art.written) reasons.push(`各领域重新编号,第${art.written}条改为第${art.no}条`);
      if (structure.truncatedArticle === art.no) reasons.push("条款在摘录末尾被截断");
      articleConfidence.push({ no: art.no, confidence: reasons.length === 0 ? 0.95 : 0.7, reasons });
    }
    const budget = readAreaBudget(budgetParagraphs, consumed);
    areaReasons.push(...budget.reasons);
    if (budget.quote === "") areaReasons.push("未找到预算金额");
    if (block.lead === "") areaReasons.push("标题未写牵头单位");
    areaReasons.push(...layoutDoubts);
    areas.push({
      no: block.no,
      numeral: block.numeral,
      title: block.title,
      lead: block.lead,
      budgetYi: budget.yi,
      budgetQuote: budget.quote,
      budgetItems: budget.items,
    });
    areaConfidence.push({ no: block.no, confidence: areaReasons.length === 0 ? 0.95 : 0.7, reasons: areaReasons });
    const used = (line: Line) => consumed.get(line) ?? new Set<number>();
    for (const line of block.preamble)
      paragraphs.push({
        line,
        zone: "area",
        area: block.no,
        article: null,
        preamble: true,
        skip: skips.get(line) ?? [],
        used: used(line),
        truncated: false,
      });
    for (const art of block.articles)
      for (const line of art.lines)
        paragraphs.push({
          line,
          zone: "area",
          area: block.no,
          article: art.no,
          preamble: false,
          skip: skips.get(line) ?? [],
          used: used(line),
          truncated: structure.truncatedArticle === art.no,
        });
  }
  const total = readTotal(structure.closing);
  const none = new Set<number>();
  for (const line of structure.summary)
    paragraphs.push({
      line,
      zone: "summary",
      area: null,
      article: null,
      preamble: false,
      skip: [],
      used: none,
      truncated: false,
    });
  for (const line of structure.front)
    paragraphs.push({
      line,
      zone: "front",
      area: null,
      article: null,
      preamble: false,
      skip: [],
      used: none,
      truncated: false,
    });
  for (const line of structure.closing)
    paragraphs.push({
      line,
      zone: "closing",
      area: null,
      article: null,
      preamble: false,
      skip: [],
      used: total?.line === line ? new Set([total.at]) : none,
      truncated: false,
    });

  const areaText = structure.areas
    .flatMap((a) => [...a.preamble, ...a.articles.flatMap((r) => r.lines)])
    .map((l) => l.text)
    .join("\n");
  const doc = readDocument(structure.front, structure.closing, areaText, options.id);
  const found = findTargets(paragraphs);
  const candidates = found.candidates;
  const { ids, previous } = assignIds(
    candidates.map((c) => c.target),
    options.previous?.targets ?? [],
  );
  const targets = candidates.map((c, i) => ({ id: ids[i] ?? "", ...c.target }));
  const sum = tidy(areas.reduce((t, a) => t + a.budgetYi, 0));
  const missing = [...doc.missing];
  if (!total) missing.push("totalBudgetYi 支持总额");
  const documentReasons = [...doc.reasons];
  if (!total && areas.length > 0) documentReasons.push("文件未写支持总额");
  return {
    schemaVersion: 1,
    edition: {
      ...doc.document,
      ...(total ? { totalBudgetYi: total.yi, totalBudgetWords: total.words, totalBudgetQuote: total.quote } : {}),
      sumOfAreaBudgetsYi: sum,
    },
    areas,
    articles,
    targets,
    text,
    draft: {
      importer: "zhengce-mubiao-importer",
      version: 1,
      missing,
      document: { confidence: missing.length === 0 ? 0.9 : 0.5, reasons: documentReasons },
      areas: areaConfidence,
      articles: articleConfidence,
      targets: candidates.map((c, i) => ({
        id: ids[i] ?? "",
        confidence:
          layoutDoubts.length === 0 ? c.confidence : Math.max(0.05, Math.round((c.confidence - 0.25) * 100) / 100),
        reasons: [...c.reasons, ...layoutDoubts],
        ...(previous[i] ? { previousId: previous[i] } : {}),
      })),
      excluded: found.excluded,
      unplaced: found.unplaced,
      messages,
    },
  };
}
