import fc from "fast-check";
import { isCalcError, monthEndProgress, monthlyStatus, reportMonth, status, timeProgress } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { EditionData } from "../../src/policy/types";
import {
  draftReport,
  INVALID,
  items,
  percent,
  reportText,
  targetFigure,
  versus,
  yi,
  type Figure,
  type TargetFigures,
  type WorkbookFigures,
} from "../../src/report";
import { hitechFirms, rdIntensity } from "../engine/fixtures";
import { syntheticYear } from "./syntheticYear";

const data = getEdition("yueqing-2025")!;
const blankYear = (): WorkbookFigures => ({ data, targets: new Map(), areas: new Map() });
const only = (id: string, months: Figure[], previous: number | null = null): WorkbookFigures => ({
  data,
  targets: new Map<string, TargetFigures>([[id, { months, previous }]]),
  areas: new Map(),
});

describe("monthly status (engine)", () => {
  it("judges each month with its month-end 序时进度", () => {
    const s = monthlyStatus(hitechFirms, [null, null, null, null, null, 40, 40], 2025);
    expect(s.slice(5, 8)).toEqual(["达进度", "欠进度", "未填报"]);
    expect(monthEndProgress(2025, 6)).toBe(0.5);
    expect(monthEndProgress(2025, 12)).toBe(1);
    // 12月底 is the year's end: not met is 未完成, not 欠进度.
    expect(monthlyStatus(hitechFirms, Array(12).fill(70), 2025)[11]).toBe("未完成");
    // Annual targets never use 序时进度.
    expect(monthlyStatus(rdIntensity, Array(12).fill(2.5), 2025)[5]).toBe("未完成");
  });

  it("equals the engine's status at each month end, for any figures", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }), { minLength: 12, maxLength: 12 }),
        (months) => {
          const s = monthlyStatus(hitechFirms, months, 2025);
          months.forEach((v, i) => {
            const end = new Date(Date.UTC(2025, i + 1, 0));
            const tp = timeProgress({ year: 2025, month: i + 1, day: end.getUTCDate() }, 2025);
            expect(s[i]).toBe(status(hitechFirms, v, { timeProgress: tp }));
          });
        },
      ),
    );
  });

  it("finds the report month: the latest filled month up to the report date", () => {
    const filled = [true, true, true, true, true, true, false, false, false, false, false, false];
    expect(reportMonth(filled, { year: 2025, month: 7, day: 15 }, 2025)).toBe(6);
    expect(reportMonth(filled, { year: 2025, month: 3, day: 31 }, 2025)).toBe(3);
    expect(reportMonth(filled, { year: 2024, month: 12, day: 31 }, 2025)).toBe(0);
    expect(reportMonth(Array(12).fill(true), { year: 2026, month: 2, day: 1 }, 2025)).toBe(12);
  });
});

describe("number formats", () => {
  it("writes figures as staff do", () => {
    expect(yi(16.8)).toBe("16.80亿元");
    expect(yi(69.49)).toBe("69.49亿元");
    expect(percent(0.52345)).toBe("52.3%");
    expect(items(3)).toBe("3项");
    expect(versus(-3.21, "序时进度")).toBe("低于序时进度3.2个百分点");
    expect(versus(4, "序时进度")).toBe("高于序时进度4.0个百分点");
    expect(versus(-0.01, "序时进度")).toBe("与序时进度持平");
    expect(targetFigure(hitechFirms, 60)).toBe("60家");
    expect(targetFigure(rdIntensity, 3.05)).toBe("3.05%");
  });
});

