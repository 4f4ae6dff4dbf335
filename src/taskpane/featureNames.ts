/**
 * What the write summary calls each feature an older Excel lacks, in both languages. A module of its own, without
 * React, so that the legacy pane (ES5, no React) names them as the main pane does.
 */
import type { OptionalFeature } from "../excel/capabilities";

export const featureNames = {
  zh: {
    suspendCalculation: "暂停计算",
    conditionalFormats: "条件格式(状态着色)",
    freezePanes: "冻结窗格",
    textOrientation: "竖排文字",
    chartPlotOrder: "图表按文件顺序排列",
    standardHeight: "恢复标准行高",
    dataValidation: "数据验证(填报提示)",
    pageLayout: "打印设置(A4 横向、页脚、标题行)",
    fillFormulas: "公式向下填充(减小写入量)",
    tableResize: "表格扩展(版本新增行时)",
  },
  en: {
    suspendCalculation: "calculation pause",
    conditionalFormats: "conditional formats (status colours)",
    freezePanes: "frozen panes",
    textOrientation: "vertical text",
    chartPlotOrder: "chart order as in the document",
    standardHeight: "standard row heights",
    dataValidation: "data validation (input prompts)",
    pageLayout: "print setup (A4 landscape, footers, title rows)",
    fillFormulas: "formulas filled down (smaller writes)",
    tableResize: "table growth (when an edition adds rows)",
  },
} satisfies Record<"zh" | "en", Record<OptionalFeature, string>>;
