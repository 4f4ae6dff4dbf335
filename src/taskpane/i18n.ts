/**
 * The pane's words: Chinese first (the users are 乐清市财政局 staff), English when Office's display language is
 * English. Every visible string lives here so the two languages cannot drift apart field by field.
 */
import { createContext, useContext } from "react";
import { featureNames } from "./featureNames";
import { newYearEn, newYearZh } from "./newYear/strings";
import { returnsStrings } from "./returns/strings";

export type Lang = "zh" | "en";

/** Chinese unless Office's display language is English (`en`, `en-US`, `en-GB` …). */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage.trim()) ? "en" : "zh";
}

const zh = {
  appTitle: "政策目标",
  tabs: {
    generate: "生成",
    status: "状态",
    returns: "填报",
    targets: "目标",
    import: "导入",
    edition: "版本",
    help: "帮助",
  },
  tabsLabel: "功能",
  edition: "政策版本",
  notInExcel: "未连接到 Excel:目标浏览与函数帮助可以使用,生成工作簿和插入公式需要在 Excel 中打开本窗格。",
  dismiss: "关闭",

  generate: {
    title: "生成 / 刷新工作簿",
    intro: "按所选政策版本写入工作表。已存在的本插件工作表会刷新官方数字,您填写的数值会保留。",
    sheets: "工作表",
    allSheets: "全部",
    unit: "预算执行金额单位",
    reportDate: "报告日期",
    reportDateHint: "序时进度按此日期计算,格式如 2025-06-30",
    badDate: "报告日期无法识别:请按 2025-06-30 或 2025年6月30日 的格式填写。",
    afterYear: "报告日期在政策年度之后,按全年口径(序时进度 100%)。",
    beforeYear: "报告日期在政策年度之前,序时进度为 0。",
    monthEnds: (year: number) => `${year} 年月末:`,
    month: (m: number) => `${m}月`,
    monthEndLabel: (iso: string) => `报告日期设为 ${iso}`,
    olderExcel: "此版本 Excel 不支持",
    featureLine: (feature: string, set: string) => `${feature}(需要 ExcelApi ${set}),已跳过;数据和公式不受影响`,
    button: "生成 / 刷新工作簿",
    running: "正在写入工作簿…",
    elapsed: (s: number) => `已用 ${s} 秒`,
    noSheet: "请至少选择一个工作表。",
    doneTitle: "已完成",
    doneLine: (sheets: number, rows: number) => `写入 ${sheets} 个工作表,共 ${rows} 行。`,
    sheetsWritten: "写入的工作表",
    none: "无",
    rowsWritten: "刷新的行",
    valuesKept: "保留的用户填写值",
    orphanRows: "保留的无对应目标行",
    skipped: "已跳过",
    skipLine: (sheet: string, reason: string) => `${sheet}:${reason}`,
    technical: (syncs: number, kb: string) => `与 Excel 同步 ${syncs} 次,传输约 ${kb} KB`,
    foreignTitle: "同名工作表不是本插件生成的",
    foreignBody: (names: string) => `工作表“${names}”已存在,为免覆盖其内容已跳过。可改用新名称写入(原工作表保持不动)。`,
    rename: "改用新名称写入",
    rows: (n: number) => `${n} 行`,
    values: (n: number) => `${n} 个`,
    preview: {
      title: "刷新将作如下更改(尚未写入)",
      cells: (cells: number, kept: number) => `将写入 ${cells} 个单元格;您填写的 ${kept} 个值不会改动。`,
      emptyTitle: "工作簿已是最新",
      emptyBody: "无需更改:不会写入任何单元格。",
      officialUpdates: "更新的官方数字",
      updateLine: (where: string, before: string, after: string) => `${where}:${before} → ${after}`,
      blank: "(空)",
      rowsAppended: "追加的新目标行(表末)",
      rowsFlagged: "原位标记的行",
      overridesKept: "保留的手工覆盖(核对列注明)",
      columnsAppended: "新增的列(表格右侧)",
      sheetsCreated: "新建的工作表",
      blocksAdded: "新增版块(置于表中已有内容下方,原有内容不移动)",
      blockLine: (sheet: string, title: string, charts: number) => `${sheet}:自“${title}”起的趋势表,图表 ${charts} 张`,
      sheetsSkipped: "跳过的工作表",
      unit: "金额单位",
      unitLine: (from: string, to: string, n: number) => `${from} → ${to},换算 ${n} 个支出数`,
      formulas: "公式",
      formulasLine: (filled: number, upgraded: number) => `补回 ${filled} 个空公式,升级 ${upgraded} 个旧版公式`,
      moved: "移入月度表",
      movedLine: (n: number) => `${n} 个手填的实际值/支出数移入报告日期所在月份(原单元格改为公式,数值不变)`,
      more: (n: number) => `……另有 ${n} 项`,
      apply: "应用刷新",
      cancel: "取消",
      restore: "恢复公式",
      restoreHint: "“恢复公式”是单独的操作:把手工填在公式列的值改回本插件的公式(其余更改同时应用)。",
    },
  },

  status: {
    title: "工作簿状态",
    refresh: "重新检查",
    loading: "正在读取工作簿…",
    sheet: "工作表",
    state: "状态",
    editionCol: "版本",
    generatedAt: "生成时间",
    missing: "未生成",
    ours: "已生成",
    foreign: "同名表(非本插件)",
    stale: "需刷新",
    staleTitle: "官方数字与政策版本不一致",
    staleBody: (names: string) => `工作表“${names}”中的官方数字与当前版本不同,可能被修改过或来自旧版本。`,
    refreshStale: "一键刷新",
    refreshing: "正在刷新…",
    refreshed: "已刷新。",
    nothing: "工作簿中还没有本插件生成的工作表,请在“生成”页生成。",
    otherEdition: (id: string) => `来自版本 ${id}`,
  },

  targets: {
    title: "目标浏览",
    search: "搜索指标、原文、条款或单位",
    area: "领域",
    article: "条款",
    department: "责任单位",
    allAreas: "全部领域",
    allArticles: "全部条款",
    allDepartments: "全部单位",
    count: (n: number, total: number) => (n === total ? `共 ${total} 项目标` : `筛选出 ${n} 项 / 共 ${total} 项`),
    empty: "没有符合条件的目标。",
    preamble: "领域总体目标",
    lead: "(牵头)",
    responsible: "责任单位:",
    insert: "插入公式",
    builderTitle: "插入公式",
    fn: "函数",
    preview: "公式预览",
    insertInto: (address: string) => (address ? `写入选中单元格 ${address}` : "写入选中单元格"),
    cancel: "取消",
    inserted: (address: string) => `已在 ${address} 写入公式。`,
    argPlaceholder: "单元格引用或数值,可留空",
    qualitative: "定性目标",
    more: (n: number) => `显示更多(还有 ${n} 项)`,
  },

  help: {
    title: "ZC 函数帮助",
    intro: "在单元格中输入 =ZC. 即可看到全部函数。目标编号可在“目标”页复制或直接插入。",
    params: "参数",
    example: "示例",
    optional: "可选",
    none: "函数清单尚未加载。",
    filter: "筛选函数",
  },

  importer: {
    title: "导入新版本",
    intro:
      "粘贴新一年政策文件的原文,或选择文件(.txt、.docx、.html)。生成“导入审核”表后在表中逐行核对、修改,再点“确认导入”。",
    paste: "政策原文",
    pastePlaceholder: "在此粘贴原文……",
    pick: "选择文件",
    picked: (name: string, chars: number) => `已读取“${name}”,${chars} 个字符。`,
    draft: "生成审核表",
    drafting: "正在读取原文并写入审核表…",
    drafted: (targets: number, low: number, excluded: number) =>
      `已写入“导入审核”表:${targets} 个目标(${low} 个待核对,已标黄并排在最前),另列出排除的 ${excluded} 个数字。`,
    notGenre: "未读出领域标题(一、二、……):这段文字不像“推动经济高质量发展若干政策”类文件。",
    missing: (fields: string) => `原文缺少:${fields}。请在表中【文件信息】处填写。`,
    exists: "工作簿中已有“导入审核”表,可能有您的修改;覆盖会丢失这些修改。",
    replace: "覆盖",
    empty: "请先粘贴原文或选择文件。",
    unreadable: (name: string) => `无法读取文件“${name}”:不是有效的 .docx 文件(旧版 .doc 请先另存为 .docx)。`,
    refused: (name: string, why: { chinese: string; english: string }) => `未读取文件“${name}”:${why.chinese}`,
    confirm: "确认导入",
    noSheet: "工作簿中没有“导入审核”表:请先生成审核表。",
    invalid: (n: number) => `审核表有 ${n} 处问题,未导入:`,
    warnings: "提示",
    valid: (id: string, targets: number) => `版本 ${id} 校验通过,共 ${targets} 个目标。`,
    diffTitle: (current: string) => `与当前版本 ${current} 相比`,
    apply: "应用到工作簿",
    applied: (id: string) => `已应用版本 ${id}。`,
    applyMissing:
      "本加载项尚不能直接把版本应用到工作簿:请下载版本文件,用“版本”功能或命令行(template --edition 文件)载入。",
    download: "下载版本文件",
  },

  forgedEdition: {
    title: (id: string, n: number) => `本工作簿的版本自称“${id}”(内置的官方版本),但与内置版本有 ${n} 处不同:`,
    more: (n: number) => `…共 ${n} 处`,
    adopt: "改用内置版本",
  },

  errors: {
    notInExcel: "未连接到 Excel:请在 Excel 中通过“开始”选项卡的“政策目标”按钮打开任务窗格后重试。",
    cellEdit: "Excel 正在编辑单元格:请先按 Enter 或 Esc 结束编辑,然后重试。",
    payload: "一次写入的数据超过 Excel 网页版的上限(5 MB):请少选几个工作表分批生成。",
    protected: "工作表或工作簿受保护,无法写入:请先撤销保护后重试。",
    unsupported: "当前 Excel 版本不支持所需功能:请更新 Excel 或改用 Microsoft 365 版本。",
    tooOld:
      "此版本 Excel 过旧(生成工作簿需要 ExcelApi 1.4,Excel 2016 批量许可版只有 1.1):请用命令行生成 .xlsx 后打开,或更新 Excel。",
    busy: "Excel 正忙(可能正在计算或打开了对话框):请稍后重试。",
    unreadableEdition: (why: string) =>
      `工作簿内嵌的版本无法读取或无效(${why}),未作任何改动:请在“版本”页载入正确的版本文件后再刷新,不会用内置版本替换它。`,
    generic: (message: string) => `操作失败:${message}`,
    unknown: "操作失败,原因未知。",
  },

  report: {
    title: "进展情况报告",
    intro: "根据工作簿的月度数据起草某月的进展情况报告(文末附所用数据表),可下载为 .docx 或写入“进展报告”工作表。",
    read: "读取工作簿数据",
    reread: "重新读取数据(填报有改动时)",
    reading: "正在读取工作簿数据…",
    month: "报告月份",
    monthOption: (m: number, filled: boolean) => `${m}月${filled ? "" : "(无数据)"}`,
    reportMonth: (m: number) => `工作簿的报告月份:${m}月`,
    noFigures: "工作簿中还没有填报任何月份的数据:报告中所有目标都将是“未填报”。",
    currentLayout: (m: number) =>
      `此工作簿没有月度填报表,只有报告日期所在的${m}月的数据;请在“生成”页刷新工作簿后按月填报。`,
    preview: "报告摘要(尚未保存)",
    download: "下载 .docx",
    building: "正在生成 .docx…",
    downloaded: (name: string) => `已下载“${name}”。若未看到下载(部分 Excel 不允许加载项下载文件),请改用“写入工作表”。`,
    blocked: "此环境不允许下载文件:请改用“写入‘进展报告’工作表”,再打印或复制该表。",
    writeSheet: "写入“进展报告”工作表",
    writing: "正在写入工作表…",
    written: (sheet: string, replaced: boolean) =>
      replaced ? `已替换工作表“${sheet}”中的上一份报告。` : `已写入工作表“${sheet}”。`,
  },

  noCustomFunctions:
    "此版本 Excel 不支持自定义函数:ZC 公式需要更新的 Excel(Microsoft 365、Excel 2021 或网页版);生成的工作簿只用经典公式,在任何 Excel、WPS 中都能计算。",
  features: featureNames.zh,

  newYear: newYearZh,

  sheetNames: {} as Record<string, string>,
  units: { 万元: "万元", 亿元: "亿元" } as Record<string, string>,
  returns: returnsStrings.zh,
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Policy Targets",
  tabs: {
    generate: "Build",
    status: "Status",
    returns: "Returns",
    targets: "Targets",
    import: "Import",
    edition: "Edition",
    help: "Help",
  },
  tabsLabel: "Sections",
  edition: "Policy edition",
  notInExcel:
    "Not connected to Excel: browsing targets and the function help work here; building the workbook and inserting formulas need the pane opened inside Excel.",
  dismiss: "Dismiss",

  generate: {
    title: "Build / refresh the workbook",
    intro:
      "Writes the sheets of the chosen policy edition. Sheets this add-in wrote before get fresh official figures; the values you typed are kept.",
    sheets: "Sheets",
    allSheets: "All",
    unit: "Amount unit for budget execution",
    reportDate: "Report date",
    reportDateHint: "Time progress (序时进度) is computed at this date, e.g. 2025-06-30",
    badDate: "The report date is not a date: write it as 2025-06-30 or 2025年6月30日.",
    afterYear: "The report date is after the policy year: the whole year counts (time progress 100%).",
    beforeYear: "The report date is before the policy year: time progress is 0.",
    monthEnds: (year: number) => `Month-ends of ${year}:`,
    month: (m: number) => `${m}`,
    monthEndLabel: (iso: string) => `Set the report date to ${iso}`,
    olderExcel: "Not in this Excel",
    featureLine: (feature: string, set: string) =>
      `${feature} (needs ExcelApi ${set}), skipped; data and formulas are unaffected`,
    button: "Build / refresh workbook",
    running: "Writing the workbook…",
    elapsed: (s: number) => `${s} s`,
    noSheet: "Choose at least one sheet.",
    doneTitle: "Done",
    doneLine: (sheets: number, rows: number) => `${sheets} sheet(s) written, ${rows} row(s).`,
    sheetsWritten: "Sheets written",
    none: "none",
    rowsWritten: "Rows refreshed",
    valuesKept: "Your values kept",
    orphanRows: "Rows kept without a target",
    skipped: "Skipped",
    skipLine: (sheet: string, reason: string) => `${sheet}: ${reason}`,
    technical: (syncs: number, kb: string) => `${syncs} sync(s) with Excel, about ${kb} KB`,
    foreignTitle: "A sheet with the same name was not written by this add-in",
    foreignBody: (names: string) =>
      `The sheet "${names}" already exists and was skipped so its content is not overwritten. You can write under another name instead (the existing sheet stays as it is).`,
    rename: "Write under another name",
    rows: (n: number) => `${n} row(s)`,
    values: (n: number) => `${n}`,
    preview: {
      title: "This refresh will make these changes (nothing written yet)",
      cells: (cells: number, kept: number) =>
        `${cells} cell(s) will be written; your ${kept} value(s) stay as they are.`,
      emptyTitle: "The workbook is up to date",
      emptyBody: "Nothing to change: no cell will be written.",
      officialUpdates: "Official figures updated",
      updateLine: (where: string, before: string, after: string) => `${where}: ${before} → ${after}`,
      blank: "(blank)",
      rowsAppended: "Rows appended (end of the table)",
      rowsFlagged: "Rows flagged where they are",
      overridesKept: "Values typed over formulas, kept (noted in 核对)",
      columnsAppended: "Columns added (right of the table)",
      sheetsCreated: "Sheets created",
      blocksAdded: "Blocks added (below what the sheet holds; nothing there moves)",
      blockLine: (sheet: string, title: string, charts: number) =>
        `${sheet}: the trend tables from “${title}”, ${charts} chart(s)`,
      sheetsSkipped: "Sheets skipped",
      unit: "Amount unit",
      unitLine: (from: string, to: string, n: number) => `${from} → ${to}, ${n} 支出数 converted`,
      formulas: "Formulas",
      formulasLine: (filled: number, upgraded: number) => `${filled} blank formula(s) filled, ${upgraded} upgraded`,
      moved: "Moved into months",
      movedLine: (n: number) =>
        `${n} typed 实际值/支出数 moved into their report month (the cell now shows it by formula)`,
      more: (n: number) => `… and ${n} more`,
      apply: "Apply",
      cancel: "Cancel",
      restore: "Restore formulas",
      restoreHint:
        "Restore formulas is a separate action: values typed into formula columns go back to the add-in's formulas (the other changes are applied too).",
    },
  },

  status: {
    title: "Workbook status",
    refresh: "Check again",
    loading: "Reading the workbook…",
    sheet: "Sheet",
    state: "State",
    editionCol: "Edition",
    generatedAt: "Generated",
    missing: "missing",
    ours: "generated",
    foreign: "same name, not ours",
    stale: "needs refresh",
    staleTitle: "Official figures differ from the edition",
    staleBody: (names: string) =>
      `The official figures in "${names}" differ from the current edition: edited, or from an older edition.`,
    refreshStale: "Refresh now",
    refreshing: "Refreshing…",
    refreshed: "Refreshed.",
    nothing: "No sheet of this add-in in the workbook yet: build them on the Build tab.",
    otherEdition: (id: string) => `from edition ${id}`,
  },

  targets: {
    title: "Targets",
    search: "Search indicator, quote, article or unit",
    area: "Area",
    article: "Article",
    department: "Responsible unit",
    allAreas: "All areas",
    allArticles: "All articles",
    allDepartments: "All units",
    count: (n: number, total: number) => (n === total ? `${total} targets` : `${n} of ${total} targets`),
    empty: "No target matches.",
    preamble: "Area headline target",
    lead: " (lead)",
    responsible: "Responsible: ",
    insert: "Insert formula",
    builderTitle: "Insert a formula",
    fn: "Function",
    preview: "Preview",
    insertInto: (address: string) => (address ? `Write into ${address}` : "Write into the selected cell"),
    cancel: "Cancel",
    inserted: (address: string) => `Formula written to ${address}.`,
    argPlaceholder: "Cell reference or value, may be empty",
    qualitative: "qualitative",
    more: (n: number) => `Show more (${n} left)`,
  },

  help: {
    title: "ZC functions",
    intro: "Type =ZC. in a cell to see every function. Target ids can be inserted from the Targets tab.",
    params: "Parameters",
    example: "Example",
    optional: "optional",
    none: "The function list is not loaded.",
    filter: "Filter functions",
  },

  importer: {
    title: "Import an edition",
    intro:
      "Paste the new policy text, or pick a file (.txt, .docx, .html). Build the review sheet 导入审核, check and edit it row by row, then confirm.",
    paste: "Policy text",
    pastePlaceholder: "Paste the text here…",
    pick: "Pick a file",
    picked: (name: string, chars: number) => `Read "${name}", ${chars} characters.`,
    draft: "Build the review sheet",
    drafting: "Reading the text and writing the review sheet…",
    drafted: (targets: number, low: number, excluded: number) =>
      `Wrote 导入审核: ${targets} targets (${low} to check, highlighted and listed first), and the ${excluded} figures excluded.`,
    notGenre: "No area headings (一、二、…) found: this text does not look like a 推动经济高质量发展若干政策 document.",
    missing: (fields: string) => `Missing from the text: ${fields}. Fill them in under 【文件信息】.`,
    exists: "The workbook already has a 导入审核 sheet, perhaps with your edits; replacing it loses them.",
    replace: "Replace",
    empty: "Paste the text or pick a file first.",
    unreadable: (name: string) => `Cannot read "${name}": not a valid .docx file (save an old .doc as .docx).`,
    refused: (name: string, why: { chinese: string; english: string }) => `Did not read "${name}": ${why.english}`,
    confirm: "Confirm import",
    noSheet: "The workbook has no 导入审核 sheet: build the review sheet first.",
    invalid: (n: number) => `The review sheet has ${n} problem(s); nothing imported:`,
    warnings: "Notes",
    valid: (id: string, targets: number) => `Edition ${id} is valid: ${targets} targets.`,
    diffTitle: (current: string) => `Compared with the current edition ${current}`,
    apply: "Apply to the workbook",
    applied: (id: string) => `Edition ${id} applied.`,
    applyMissing:
      "This add-in cannot yet apply an edition to the workbook itself: download the edition file and load it with 版本 or the command line (template --edition FILE).",
    download: "Download the edition file",
  },

  forgedEdition: {
    title: (id: string, n: number) =>
      `This workbook's edition claims the official id "${id}" but differs from the bundled one in ${n} place(s):`,
    more: (n: number) => `… ${n} in all`,
    adopt: "Adopt the bundled edition",
  },

  errors: {
    notInExcel: "Not connected to Excel: open the pane from Excel (Home › Policy Targets) and try again.",
    cellEdit: "Excel is editing a cell: press Enter or Esc to finish editing, then try again.",
    payload: "Too much data for one request in Excel on the web (5 MB): build fewer sheets at a time.",
    protected: "The sheet or workbook is protected: unprotect it and try again.",
    unsupported: "This version of Excel lacks a needed feature: update Excel or use Microsoft 365.",
    tooOld:
      "This Excel is too old (building the workbook needs ExcelApi 1.4; volume-licensed Excel 2016 has 1.1): open the .xlsx the command line writes, or update Excel.",
    busy: "Excel is busy (calculating or showing a dialog): try again shortly.",
    unreadableEdition: (why: string) =>
      `The edition this workbook carries cannot be read or is invalid (${why}); nothing was changed. Load the right edition file on the Edition page, then refresh: the bundled edition never replaces it silently.`,
    generic: (message: string) => `Failed: ${message}`,
    unknown: "Failed for an unknown reason.",
  },

  newYear: newYearEn,

  sheetNames: {
    说明: "About",
    预算安排: "Budgets",
    目标任务: "Targets",
    预算执行: "Execution",
    责任分工: "Responsibilities",
    汇总: "Summary",
  },
  units: { 万元: "10k yuan (万元)", 亿元: "100m yuan (亿元)" },
  report: {
    title: "Progress report",
    intro:
      "Drafts a month's 进展情况 report from the workbook's monthly figures (ending with the table of figures used), as a .docx download or the 进展报告 sheet.",
    read: "Read the workbook's figures",
    reread: "Read the figures again (after edits)",
    reading: "Reading the workbook's figures…",
    month: "Report month",
    monthOption: (m: number, filled: boolean) => `${m}月${filled ? "" : " (no figures)"}`,
    reportMonth: (m: number) => `The workbook's report month: ${m}月`,
    noFigures: "No month holds a figure yet: every target will be 未填报 in the report.",
    currentLayout: (m: number) =>
      `This workbook has no monthly sheets, only the figures of ${m}月 (its report date); refresh it on the Build tab to fill months.`,
    preview: "Summary (not saved yet)",
    download: "Download .docx",
    building: "Building the .docx…",
    downloaded: (name: string) =>
      `Downloaded "${name}". If no download appears (some Excel hosts block add-in downloads), write the sheet instead.`,
    blocked: "Downloads are blocked here: write the 进展报告 sheet instead, then print or copy it.",
    writeSheet: "Write the 进展报告 sheet",
    writing: "Writing the sheet…",
    written: (sheet: string, replaced: boolean) =>
      replaced ? `Replaced the earlier report on sheet "${sheet}".` : `Wrote sheet "${sheet}".`,
  },

  noCustomFunctions:
    "This Excel has no custom functions: ZC formulas need a newer Excel (Microsoft 365, Excel 2021 or the web); the workbook itself uses classic formulas that calculate in any Excel and in WPS.",
  features: featureNames.en,
  returns: returnsStrings.en,
};

export const strings: Record<Lang, Strings> = { zh, en };

export interface I18n {
  lang: Lang;
  t: Strings;
}

export const I18nContext = createContext<I18n>({ lang: "zh", t: zh });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A sheet's label: its Chinese name (the name in the workbook), with an English gloss in the English UI. */
export function sheetLabel(t: Strings, key: string): string {
  const gloss = t.sheetNames[key];
  return gloss ? `${key} (${gloss})` : key;
}