describe("draftReport", () => {
  it("names a target behind 序时进度 with its units and how far behind", () => {
    const report = draftReport(only("art01-hitech-firms", [5, 10, 15, 20, 25, 30]), 6);
    const line = report.behind.find((l) => l.target.id === "art01-hitech-firms");
    expect(line?.status).toBe("欠进度");
    expect(line?.completion).toBeCloseTo(0.4, 12);
    expect(line?.behindPoints).toBe(10);
    expect(line?.lead).toBe("市科技局");
    expect(report.counts.欠进度).toBe(1);
    expect(report.counts.未填报).toBe(data.targets.length - 1);
    const text = reportText(report);
    const section = text.sections.find((s) => s.heading === "三、欠进度目标");
    expect(section?.paragraphs.join("")).toContain(
      "新增高新技术企业(推进教育科技人才一体发展):目标75家,1–6月累计30家,完成率40.0%,低于序时进度10.0个百分点。牵头单位:市科技局",
    );
  });

  it("lists what changed since the previous month: newly completed, and 达进度 → 欠进度", () => {
    const figures: WorkbookFigures = {
      data,
      targets: new Map<string, TargetFigures>([
        ["art01-hitech-firms", { months: [7, 13, 19, 25, 32, 38, 40], previous: null }],
        ["art02-keystone-projects", { months: [0, 0, 0, 1, 1, 1, 2], previous: null }],
      ]),
      areas: new Map(),
    };
    const july = draftReport(figures, 7);
    expect(july.changes?.previousMonth).toBe(6);
    expect(july.changes?.fellBehind.map((l) => l.target.id)).toEqual(["art01-hitech-firms"]);
    expect(july.changes?.newlyCompleted.map((l) => l.target.id)).toEqual(["art02-keystone-projects"]);
    const words = reportText(july)
      .sections.map((s) => s.paragraphs.join(""))
      .join("");
    expect(words).toContain("与2025年6月底相比,新完成的目标1项:实施科创强基项目。");
    expect(words).toContain("由达进度转为欠进度的目标1项:新增高新技术企业(牵头单位:市科技局");
    expect(draftReport(figures, 1).changes).toBeNull();
  });

  it("says nothing about spending when none was filled, and counts every blank target as 未填报", () => {
    const report = draftReport(blankYear(), 6);
    expect(report.budget.spentYi).toBeNull();
    expect(report.counts.未填报).toBe(data.targets.length);
    const overview = reportText(report).sections[0]?.paragraphs ?? [];
    expect(overview[1]).toBe(
      "八个领域市财政预算安排69.49亿元(含领域间交叉重叠部分,扣除后为49.25亿元),各领域均未填报支出数。",
    );
    expect(overview.join("")).not.toMatch(/执行率|低于序时|高于序时/);
  });

  it("computes budget execution like 汇总: blank areas count 0, rate against the sum of all budgets", () => {
    const figures: WorkbookFigures = {
      data,
      targets: new Map(),
      areas: new Map([
        [6, { months: [1, 2, 3, 4, 5, 16.8] }],
        [1, { months: [0.1, 0.2, 0.3, 0.4, 0.5, 1.37] }],
      ]),
    };
    const r = draftReport(figures, 6);
    expect(r.budget.spentYi).toBe(18.17);
    expect(r.budget.rate).toBeCloseTo(18.17 / 69.49, 12);
    expect(r.budget.missing).toHaveLength(6);
    const six = r.areas.find((a) => a.area.no === 6);
    expect(six?.budget.rate).toBe(0.5);
    expect(six?.budget.pace).toBe(0);
    const text = reportText(r).sections[1]?.paragraphs[5];
    expect(text).toContain("预算安排33.60亿元,已支出16.80亿元,执行率50.0%,与序时进度持平。");
  });

  it("keeps text in a number cell apart as 填报有误, never as a number", () => {
    const r = draftReport(only("art01-hitech-firms", [null, null, null, null, null, "invalid"]), 6);
    expect(r.counts[INVALID]).toBe(1);
    expect(r.invalid[0]?.target.id).toBe("art01-hitech-firms");
    expect(reportText(r).sections.some((s) => s.heading.endsWith(`${INVALID}的目标`))).toBe(true);
  });

  it("over a synthetic year: counts add up, and every listed target has the engine's status", () => {
    const figures = syntheticYear(data);
    for (const month of [1, 6, 7, 12]) {
      const r = draftReport(figures, month);
      const total = Object.values(r.counts).reduce((s, n) => s + n, 0);
      expect(total).toBe(data.targets.length);
      expect(r.areas.reduce((s, a) => s + a.targets, 0)).toBe(data.targets.length);
      for (const line of [...r.behind, ...r.missing]) {
        const f = figures.targets.get(line.target.id);
        const v = f?.months[month - 1];
        const expected = status(line.target, typeof v === "number" ? v : null, {
          previous: typeof f?.previous === "number" ? f.previous : null,
          timeProgress: month / 12,
        });
        expect(isCalcError(expected) ? INVALID : expected).toBe(line.status);
      }
      const text = reportText(r);
      expect(text.sections[0]?.paragraphs[0]).toContain(
        `${data.targets.length}项目标任务中,已完成${r.counts.已完成}项、达进度${r.counts.达进度}项、欠进度${r.counts.欠进度}项、未完成${r.counts.未完成}项、未填报${r.counts.未填报}项`,
      );
      // The appendix holds one row per target: every figure the counts rest on.
      expect(text.figures.filter((f) => /\([a-z0-9-]+\)$/.test(f.label))).toHaveLength(data.targets.length);
    }
    expect(draftReport(figures, 12).behind).toHaveLength(0); // 12月底: not met is 未完成
    expect(draftReport(figures, 7).changes?.fellBehind.length).toBeGreaterThan(0);
  });

  it("says the budgets overlap only when the areas' sum exceeds the document's total", () => {
    const overview = (d: EditionData) =>
      reportText(draftReport({ data: d, targets: new Map(), areas: new Map() }, 6)).sections[0]?.paragraphs[1];
    expect(overview(data)).toContain("(含领域间交叉重叠部分,扣除后为49.25亿元)");
    const sum = data.areas.reduce((s, a) => s + a.budgetYi, 0);
    const exact: EditionData = { ...data, document: { ...data.document, totalBudgetYi: Math.round(sum * 100) / 100 } };
    expect(overview(exact)).toBe("八个领域市财政预算安排69.49亿元,各领域均未填报支出数。");
    expect(
      reportText(draftReport({ data: exact, targets: new Map(), areas: new Map() }, 6)).figures,
    ).not.toContainEqual(expect.objectContaining({ label: "扣除交叉重叠后的预算" }));
  });

  it("puts every figure the text states into the appendix: a 欠进度 target's 完成率 and distance, an area's rate", () => {
    const figures: WorkbookFigures = {
      data,
      targets: new Map<string, TargetFigures>([
        ["art01-hitech-firms", { months: [7, 13, 19, 25, 32, 38, 40], previous: null }],
      ]),
      areas: new Map([[6, { months: [1, 2, 3, 4, 5, 16.8, 18] }]]),
    };
    const text = reportText(draftReport(figures, 7));
    const words = text.sections.flatMap((s) => s.paragraphs).join("");
    const row = (label: string) => text.figures.find((f) => f.label === label);
    expect(words).toContain("完成率53.3%,低于序时进度5.0个百分点");
    expect(row("新增高新技术企业·完成率")?.value).toBe("53.3%");
    expect(row("新增高新技术企业·完成率−序时进度")?.value).toBe("低于序时进度5.0个百分点");
    expect(row("新增高新技术企业·目标值")?.value).toBe("75家");
    expect(row("新增高新技术企业(art01-hitech-firms)")?.source).toContain("欠进度;6月底达进度");
    const area = data.areas.find((a) => a.no === 6)!;
    expect(words).toContain(`执行率${row(`${area.title}·执行率`)?.value}`);
    // Every 百分点 phrase of the text is a value of the appendix.
    const phrases = new Set(words.match(/(?:低于|高于)序时进度[\d.]+个百分点|与序时进度持平/g) ?? []);
    expect(phrases.size).toBeGreaterThan(1);
    const values = new Set(text.figures.map((f) => f.value));
    for (const p of phrases) expect([p, values.has(p)]).toEqual([p, true]);
  });

  it("rejects a month outside 1–12", () => {
    expect(() => draftReport(blankYear(), 13)).toThrow(RangeError);
  });

  it("adapts to an edition of another shape", () => {
    const small: EditionData = {
      ...data,
      areas: data.areas.slice(0, 1),
      targets: data.targets.filter((t) => t.area === 1),
    };
    const r = draftReport({ data: small, targets: new Map(), areas: new Map() }, 3);
    expect(reportText(r).sections[0]?.paragraphs[1]).toMatch(/^一个领域市财政预算安排2\.74亿元/);
    // A county's document: its own payer, from the budget quotes.
    const county: EditionData = {
      ...small,
      areas: small.areas.map((a) => ({ ...a, budgetQuote: a.budgetQuote.replace(/^市财政/, "县财政") })),
    };
    expect(county.areas[0]?.budgetQuote).toMatch(/^县财政/);
    const words = reportText(draftReport({ data: county, targets: new Map(), areas: new Map() }, 3));
    expect(words.sections[0]?.paragraphs[1]).toMatch(/^一个领域县财政预算安排2\.74亿元/);
  });
});
