/**
 * 绩效自评 scoring (财预〔2020〕10号 practice): 预算执行率 10, 产出 50, 效益 30, 满意度 10 by default, each line
 * weight × completion capped at 100 %, 上升/下降 full or zero, grades 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 — with
 * weights and bands the user may change.
 */
import fc from "fast-check";
import {
  areaSelfEvaluation,
  checkEvaluationSettings,
  convertUnit,
  DEFAULT_EVALUATION_SETTINGS,
  gradeOf,
  indicatorWeights,
  isCalcError,
  proposeIndicatorClass,
  scoreByCompletion,
  scoringCompletion,
  scoringRule,
  type AreaSelfEvaluation,
  type EvaluationSettings,
  type Grade,
  type IndicatorClass,
} from "../../src/engine";
import {
  capped,
  hitechFirms,
  incomeRatio,
  industryGrowth,
  investmentUp,
  rdIntensity,
  specializedSme,
  target,
  tradeInRank,
  transportInvest,
} from "./fixtures";

const numeric = (x: unknown): number => {
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x)}`);
  return x;
};

const evaluated = (x: AreaSelfEvaluation | ReturnType<typeof areaSelfEvaluation>): AreaSelfEvaluation => {
  if (isCalcError(x)) throw new Error(x.message);
  return x;
};

describe("the pieces", () => {
  it("proposes 产出 for what a policy delivers and 效益 for what it achieves", () => {
    expect(proposeIndicatorClass(hitechFirms)).toBe("产出");
    expect(proposeIndicatorClass(transportInvest)).toBe("产出");
    expect(proposeIndicatorClass(industryGrowth)).toBe("效益");
    expect(proposeIndicatorClass(rdIntensity)).toBe("效益");
    expect(proposeIndicatorClass(tradeInRank)).toBe("效益");
    expect(proposeIndicatorClass(incomeRatio)).toBe("效益");
  });

  it("scores 上升/下降 full or zero, everything with a figure by completion", () => {
    expect(scoringRule(incomeRatio)).toBe("allOrNothing");
    expect(scoringRule(investmentUp)).toBe("allOrNothing");
    expect(scoringRule(hitechFirms)).toBe("byCompletion");
    expect(scoringCompletion(incomeRatio, 1.72, 1.75)).toBe(1);
    expect(scoringCompletion(incomeRatio, 1.76, 1.75)).toBe(0);
    expect(scoringCompletion(investmentUp, 120, 100)).toBe(1);
    expect(scoringCompletion(hitechFirms, 60)).toBe(0.8);
    expect(scoringCompletion(tradeInRank, 6)).toBe(0.5);
    expect(scoringCompletion(capped, 10)).toBe(0.5);
    expect(scoringCompletion(hitechFirms, null)).toBeNull();
    const noPrevious = scoringCompletion(incomeRatio, 1.72);
    expect(isCalcError(noPrevious) && noPrevious.message).toBe("“t-城乡居民收入倍差”按与上年比较判断,请填写上年值");
  });

  it("caps completion at 100 %, floors it at 0, and gives nothing for nothing reported", () => {
    expect(scoreByCompletion(0.8, 10)).toBe(8);
    expect(scoreByCompletion(1.25, 10)).toBe(10);
    expect(scoreByCompletion(-0.5, 10)).toBe(0);
    expect(scoreByCompletion(null, 10)).toBe(0);
  });

  it("shares a class's points among the area's indicators of that class, one class taking both when alone", () => {
    const w = DEFAULT_EVALUATION_SETTINGS.weights;
    expect(indicatorWeights(["产出", "产出", "效益"], w)).toEqual([25, 25, 30]);
    expect(indicatorWeights(["产出", "产出"], w)).toEqual([40, 40]);
    expect(indicatorWeights(["效益"], w)).toEqual([80]);
    expect(indicatorWeights([], w)).toEqual([]);
  });

  it("grades with inclusive lower bounds", () => {
    const b = DEFAULT_EVALUATION_SETTINGS.bands;
    expect([100, 90, 89.99, 80, 79.5, 60, 59.99, 0].map((t) => gradeOf(t, b))).toEqual([
      "优",
      "优",
      "良",
      "良",
      "中",
      "中",
      "差",
      "差",
    ]);
    expect(gradeOf(86, { 优: 85, 良: 75, 中: 60 })).toBe("优");
  });

  it("refuses bands that do not partition 0–100 and negative weights, in words", () => {
    expect(checkEvaluationSettings(DEFAULT_EVALUATION_SETTINGS)).toBeNull();
    const swapped = checkEvaluationSettings({ ...DEFAULT_EVALUATION_SETTINGS, bands: { 优: 80, 良: 90, 中: 60 } });
    expect(swapped?.message).toBe("等级分数线应满足 100 ≥ 优 > 良 > 中 > 0,收到 优 80、良 90、中 60");
    const negative = checkEvaluationSettings({
      ...DEFAULT_EVALUATION_SETTINGS,
      weights: { ...DEFAULT_EVALUATION_SETTINGS.weights, 效益: -5 },
    });
    expect(negative?.messageIn("en-US")).toBe('Weight "效益" must be a number of at least 0, got -5');
    expect(checkEvaluationSettings({ ...DEFAULT_EVALUATION_SETTINGS, satisfactionTarget: 0 })?.code).toBe("VALUE");
  });

  it("converts between 万/亿 multiples of one unit and refuses anything else", () => {
    expect(convertUnit(12.5, "亿元", "万元")).toBe(125000);
    expect(convertUnit(336000, "万元", "亿元")).toBe(33.6);
    expect(convertUnit(2.5, "亿千瓦时", "万千瓦时")).toBe(25000);
    expect(convertUnit(75, "家", "家")).toBe(75);
    for (const [from, to] of [
      ["%", "家"],
      ["家", "%"],
      ["家", "个"],
      ["", "亿元"],
      ["亿元", "亿美元"],
      ["万", "个"],
    ]) {
      const r = convertUnit(3, from ?? "", to ?? "");
      expect(isCalcError(r) && r.message).toBe(`单位不一致:“${from}”不能换算为“${to}”`);
    }
  });
});

describe("an area's self-evaluation", () => {
  const input = {
    budget: 2.74,
    spent: 2.6,
    satisfaction: 0.95,
    indicators: [
      { target: hitechFirms, class: "产出" as const, actual: 60 },
      { target: specializedSme, class: "产出" as const, actual: 40 },
      { target: rdIntensity, class: "效益" as const, actual: 3.2 },
      { target: incomeRatio, class: "效益" as const, actual: 1.76, previous: 1.75 },
    ],
  };

  it("adds the 预算执行率 score, each indicator's score and the 满意度 score, and grades the total", () => {
    const r = evaluated(areaSelfEvaluation(input, DEFAULT_EVALUATION_SETTINGS));
    expect(r.execution.rate).toBeCloseTo(2.6 / 2.74, 12);
    expect(r.execution.score).toBeCloseTo((10 * 2.6) / 2.74, 10);
    expect(r.indicators.map((i) => [i.id, i.weight, i.score, i.lost])).toEqual([
      ["t-新增高新技术企业", 25, 20, 5],
      ["t-省级以上专精特新中小企业", 25, 25, 0],
      ["t-研发投入强度", 15, 15, 0],
      ["t-城乡居民收入倍差", 15, 0, 15],
    ]);
    expect(r.satisfaction.score).toBe(10);
    expect(r.total).toBeCloseTo((10 * 2.6) / 2.74 + 20 + 25 + 15 + 0 + 10, 10);
    expect(r.grade).toBe("中");
  });

  it("follows the weights and bands the user set", () => {
    const local: EvaluationSettings = {
      weights: { 预算执行率: 20, 产出: 40, 效益: 30, 满意度: 10 },
      bands: { 优: 85, 良: 70, 中: 50 },
      satisfactionTarget: 1,
    };
    const r = evaluated(areaSelfEvaluation(input, local));
    expect(r.indicators.map((i) => i.weight)).toEqual([20, 20, 15, 15]);
    expect(r.satisfaction.score).toBe(9.5);
    expect(r.total).toBeCloseTo((20 * 2.6) / 2.74 + 16 + 20 + 15 + 9.5, 10);
    expect(r.grade).toBe("良");
  });

  it("nothing reported scores 0; a 上升/下降 target without 上年值 makes the total an error, not a lower number", () => {
    const empty = evaluated(
      areaSelfEvaluation(
        {
          ...input,
          spent: null,
          satisfaction: null,
          indicators: input.indicators.slice(0, 1).map((i) => ({ ...i, actual: null })),
        },
        DEFAULT_EVALUATION_SETTINGS,
      ),
    );
    expect([empty.execution.score, empty.indicators[0]?.score, empty.satisfaction.score, empty.total]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(empty.grade).toBe("差");
    const unjudged = evaluated(
      areaSelfEvaluation(
        { ...input, indicators: [{ target: incomeRatio, class: "效益", actual: 1.7 }] },
        DEFAULT_EVALUATION_SETTINGS,
      ),
    );
    expect(isCalcError(unjudged.total) && unjudged.total.key).toBe("needsPrevious");
    expect(isCalcError(unjudged.grade)).toBe(true);
  });

  it("refuses unusable settings as a whole", () => {
    const r = areaSelfEvaluation(input, { ...DEFAULT_EVALUATION_SETTINGS, bands: { 优: 90, 良: 90, 中: 60 } });
    expect(isCalcError(r) && r.key).toBe("badGradeBands");
  });
});

describe("invariants (fast-check)", () => {
  const weight = fc.double({ min: 0, max: 100, noNaN: true });
  const completion = fc.double({ min: -1, max: 5, noNaN: true });
  const bands = fc
    .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }))
    .filter(([a, b, c]) => new Set([a, b, c]).size === 3)
    .map(([a, b, c]) => {
      const [中, 良, 优] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { 优: 优 + 1, 良, 中 };
    });

  it("every score lies within [0, weight]", () => {
    fc.assert(
      fc.property(completion, weight, (c, w) => {
        const s = scoreByCompletion(c, w);
        return s >= 0 && s <= w;
      }),
    );
  });

  it("scores are monotone in completion", () => {
    fc.assert(
      fc.property(completion, completion, weight, (a, b, w) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return scoreByCompletion(lo, w) <= scoreByCompletion(hi, w);
      }),
    );
  });

  it("an indicator's score is monotone in its actual value and within its weight, for any comparator", () => {
    const targets = [hitechFirms, specializedSme, rdIntensity, industryGrowth, transportInvest];
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        weight,
        (t, a, b, w) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = scoreByCompletion(numeric(scoringCompletion(t, lo)), w);
          const sHi = scoreByCompletion(numeric(scoringCompletion(t, hi)), w);
          return sLo <= sHi && sLo >= 0 && sHi <= w;
        },
      ),
    );
  });

  it("grade bands partition 0–100: each total has exactly one grade and grades never rise as totals fall", () => {
    const order: Grade[] = ["差", "中", "良", "优"];
    fc.assert(
      fc.property(
        bands,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (b, x, y) => {
          expect(checkEvaluationSettings({ ...DEFAULT_EVALUATION_SETTINGS, bands: b })).toBeNull();
          const inBand = (t: number): Grade[] =>
            (
              [
                ["优", t >= b.优 && t <= 100],
                ["良", t >= b.良 && t < b.优],
                ["中", t >= b.中 && t < b.良],
                ["差", t >= 0 && t < b.中],
              ] as const
            )
              .filter(([, holds]) => holds)
              .map(([g]) => g);
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          return (
            inBand(x).length === 1 &&
            inBand(x)[0] === gradeOf(x, b) &&
            order.indexOf(gradeOf(lo, b)) <= order.indexOf(gradeOf(hi, b))
          );
        },
      ),
    );
  });

  it("an area's total stays within the sum of the weights, whatever the classes and figures", () => {
    const cls = fc.constantFrom<IndicatorClass>("产出", "效益");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cls, fc.option(fc.double({ min: 0, max: 200, noNaN: true }))), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 1.2, noNaN: true })),
        (rows, spent, satisfaction) => {
          const r = evaluated(
            areaSelfEvaluation(
              {
                budget: 2,
                spent,
                satisfaction,
                indicators: rows.map(([c, actual], i) => ({
                  target: target(">=", 75, "家", "count", `指标${i}`),
                  class: c,
                  actual,
                })),
              },
              DEFAULT_EVALUATION_SETTINGS,
            ),
          );
          const total = numeric(r.total);
          const weights = r.indicators.reduce((s, i) => s + i.weight, 0);
          return total >= 0 && total <= 100 + 1e-9 && Math.abs(weights - 80) < 1e-9;
        },
      ),
    );
  });
});
