/**
 * The reasons the 自评报告 gives for lost points: 绩效监控's 偏差原因分析 first (typed, or merged from a return), else the
 * 情况说明 a return brought onto 月度填报 — found by header and 编号 wherever the rows sit.
 */
import { deviationReasonsOf } from "../../src/sheets/deviationReasons";
import type { ExistingSheet } from "../../src/workbook/snapshot";

const sheet = (name: string, title: string, rows: unknown[][]): ExistingSheet => ({
  name,
  cells: [[{ value: `【政策目标】${title} · 乐清` }], [], ...rows.map((r) => r.map((value) => ({ value })))],
});

describe("deviationReasonsOf", () => {
  it("takes 绩效监控's 偏差原因分析 over a return's 情况说明, and the note where 绩效监控 says nothing", () => {
    const monitor = sheet("绩效监控", "绩效监控", [
      ["编号", "领域", "偏差原因分析"],
      ["art02-tech-projects", "一", "  "],
      ["art01-hitech-firms", "一", " 认定批次推迟至次年 "],
    ]);
    const monthly = sheet("月度填报", "月度填报", [
      ["编号", "12月", "情况说明"],
      ["art01-hitech-firms", 60, "另有8家在公示中"],
      ["art02-tech-projects", 8, "两项待省厅立项"],
      ["art03-excellent-engineers", 5, 3],
    ]);
    expect([...deviationReasonsOf([monthly, monitor])]).toEqual([
      ["art01-hitech-firms", "认定批次推迟至次年"],
      ["art02-tech-projects", "两项待省厅立项"],
    ]);
    expect(deviationReasonsOf([])).toEqual(new Map());
  });
});
