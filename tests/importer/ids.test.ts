/**
 * Target ids across editions: a target the previous edition has keeps its id (its figure may change, or its
 * wording, the way editions do); a genuinely new target gets a new id, and the id of a target the new edition
 * dropped is never given to another one — a formula written against it must not start reading something else.
 */
import fc from "fast-check";
import { assignIds, type PreviousTarget } from "../../src/importer/ids";
import type { DraftTarget } from "../../src/importer/types";

type Target = Omit<DraftTarget, "id">;

const target = (t: Partial<Target> & Pick<Target, "article" | "indicator" | "value" | "unit">): Target => ({
  area: 1,
  comparator: ">=",
  kind: "count",
  words: [],
  quote: `${t.indicator}${t.value ?? ""}${t.unit}`,
  ...t,
});

const previousOf = (id: string, t: Target): PreviousTarget => ({ id, ...t });

describe("assignIds: examples", () => {
  it("a reworded indicator with the same figure in the same article keeps its id", () => {
    const old = target({
      article: 11,
      indicator: "举办国家级体育赛事",
      value: 3,
      unit: "场",
      quote: "国家级体育赛事3场",
    });
    const now = target({
      article: 11,
      indicator: "举办乐清半程马拉松、全国公路自行车职业联赛等国家级体育赛事",
      value: 3,
      unit: "场",
    });
    expect(assignIds([now], [previousOf("art11-national-sports-events", old)]).ids).toEqual([
      "art11-national-sports-events",
    ]);
  });

  it("another subject with the same figure where a dropped target stood gets a new id, not the dropped one's", () => {
    const dropped = previousOf(
      "art09-hitech-firms",
      target({ article: 9, indicator: "新增高新技术企业", value: 75, unit: "家" }),
    );
    const kept = previousOf(
      "art09-smart-factories",
      target({ article: 9, indicator: "新增智能工厂", value: 5, unit: "个" }),
    );
    const { ids, previous } = assignIds(
      [
        target({ article: 9, indicator: "新增智能工厂", value: 6, unit: "个" }),
        target({ article: 9, indicator: "新增专精特新企业", value: 75, unit: "家" }),
      ],
      [dropped, kept],
    );
    expect(ids[0]).toBe("art09-smart-factories");
    expect(ids[1]).not.toBe("art09-hitech-firms");
    expect(ids[1]).toMatch(/^art09-/);
    expect(previous).toEqual(["art09-smart-factories", undefined]);
  });

  it("a new target whose readable id a dropped target had is numbered instead", () => {
    const dropped = previousOf(
      "art02-hitech-firms",
      target({ article: 2, indicator: "新增高新技术企业", value: 75, unit: "家" }),
    );
    const { ids } = assignIds(
      [target({ article: 2, indicator: "高新技术企业营业收入", value: 3, unit: "亿元" })],
      [dropped],
    );
    expect(ids).toEqual(["art02-hitech-firms-2"]);
  });

  it("targets one sentence states together keep their own ids, in order, when their names are not told apart", () => {
    const quote = "力争甲、乙、丙等要素投向民间投资项目比重提高到“3个80%”";
    const old = ["甲", "乙", "丙"].map((s, k) =>
      previousOf(
        `art24-${k}`,
        target({ article: 24, indicator: `${s}投向民间投资项目比重`, value: 80, unit: "%", quote }),
      ),
    );
    const now = [1, 2, 3].map((k) =>
      target({ article: 24, indicator: `甲、乙、丙等要素投向民间投资项目比重(${k})`, value: 80, unit: "%", quote }),
    );
    expect(assignIds(now, old).ids).toEqual(["art24-0", "art24-1", "art24-2"]);
  });
});

