import { readFileSync } from "fs";
import { join } from "path";
import { parseChineseNumeral } from "../../src/engine";
import { fromEditionFile, serializeEditionFile, toEditionFile } from "../../src/policy/editionFile";
import { defaultEditionId, editionIds, editions, getEdition, type EditionData } from "../../src/policy";
import { formatIssue, validateEdition } from "../../src/policy/validation";

const root = join(__dirname, "..", "..");
const seed = readFileSync(join(root, editions["yueqing-2025"].seedFile), "utf8");
/** The document itself: the two lines before "原文如下:" are a news summary that repeats article (五). */
const body = seed.slice(seed.indexOf("原文如下:"));
const data: EditionData = editions["yueqing-2025"].data;
const yueqing2025 = data;
const { document: doc, areas, articles, targets } = data;

const occurrences = (text: string, part: string): number => text.split(part).length - 1;
const round = (x: number): number => Number(x.toFixed(10));

describe("the bundled file", () => {
  it("passes the validation library against its seed text: no error, no warning", () => {
    const file = JSON.parse(readFileSync(join(root, "src/policy/editions/yueqing-2025.json"), "utf8"));
    const result = validateEdition(file, { text: seed });
    expect(result.errors.map(formatIssue)).toEqual([]);
    expect(result.warnings.map(formatIssue)).toEqual([]);
    expect(result.edition).toEqual(data);
  });

  it("is written byte for byte as toEditionFile serializes it, so `dataset` reproduces it", () => {
    const bytes = readFileSync(join(root, "src/policy/editions/yueqing-2025.json"), "utf8");
    expect(serializeEditionFile(toEditionFile(data))).toBe(bytes);
  });
});

describe("registry", () => {
  it("registers yueqing-2025 as the default edition", () => {
    expect(editionIds()).toContain("yueqing-2025");
    expect(defaultEditionId).toBe("yueqing-2025");
    expect(getEdition("yueqing-2025")).toBe(yueqing2025);
    expect(getEdition("nope")).toBeUndefined();
    expect(getEdition("toString")).toBeUndefined();
  });
});

