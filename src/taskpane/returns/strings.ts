/**
 * The 填报 card's words, Chinese first and English second; i18n.ts carries them as `t.returns`. Reasons for a
 * refused file or a rejected row come from src/returns/messages.ts in both languages, not from here.
 */
const zh = {
  title: "填报",
  intro: "分发各单位填报表、回收合并报回的数字(先预览,冲突不覆盖,全部记入“填报记录”),并列出未报单位生成催报通知。",
  reading: "正在读取工作簿…",
  reread: "重新读取工作簿",
  noMonthly: "工作簿中还没有“月度填报”工作表:请先在“生成”页生成或刷新工作簿。",
  month: "填报月份",
  monthOption: (year: number, m: number) => `${year}年${m}月(1—${m}月累计)`,
  deadline: "报送截止(可选)",
  deadlineHint: "如 8月5日;写入填报表和催报通知",
  sendTo: "报送至(可选)",
  sendToPlaceholder: "市财政局",

  distribute: {
    title: "分发",
    intro: "为每个牵头单位生成一份填报表(.xlsx),打包为一个 .zip 下载,再经 OA / 浙政钉 发给各单位。",
    button: "生成各单位填报表",
    building: "正在生成填报表…",
    done: (name: string, files: number) => `已下载“${name}”:${files} 个单位的填报表。`,
    blocked: "此环境不允许加载项下载文件:请在网页版 Excel 中使用本功能,或用命令行 returns make 生成填报表。",
    files: "包含的填报表",
    fileLine: (name: string, targets: number) => `${name}(${targets} 项)`,
    without: (units: string) => `不牵头任何目标、未生成填报表的单位:${units}`,
  },

  collect: {
    title: "回收",
    intro:
      "选择各单位报回的填报表(可多选)。写入前先预览:与台账不同的已有数值是冲突,除非勾选采用单位填报值,否则不覆盖。",
    pick: "选择报回的填报表…",
    reading: "正在读取填报表…",
    preview: "合并预览(尚未写入)",
    fileLine: (unit: string, month: string) => `${unit} · ${month}`,
    counts: (write: number, same: number, conflict: number, rejected: number) =>
      `写入 ${write} · 相同 ${same} · 冲突 ${conflict} · 拒绝 ${rejected}`,
    refused: (name: string, reason: string) => `“${name}”未合并:${reason}`,
    conflicts: "冲突(台账已有不同的值)",
    take: (unit: string, id: string, field: string, before: string, returned: string) =>
      `采用${unit}的填报值:${id} ${field} ${before} → ${returned}`,
    takeAll: "全部采用单位填报值",
    notLead: "非牵头单位报送的行(默认拒绝)",
    accept: (unit: string, id: string, field: string, returned: string) =>
      `采纳${unit}报送的:${id} ${field} ${returned}`,
    rejected: "拒绝的行",
    flagged: "已写入但请核实",
    notes: "说明",
    rejectedLine: (id: string, field: string, reason: string) => `${id || "(无编号)"} ${field}:${reason}`,
    flaggedLine: (id: string, field: string, value: string, note: string) => `${id} ${field} ${value}:${note}`,
    apply: (cells: number) => `写入台账(${cells} 个单元格)并记入填报记录`,
    applying: "正在写入…",
    cancel: "取消",
    nothing: "没有可合并的内容。",
    applied: (cells: number, log: number) => `已写入 ${cells} 个单元格,“填报记录”增加 ${log} 行。`,
    changedSince: (n: number) =>
      `预览后台账中有 ${n} 个单元格被改动(可能是协作者在输入):合并按台账的最新内容进行,新输入的数值没有被覆盖,详见“填报记录”。`,
  },

  remind: {
    title: "催报",
    intro: (m: number) => `${m}月数字未报或未报全的牵头单位(按工作簿中的数字判断,协作者直接录入的也算)。`,
    allIn: (m: number) => `各牵头单位的${m}月数字均已报送。`,
    unitLine: (unit: string, state: string, missing: number, leads: number) =>
      `${unit}:${state}(缺 ${missing}/${leads} 项)`,
    text: "催报通知(可粘贴到浙政钉 / OA)",
    copy: "复制催报通知",
    copied: "已复制到剪贴板。",
    copyManually: "无法自动复制:文字已选中,请按 Ctrl+C 复制。",
  },
};

