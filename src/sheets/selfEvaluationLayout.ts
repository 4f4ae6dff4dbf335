import type { EvaluationSettings, IndicatorClass } from "../engine";
import type { ColumnDef } from "../workbook/model";

/**
 * Where things are on 绩效自评, shared by its builder, its patch, its formulas and the reader the 自评报告 uses. From
 * the top: the title, the scoring rule, a legend; the settings block (weights, 满意度 full mark, grade bands: one
 * row of labels, one row of values staff may change); 一、各领域自评得分, one row per area; 二、指标评分, the keyed
 * table of targets (one row per target, by 编号).
 */

export const SELF_EVALUATION_TABLE = "ZC_SelfEvaluation";

export const SETTINGS_TITLE_ROW = 4;
export const SETTINGS_LABEL_ROW = 5;
export const SETTINGS_ROW = 6;
export const AREA_TITLE_ROW = 8;
export const AREA_HEADER_ROW = 9;

/** Where the 指标评分 table's header is for an edition with `areas` areas (one row each, a gap, a title). */
export function selfEvaluationHeaderRow(areas: number): number {
  return AREA_HEADER_ROW + areas + 3;
}

/** The settings, one column each (A…H of the settings row), in the engine's terms. */
export type SettingKey = "预算执行率" | "产出" | "效益" | "满意度" | "满意度满分线" | "优" | "良" | "中";

export const SETTINGS: readonly { readonly key: SettingKey; readonly label: string }[] = [
  { key: "预算执行率", label: "预算执行率权重" },
  { key: "产出", label: "产出指标权重" },
  { key: "效益", label: "效益指标权重" },
  { key: "满意度", label: "满意度权重" },
  { key: "满意度满分线", label: "满意度满分线" },
  { key: "优", label: "优(≥分)" },
  { key: "良", label: "良(≥分)" },
  { key: "中", label: "中(≥分)" },
];

export const settingCol = (key: SettingKey) => SETTINGS.findIndex((s) => s.key === key) + 1;

/** A setting's value in the engine's settings (满意度满分线 a fraction, as the sheet holds a percentage). */
export function settingOf(settings: EvaluationSettings, key: SettingKey): number {
  if (key === "满意度满分线") return settings.satisfactionTarget;
  if (key === "优" || key === "良" || key === "中") return settings.bands[key];
  return settings.weights[key];
}

/**
 * The columns of an area's row in 各领域自评得分 (A…M), laid under the table's so that print widths suit both; the
 * last two are the weight of each 产出 and each 效益 indicator of the area, which the table's rows look up.
 */
export type AreaColumn =
  | "领域"
  | "预算数"
  | "全年支出"
  | "预算执行率"
  | "执行率得分"
  | "产出指标得分"
  | "效益指标得分"
  | "满意度"
  | "满意度得分"
  | "总分"
  | "等级"
  | "产出每项权重"
  | "效益每项权重";

export function areaHeaders(unit: string): readonly { key: AreaColumn; header: string; input?: boolean }[] {
  return [
    { key: "领域", header: "领域" },
    { key: "预算数", header: `预算数(${unit})` },
    { key: "全年支出", header: `全年支出(${unit})` },
    { key: "预算执行率", header: "预算执行率" },
    { key: "执行率得分", header: "预算执行率得分" },
    { key: "产出指标得分", header: "产出指标得分" },
    { key: "效益指标得分", header: "效益指标得分" },
    { key: "满意度", header: "满意度", input: true },
    { key: "满意度得分", header: "满意度得分" },
    { key: "总分", header: "自评总分" },
    { key: "等级", header: "等级" },
    { key: "产出每项权重", header: "产出指标每项权重" },
    { key: "效益每项权重", header: "效益指标每项权重" },
  ];
}

export const areaCol = (key: AreaColumn) => areaHeaders("万元").findIndex((c) => c.key === key) + 1;

export type SelfEvaluationColumn =
  | "编号"
  | "领域"
  | "指标"
  | "类别"
  | "年度指标值"
  | "全年实际完成值"
  | "完成率"
  | "权重"
  | "得分"
  | "评分方式"
  | "偏差原因"
  | "核对";

/**
 * The 指标评分 table. Columns B (领域), D (类别), I (得分) and L (核对) are what the area rows' SUMIFS read; no
 * area-row formula that depends on those sums sits in them, so nothing is circular.
 */
export const SELF_EVALUATION_COLUMNS: readonly ColumnDef<SelfEvaluationColumn>[] = [
  { key: "编号", header: "编号", role: "official", width: 20 },
  { key: "领域", header: "领域", role: "official", width: 14 },
  { key: "指标", header: "指标", role: "official", width: 24 },
  { key: "类别", header: "类别", role: "input", width: 8 },
  { key: "年度指标值", header: "年度指标值", role: "official", width: 13 },
  { key: "全年实际完成值", header: "全年实际完成值", role: "computed", width: 13 },
  { key: "完成率", header: "完成率", role: "computed", width: 9 },
  { key: "权重", header: "权重", role: "computed", width: 8 },
  { key: "得分", header: "得分", role: "computed", width: 8 },
  { key: "评分方式", header: "评分方式", role: "official", width: 14 },
  { key: "偏差原因", header: "偏差原因", role: "computed", width: 24 },
  { key: "核对", header: "核对", role: "computed", width: 10 },
];

export const selfEvaluationCol = (key: SelfEvaluationColumn) =>
  SELF_EVALUATION_COLUMNS.findIndex((c) => c.key === key) + 1;

export const INDICATOR_CLASSES: readonly IndicatorClass[] = ["产出", "效益"];

export const isIndicatorClass = (value: unknown): value is IndicatorClass =>
  typeof value === "string" && (INDICATOR_CLASSES as readonly string[]).includes(value.trim());
