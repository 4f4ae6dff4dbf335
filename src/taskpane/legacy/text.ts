/**
 * The legacy pane's words. Chinese only: the old webviews it serves are the county offices' volume-licensed Excel
 * in Chinese. The main pane's strings (i18n.ts) come with React's context, which this build leaves out.
 */
import type { OptionalFeature } from "../../excel/capabilities";
import { featureNames } from "../featureNames";

/** The features a write can leave out on an older Excel, as the summary names them (the main pane's wording). */
const FEATURES = featureNames.zh;

/** The command line that builds the same workbook without the add-in (README, “命令行”). */
export const CLI_COMMAND = "npm run -s cli -- template --out 政策目标.xlsx";

export const legacyText = {
  title: "政策目标",
  note: "兼容模式:此 Excel 使用旧版浏览器组件(Internet Explorer 11 或 EdgeHTML),这里只提供生成 / 刷新工作簿;目标浏览、公式助手、导入和报告请在新版 Excel 或 Excel 网页版中使用。",
  connecting: "正在连接 Excel…",
  noOffice: [
    "未能加载 Office 的脚本 office.js,无法连接 Excel。",
    "请检查本机能否访问 office.js 所在的服务器(无互联网的内网请按 README“内网部署”以 OFFICE_JS=local 构建),然后关闭并重新打开此任务窗格。",
  ],
  notInExcel: ["未连接到 Excel:请在 Excel 中打开此任务窗格。"],
  tooOld: (minimum: string) => [
    "此版本 Excel 的加载项接口(ExcelApi 1.1–1.3,如 Excel 2016 批量许可版)不足以由加载项写入工作簿(需要 ExcelApi " +
      minimum +
      ")。",
    "请用命令行生成同样的工作簿,再在此 Excel 中打开:在装有 Node.js 的电脑上进入政策目标的目录,运行 npm ci 安装一次,然后运行",
    CLI_COMMAND,
    "已有工作簿的刷新:npm run -s cli -- template --update 台账.xlsx(保留您填写的全部数值)。工作簿中的公式都是 Excel 原生公式,不需要加载项也能计算。",
  ],
  intro: "按内置政策版本写入所选工作表。已存在的本加载项工作表会刷新官方数字,您填写的数值会保留。",
  sheets: "工作表",
  reportDate: "报告日期",
  reportDateHint: "序时进度按此日期计算,格式如 2025-06-30",
  badDate: "报告日期无法识别:请按 2025-06-30 或 2025年6月30日 的格式填写。",
  noSheet: "请至少选择一个工作表。",
  button: "生成 / 刷新工作簿",
  running: "正在写入工作簿…",
  done: (sheets: number, rows: number) => "已完成:写入 " + sheets + " 个工作表,共 " + rows + " 行。",
  sheetsWritten: "写入的工作表",
  none: "无",
  valuesKept: "保留的用户填写值",
  orphanRows: "保留的无对应目标行",
  skippedFeature: (feature: OptionalFeature, excelApi: string, sheets: string) =>
    "此版本 Excel 不支持" +
    FEATURES[feature] +
    "(需要 ExcelApi " +
    excelApi +
    "),已在 " +
    sheets +
    " 中跳过;数据和公式不受影响",
  skipped: (sheet: string, reason: string) => "已跳过 " + sheet + ":" + reason,
  technical: (syncs: number, kb: string) => "与 Excel 同步 " + syncs + " 次,传输约 " + kb + " KB",
  failed: (message: string) => "未能写入工作簿:" + message + "。工作簿中已写入的内容保持不变,可再试一次。",
};
