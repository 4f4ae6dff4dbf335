import { importEdition } from "../../src/importer";
import { referenceFromDataset, scoreDraft } from "../../src/importer/score";
import { getEdition } from "../../src/policy";
import { toEditionFile } from "../../src/policy/editionFile";
import { validateEdition } from "../../src/policy/validation";
import { yueqingText } from "../support/corpus";
import { developmentDocuments } from "./developmentSets";

// Floors: what the importer reaches today. A change that loses a figure fails here (the bench prints the detail).
const documents = developmentDocuments().filter((d) => d.set !== "乐清 2025");
const yueqing2025 = getEdition("yueqing-2025")!;

describe("importer on the development corpus", () => {
  it("has the eleven texts of corpus and the four of corpus-more", () => {
    expect(documents.filter((d) => d.set === "corpus").length).toBeGreaterThanOrEqual(11);
    expect(documents.filter((d) => d.set === "corpus-more").length).toBeGreaterThanOrEqual(4);
  });

  it.each(documents.map((d) => [d.slug, d] as const))("%s", (_slug, doc) => {
    const draft = importEdition(doc.text);
    const score = scoreDraft(draft, doc.ref);
    expect(score.missed).toEqual([]);
    expect(score.extra).toEqual([]);
    expect(score.wrong).toEqual([]);
    expect(score.budgets.exact).toBe(score.budgets.expected);
    expect(score.items.exact).toBe(score.items.expected);
    expect(score.leads.exact).toBe(score.leads.expected);
    expect(score.responsible.exact).toBe(score.responsible.expected);
    // Every quote is an exact substring of the normalised text the draft carries.
    for (const t of draft.targets) expect(draft.text).toContain(t.quote);
    // What an excerpt lacks is listed, not invented: only document fields may fail validation.
    const { draft: _part, ...edition } = draft;
    const errors = validateEdition(edition).errors.filter((e) => !e.path.startsWith("edition"));
    expect(errors).toEqual([]);
    expect(draft.draft.targets.map((t) => t.id)).toEqual(draft.targets.map((t) => t.id));
  });
});

describe("importer on the full 乐清 2025 text against the project's dataset", () => {
  const draft = importEdition(yueqingText());
  const score = scoreDraft(draft, referenceFromDataset(toEditionFile(yueqing2025)));

  it("finds every target of the dataset and no other", () => {
    expect(score.targets.expected).toBe(113);
    expect(score.missed).toEqual([]);
    expect(score.extra).toEqual([]);
    expect(score.wrong).toEqual([]);
    // The 1个 of 乐清湾D区1个万吨级油品码头项目前期 names a project being prepared: excluded, with its reason.
    expect(draft.draft.excluded.find((x) => x.figure === "1个" && x.quote.includes("油品码头"))?.category).toBe("name");
  });

  it("reads budgets, items, leads and responsible units exactly", () => {
    expect(score.budgets.exact).toBe(8);
    expect(score.items.exact).toBe(8);
    expect(score.leads.exact).toBe(8);
    expect(score.responsible.exact).toBe(37);
  });

  it("reads the document fields and both totals", () => {
    const doc = draft.edition;
    expect(doc).toMatchObject({
      id: "yueqing-2025",
      year: 2025,
      title: "乐清市推动经济高质量发展若干政策(2025年版)",
      docNumber: "乐政发〔2025〕4号",
      issuer: "乐清市人民政府",
      signedDate: "2025-03-06",
      printedDate: "2025-03-11",
      parentPolicies: ["浙政发〔2025〕3号", "温政发〔2025〕2号"],
      totalBudgetYi: 49.25,
      totalBudgetWords: "除交叉重叠部分外",
      sumOfAreaBudgetsYi: 69.49,
      validity: { from: "2025-01-01", to: "2025-12-31", quote: "均为2025年全年实施有效" },
    });
    expect(draft.draft.missing).toEqual([]);
  });

  it("is an edition the validation library accepts, against its own text, once the draft part is dropped", () => {
    const { draft: _draft, ...edition } = draft;
    const result = validateEdition(edition, { text: draft.text });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps every id of the bundled edition, on the target it names, when it is the previous edition", () => {
    const previous = toEditionFile(yueqing2025);
    const again = importEdition(yueqingText(), { previous });
    const byId = new Map(again.targets.map((t) => [t.id, t]));
    const place = (t: { area: number; article: number | null; value: number | null; unit: string }) =>
      [t.area, t.article, t.value, t.unit] as const;
    for (const old of previous.targets) {
      const now = byId.get(old.id);
      expect([old.id, now && place(now)]).toEqual([old.id, place(old)]);
      // The dataset quotes by hand, sometimes less of the sentence: the same words, one within the other.
      expect(now?.quote.includes(old.quote) || old.quote.includes(now?.quote ?? "∅")).toBe(true);
    }
    // Three targets share the quote “3个80%”: each keeps the id of its own subject.
    const subjects = ["art24-fund-private-share", "art24-land-private-share", "art24-energy-private-share"].map(
      (id) => byId.get(id)?.indicator ?? "",
    );
    expect(subjects.map((s) => ["基金", "用地", "能耗"].filter((w) => s.includes(w)))).toEqual([
      ["基金"],
      ["用地"],
      ["能耗"],
    ]);
    // A target the edition lacks would get an id no edition target had (there is none left).
    const ids = new Set<string>(previous.targets.map((t) => t.id));
    const fresh = again.targets.filter((t) => !ids.has(t.id));
    expect(fresh.length).toBe(again.targets.length - previous.targets.length);
    expect(new Set(again.targets.map((t) => t.id)).size).toBe(again.targets.length);
    again.draft.targets.forEach((c, i) =>
      expect(c.previousId).toBe(ids.has(again.targets[i]?.id ?? "") ? again.targets[i]?.id : undefined),
    );
  });

  it("excludes the genre's noise with reasons", () => {
    const categories = new Map(draft.draft.excluded.map((x) => [x.figure, x.category]));
    expect(categories.get("415")).toBe("name");
    expect(categories.get("6月")).toBe("deadline");
    expect(categories.get("70%")).toBe("baseline");
    expect(categories.get("10万吨级")).toBe("threshold");
    expect(categories.get("1千万元以上")).toBe("threshold");
    expect(categories.get("8个")).toBe("selfCount");
    expect(draft.draft.excluded.every((x) => x.reason !== "")).toBe(true);
  });
});
