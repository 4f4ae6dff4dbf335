/**
 * Class 8 of issue 18: names that are Object.prototype's members find nothing (#N/A naming the input, never a header
 * row or a misleading message), and a date written with slashes is a date, not an edition-qualified reference.
 */
import { PROTOTYPE_KEYS } from "../support/hostile";
import { expectError, zc } from "../functions/support/zc";

describe("ZC lookups with prototype names", () => {
  it.each(PROTOTYPE_KEYS)("%j is an unknown area, article, target, field and unit everywhere", (key) => {
    expectError(zc("TARGETS", key), "NA", `找不到领域“${key}”`);
    expectError(zc("TARGETS", null, key), "NA", "找不到第");
    expectError(zc("BUDGET", key), "NA", `找不到领域“${key}”`);
    expectError(zc("EXECRATE", key, 1), "NA", `找不到领域“${key}”`);
    expectError(zc("PACE", key, 1, "2025-06-30"), "NA", `找不到领域“${key}”`);
    expectError(zc("TARGET", key), "NA", key.trim());
    expectError(zc("RESPONSIBLE", key), "NA", "找不到第");
    expectError(zc("TARGET", "art01-hitech-firms", key), "NA", "字段");
    expectError(zc("BUDGET", 1, null, key), "VALUE", "金额单位");
    expectError(zc("EDITION", key), "NA");
  });

  it("still finds the words it knows (a Map, not a weaker lookup)", () => {
    expect(zc("BUDGET", "合计")).toBe(49.25);
    expect(zc("BUDGET", " TOTAL ", null, "万元")).toBe(492500);
    expect(zc("BUDGET", "sum")).toBe(69.49);
    expect(zc("BUDGET", 1, null, "wan")).toBeGreaterThan(0);
    expect((zc("TARGETS", "合计") as unknown[]).length).toBeGreaterThan(90);
  });
});

describe("dates with slashes are dates", () => {
  it.each([
    ["2025/6/30", 0.5],
    ["2025/06/30", 0.5],
    [" 2025/12/31 ", 1],
    ["2025/1/31", 1 / 12],
  ])("ZC.TIMEPROGRESS(%j) = %d", (date, expected) => {
    expect(zc("TIMEPROGRESS", date)).toBeCloseTo(expected, 10);
  });

  it("a date-shaped first argument of another function is read as that function's input, not an edition", () => {
    // COMPLETION's first argument is a target id: 2025/6/30 names no target, and says so.
    expectError(zc("TARGET", "2025/6/30"), "NA", "2025/6/30");
    expectError(zc("TIMEPROGRESS", "2025/13/45"), "VALUE");
  });

  it("qualified references still pick their edition", () => {
    expect(zc("TARGET", "yueqing-2025/art01-hitech-firms")).toBe(zc("TARGET", "art01-hitech-firms"));
    expect(zc("TARGET", " YUEQING-2025 /art01-hitech-firms")).toBe(zc("TARGET", "art01-hitech-firms"));
    expectError(zc("TARGET", "nowhere-2031/art01-hitech-firms"), "NA", "nowhere-2031");
  });
});