export type ReturnsStrings = typeof zh;

const en: ReturnsStrings = {
  title: "Returns",
  intro:
    "Send each unit its return file, merge the figures they send back (previewed first; a conflict is never overwritten; every cell logged in 填报记录), and list who has not answered with a reminder to paste.",
  reading: "Reading the workbook…",
  reread: "Read the workbook again",
  noMonthly: "The workbook has no 月度填报 sheet yet: build or refresh it on the Build tab first.",
  month: "Month",
  monthOption: (year: number, m: number) => `${year}年${m}月 (1–${m}月 cumulative)`,
  deadline: "Deadline (optional)",
  deadlineHint: "e.g. 8月5日; written into the returns and the reminder",
  sendTo: "Send back to (optional)",
  sendToPlaceholder: "市财政局",

  distribute: {
    title: "Send out",
    intro: "Makes one return file (.xlsx) per leading unit, zipped into one download, to send through OA / 浙政钉.",
    button: "Make the units' return files",
    building: "Making the return files…",
    done: (name: string, files: number) => `Downloaded "${name}": return files of ${files} units.`,
    blocked:
      "This host does not let add-ins download files: use Excel on the web, or make the returns with the CLI's returns make.",
    files: "Files in it",
    fileLine: (name: string, targets: number) => `${name} (${targets} targets)`,
    without: (units: string) => `Units leading no target (no file): ${units}`,
  },

  collect: {
    title: "Merge",
    intro:
      "Pick the returned files (several at once). A preview comes first: a different value already in the workbook is a conflict and is not overwritten unless you take the unit's value.",
    pick: "Pick returned files…",
    reading: "Reading the files…",
    preview: "Merge preview (nothing written yet)",
    fileLine: (unit: string, month: string) => `${unit} · ${month}`,
    counts: (write: number, same: number, conflict: number, rejected: number) =>
      `write ${write} · same ${same} · conflicts ${conflict} · rejected ${rejected}`,
    refused: (name: string, reason: string) => `"${name}" not merged: ${reason}`,
    conflicts: "Conflicts (the workbook holds a different value)",
    take: (unit: string, id: string, field: string, before: string, returned: string) =>
      `Take ${unit}'s value: ${id} ${field} ${before} → ${returned}`,
    takeAll: "Take the units' values for all",
    notLead: "Rows from a unit that does not lead the target (rejected unless accepted)",
    accept: (unit: string, id: string, field: string, returned: string) =>
      `Accept ${unit}'s row: ${id} ${field} ${returned}`,
    rejected: "Rejected rows",
    flagged: "Written, please check",
    notes: "Notes",
    rejectedLine: (id: string, field: string, reason: string) => `${id || "(no 编号)"} ${field}: ${reason}`,
    flaggedLine: (id: string, field: string, value: string, note: string) => `${id} ${field} ${value}: ${note}`,
    apply: (cells: number) => `Write ${cells} cells and log them in 填报记录`,
    applying: "Writing…",
    cancel: "Cancel",
    nothing: "Nothing to merge.",
    applied: (cells: number, log: number) => `Wrote ${cells} cells; 填报记录 grew by ${log} rows.`,
    changedSince: (n: number) =>
      `${n} cells changed in the workbook since the preview (a co-author typing?): the merge followed the workbook as it is now, nothing typed since was overwritten; see 填报记录.`,
  },

  remind: {
    title: "Reminders",
    intro: (m: number) =>
      `Leading units whose ${m}月 figures are missing or incomplete (read from the workbook, so a co-author's typing counts).`,
    allIn: (m: number) => `Every leading unit has reported ${m}月.`,
    unitLine: (unit: string, state: string, missing: number, leads: number) =>
      `${unit}: ${state} (${missing} of ${leads} missing)`,
    text: "Reminder (to paste into 浙政钉 / OA)",
    copy: "Copy the reminder",
    copied: "Copied to the clipboard.",
    copyManually: "Could not copy automatically: the text is selected, press Ctrl+C.",
  },
};

export const returnsStrings = { zh, en } as const;