/** Characters for subjects: each used once in a generated edition, so two subjects share none by construction. */
const POOL = [
  ...new Set([
    ..."企业工厂项目平台人才专家基地园区港口码头泊位道路桥梁铁路机场电站光伏风电储能氢能医院学校养老托育住房电梯",
    ..."农田林地湿地河道水库污水垃圾公园绿道景区酒店会展赛事品牌专利标准实验室孵化器研究院数据算力网络软件芯片",
    ..."汽车船舶装备材料纺织服装鞋革电器仪表模具阀门泵机轴承线缆开关",
  ]),
];
const VERBS = ["新增", "举办", "建成", "培育", "引进"];

interface Case {
  olds: { article: number; verb: string; subject: string; value: number; unit: string }[];
  removed: number;
  fresh: string;
  changes: ("none" | "figure" | "wording")[];
  insertion: string;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    lengths: fc.array(fc.integer({ min: 3, max: 6 }), { minLength: 9, maxLength: 9 }),
    chars: fc.shuffledSubarray(POOL, { minLength: POOL.length, maxLength: POOL.length }),
    articles: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }),
    verbs: fc.array(fc.constantFrom(...VERBS), { minLength: 8, maxLength: 8 }),
    values: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 8, maxLength: 8 }),
    units: fc.array(fc.constantFrom("家", "个", "%", "亿元"), { minLength: 8, maxLength: 8 }),
    changes: fc.array(fc.constantFrom("none" as const, "figure" as const, "wording" as const), {
      minLength: 8,
      maxLength: 8,
    }),
    removed: fc.nat(),
  })
  .map(({ n, lengths, chars, articles, verbs, values, units, changes, removed }) => {
    let at = 0;
    const take = (k: number) => chars.slice(at, (at += k)).join("");
    const olds = Array.from({ length: n }, (_, i) => ({
      article: articles[i] ?? 1,
      verb: verbs[i] ?? "新增",
      subject: take(lengths[i] ?? 3),
      value: values[i] ?? 1,
      unit: units[i] ?? "个",
    }));
    const fresh = take(lengths[8] ?? 3);
    const insertion = `${take(2)}、${take(3)}等`;
    return { olds, removed: removed % n, fresh, changes: changes.slice(0, n), insertion };
  });

describe("assignIds: property", () => {
  it("kept targets keep their ids; the new one gets a new id; the dropped one's id is not reused", () => {
    fc.assert(
      fc.property(caseArb, ({ olds, removed, fresh, changes, insertion }) => {
        const previous = olds.map((o, i) =>
          previousOf(
            `art${String(o.article).padStart(2, "0")}-p${i}`,
            target({ article: o.article, indicator: o.verb + o.subject, value: o.value, unit: o.unit }),
          ),
        );
        const gone = olds[removed];
        if (!gone) throw new Error("no target to remove");
        // This edition: each kept target with its figure or its wording changed (not both: then it is new), and in
        // the dropped one's place a new subject with the same verb, article, unit and figure — the hard case.
        const now: { target: Target; was?: string }[] = [];
        olds.forEach((o, i) => {
          if (i === removed) {
            now.push({
              target: target({ article: o.article, indicator: o.verb + fresh, value: o.value, unit: o.unit }),
            });
            return;
          }
          const change = changes[i] ?? "none";
          const indicator = change === "wording" ? o.verb + insertion + o.subject : o.verb + o.subject;
          const value = change === "figure" ? o.value + 7 : o.value;
          now.push({ target: target({ article: o.article, indicator, value, unit: o.unit }), was: previous[i]?.id });
        });
        const { ids, previous: matched } = assignIds(
          now.map((t) => t.target),
          previous,
        );
        const oldIds = new Set(previous.map((p) => p.id));
        now.forEach((t, i) => {
          if (t.was !== undefined) {
            expect(ids[i]).toBe(t.was);
            expect(matched[i]).toBe(t.was);
          } else {
            expect(oldIds.has(ids[i] ?? "")).toBe(false);
            expect(matched[i]).toBeUndefined();
          }
        });
        expect(ids).not.toContain(previous[removed]?.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
