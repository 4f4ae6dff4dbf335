import { DEFAULT_EVALUATION_SETTINGS, proposeIndicatorClass, scoringRule } from "../engine";
import { titleWithNumber } from "../policy/documentLabel";
import type { Target } from "../policy/types";
import { cellAddress, columnLetter, rangeAddress } from "../workbook/a1";
import { hasContent } from "../workbook/cells";
import type { CellSpec, SheetSpec } from "../workbook/model";
import type { ExistingSheet } from "../workbook/snapshot";
import { areaLabel, carried, emptyStats, type BuildContext, type BuildStats } from "./context";
import { deviationReasonsOf } from "./deviationReasons";
import { executionRateFormula } from "./formulas";
import { headerKey, targetCol } from "./layout";
import { annualTargetText, monitorCol, type MonitorResults } from "./monitor";
import { monthlySpendingCol, monthlyTargetCol } from "./monthly";
import { lookupFormula } from "./monthlyFormulas";
import { findHeader } from "./read";
import { NOTE_HEADER } from "./returnsMerge";
import { SheetBuilder, STATUS_COLORS, STYLE, TITLE_MARK } from "./sheetBuilder";
import { selfEvaluationFormulas } from "./selfEvaluationFormulas";
import {
  AREA_HEADER_ROW,
  AREA_TITLE_ROW,
  areaCol,
  areaHeaders,
  INDICATOR_CLASSES,
  SELF_EVALUATION_COLUMNS,
  SELF_EVALUATION_TABLE,
  selfEvaluationCol as col,
  selfEvaluationHeaderRow,
  settingOf,
  SETTINGS,
  SETTINGS_LABEL_ROW,
  SETTINGS_ROW,
  SETTINGS_TITLE_ROW,
} from "./selfEvaluationLayout";
import { readSelfEvaluationCells } from "./selfEvaluationRead";
import { selfEvaluationResults } from "./selfEvaluationResults";
import { shownAsPercent } from "./texts";

/**
 * 绩效自评: the 项目支出绩效自评表 (财预〔2020〕10号 practice) for each area's 市财政预算安排资金. On top the settings
 * block (weights, 满意度 full mark, grade bands — staff change them); then 各领域自评得分, one row per area — 预算数,
 * 全年支出, 预算执行率 and its score, the 产出 and 效益 points, 满意度 (typed) and its score, total and grade; then
 * 指标评分, one row per target — its 类别 (产出/效益: a drop-down, the product proposes one), 年度指标值, 全年实际完成值
 * and 完成率 (目标任务's, which follow 月度填报's latest month), weight, score and 偏差原因 (绩效监控's, else a return's
 * 情况说明). Every score is a classic formula (selfEvaluationFormulas.ts); a refresh keeps every staff cell.
 */

const MONEY = "#,##0.00";
const RATE = "0.0%";
const SCORE = "0.00";

/** 评分方式 as the sheet states it for a target. */
export function scoringRuleText(t: Pick<Target, "comparator" | "value">): string {
  return scoringRule(t) === "byCompletion" ? "按完成率计分" : "达到得满分,未达到不得分";
}

export const SCORING_RULE_TEXT =
  "评分规则:各项得分=权重×完成程度,完成率超过100%的按100%计、未填报的得0分;“上升/下降”类及定性指标达到得满分、未达到不得分;" +
  "同一领域内产出指标平分产出权重、效益指标平分效益权重,领域只有一类指标时由该类平分两类权重之和;满意度得分=满意度权重×满意度÷满分线;" +
  "总分为四项之和,按等级分数线评定优、良、中、差。";

