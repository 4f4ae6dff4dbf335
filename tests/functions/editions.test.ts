/**
 * The ZC functions follow the workbook's edition: the same functions over a second, differently shaped edition
 * (1 area, 万元 budgets, 3 targets), qualified ids across editions, ZC.EDITION, and an unknown edition as #N/A.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultEditionId, editionIds, getEdition } from "../../src/policy";
import { fromEditionFile } from "../../src/policy/editionFile";
import { createEditionRegistry } from "../../src/functions/editions";
import { expectError, functionsOf } from "./support/zc";
import { syntheticEdition } from "../support/syntheticEdition";

const shifan = fromEditionFile(
  JSON.parse(readFileSync(path.join(__dirname, "../fixtures/editions/shifan-2026.json"), "utf8")),
);
const zc = functionsOf(shifan);

describe("ZC functions over the workbook's edition", () => {
  it("compute with that edition's targets, budgets, articles and year", () => {
    expect(zc("TARGET", "art02-cloud-firms")).toBe(100);
    expect(zc("TARGET", "area1-core-industry-growth")).toBe(0.08);
    expect(zc("COMPLETION", "art01-digital-retrofits", 15)).toBe(0.5);
    expect(zc("MET", "art02-cloud-firms", 100)).toBe(false); // 超过: 100 is not above 100
    expect(zc("BUDGET", 1, null, "万元")).toBe(3500);
    expect(zc("BUDGET", "一", "数字化改造", "万元")).toBe(1200);
    expect(zc("BUDGET", "合计")).toBe(0.35);
    expect(zc("RESPONSIBLE", 2)).toBe("县发改局、县经信局");
    expect(zc("TIMEPROGRESS", "2026-06-30")).toBe(0.5);
    expect(zc("TARGETS")).toEqual([
      ["编号", "指标", "目标值", "单位", "比较"],
      ["area1-core-industry-growth", "数字经济核心产业增加值增长", 0.08, "%", "~"],
      ["art01-digital-retrofits", "完成数字化改造企业", 30, "家", ">="],
      ["art02-cloud-firms", "新增上云企业", 100, "家", ">"],
    ]);
  });

  it("answer #N/A for what the edition does not have, with the edition's own ranges", () => {
    expectError(zc("TARGET", "art01-hitech-firms"), "NA", "art01-hitech-firms");
    expectError(zc("BUDGET", 2), "NA", "找不到领域“2”(可用 1、一或领域名称)");
    expectError(zc("RESPONSIBLE", 3), "NA", "找不到第3条(可用 1–2 或(一)–(二))");
  });

  it("take areas and articles past 十 in an edition of 12 areas and 60 articles: 十一, 十二, (六十), 第五十九条", () => {
    const big = functionsOf(fromEditionFile(syntheticEdition({ areas: 12, targets: 400, articlesPerArea: 5 })));
    expect(big("BUDGET", "十一")).toBe(1.15);
    expect(big("BUDGET", "十二", null, "万元")).toBe(12500);
    expect(big("BUDGET", "合成领域第12项")).toBe(1.25);
    expect(big("BUDGET", "各领域合计")).toBe(8.4);
    expect(big("EXECRATE", "十二", 0.625)).toBe(0.5);
    expect(big("RESPONSIBLE", "(六十)")).toBe("县第12局、县财政局");
    expect(big("RESPONSIBLE", "第五十九条")).toBe("县第12局、县财政局");
    const list = big("TARGETS", "十二") as unknown[][];
    expect(list.slice(1).map((row) => row[0])).toHaveLength(400 - 11 * 34);
    expect((big("TARGETS", 12, "(六十)") as unknown[][]).slice(1).map((row) => row[0])).toEqual([
      "t379-rank",
      "t384-rank",
      "t389-rank",
      "t394-rank",
      "t399-rank",
    ]);
    expectError(big("BUDGET", 13), "NA", "找不到领域“13”(可用 1–12、一–十二或领域名称)");
    expectError(big("RESPONSIBLE", 61), "NA", "找不到第61条(可用 1–60 或(一)–(六十))");
    expectError(big("TARGETS", 11, "(六十)"), "NA");
  });

  it("reach a bundled edition by a qualified id, so one report can compare two years", () => {
    expect(zc("TARGET", "yueqing-2025/art01-hitech-firms")).toBe(75);
    expect(zc("TARGET", " YUEQING-2025 /art01-hitech-firms")).toBe(75);
    expect(zc("BUDGET", "yueqing-2025/6")).toBe(33.6);
    expect(zc("STATUS", "yueqing-2025/art01-hitech-firms", 80)).toBe("已完成");
    expect(zc("TARGET", "shifan-2026/art02-cloud-firms")).toBe(100);
    expectError(zc("TARGET", "yueqing-1999/art01-hitech-firms"), "NA", "找不到版本“yueqing-1999”", "yueqing-2025");
  });

  it("ZC.EDITION names the edition in use, or a field of it", () => {
    expect(zc("EDITION")).toBe("shifan-2026");
    expect(zc("EDITION", "文号")).toBe("示政发〔2026〕1号");
    expect(zc("EDITION", "year")).toBe(2026);
    expect(zc("EDITION", "yueqing-2025/title")).toBe("乐清市推动经济高质量发展若干政策(2025年版)");
    expectError(zc("EDITION", "colour"), "NA", "colour");
  });

  it("switch when another edition is loaded, and fall back to the default when the workbook has none", () => {
    const registry = createEditionRegistry(
      editionIds().flatMap((id) => getEdition(id) ?? []),
      defaultEditionId,
    );
    expect(registry.evaluate("EDITION", [])).toBe("yueqing-2025");
    expect(registry.evaluate("TARGET", ["art01-hitech-firms"])).toBe(75);
    registry.setWorkbookEdition(shifan);
    expect(registry.evaluate("EDITION", [])).toBe("shifan-2026");
    expect(registry.evaluate("BUDGET", ["合计"])).toBe(0.35);
    const big = fromEditionFile(syntheticEdition({ areas: 12, targets: 400 }));
    registry.setWorkbookEdition(big);
    expect(registry.evaluate("BUDGET", [12])).toBe(1.25);
    expect(registry.evaluate("RESPONSIBLE", ["(三十)"])).toBe("县第10局、县财政局");
    registry.setWorkbookEdition(undefined);
    expect(registry.evaluate("EDITION", [])).toBe("yueqing-2025");
  });
});
