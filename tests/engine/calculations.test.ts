import {
  budgetVariance,
  completionRate,
  executionRate,
  gap,
  isCalcError,
  isMet,
  pace,
  readDate,
  readNumber,
  reportMonthValue,
  status,
  timeProgress,
  toExcelSerial,
  type CalcError,
} from "../../src/engine";
import {
  capped,
  hitechFirms,
  incomeRatio,
  industryGrowth,
  investmentUp,
  rdIntensity,
  specializedSme,
  tradeInRank,
  transportInvest,
} from "./fixtures";

const err = (x: unknown): CalcError => {
  if (!isCalcError(x)) throw new Error(`expected a CalcError, got ${String(x)}`);
  return x;
};

describe("completionRate", () => {
  it("divides actual by target for >=, > and ~", () => {
    expect(completionRate(hitechFirms, 60)).toBe(0.8);
    expect(completionRate(specializedSme, 19)).toBe(0.5);
    expect(completionRate(rdIntensity, 3.12)).toBe(1);
  });
  it("compares a growth rate with the target rate (10% target, 8% actual → 0.8)", () => {
    expect(completionRate(industryGrowth, 8)).toBe(0.8);
  });
  it("inverts for <= and caps ranks at 1", () => {
    expect(completionRate(capped, 10)).toBe(0.5);
    expect(completionRate(tradeInRank, 6)).toBe(0.5);
    expect(completionRate(tradeInRank, 1)).toBe(1);
  });
  it("is 1 or 0 for directions and needs last year's value", () => {
    expect(completionRate(incomeRatio, 1.7, 1.75)).toBe(1);
    expect(completionRate(incomeRatio, 1.8, 1.75)).toBe(0);
    expect(completionRate(investmentUp, 101, 100)).toBe(1);
    expect(err(completionRate(incomeRatio, 1.7)).code).toBe("NA");
  });
  it("returns errors, never Infinity", () => {
    expect(err(completionRate(capped, 0)).code).toBe("DIV0");
    expect(err(completionRate(tradeInRank, 0)).code).toBe("VALUE");
    expect(err(completionRate({ ...hitechFirms, value: 0 }, 3)).code).toBe("DIV0");
  });
});

describe("isMet", () => {
  it("超 excludes the figure: 超38家 is not met by 38", () => {
    expect(isMet(specializedSme, 38)).toBe(false);
    expect(isMet(specializedSme, 39)).toBe(true);
  });
  it("以上 includes the figure", () => {
    expect(isMet(hitechFirms, 75)).toBe(true);
    expect(isMet(hitechFirms, 74)).toBe(false);
  });
  it("左右 means within 5% either side by default, overridable", () => {
    expect(isMet(rdIntensity, 3.12 * 0.95)).toBe(true);
    expect(isMet(rdIntensity, 3.12 * 1.05)).toBe(true);
    expect(isMet(rdIntensity, 2.9)).toBe(false);
    expect(isMet(rdIntensity, 2.9, null, 0.1)).toBe(true);
    expect(err(isMet(rdIntensity, 3, null, 2)).code).toBe("VALUE");
  });
  it("ranks and upper bounds", () => {
    expect(isMet(tradeInRank, 3)).toBe(true);
    expect(isMet(tradeInRank, 4)).toBe(false);
    expect(isMet(capped, 5)).toBe(true);
    expect(isMet(capped, 5.1)).toBe(false);
  });
  it("directions compare with last year", () => {
    expect(isMet(incomeRatio, 1.72, 1.75)).toBe(true);
    expect(isMet(incomeRatio, 1.75, 1.75)).toBe(false);
    expect(isMet(investmentUp, 1.01, 1)).toBe(true);
    expect(err(isMet(investmentUp, 1.01)).key).toBe("needsPrevious");
  });
});

describe("gap", () => {
  it("is in 百分点 for percentage targets: 8% against 10% → −2", () => {
    expect(gap(industryGrowth, 8)).toBe(-2);
    expect(gap(rdIntensity, 3.05)).toBe(-0.07);
  });
  it("is in the target's unit otherwise", () => {
    expect(gap(hitechFirms, 60)).toBe(-15);
    expect(gap(transportInvest, 110)).toBe(3.5);
  });
  it("has no figure for qualitative targets", () => {
    expect(err(gap(incomeRatio, 1)).code).toBe("NA");
  });
});

describe("status", () => {
  it("is 未填报 while the actual is blank", () => {
    expect(status(hitechFirms, null)).toBe("未填报");
    expect(status(incomeRatio, 1.7)).toBe("未填报");
  });
  it("applies 序时进度 to cumulative kinds only", () => {
    expect(status(hitechFirms, 40, { timeProgress: 0.5 })).toBe("达进度");
    expect(status(hitechFirms, 30, { timeProgress: 0.5 })).toBe("欠进度");
    expect(status(hitechFirms, 75, { timeProgress: 0.5 })).toBe("已完成");
    expect(status(rdIntensity, 2, { timeProgress: 0.5 })).toBe("未完成");
    expect(status(industryGrowth, 9, { timeProgress: 0.1 })).toBe("未完成");
  });
  it("is 未完成 without a date, and at or after the year's end", () => {
    expect(status(hitechFirms, 40)).toBe("未完成");
    expect(status(hitechFirms, 74, { timeProgress: 1 })).toBe("未完成");
  });
});

