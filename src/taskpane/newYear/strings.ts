/**
 * The 新年度 card's words, Chinese first; i18n.ts carries them as `t.newYear` so the two languages stay side by
 * side with the rest of the pane's.
 */
const list = (ids: readonly string[]) => ids.join("、");

export const newYearZh = {
  title: "新年度:结转上年值",
  intro:
    "选择上一年度的台账工作簿(.xlsx),按编号(编号变了的按条款、指标和单位)把每个目标的12月数填入本工作簿“目标任务”的空白上年值,并在“核对”列注明来源。已填写的上年值不会被替换。",
  choose: "选择上年工作簿(.xlsx)",
  reading: "正在读取上年工作簿…",
  from: (file: string, title: string) => `上年工作簿:${file}(${title})`,
  previewTitle: "结转预览(尚未写入)",
  carried: (n: number) => `将写入上年值 ${n} 项`,
  agrees: (n: number) => `已填且与上年一致 ${n} 项`,
  differs: (n: number) => `已填但与上年数不同 ${n} 项(保留所填,在核对列注明上年数):`,
  differsLine: (id: string, typed: number, carried: number) => `${id}:已填 ${typed},上年 ${carried}`,
  converted: (n: number) => `单位换算 ${n} 项:`,
  convertedLine: (id: string, from: string, to: string) => `${id}:${from} → ${to}`,
  refused: (n: number) => `单位不符、未结转 ${n} 项:`,
  refusedLine: (id: string, reason: string) => `${id}:${reason}`,
  noFigure: (ids: readonly string[]) => `上年工作簿无12月数、未结转 ${ids.length} 项:${list(ids)}`,
  withoutPredecessor: (ids: readonly string[]) => `本年新增目标(上年无对应)${ids.length} 项:${list(ids)}`,
  withoutSuccessor: (ids: readonly string[]) => `上年目标本年已无 ${ids.length} 项:${list(ids)}`,
  nothing: "没有可填的空白上年值(都已填写或无法结转);写入只在“核对”列注明来源和差异。",
  apply: "写入本工作簿",
  applying: "正在写入…",
  done: (written: number, notes: number) => `已写入上年值 ${written} 项;核对列写明来源或差异 ${notes} 处。`,
  again: "重新选择文件",
  errors: {
    notXlsx: (file: string) => `“${file}”不是 .xlsx 工作簿:请选择上一年度的台账(.xlsx)。`,
    notWorkbook: (file: string) => `无法读取“${file}”:它不是有效的 Excel 工作簿(.xlsx),或文件已损坏。`,
    limits: (file: string, why: string) => `“${file}”超出可读取的范围,已拒绝:${why}`,
    noEdition: (file: string) => `“${file}”中没有内嵌的政策版本(不是本插件或命令行生成的台账,或版本已损坏),无法结转。`,
    noFigures: (file: string) => `“${file}”中没有“目标任务”或“月度填报”工作表,无法结转。`,
    sameYear: (file: string, year: number, current: number) =>
      `“${file}”是 ${year} 年度的台账,不早于本工作簿的 ${current} 年度:请选择上一年度的台账。`,
    noTargets: "本工作簿还没有“目标任务”工作表:请先在上方生成工作簿,再结转上年值。",
  },
};

export type NewYearStrings = typeof newYearZh;

export const newYearEn: NewYearStrings = {
  title: "New year: carry last year's figures over",
  intro:
    "Choose last year's workbook (.xlsx): each target's 12月 figure goes into the empty 上年值 of this workbook's 目标任务 — by 编号, or by article, indicator and unit where the 编号 changed — and 核对 says where it came from. 上年值 already typed are never replaced.",
  choose: "Choose last year's workbook (.xlsx)",
  reading: "Reading last year's workbook…",
  from: (file: string, title: string) => `Last year's workbook: ${file} (${title})`,
  previewTitle: "Carry-over preview (not written yet)",
  carried: (n: number) => `${n} 上年值 to write`,
  agrees: (n: number) => `${n} already typed and equal`,
  differs: (n: number) => `${n} typed but different from last year (kept; 核对 notes last year's figure):`,
  differsLine: (id: string, typed: number, carried: number) => `${id}: typed ${typed}, last year ${carried}`,
  converted: (n: number) => `${n} converted between units:`,
  convertedLine: (id: string, from: string, to: string) => `${id}: ${from} → ${to}`,
  refused: (n: number) => `${n} not carried, units disagree:`,
  refusedLine: (id: string, reason: string) => `${id}: ${reason}`,
  noFigure: (ids: readonly string[]) => `${ids.length} without a 12月 figure last year: ${ids.join(", ")}`,
  withoutPredecessor: (ids: readonly string[]) => `${ids.length} new this year (no predecessor): ${ids.join(", ")}`,
  withoutSuccessor: (ids: readonly string[]) =>
    `${ids.length} of last year's targets have no successor: ${ids.join(", ")}`,
  nothing:
    "No empty 上年值 to fill (all typed, or none can be carried); writing only notes sources and differences in 核对.",
  apply: "Write into this workbook",
  applying: "Writing…",
  done: (written: number, notes: number) =>
    `Wrote ${written} 上年值; ${notes} 核对 cells say where they came from or how they differ.`,
  again: "Choose another file",
  errors: {
    notXlsx: (file: string) => `"${file}" is not an .xlsx workbook: choose last year's workbook (.xlsx).`,
    notWorkbook: (file: string) => `Cannot read "${file}": it is not a valid Excel workbook (.xlsx), or it is damaged.`,
    limits: (file: string, why: string) => `"${file}" is beyond what the add-in reads, refused: ${why}`,
    noEdition: (file: string) =>
      `"${file}" stores no policy edition (not written by this add-in or its command line, or the part is damaged): nothing to carry over.`,
    noFigures: (file: string) => `"${file}" holds neither 目标任务 nor 月度填报: nothing to carry over.`,
    sameYear: (file: string, year: number, current: number) =>
      `"${file}" is the workbook of ${year}, not earlier than this workbook's ${current}: choose last year's.`,
    noTargets: "This workbook has no 目标任务 sheet yet: build the workbook above first, then carry last year over.",
  },
};
