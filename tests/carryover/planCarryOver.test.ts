/**
 * The year's turn, as data: a 2026 edition derived from the 2025 one the way editions change (figures raised, two
 * targets reworded, one dropped, one new, one whose id changed with its unit) inherits each target's 上年值 from
 * the 2025 workbook's final figures — by id first, else by the importer's matching — and never over a typed value.
 */
import { isCalcError } from "../../src/engine";
import { getEdition } from "../../src/policy";
import type { EditionData, Target } from "../../src/policy/types";
import { planCarryOver, type CarryOverEntry, type FinalFigure } from "../../src/carryover";
import { NEW_TARGET as NEW } from "./support/years";

const y2025 = getEdition("yueqing-2025") as EditionData;

const DROPPED = "art24-energy-private-share";
const REWORDED = ["art11-national-sports-events", "art26-capacity-investment"];
const RENAMED = { from: "art23-policy-loans", to: "art23-policy-bank-loans" }; // 15亿元 → 150000万元, new id

function target2026(t: Target): Target | undefined {
  if (t.id === DROPPED) return undefined;
  const raised = t.value === null ? null : t.unit === "%" ? t.value : Math.round(t.value * 1.1 * 100) / 100;
  if (t.id === REWORDED[0]) return { ...t, indicator: `举办乐清半程马拉松等${t.indicator.replace(/^举办/, "")}` };
  if (t.id === REWORDED[1]) return { ...t, indicator: `${t.indicator}(含续建项目)`, value: raised };
  if (t.id === RENAMED.from) return { ...t, id: RENAMED.to, unit: "万元", value: 150000 };
  return { ...t, value: raised };
}

const y2026: EditionData = {
  ...y2025,
  document: { ...y2025.document, id: "yueqing-2026", year: 2026 },
  targets: [...y2025.targets.map(target2026).filter((t): t is Target => t !== undefined), NEW],
};

/** Last year's final figures: every target but one (never reported), 12月 of the monthly sheet. */
const NEVER_REPORTED = "art36-county-visit-rate";
function finals(): Map<string, FinalFigure> {
  return new Map(
    y2025.targets
      .filter((t) => t.id !== NEVER_REPORTED)
      .map((t, i) => [
        t.id,
        { value: t.value === null ? 1.7 + i / 100 : t.value + i, sheet: "月度填报", period: "12月" },
      ]),
  );
}

const byId = (entries: readonly CarryOverEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe("planCarryOver", () => {
  const previous = { file: "2025台账.xlsx", edition: y2025, finals: finals() };
  const plan = planCarryOver(previous, y2026);
  const entries = byId(plan.entries);

  it("carries each kept target's final figure by id, with its source", () => {
    const figures = finals();
    for (const t of y2026.targets) {
      const e = entries.get(t.id);
      if (t.id === NEW.id || t.id === RENAMED.to || t.id === NEVER_REPORTED) continue;
      expect(e).toEqual({
        status: "carried",
        id: t.id,
        value: figures.get(t.id)?.value,
        from: { id: t.id, match: "id", unit: t.unit },
        trace: "上年值取自 2025台账.xlsx 月度填报 12月",
      });
    }
    expect(plan.entries.map((e) => e.id)).toEqual(y2026.targets.map((t) => t.id));
  });

  it("finds a target whose id changed by the importer's matching, and converts 亿元 into 万元", () => {
    const e = entries.get(RENAMED.to);
    const p = finals().get(RENAMED.from)?.value ?? NaN;
    expect(e).toMatchObject({ status: "carried", value: p * 10000, from: { id: RENAMED.from, match: "wording" } });
    expect(e?.status === "carried" && e.trace).toBe(
      `上年值取自 2025台账.xlsx 月度填报 12月(上年编号 ${RENAMED.from},按条款、指标和单位匹配;${p}亿元折合${p * 10000}万元)`,
    );
  });

  it("lists the new target, the dropped one and the one never reported", () => {
    expect(plan.withoutPredecessor).toEqual([NEW.id]);
    expect(plan.withoutSuccessor).toEqual([DROPPED]);
    expect(entries.get(NEVER_REPORTED)).toEqual({
      status: "noFigure",
      id: NEVER_REPORTED,
      from: { id: NEVER_REPORTED, match: "id", unit: "%" },
    });
  });

  it("never replaces a 上年值 the user typed: an equal one agrees, another differs", () => {
    const [a, b] = y2026.targets.filter((t) => t.unit === "家");
    if (!a || !b) throw new Error("the edition has targets in 家");
    const figures = finals();
    const typed = new Map([
      [a.id, figures.get(a.id)?.value ?? NaN],
      [b.id, 999],
    ]);
    const again = byId(planCarryOver(previous, y2026, typed).entries);
    expect(again.get(a.id)?.status).toBe("agrees");
    expect(again.get(b.id)).toMatchObject({ status: "differs", typed: 999, carried: figures.get(b.id)?.value });
  });

  it("refuses a % figure into a count rather than carry a number that means something else", () => {
    const share = y2025.targets.find((t) => t.unit === "%" && t.comparator === ">=");
    if (!share) throw new Error("the edition has a share");
    const counted: EditionData = {
      ...y2026,
      targets: y2026.targets.map((t) => (t.id === share.id ? { ...t, unit: "个", kind: "count" as const } : t)),
    };
    const e = byId(planCarryOver(previous, counted).entries).get(share.id);
    expect(e?.status).toBe("refused");
    expect(e?.status === "refused" && isCalcError(e.reason) && e.reason.message).toBe("单位不一致:“%”不能换算为“个”");
  });

  it("finds reworded targets whose ids were not kept (an edition imported without --previous) by their wording", () => {
    const fresh: EditionData = {
      ...y2026,
      targets: y2026.targets.map((t) => (REWORDED.includes(t.id) ? { ...t, id: `${t.id}-2026` } : t)),
    };
    const e = byId(planCarryOver(previous, fresh).entries);
    for (const id of REWORDED) {
      expect(e.get(`${id}-2026`)).toMatchObject({
        status: "carried",
        value: finals().get(id)?.value,
        from: { id, match: "wording" },
      });
    }
  });

  it("does not pair a new target with a dropped one of another subject", () => {
    const other: EditionData = {
      ...y2026,
      targets: [
        ...y2026.targets,
        { ...NEW, id: "art24-other", area: 6, article: 24, indicator: "新增海洋经济项目", unit: "%" },
      ],
    };
    const p = planCarryOver(previous, other);
    expect(p.withoutPredecessor).toContain("art24-other");
    expect(p.withoutSuccessor).toEqual([DROPPED]);
  });
});
