/**
 * The edition importer: pure (no Office, no React, no Node APIs), used alike by the CLI and the task pane.
 *
 * The genre's grammar (Zhejiang's 推动经济高质量发展若干政策), rule by rule, and where each is written:
 * - text of any copy → one paragraph per line: `normalize.ts` (traditional characters, full-width forms, PDF spaces
 *   and wraps, run-together paragraphs split before 一、/(一)/1./第一条 and before the closing, bare numbers joined
 *   to their line).
 * - notice and a re-post's news: `structure.ts` `ORIGINAL_STARTS`, `NOTICE_STARTS`, `NEWS`; document fields in
 *   `documentFields.ts`.
 * - preamble: `structure.ts` `PREAMBLE_ENDS` (制定以下政策).
 * - area heading: `structure.ts` `AREA` (一、), `LEAD` (由…牵头), `HEADING_RUN_ON`, and `unnumberedHeadings` for a
 *   re-post's headings without numeral (a layout doubt the review shows).
 * - article: `structure.ts` `ARTICLE_PAREN` ((一)), `ARTICLE_DIGIT` (1.), `ARTICLE_TIAO` (第一条).
 * - budget sentence and its items: `budget.ts` `BUDGET_STATEMENTS` (fiscal, planned, fundsAfter, fundsBefore,
 *   pooled), `ITEM`, `MONEY_LABEL`; the stated total `TOTAL`.
 * - 责任单位: `responsible.ts`.
 * - target phrase: `targets.ts` (governing words, qualifiers, lists, “N个X%”, ranks, directions).
 * - exclusions: `targets.ts` `classify` (dates, names, deadlines, baselines, thresholds, rewards and their
 *   conditions, a size inside a count, the document's own measures, a project's 前期 work, periods, no unit).
 */
export * from "./types";
export { importEdition, MAX_IMPORT_CHARS } from "./importEdition";
export { normalizeText } from "./normalize";
export { assignIds, similarity, slugOf } from "./ids";
