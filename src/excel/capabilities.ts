/**
 * What the host Excel can do, as the Office.js writer needs to know it. The writer is given a
 * {@link Capabilities} (the pane builds it from `Office.context.requirements.isSetSupported`; tests pass a lower
 * level) and leaves out the optional features the host lacks instead of queueing a call that would fail the
 * whole batch. The sets are Microsoft's (Excel JavaScript API requirement sets, ExcelApi 1.1–1.9 pages:
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 *
 * No Office global is read here: this module is pure and the writer stays testable.
 */

/** The ExcelApi level below which the writer cannot work at all: `names.add` and `getUsedRangeOrNullObject`. */
export const MIN_EXCEL_API = "1.4";

/**
 * Features the writer can leave out, each with the ExcelApi set it needs. Everything else the writer uses is in
 * ExcelApi 1.1–1.4 (cells, formulas, number formats, fills, fonts, borders, merges, tables, charts, names).
 */
export const OPTIONAL_FEATURES = {
  /** `application.suspendApiCalculationUntilNextSync` — speed only, never reported. */
  suspendCalculation: "1.6",
  /** `range.conditionalFormats` — the status colours on 目标任务 and the red rows on 预算执行. */
  conditionalFormats: "1.6",
  /** `worksheet.freezePanes` — header rows stay visible while scrolling. */
  freezePanes: "1.7",
  /** `format.textOrientation` — vertical header text. */
  textOrientation: "1.7",
  /** `categoryAxis.reversePlotOrder` — areas top to bottom in document order in the bar charts. */
  chartPlotOrder: "1.7",
  /** `format.useStandardHeight` — resetting row heights before a sheet is rewritten. */
  standardHeight: "1.7",
  /** `range.dataValidation` — the prompts and checks on input cells (报告日期, 实际值, 支出数 …). */
  dataValidation: "1.8",
  /**
   * `range.copyFrom(…, "Formulas")` — a column's formula written once and filled down, so that a sheet of many
   * rows goes in a small request (size only: without it every cell's formula is sent).
   */
  fillFormulas: "1.9",
  /**
   * `worksheet.pageLayout` (print titles `setPrintTitleRows`/`setPrintTitleColumns`, zoom) and
   * `horizontalPageBreaks`/`verticalPageBreaks` — all ExcelApi 1.9: A4, fit to width or the monthly sheets'
   * column blocks, footers, title rows and columns.
   */
  pageLayout: "1.9",
  /** `table.resize` — a table of 说明/预算安排/责任分工/汇总 growing when an edition adds rows to it. */
  tableResize: "1.13",
} as const satisfies Record<string, string>;

export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

/** Features the summary mentions when skipped: the ones a person would miss in the workbook. */
export const VISIBLE_FEATURES: readonly OptionalFeature[] = [
  "conditionalFormats",
  "freezePanes",
  "textOrientation",
  "chartPlotOrder",
  "dataValidation",
  "pageLayout",
];

export interface Capabilities {
  /** True when the host supports the ExcelApi requirement set `version` (e.g. "1.8"). */
  excelApi(version: string): boolean;
  /** `CustomFunctionsRuntime 1.1`: the ZC functions can be registered in this Excel. */
  readonly customFunctions: boolean;
}

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/**
 * Capabilities read from Office's own check (`Office.context.requirements.isSetSupported`).
 * @example hasFeature(capabilitiesFrom((name, v) => name === "ExcelApi" && v === "1.7"), "dataValidation") // false
 */
export function capabilitiesFrom(isSetSupported: IsSetSupported): Capabilities {
  return {
    excelApi: (version) => isSetSupported("ExcelApi", version),
    customFunctions: isSetSupported("CustomFunctionsRuntime", "1.1"),
  };
}

/** Whether the host has `feature`. */
export function hasFeature(capabilities: Capabilities, feature: OptionalFeature): boolean {
  return capabilities.excelApi(OPTIONAL_FEATURES[feature]);
}

/** Version texts compared as numbers part by part: "1.10" is above "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A host at a given ExcelApi level, with or without custom functions: what tests and the fake Excel use.
 * @example capabilitiesAt("1.7").excelApi("1.8") // false
 */
export function capabilitiesAt(level: string, customFunctions = true): Capabilities {
  return capabilitiesFrom((name, version = "1.1") =>
    name === "ExcelApi" ? compareVersions(version, level) <= 0 : name === "CustomFunctionsRuntime" && customFunctions,
  );
}

/** Every feature: the default when the caller does not say (Microsoft 365, Excel on the web). */
export const FULL_CAPABILITIES: Capabilities = {
  excelApi: () => true,
  customFunctions: true,
};

/** Thrown before any write when the host is below {@link MIN_EXCEL_API}; the pane explains it in one sentence. */
export class ExcelTooOldError extends Error {
  readonly code = "ExcelTooOld";
  constructor() {
    super(
      `生成工作簿需要 Excel JavaScript API ${MIN_EXCEL_API} 以上(Excel 2016 批量许可版只有 1.1):请用命令行生成 .xlsx,或更新 Excel。` +
        ` / Building the workbook needs ExcelApi ${MIN_EXCEL_API} or later; use the CLI's .xlsx or update Excel.`,
    );
    this.name = "ExcelTooOldError";
  }
}
