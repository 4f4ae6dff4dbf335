/**
 * The year's 自评报告 section: each area scored from the year's figures by the engine, the targets that cost points
 * named with their 偏差原因, in the words a finance officer writes.
 */
import { DEFAULT_EVALUATION_SETTINGS, isCalcError } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import {
  draftReport,
  draftSelfEvaluation,
  reportText,
  selfEvaluationParagraphs,
  withSelfEvaluation,
  type TargetFigures,
  type WorkbookFigures,
} from "../../src/report";

const data = getEdition("yueqing-2025") as EditionData;

/** Area 1's year: every target at its figure but 新增高新技术企业 (60 of 75) and 研发投入强度 (2.808 of 3.12). */
function year(overrides: Record<string, TargetFigures["months"][number]> = {}): WorkbookFigures {
  const targets = new Map<string, TargetFigures>();
  for (const t of data.targets.filter((x) => x.area === 1)) {
    const final = t.id in overrides ? overrides[t.id] : t.value;
    targets.set(t.id, { months: [...Array<null>(11).fill(null), final ?? null], previous: null });
  }
  const areas = new Map([[1, { months: [...Array<null>(11).fill(null), 2.6] }]]);
  return { data, targets, areas };
}

const figures = year({ "art01-hitech-firms": 60, "area1-rd-intensity": 2.808 });
const inputs = {
  settings: DEFAULT_EVALUATION_SETTINGS,
  satisfaction: new Map([[1, 0.95]]),
  reasons: new Map([["art01-hitech-firms", "认定批次推迟至次年"]]),
};

describe("draftSelfEvaluation", () => {
  const [first] = draftSelfEvaluation(figures, inputs);

  it("scores an area as the engine does: 5 产出 at 10 points, 4 效益 at 7.5, the lost points named", () => {
    if (!first || isCalcError(first.evaluation)) throw new Error("area 1 is scored");
    const e = first.evaluation;
    expect(e.indicators.map((i) => i.weight)).toEqual([7.5, 10, 10, 10, 7.5, 10, 7.5, 7.5, 10]);
    expect(e.total).toBeCloseTo((10 * 2.6) / 2.74 + 48 + 29.25 + 10, 9);
    expect(e.grade).toBe("优");
    expect(first.lost.map((l) => [l.target.id, l.lost, l.reason])).toEqual([
      ["art01-hitech-firms", 2, "认定批次推迟至次年"],
      ["area1-rd-intensity", 0.75, undefined],
    ]);
  });

  it("leaves out a target whose 类别 staff cleared on the sheet, as the sheet's formulas do", () => {
    const classes = new Map(data.targets.filter((t) => t.area === 1).map((t) => [t.id, "产出" as const]));
    classes.delete("art01-hitech-firms");
    const [area] = draftSelfEvaluation(figures, { ...inputs, classes });
    if (!area || isCalcError(area.evaluation)) throw new Error("area 1 is scored");
    expect(area.evaluation.indicators.map((i) => i.id)).toEqual([...classes.keys()]);
    expect(area.evaluation.indicators.every((i) => i.weight === 80 / classes.size)).toBe(true);
    expect(area.lost.map((l) => l.target.id)).toEqual(["area1-rd-intensity"]);
  });

  it("writes one paragraph per area: score, grade, parts, and what cost points and why", () => {
    const [p1, p2] = selfEvaluationParagraphs(draftSelfEvaluation(figures, inputs));
    expect(p1).toBe(
      "(一)推进教育科技人才一体发展:自评得分96.74分,等级“优”。预算执行率94.9%,得9.49分(满分10分);" +
        "产出指标得48.00分(满分50分);效益指标得29.25分(满分30分);满意度95.0%,得10.00分(满分10分)。" +
        "失分指标:新增高新技术企业(目标75家,全年完成60家,完成率80.0%,失2.00分;原因:认定批次推迟至次年);" +
        "全市研发投入强度(目标3.12%,全年完成2.81%,完成率90.0%,失0.75分;未说明偏差原因)。",
    );
    expect(p2).toContain("自评得分0.00分,等级“差”。全年支出未填报,预算执行率得0分(满分10分);");
    expect(p2).toContain("新增企业首贷户(目标100户,全年未填报,失7.14分;未说明偏差原因)");
  });

  it("joins the year's report as its last numbered section, with the rule and each area's score in the appendix", () => {
    const progress = reportText(draftReport(figures, 12));
    const local = { ...DEFAULT_EVALUATION_SETTINGS, bands: { 优: 85, 良: 75, 中: 60 } };
    const text = withSelfEvaluation(progress, draftSelfEvaluation(figures, { ...inputs, settings: local }), local);
    const last = text.sections[text.sections.length - 1];
    expect(text.sections).toHaveLength(progress.sections.length + 1);
    expect(last?.heading).toMatch(/^[一二三四五六七八九十]+、绩效自评$/);
    expect(last?.paragraphs[0]).toContain("等级:优(85分及以上)、良(75分至不足85分)、中(60分至不足75分)、差(不足60分)");
    expect(last?.paragraphs).toHaveLength(1 + data.areas.length);
    expect(text.figures.slice(progress.figures.length)[0]).toEqual({
      label: "推进教育科技人才一体发展·自评得分",
      value: "96.74分(优)",
      source: "绩效自评:12月累计数按评分标准计分",
    });
  });

  it("does not score an area whose final figure holds text, and says which", () => {
    const [p1] = selfEvaluationParagraphs(draftSelfEvaluation(year({ "art01-hitech-firms": "invalid" }), inputs));
    expect(p1).toBe("(一)推进教育科技人才一体发展:新增高新技术企业的全年数填报有误,更正后方可评分。");
  });
});