describe("budget execution", () => {
  it("executionRate, budgetVariance and pace", () => {
    expect(executionRate(33.6, 16.8)).toBe(0.5);
    expect(err(executionRate(0, 1)).code).toBe("DIV0");
    expect(budgetVariance(2.74, 3)).toBe(0.26);
    expect(pace(0.3, 0.5)).toBe(-20);
  });
});

describe("timeProgress", () => {
  it("month basis: 6月30日 is half the year, 7月31日 is 7/12", () => {
    expect(timeProgress({ year: 2025, month: 6, day: 30 }, 2025)).toBe(0.5);
    expect(timeProgress({ year: 2025, month: 7, day: 31 }, 2025)).toBeCloseTo(7 / 12, 15);
    expect(timeProgress({ year: 2025, month: 12, day: 31 }, 2025)).toBe(1);
  });
  it("day basis divides the day of the year by the days in it", () => {
    expect(timeProgress({ year: 2025, month: 6, day: 30 }, 2025, "day")).toBeCloseTo(181 / 365, 15);
    expect(timeProgress({ year: 2024, month: 12, day: 31 }, 2024, "day")).toBe(1);
  });
  it("is 0 before the year and 1 after it", () => {
    expect(timeProgress({ year: 2024, month: 12, day: 31 }, 2025)).toBe(0);
    expect(timeProgress({ year: 2026, month: 1, day: 1 }, 2025)).toBe(1);
  });
});

describe("readNumber", () => {
  it("reads numbers, numeric text, percent text and blanks", () => {
    expect(readNumber(60)).toBe(60);
    expect(readNumber("60")).toBe(60);
    expect(readNumber(" 1,234 ")).toBe(1234);
    expect(readNumber("3.05%")).toBe(0.0305);
    expect(readNumber("３．０％")).toBe(0.03);
    expect(readNumber([[42]])).toBe(42);
    expect(readNumber(-0)).toBe(0);
    expect(Object.is(readNumber(-0), -0)).toBe(false);
    expect(readNumber("")).toBeNull();
    expect(readNumber("   ")).toBeNull();
    expect(readNumber(null)).toBeNull();
  });
  it("refuses what is not a number with #VALUE!", () => {
    for (const bad of ["六十", "12家", "1,23", "1e400", NaN, Infinity, true, [[1, 2]], {}]) {
      expect(err(readNumber(bad)).code).toBe("VALUE");
    }
    expect(err(readNumber("六十")).message).toContain("六十");
  });
});

describe("readDate", () => {
  it("reads Excel serials of the 1900 system: 45838 is 2025-06-30", () => {
    expect(readDate(45838)).toEqual({ year: 2025, month: 6, day: 30 });
    expect(readDate(45838.75)).toEqual({ year: 2025, month: 6, day: 30 });
    expect(readDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(readDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(toExcelSerial({ year: 2025, month: 6, day: 30 })).toBe(45838);
  });
  it("reads ISO and Chinese date text", () => {
    expect(readDate("2025-07-31")).toEqual({ year: 2025, month: 7, day: 31 });
    expect(readDate("2025/7/31")).toEqual({ year: 2025, month: 7, day: 31 });
    expect(readDate("2025年7月31日")).toEqual({ year: 2025, month: 7, day: 31 });
    expect(readDate("")).toBeNull();
    expect(readDate(new Date(Date.UTC(2025, 5, 30)))).toEqual({ year: 2025, month: 6, day: 30 });
  });
  it("refuses impossible dates", () => {
    for (const bad of ["2025-02-30", "2025-13-01", "明天", 0, -5, 60, NaN]) {
      expect(err(readDate(bad)).code).toBe("VALUE");
    }
  });
});

describe("reportMonthValue", () => {
  it("gives the report month's own figure, never an earlier month's", () => {
    expect(reportMonthValue([12, 18, 25, 31, 36, 42], 6)).toBe(42);
    expect(reportMonthValue([12, 18, null, 31], 3)).toBeNull();
    expect(reportMonthValue([12, 18], 4)).toBeNull();
    expect(reportMonthValue(["待统计", 5], 1)).toBe("待统计");
  });
  it("has no figure without a report month (0: nothing filled) or outside 1–12", () => {
    for (const m of [0, 13, -1, 2.5, NaN]) expect(reportMonthValue([1, 2, 3], m)).toBeNull();
  });
});
