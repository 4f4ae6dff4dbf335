/**
 * The importer reads the genre, not the development texts' layout: every development text (corpus, corpus-more,
 * 乐清 2025), re-laid out as the genre's other copies serve it — a WeChat re-post, one paragraph, a PDF copy, "1."
 * numbering, traditional characters, the budget phrased each way the genre phrases it — must give the same draft
 * as the original: the same areas, budgets and items, articles and 责任单位, and targets (place, figure, unit,
 * comparator, kind). fast-check draws random combinations of the transformations.
 */
import fc from "fast-check";
import { importEdition } from "../../src/importer";
import type { Draft } from "../../src/importer/types";
import { developmentDocuments, draftShape, setScores } from "./developmentSets";
import { BUDGETS, LAYOUTS, ORIGINAL, describeVariant, variantText, type Variant } from "./layoutVariants";

const documents = developmentDocuments();
const originals = new Map(documents.map((d) => [d.slug, importEdition(d.text)]));

const variant: fc.Arbitrary<Variant> = fc.record({
  layout: fc.constantFrom(...LAYOUTS),
  numbering: fc.constantFrom("paren" as const, "digit" as const, "tiao" as const),
  pdfSpaces: fc.boolean(),
  script: fc.constantFrom("simplified" as const, "traditional" as const),
  budget: fc.constantFrom(...BUDGETS),
});

/**
 * The document fields a layout must keep. A PDF's wraps and a copy without a single space lose the notice's line
 * ends (its title, issuer and date run together): there the fields are the reviewer's, listed as missing.
 */
const documentFields = (draft: Draft) => ({
  title: draft.edition.title,
  issuer: draft.edition.issuer,
  year: draft.edition.year,
  signedDate: draft.edition.signedDate,
  docNumber: draft.edition.docNumber,
  totalBudgetYi: draft.edition.totalBudgetYi,
});

describe("layout variants of the development texts give the same draft", () => {
  it("has the corpus, corpus-more and 乐清 2025", () => {
    expect(new Set(documents.map((d) => d.set))).toEqual(new Set(["corpus", "corpus-more", "乐清 2025"]));
    expect(documents.length).toBeGreaterThanOrEqual(16);
  });

  it.each(documents.map((d) => [d.slug, d] as const))("%s, in random combinations of layouts", (_slug, doc) => {
    const original = originals.get(doc.slug)!;
    fc.assert(
      fc.property(variant, (v) => {
        const text = variantText(doc.text, v, doc);
        const draft = importEdition(text);
        const leads = v.layout !== "repost";
        expect([describeVariant(v), draftShape(draft, { leads })]).toEqual([
          describeVariant(v),
          draftShape(original, { leads }),
        ]);
        if (v.layout === "original" || v.layout === "repost" || v.layout === "oneParagraph")
          expect([describeVariant(v), documentFields(draft)]).toEqual([describeVariant(v), documentFields(original)]);
        // Quotes stay exact substrings of the normalised text, whatever the layout.
        for (const t of draft.targets) expect(draft.text).toContain(t.quote);
      }),
      { numRuns: doc.set === "乐清 2025" ? 12 : 25, seed: 19 },
    );
  });

  it.each([
    ["repost", "领域标题没有序号(一、),按版式推断"],
    ["oneParagraph", "原文没有分段,按序号和标点拆分段落"],
    ["oneParagraphTight", "原文没有分段,按序号和标点拆分段落"],
    ["pdfWrap", "原文按固定宽度折行(PDF),折行已合并"],
  ] as const)(
    "%s: every area and target read from that layout says so and is put first in the review",
    (layout, doubt) => {
      const doc = documents.find((d) => d.slug === "yueqing-2025")!;
      const draft = importEdition(variantText(doc.text, { ...ORIGINAL, layout }, doc));
      expect(draft.areas).toHaveLength(8);
      for (const a of draft.draft.areas) expect(a.reasons).toContain(doubt);
      const original = originals.get(doc.slug)!;
      original.draft.targets.forEach((t, i) => {
        const read = draft.draft.targets[i]!;
        expect(read.reasons).toContain(doubt);
        expect(read.confidence).toBeLessThan(t.confidence);
      });
    },
  );

  // Floors: the bench's table (npm run bench, section importer), set by set. A change that loses a target, adds a
  // false one or misreads a budget or a lead in any set fails here.
  it.each(setScores((text) => importEdition(text), { combinations: 3 }).map((r) => [r.name, r] as const))(
    "floors of %s",
    (_name, r) => {
      expect([r.name, r.missed, r.extra]).toEqual([r.name, [], []]);
      expect([r.matched, r.found]).toEqual([r.expected, r.expected]);
      expect(r.comparatorsRight).toBe(r.matched);
      expect(r.budgets.exact).toBe(r.budgets.expected);
      if (r.items) expect(r.items.exact).toBe(r.items.expected);
      if (r.leads) expect(r.leads.exact).toBe(r.leads.expected);
    },
  );
});
