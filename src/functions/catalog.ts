/**
 * The Chinese reference of the ZC functions — the ONE source of their Chinese strings. The build overlays it on
 * the generated functions.json to write functions-zh-cn.json (scripts/functions-zh-cn-plugin.js), the task
 * pane's Help panel renders it, and the tests evaluate every example formula against the real functions.
 *
 * Pure data: no imports with effects (the build evaluates this file on its own), no Office, no React.
 * Parameter `name`s must equal the JavaScript parameter names in functions.ts; the build fails otherwise.
 */

export interface ParameterHelp {
  /** The parameter's name in functions.json (ASCII, as Excel shows it in the formula tooltip). */
  readonly name: string;
  /** A Chinese label for the Help panel, e.g. 目标编号. */
  readonly label: string;
  readonly optional: boolean;
  /** Parameter help shown by Excel's function dialog in zh-cn. */
  readonly help: string;
}

/** What an example formula returns: a scalar, or for a spilled function the whole spilled table. */
export type ExampleResult = number | string | boolean | readonly (readonly (number | string)[])[];

export interface FormulaExample {
  /** A formula exactly as typed in a cell, with the figures of the document. */
  readonly formula: string;
  /** The value the cell holds (percentages as Excel fractions). */
  readonly result: ExampleResult;
  /** How the cell reads once formatted, when that differs from `result` (0.0312 → 3.12%). */
  readonly display?: string;
  readonly note?: string;
}

export interface FunctionHelp {
  /** The function id and name (ASCII in every language); written as ZC.<id> in a cell. */
  readonly id: string;
  /** A short Chinese title for lists. */
  readonly title: string;
  /** The zh-cn description Excel shows in autocomplete. */
  readonly description: string;
  readonly parameters: readonly ParameterHelp[];
  /** What the result is, in words. */
  readonly returns: string;
  readonly examples: readonly FormulaExample[];
}

export const FUNCTIONS_NAMESPACE = "ZC";

const targetId: ParameterHelp = {
  name: "id",
  label: "目标编号",
  optional: false,
  help: "目标编号,如 art01-hitech-firms、area1-rd-intensity(不区分大小写);写成 yueqing-2025/art01-hitech-firms 则取指定版本",
};

const actualValue: ParameterHelp = {
  name: "actual",
  label: "实际值",
  optional: false,
  help: "实际完成值;百分比指标填 8% 或 0.08;单元格为空时结果为空",
};

const previousValue: ParameterHelp = {
  name: "previous",
  label: "上年值",
  optional: true,
  help: "可选:上年同期值;“持续下降”“保持稳定增长”类指标必填",
};

const areaRef: ParameterHelp = {
  name: "area",
  label: "领域",
  optional: false,
  help: "领域:序号(如 6)、数字(如 六、十二)、领域名称或其中唯一的一段;或“合计”(文件所列支持总额)、“各领域合计”(各领域之和)",
};

const amountUnit: ParameterHelp = {
  name: "unit",
  label: "金额单位",
  optional: true,
  help: "可选:金额单位 亿元(默认)、万元 或 元",
};