describe("document", () => {
  it("matches the seed text", () => {
    expect(doc.id).toBe("yueqing-2025");
    expect(doc.year).toBe(2025);
    expect(body).toContain(`关于印发《${doc.title}》的通知`);
    expect(body).toContain(`${doc.docNumber}\n`);
    expect(body).toContain(`${doc.issuer}\n2025年3月6日\n`);
    expect(doc.signedDate).toBe("2025-03-06");
    expect(body).toContain("乐清市人民政府办公室\n2025年3月11日印发");
    expect(doc.printedDate).toBe("2025-03-11");
    for (const parent of doc.parentPolicies) expect(occurrences(body, `(${parent})`)).toBe(1);
    expect(occurrences(body, doc.validity?.quote ?? "(none)")).toBe(1);
    expect(doc.validity).toMatchObject({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("keeps the stated total with its words", () => {
    expect(occurrences(seed, doc.totalBudgetQuote ?? "(none)")).toBe(1);
    expect(doc.totalBudgetQuote).toContain(doc.totalBudgetWords ?? "(none)");
    expect(doc.totalBudgetQuote).toContain(`${doc.totalBudgetYi}亿元`);
  });
});

describe("areas", () => {
  const headings = [...body.matchAll(/\n([一二三四五六七八])、(.+)\(由(.+)牵头\)\n/g)];

  it("are the 8 headings of the seed, in order, with their lead", () => {
    expect(areas).toHaveLength(8);
    expect(headings).toHaveLength(8);
    areas.forEach((area, i) => {
      expect(area.no).toBe(i + 1);
      expect([area.numeral, area.title, area.lead]).toEqual(headings[i]?.slice(1));
    });
  });

  it("add up to 69.49, which the stated 49.25 is not: the 20.24 is 交叉重叠, kept as written", () => {
    const sum = round(areas.reduce((s, area) => s + area.budgetYi, 0));
    expect(sum).toBe(69.49);
    expect(doc.totalBudgetYi).toBe(49.25);
    expect(round(sum - (doc.totalBudgetYi ?? 0))).toBe(20.24);
    expect(doc.totalBudgetWords).toBe("除交叉重叠部分外");
  });
});

describe("articles", () => {
  const headings = [...body.matchAll(/\n\(([一二三四五六七八九十]+)\)([^。]*)。/g)];
  const units = [...body.matchAll(/\(责任单位:([^)]*)\)/g)].map((m) => (m[1] ?? "").split("、"));

  it("are numbered 1…37 and have the seed's heading sentence as title", () => {
    expect(articles).toHaveLength(37);
    expect(headings).toHaveLength(37);
    articles.forEach((article, i) => {
      expect(article.no).toBe(i + 1);
      expect(parseChineseNumeral(headings[i]?.[1] ?? "")).toBe(i + 1);
      expect(article.title).toBe(headings[i]?.[2]);
    });
  });

  it("list the 责任单位 exactly as written, in order", () => {
    expect(units).toHaveLength(37);
    articles.forEach((article, i) => {
      expect(article.responsible.length).toBeGreaterThan(0);
      expect(article.responsible).toEqual(units[i]);
    });
    expect(articles[2]?.responsible[0]).toBe("市委组织部<市委人才办>");
  });

  it("belong to the area whose heading precedes them", () => {
    for (const article of articles) {
      const at = body.indexOf(`\n(${headings[article.no - 1]?.[1]})`);
      const areaAt = body.lastIndexOf(`\n${areas[article.area - 1]?.numeral}、`, at);
      const nextArea = areas[article.area];
      expect(areaAt).toBeGreaterThan(0);
      if (nextArea !== undefined) expect(body.indexOf(`\n${nextArea.numeral}、`)).toBeGreaterThan(at);
    }
  });
});

describe("targets", () => {
  it("quote the document body, not the news summary above it", () => {
    for (const t of targets) expect({ id: t.id, inBody: body.includes(t.quote) }).toEqual({ id: t.id, inBody: true });
  });

  it("are many, one per figure", () => {
    expect(targets.length).toBeGreaterThanOrEqual(110);
    // A change of these counts is a deliberate data change: update them with the data.
    const perArea = areas.map((area) => targets.filter((t) => t.area === area.no).length);
    expect(perArea).toEqual([9, 10, 12, 9, 9, 23, 19, 22]);
    expect(targets).toHaveLength(113);
  });

  it("have unique, readable ids that name their place", () => {
    const ids = targets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of targets) {
      expect(t.id).toMatch(/^(area[1-8]|art(0[1-9]|[12][0-9]|3[0-7]))(-[a-z0-9]+)+$/);
      if (t.article === null) expect(t.id.startsWith(`area${t.area}-`)).toBe(true);
      else expect(t.id.startsWith(`art${String(t.article).padStart(2, "0")}-`)).toBe(true);
    }
  });

  it("take no figure from names, rules, deadlines, the 2024 baseline or budgets", () => {
    for (const t of targets) {
      expect(t.value).not.toBe(315);
      expect(t.value).not.toBe(415);
      expect(t.value).not.toBe(2025);
      for (const excluded of [
        "315",
        "415X",
        "1+4+N",
        "两免三减半",
        "五免后",
        "40条",
        "32条",
        "195条",
        "1619",
        "月底前",
      ]) {
        expect({ id: t.id, excluded, inQuote: t.quote.includes(excluded) }).toEqual({
          id: t.id,
          excluded,
          inQuote: false,
        });
      }
      // 3个70% is the 2024 baseline of 3个80%: it may sit in that quote, never in a value.
      if (t.quote.includes("3个70%")) expect([t.value, t.quote.endsWith("3个80%”")]).toEqual([80, true]);
      expect(t.quote).not.toContain("预算安排");
    }
    for (const area of areas) {
      for (const item of area.budgetItems) expect(targets.some((t) => t.quote.includes(item.quote))).toBe(false);
    }
  });

  it("keep 三分之二 as the exact fraction 2/3", () => {
    const t = targets.find((x) => x.id === "area8-livelihood-spending-share");
    expect(t).toMatchObject({ value: 2 / 3, unit: "", kind: "ratio", comparator: ">=" });
  });
});

describe("toEditionFile", () => {
  const json = toEditionFile(yueqing2025);

  it("has the documented shape and key order", () => {
    expect(Object.keys(json)).toEqual(["schemaVersion", "edition", "areas", "articles", "targets"]);
    expect(Object.keys(json.edition)).toEqual([
      "id",
      "year",
      "title",
      "docNumber",
      "issuer",
      "signedDate",
      "printedDate",
      "validity",
      "parentPolicies",
      "totalBudgetYi",
      "totalBudgetWords",
      "totalBudgetQuote",
      "sumOfAreaBudgetsYi",
    ]);
    for (const area of json.areas) {
      expect(Object.keys(area)).toEqual(["no", "numeral", "title", "lead", "budgetYi", "budgetQuote", "budgetItems"]);
      for (const item of area.budgetItems) expect(Object.keys(item)).toEqual(["label", "yi", "article", "quote"]);
    }
    for (const article of json.articles) expect(Object.keys(article)).toEqual(["no", "area", "title", "responsible"]);
    for (const t of json.targets) {
      expect(Object.keys(t)).toEqual([
        "id",
        "area",
        "article",
        "indicator",
        "value",
        "unit",
        "comparator",
        "kind",
        "words",
        "quote",
      ]);
    }
  });

  it("computes the sum of the area budgets without float noise", () => {
    expect(json.edition.sumOfAreaBudgetsYi).toBe(69.49);
    expect(json.edition.totalBudgetYi).toBe(49.25);
    expect(toEditionFile({ ...yueqing2025, areas: [] }).edition.sumOfAreaBudgetsYi).toBe(0);
  });

  it("round-trips the edition losslessly through JSON, with and without its text", () => {
    expect(fromEditionFile(JSON.parse(JSON.stringify(json)))).toEqual(yueqing2025);
    const withText = { ...yueqing2025, text: seed };
    const file = toEditionFile(withText);
    expect(Object.keys(file).at(-1)).toBe("text");
    expect(fromEditionFile(JSON.parse(serializeEditionFile(file)))).toEqual(withText);
  });
});
