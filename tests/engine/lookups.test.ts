import {
  findArea,
  findArticle,
  findTarget,
  indexEdition,
  isCalcError,
  officialBudget,
  parseChineseNumeral,
  toChineseNumeral,
  type CalcError,
} from "../../src/engine";
import { defaultEditionId, getEdition } from "../../src/policy";

const data = getEdition(defaultEditionId);
if (!data) throw new Error("default edition missing");
const index = indexEdition(data);

const err = (x: unknown): CalcError => {
  if (!isCalcError(x)) throw new Error(`expected a CalcError, got ${String(x)}`);
  return x;
};

describe("edition index", () => {
  it("is built once per edition", () => {
    expect(indexEdition(data)).toBe(index);
  });
  it("keeps both totals: 69.49 as the sum of the areas, 49.25 as stated, 20.24 of overlap", () => {
    expect(index.sumOfAreaBudgetsYi).toBe(69.49);
    expect(data.document.totalBudgetYi).toBe(49.25);
    expect(index.overlapYi).toBe(20.24);
  });
  it("groups every target under its area and article", () => {
    const byArea = data.areas.reduce((n, a) => n + index.targetsOfArea(a.no).length, 0);
    expect(byArea).toBe(data.targets.length);
    for (const t of data.targets) {
      if (t.article !== null) expect(index.targetsOfArticle(t.article)).toContain(t);
    }
  });
  it("names the lead: the article's first responsible unit, or the area's lead for a preamble target", () => {
    for (const t of data.targets) {
      const lead = index.leadOf(t);
      if (t.article === null) expect(lead).toBe(index.area(t.area)?.lead);
      else expect(lead).toBe(index.article(t.article)?.responsible[0]);
    }
  });
});

describe("findTarget", () => {
  it("finds every id, also typed in upper case with spaces", () => {
    for (const t of data.targets) {
      expect(findTarget(index, t.id)).toBe(t);
      expect(findTarget(index, ` ${t.id.toUpperCase()} `)).toBe(t);
    }
  });
  it("says which id is unknown", () => {
    const e = err(findTarget(index, "no-such-target"));
    expect(e.code).toBe("NA");
    expect(e.message).toContain("no-such-target");
    expect(err(findTarget(index, "")).code).toBe("VALUE");
  });
});

describe("findArea and officialBudget", () => {
  it("finds an area by number, numeral, heading numeral or title", () => {
    for (const ref of [6, "6", "六", "六、", "领域六", "全力扩大有效投资", "有效投资"]) {
      const area = findArea(index, ref);
      expect(isCalcError(area) ? area.message : typeof area === "string" ? area : area.no).toBe(6);
    }
  });
  it("gives the document's budgets", () => {
    expect(officialBudget(index, 6)).toBe(33.6);
    expect(officialBudget(index, "一")).toBe(2.74);
    expect(officialBudget(index, "合计")).toBe(49.25);
    expect(officialBudget(index, "各领域合计")).toBe(69.49);
  });
  it("finds earmarked items by label or a unique part of it", () => {
    expect(officialBudget(index, 2, "产业基金")).toBe(0.4);
    expect(officialBudget(index, 7, "乡村振兴")).toBe(4.59);
    expect(officialBudget(index, 1, "高层次人才")).toBe(0.88);
  });
  it("refuses unknown areas and items with #N/A naming them", () => {
    expect(err(findArea(index, 9)).code).toBe("NA");
    expect(err(findArea(index, "九")).message).toContain("九");
    expect(err(officialBudget(index, 2, "不存在的项目")).message).toContain("不存在的项目");
    expect(err(officialBudget(index, "合计", "产业基金")).code).toBe("NA");
  });
  it("reports an ambiguous part of a title", () => {
    expect(err(findArea(index, "推进")).key).toBe("ambiguousArea");
  });
});

describe("findArticle", () => {
  it("reads numbers and the heading numerals", () => {
    for (const ref of [9, "9", "(九)", "（九）", "九", "第九条"]) {
      const article = findArticle(index, ref);
      expect(isCalcError(article) ? article.message : article.no).toBe(9);
    }
    expect(err(findArticle(index, 38)).code).toBe("NA");
  });
  it("round-trips every article number through its Chinese numeral", () => {
    for (const a of data.articles) expect(parseChineseNumeral(toChineseNumeral(a.no))).toBe(a.no);
  });
});

describe("odd inputs to lookups", () => {
  it("refuses a range where one value is expected with #VALUE!, not a lookup of its text", () => {
    expect(err(findTarget(index, [["a", "b"]])).key).toBe("badArray");
    expect(err(findArea(index, [[1], [2]])).key).toBe("badArray");
    expect(err(officialBudget(index, 2, [["产业基金", "企业"]])).key).toBe("badArray");
    expect(findTarget(index, [[data.targets[0]?.id]])).toBe(data.targets[0]);
  });
  it("treats spaces as blank", () => {
    expect(err(findArea(index, "   ")).key).toBe("required");
    expect(officialBudget(index, 2, "  ")).toBe(1.72);
  });
  it("never throws on objects without a prototype", () => {
    const bare = Object.create(null) as unknown;
    expect(err(findTarget(index, bare)).code).toBe("NA");
    expect(err(findArticle(index, bare)).code).toBe("NA");
    expect(err(officialBudget(index, 2, bare)).code).toBe("NA");
  });
});