export function buildSelfEvaluationSheet(
  ctx: BuildContext,
  name: string,
  /** 绩效监控's figures (resultsOf in monitor.ts), computed once for both sheets. */
  figures: MonitorResults,
  sheets: ReadonlyMap<string, ExistingSheet> = new Map(),
): { sheet: SheetSpec; stats: BuildStats } {
  const { data, index, amountUnit } = ctx;
  const b = new SheetBuilder("绩效自评", name);
  const stats = emptyStats();
  const n = SELF_EVALUATION_COLUMNS.length;
  const header = selfEvaluationHeaderRow(data.areas.length);
  const F = selfEvaluationFormulas({ header, areas: data.areas.length });
  const kept = readSelfEvaluationCells(sheets.get(name), index);
  // A row the table has keeps its 类别; a new one gets the proposal, written with the row (the text format makes
  // the keyed patch write this input cell of an appended row).
  const classCell = (t: Target): CellSpec | undefined =>
    kept?.classes.has(t.id) ? carried(kept.classes.get(t.id)) : { value: proposeIndicatorClass(t), numFmt: "@" };
  const classOf = (t: Target) => classCell(t)?.value;
  const settingCell = (s: (typeof SETTINGS)[number]): CellSpec | undefined => {
    const fmt = s.key === "满意度满分线" ? "0%" : undefined;
    if (kept) return carried(kept.settings[s.key], fmt);
    const value = settingOf(DEFAULT_EVALUATION_SETTINGS, s.key);
    return fmt ? { value, numFmt: fmt } : { value };
  };
  const settingCells = new Map(SETTINGS.map((s) => [s.key, settingCell(s)]));
  const satisfactionCell = (no: number) => carried(kept?.satisfaction.get(no), RATE);
  const results = selfEvaluationResults({
    ctx,
    figures,
    classOf,
    setting: (key) => settingCells.get(key)?.value,
    satisfaction: (no) => satisfactionCell(no)?.value,
  });

  const longest = Math.max(0, ...data.targets.map((t) => t.id.length));
  const idWidth = Math.max(SELF_EVALUATION_COLUMNS[0]?.width ?? 20, Math.ceil(longest * 0.97));
  SELF_EVALUATION_COLUMNS.forEach((c, i) => b.width(i + 1, c.width));
  b.width(col("编号"), idWidth);
  // The area rows reach one column past the table: each 效益 indicator's weight.
  b.width(areaCol("效益每项权重"), 10);
  b.title(`${TITLE_MARK}绩效自评表 · ${titleWithNumber(data.document)}`, n);
  b.value(2, 1, SCORING_RULE_TEXT);
  b.merge(2, 1, 2, n);
  b.style(rangeAddress(2, 1, 2, n), STYLE.subtitle);
  b.fit(2, 1, SCORING_RULE_TEXT, n);
  const legend =
    "黄色底纹为填报单元格:评分设置、各领域满意度、各指标类别(下拉选择:产出 / 效益,默认按指标性质建议)。" +
    "全年实际完成值和完成率取自“目标任务”(即“月度填报”最近一个月的累计数),偏差原因取自“绩效监控”的偏差原因分析(无则取填报的情况说明);重新生成时保留全部填报内容。";
  b.value(3, 1, legend);
  b.merge(3, 1, 3, n);
  b.style(rangeAddress(3, 1, 3, n), STYLE.subtitle);
  b.fit(3, 1, legend, n);

  const section = (row: number, text: string) => {
    b.value(row, 1, text);
    b.merge(row, 1, row, n);
    b.style(rangeAddress(row, 1, row, n), { bold: true, size: 12, vAlign: "center" });
    b.height(row, 22);
  };
  section(SETTINGS_TITLE_ROW, "评分设置(可按本地办法修改;权重之和一般为100分)");
  SETTINGS.forEach((s, i) => {
    b.value(SETTINGS_LABEL_ROW, i + 1, s.label);
    b.style(cellAddress(SETTINGS_LABEL_ROW, i + 1), STYLE.inputHeader);
    const cell = settingCells.get(s.key);
    if (cell) b.set(SETTINGS_ROW, i + 1, cell);
    if (hasContent(kept?.settings[s.key])) stats.valuesKept++;
  });
  b.height(SETTINGS_LABEL_ROW, 30);
  b.styleBox(SETTINGS_ROW, 1, SETTINGS_ROW, SETTINGS.length, { ...STYLE.body, ...STYLE.input, ...STYLE.center });

  // 一、各领域自评得分: one row per area.
  section(AREA_TITLE_ROW, "一、各领域自评得分");
  const areaHeads = areaHeaders(amountUnit);
  areaHeads.forEach((h, i) => {
    b.value(AREA_HEADER_ROW, i + 1, h.header);
    const style = i === 0 ? STYLE.header : h.input ? STYLE.inputHeader : STYLE.computedHeader;
    b.style(cellAddress(AREA_HEADER_ROW, i + 1), style);
  });
  b.height(AREA_HEADER_ROW, 30);
  const spending = (key: "预算数" | "本期数", r: number) =>
    lookupFormula(`$A${r}`, ctx.names.月度支出, monthlySpendingCol("领域"), monthlySpendingCol(key));
  let r = AREA_HEADER_ROW + 1;
  for (const area of data.areas) {
    const a = results.area(area.no);
    const at = (key: Parameters<typeof areaCol>[0]) => areaCol(key);
    b.value(r, at("领域"), areaLabel(area));
    b.fit(r, at("领域"), areaLabel(area));
    b.set(r, at("预算数"), { formula: spending("预算数", r), result: a.budget, numFmt: MONEY });
    b.set(r, at("全年支出"), { formula: spending("本期数", r), result: a.spent, numFmt: MONEY });
    b.set(r, at("预算执行率"), { formula: executionRateFormula(r), result: a.rate, numFmt: RATE });
    b.set(r, at("执行率得分"), { formula: F.executionScore(r), result: a.executionScore, numFmt: SCORE });
    b.set(r, at("产出指标得分"), { formula: F.classScore(r, "产出"), result: a.output, numFmt: SCORE });
    b.set(r, at("效益指标得分"), { formula: F.classScore(r, "效益"), result: a.outcome, numFmt: SCORE });
    const typed = satisfactionCell(area.no);
    if (hasContent(kept?.satisfaction.get(area.no))) stats.valuesKept++;
    if (typed) b.set(r, at("满意度"), typed);
    const satisfactionScore = { formula: F.satisfactionScore(r), result: a.satisfactionScore };
    b.set(r, at("满意度得分"), { ...satisfactionScore, numFmt: SCORE });
    b.set(r, at("总分"), { formula: F.total(r), result: a.total, numFmt: SCORE });
    b.set(r, at("等级"), { formula: F.grade(r), result: a.grade });
    for (const cls of INDICATOR_CLASSES) {
      const key = cls === "产出" ? "产出每项权重" : "效益每项权重";
      b.set(r, at(key), { formula: F.share(r, cls), result: a.shares[cls], numFmt: SCORE });
    }
    r++;
  }
  const lastArea = r - 1;
  b.styleBox(AREA_HEADER_ROW + 1, 1, lastArea, areaHeads.length, STYLE.body);
  b.styleBox(AREA_HEADER_ROW + 1, 1, lastArea, 1, { wrap: true });
  b.styleBox(AREA_HEADER_ROW + 1, areaCol("满意度"), lastArea, areaCol("满意度"), STYLE.input);
  b.styleBox(AREA_HEADER_ROW + 1, areaCol("总分"), lastArea, areaCol("等级"), { bold: true, hAlign: "center" });
  const grade = `$${columnLetter(areaCol("等级"))}${AREA_HEADER_ROW + 1}`;
  const grades = rangeAddress(AREA_HEADER_ROW + 1, areaCol("总分"), lastArea, areaCol("等级"));
  b.conditional({ ref: grades, formula: `${grade}="优"`, style: STATUS_COLORS.met });
  b.conditional({ ref: grades, formula: `${grade}="良"`, style: STATUS_COLORS.onPace });
  b.conditional({ ref: grades, formula: `${grade}="中"`, style: STATUS_COLORS.behind });
  b.conditional({ ref: grades, formula: `${grade}="差"`, style: STATUS_COLORS.missed });

  // 二、指标评分: one row per target, keyed by 编号.
  section(header - 1, "二、指标评分");
  b.tableColumns(header, SELF_EVALUATION_COLUMNS, []);
  b.width(col("编号"), idWidth);
  const reason = reasonFormula(ctx, sheets);
  const reasons = deviationReasonsOf([...sheets.values()]);
  r = header + 1;
  for (const t of data.targets) {
    const area = index.area(t.area);
    const row = results.row(t.id);
    const fmt = shownAsPercent(t) ? "0.00%" : undefined;
    const fromTargets = (key: "实际值" | "完成率") =>
      lookupFormula(`$A${r}`, ctx.names.目标任务, targetCol("编号"), targetCol(key));
    b.value(r, col("编号"), t.id);
    b.value(r, col("领域"), area ? areaLabel(area) : String(t.area));
    b.value(r, col("指标"), t.indicator);
    const cls = classCell(t);
    if (hasContent(kept?.classes.get(t.id))) stats.valuesKept++;
    if (cls) b.set(r, col("类别"), cls);
    b.value(r, col("年度指标值"), annualTargetText(t));
    b.set(r, col("全年实际完成值"), {
      formula: fromTargets("实际值"),
      result: row.actual,
      ...(fmt ? { numFmt: fmt } : {}),
    });
    b.set(r, col("完成率"), { formula: fromTargets("完成率"), result: row.completion, numFmt: RATE });
    b.set(r, col("权重"), { formula: F.weight(r), result: row.weight, numFmt: SCORE });
    b.set(r, col("得分"), { formula: F.indicatorScore(r), result: row.score, numFmt: SCORE });
    b.value(r, col("评分方式"), scoringRuleText(t));
    b.set(r, col("偏差原因"), { formula: reason(r), result: reasons.get(t.id) ?? "" });
    b.fit(r, col("指标"), t.indicator);
    b.fit(r, col("领域"), area ? areaLabel(area) : "");
    b.fit(r, col("偏差原因"), reasons.get(t.id) ?? "");
    r++;
  }
  const lastRow = r - 1;
  stats.rowsWritten += lastRow - header + data.areas.length;
  b.styleBox(header + 1, 1, lastRow, n, STYLE.body);
  for (const key of ["领域", "指标", "评分方式", "偏差原因", "核对"] as const) {
    b.styleBox(header + 1, col(key), lastRow, col(key), { wrap: true });
  }
  b.styleBox(header + 1, col("编号"), lastRow, col("编号"), { size: 9 });
  for (const key of ["类别", "年度指标值"] as const) b.styleBox(header + 1, col(key), lastRow, col(key), STYLE.center);
  b.styleBox(header + 1, col("类别"), lastRow, col("类别"), STYLE.input);
  b.table({ name: SELF_EVALUATION_TABLE, ref: rangeAddress(header, 1, lastRow, n), style: "TableStyleLight1" });
  b.validate({
    ref: rangeAddress(header + 1, col("类别"), lastRow, col("类别")),
    type: "list",
    items: INDICATOR_CLASSES,
    title: "指标类别",
    message: "请从下拉列表选择:产出、效益。",
  });
  b.flagKeptRows(header + 1, lastRow, n, col("核对"));
  b.repeatRows(header, header);
  return { sheet: b.finish(), stats };
}

/**
 * 偏差原因: 绩效监控's 偏差原因分析 by 编号, else — where the returns merge added 情况说明 to 月度填报 — that note. The
 * note's column is found by its header when the sheet is built, so a refresh after the first merge adds it.
 */
function reasonFormula(ctx: BuildContext, sheets: ReadonlyMap<string, ExistingSheet>): (row: number) => string {
  const monitor = (r: number) =>
    lookupFormula(`$A${r}`, ctx.names.绩效监控, monitorCol("编号"), monitorCol("偏差原因分析"));
  const monthly = sheets.get(ctx.names.月度填报);
  const header = monthly ? findHeader(monthly, ["编号", NOTE_HEADER], 30) : undefined;
  const noteColumn =
    monthly && header !== undefined
      ? (monthly.cells[header] ?? []).findIndex((c) => headerKey(c?.value) === NOTE_HEADER) + 1
      : 0;
  if (noteColumn === 0) return monitor;
  return (r) => {
    const note = lookupFormula(`$A${r}`, ctx.names.月度填报, monthlyTargetCol("编号"), noteColumn);
    return `IF(LEN(${monitor(r)})>0,${monitor(r)},${note})`;
  };
}