export const functionCatalog: readonly FunctionHelp[] = [
  {
    id: "TARGET",
    title: "目标值",
    description: "返回政策文件中的官方目标值,百分比以小数返回(3.12% → 0.0312);用“字段”可取指标名称、单位、责任单位等",
    parameters: [
      targetId,
      {
        name: "field",
        label: "字段",
        optional: true,
        help: "可选:value/目标值(默认)、indicator/指标、unit/单位、comparator/比较、kind/类型、area/领域、article/条、quote/原文、responsible/责任单位、lead/牵头单位",
      },
    ],
    returns: "目标值(数字),或所取字段的文字;定性指标没有目标值,返回 #N/A",
    examples: [
      {
        formula: '=ZC.TARGET("area1-rd-intensity")',
        result: 0.0312,
        display: "3.12%",
        note: "研发投入强度达到3.12%左右",
      },
      { formula: '=ZC.TARGET("art01-hitech-firms")', result: 75, note: "新增高新技术企业75家以上" },
      { formula: '=ZC.TARGET("art01-hitech-firms","unit")', result: "家" },
      { formula: '=ZC.TARGET("art09-specialized-sme","comparator")', result: ">", note: "超38家:不含38" },
      { formula: '=ZC.TARGET("art01-hitech-firms","牵头单位")', result: "市科技局" },
      {
        formula: '=ZC.TARGET("area2-industrial-value-added","lead")',
        result: "市经信局",
        note: "领域导语中的目标,由领域牵头单位负责",
      },
    ],
  },
  {
    id: "COMPLETION",
    title: "完成率",
    description:
      "完成率(小数):“以上/超/左右”为 实际÷目标,“前N名”为 min(1, N÷名次),“持续下降/稳定增长”与上年比较得 1 或 0;实际值为空时结果为空",
    parameters: [targetId, actualValue, previousValue],
    returns: "完成率,小数(0.8 即 80%),超额完成时大于 1",
    examples: [
      { formula: '=ZC.COMPLETION("art01-hitech-firms",60)', result: 0.8, display: "80%", note: "75家以上,已完成60家" },
      {
        formula: '=ZC.COMPLETION("area2-industrial-value-added",0.08)',
        result: 0.8,
        display: "80%",
        note: "增长10%以上,实际增长8%:增速对增速",
      },
      {
        formula: '=ZC.COMPLETION("art10-trade-in-funds-rank",6)',
        result: 0.5,
        display: "50%",
        note: "列温州前3,实际第6",
      },
      { formula: '=ZC.COMPLETION("art01-hitech-firms","")', result: "", note: "未填报的行保持空白" },
    ],
  },
  {
    id: "MET",
    title: "是否达标",
    description: "是否达到目标(TRUE/FALSE):“超”不含本数,“左右”默认允许 ±5% 的相对偏差;实际值为空时结果为空",
    parameters: [
      targetId,
      actualValue,
      previousValue,
      {
        name: "tolerance",
        label: "容差",
        optional: true,
        help: "可选:“左右”类指标允许的相对偏差,0 到 1 之间,默认 0.05(即 ±5%)",
      },
    ],
    returns: "TRUE 或 FALSE",
    examples: [
      { formula: '=ZC.MET("art09-specialized-sme",38)', result: false, note: "超38家,38家不算达标" },
      { formula: '=ZC.MET("area1-rd-intensity",0.03)', result: true, note: "3.12%左右:3.0% 在 ±5% 之内" },
      { formula: '=ZC.MET("area7-income-ratio",1.72,1.75)', result: true, note: "城乡居民收入倍差持续下降" },
    ],
  },
  {
    id: "GAP",
    title: "差距",
    description: "差距:实际值 − 目标值,单位同目标,百分比指标以百分点计;负数表示尚未达到;实际值为空时结果为空",
    parameters: [targetId, actualValue],
    returns: "差距(目标的单位;百分比指标为百分点)",
    examples: [
      {
        formula: '=ZC.GAP("area2-industrial-value-added",0.08)',
        result: -2,
        display: "−2 个百分点",
        note: "增长10%以上,实际8%",
      },
      { formula: '=ZC.GAP("art01-hitech-firms",60)', result: -15, display: "−15 家" },
    ],
  },
  {
    id: "STATUS",
    title: "进度状态",
    description:
      "进度状态:已完成、达进度、欠进度、未完成 或 未填报;给出报告日期时,累计类指标(个数、金额)的完成率与序时进度(按月)比较",
    parameters: [
      targetId,
      { ...actualValue, help: "实际完成值;百分比指标填 8% 或 0.08;单元格为空时为“未填报”" },
      {
        name: "date",
        label: "报告日期",
        optional: true,
        help: "可选:报告日期(Excel 日期或 2025-06-30);为空时按全年判断",
      },
      previousValue,
    ],
    returns: "已完成 / 达进度 / 欠进度 / 未完成 / 未填报",
    examples: [
      {
        formula: '=ZC.STATUS("art01-hitech-firms",40,"2025-06-30")',
        result: "达进度",
        note: "40÷75=53.3%,序时进度 50%",
      },
      { formula: '=ZC.STATUS("art01-hitech-firms",30,"2025-06-30")', result: "欠进度", note: "30÷75=40% < 50%" },
      { formula: '=ZC.STATUS("art01-hitech-firms",80)', result: "已完成" },
      {
        formula: '=ZC.STATUS("area1-rd-intensity",0.028,"2025-06-30")',
        result: "未完成",
        note: "比率类指标是全年状态,不按序时进度",
      },
      { formula: '=ZC.STATUS("art01-hitech-firms","")', result: "未填报" },
    ],
  },
  {
    id: "BUDGET",
    title: "预算安排",
    description: "文件安排的财政预算资金:领域、领域内的项目,或“合计”(文件所列支持总额)、“各领域合计”(各领域之和)",
    parameters: [
      areaRef,
      {
        name: "item",
        label: "预算项目",
        optional: true,
        help: "可选:领域内的预算项目名称或其中唯一的一段,如“产业基金”",
      },
      amountUnit,
    ],
    returns: "预算金额(默认亿元)",
    examples: [
      { formula: "=ZC.BUDGET(6)", result: 33.6, display: "33.6亿元", note: "全力扩大有效投资" },
      { formula: '=ZC.BUDGET("合计",,"万元")', result: 492500, display: "492500万元", note: "除交叉重叠部分外" },
      { formula: '=ZC.BUDGET("各领域合计")', result: 69.49, display: "69.49亿元", note: "八个领域之和,含交叉重叠" },
      { formula: '=ZC.BUDGET(2,"产业基金")', result: 0.4, display: "0.4亿元", note: "产业基金撬动产业发展0.4亿元" },
      { formula: '=ZC.BUDGET("一",,"万元")', result: 27400, display: "27400万元" },
    ],
  },
  {
    id: "VARIANCE",
    title: "预算差额",
    description: "预算差额:实际数 − 预算数(同一金额单位),正数表示超出预算;实际数为空时结果为空",
    parameters: [
      areaRef,
      {
        name: "actual",
        label: "实际数",
        optional: false,
        help: "实际支出(或安排)金额,单位同“金额单位”;单元格为空时结果为空",
      },
      amountUnit,
    ],
    returns: "差额(所选金额单位)",
    examples: [
      { formula: "=ZC.VARIANCE(1,3)", result: 0.26, display: "0.26亿元", note: "领域一预算2.74亿元" },
      { formula: '=ZC.VARIANCE(6,300000,"万元")', result: -36000, display: "−36000万元" },
    ],
  },
  {
    id: "EXECRATE",
    title: "执行率",
    description: "预算执行率:已支出 ÷ 预算数(小数);已支出为空时结果为空",
    parameters: [
      areaRef,
      {
        name: "spent",
        label: "已支出",
        optional: false,
        help: "已支出金额,单位同“金额单位”;单元格为空时结果为空",
      },
      amountUnit,
    ],
    returns: "执行率,小数(0.5 即 50%)",
    examples: [
      { formula: "=ZC.EXECRATE(6,16.8)", result: 0.5, display: "50%" },
      { formula: '=ZC.EXECRATE("六",168000,"万元")', result: 0.5, display: "50%" },
    ],
  },
  {
    id: "TIMEPROGRESS",
    title: "序时进度",
    description:
      "序时进度(小数):按月为(已过月数 + 当月已过天数÷当月天数)÷12,按日为 当年第几天÷全年天数;年度为所用政策版本的年度",
    parameters: [
      { name: "date", label: "日期", optional: false, help: "报告日期(Excel 日期或 2025-06-30);为空时结果为空" },
      { name: "basis", label: "口径", optional: true, help: "可选:month(按月,默认)或 day(按日)" },
    ],
    returns: "序时进度,小数(0.5 即 50%)",
    examples: [
      { formula: "=ZC.TIMEPROGRESS(45838)", result: 0.5, display: "50%", note: "45838 即 2025-06-30" },
      { formula: '=ZC.TIMEPROGRESS("2025-07-31")', result: 0.5833333333333334, display: "58.33%", note: "1–7月:7/12" },
      {
        formula: '=ZC.TIMEPROGRESS("2025-06-30","day")',
        result: 0.4958904109589041,
        display: "49.59%",
        note: "181/365",
      },
    ],
  },
  {
    id: "PACE",
    title: "执行进度差",
    description:
      "执行进度差:预算执行率 − 序时进度,以百分点计;负数表示落后于序时进度(常以落后 20 个百分点为预警);已支出或日期为空时结果为空",
    parameters: [
      areaRef,
      { name: "spent", label: "已支出", optional: false, help: "已支出金额,单位同“金额单位”;为空时结果为空" },
      { name: "date", label: "报告日期", optional: false, help: "报告日期(Excel 日期或 2025-06-30)" },
      amountUnit,
    ],
    returns: "百分点(负数为落后)",
    examples: [
      {
        formula: '=ZC.PACE(6,10.08,"2025-06-30")',
        result: -20,
        display: "−20 个百分点",
        note: "执行率30%,序时进度50%",
      },
      { formula: '=ZC.PACE("六",168000,45838,"万元")', result: 0 },
    ],
  },
  {
    id: "TARGETS",
    title: "目标清单",
    description: "目标清单(动态数组):首行为表头(编号、指标、目标值、单位、比较),其后每个目标一行;可按领域、条筛选",
    parameters: [
      { ...areaRef, optional: true, help: "可选:领域(序号、数字或名称);为空时列出全部目标" },
      { name: "article", label: "条", optional: true, help: "可选:条(序号如 9、(九)、(十二)或 第九条)" },
    ],
    returns: "表格:表头一行,每个目标一行;百分比目标值为小数",
    examples: [
      {
        formula: "=ZC.TARGETS(1,1)",
        result: [
          ["编号", "指标", "目标值", "单位", "比较"],
          ["art01-hitech-firms", "新增高新技术企业", 75, "家", ">="],
        ],
      },
      {
        formula: '=ZC.TARGETS(,"(十)")',
        result: [
          ["编号", "指标", "目标值", "单位", "比较"],
          ["art10-trade-in-funds-rank", "消费品以旧换新国债资金使用量温州排名", 3, "名", "rank<="],
        ],
      },
    ],
  },
  {
    id: "RESPONSIBLE",
    title: "责任单位",
    description: "某条的责任单位,牵头单位在前,以“、”连接",
    parameters: [{ name: "article", label: "条", optional: false, help: "条:序号如 9、(九)、(十二)或 第九条" }],
    returns: "责任单位,以“、”连接",
    examples: [
      { formula: "=ZC.RESPONSIBLE(9)", result: "市经信局、市金融工作服务中心、市人行、市金融监管支局" },
      { formula: '=ZC.RESPONSIBLE("(十八)")', result: "市交通运输局" },
    ],
  },
  {
    id: "EDITION",
    title: "政策版本",
    description: "公式所用的政策版本(工作簿内嵌的版本,否则为内置默认版本)的编号,或其标题、文号、年度、发文机关",
    parameters: [
      {
        name: "field",
        label: "字段",
        optional: true,
        help: "可选:id(编号,默认)、title(标题)、docNumber(文号)、year(年度)、issuer(发文机关);写成 版本编号/字段 则问指定版本",
      },
    ],
    returns: "版本编号或所问字段",
    examples: [
      { formula: "=ZC.EDITION()", result: "yueqing-2025" },
      { formula: '=ZC.EDITION("文号")', result: "乐政发〔2025〕4号" },
      { formula: '=ZC.EDITION("yueqing-2025/year")', result: 2025, note: "指定版本的年度" },
    ],
  },
];
