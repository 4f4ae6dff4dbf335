/**
 * Every message of department returns in one place, Chinese first and English second: why a file was refused,
 * why a row was rejected or flagged, what the figure reader assumed. Hosts print `zh` then `en` (the CLI on one
 * line naming the file), the pane shows the locale it runs in.
 */
export interface Message {
  readonly code: MessageCode;
  readonly zh: string;
  readonly en: string;
}

type Args = readonly string[];

const catalog = {
  // A whole file refused: nothing of it is written.
  notReturn: {
    zh: () => "不是政策目标的填报表(找不到填报表标识)",
    en: () => "not a policy-targets return (no return identity found)",
  },
  checksumMismatch: {
    zh: () => "填报表标识校验不符(编号或标识被手工改动),请使用分发的原表重新填报",
    en: () =>
      "the return's identity does not match its checksum (编号 or identity edited by hand); fill in the file as sent",
  },
  otherEdition: {
    zh: (a: Args) => `填报表来自另一版本“${a[0]}”,本台账为“${a[1]}”`,
    en: (a: Args) => `the return was made from edition "${a[0]}", this workbook holds "${a[1]}"`,
  },
  otherYear: {
    zh: (a: Args) => `填报月份 ${a[0]} 不在本版本的年度 ${a[1]} 年内`,
    en: (a: Args) => `the return's month ${a[0]} is outside the edition's year ${a[1]}`,
  },
  duplicateFile: {
    zh: (a: Args) => `与“${a[0]}”内容完全相同,已按一份处理`,
    en: (a: Args) => `the same bytes as "${a[0]}"; merged once`,
  },
  // One row or cell rejected.
  unknownId: {
    zh: (a: Args) => `本版本没有编号“${a[0]}”`,
    en: (a: Args) => `the edition has no target "${a[0]}"`,
  },
  notInReturn: {
    zh: (a: Args) => `编号“${a[0]}”不在分发给本单位的表中`,
    en: (a: Args) => `"${a[0]}" is not one of the rows sent to this unit`,
  },
  noId: {
    zh: () => "此行没有编号",
    en: () => "the row has no 编号",
  },
  notLead: {
    zh: (a: Args) => `本单位不是“${a[0]}”的牵头单位(牵头单位:${a[1]}),未采纳`,
    en: (a: Args) => `the unit does not lead "${a[0]}" (lead: ${a[1]}); not accepted`,
  },
  notLeadAccepted: {
    zh: (a: Args) => `本单位不是牵头单位(牵头单位:${a[0]}),经确认采纳`,
    en: (a: Args) => `the unit does not lead this target (lead: ${a[0]}); accepted by staff`,
  },
  notFigure: {
    zh: (a: Args) => `“${a[0]}”不是可读的数字,未写入`,
    en: (a: Args) => `"${a[0]}" is not a readable figure; not written`,
  },
  wrongUnit: {
    zh: (a: Args) => `“${a[0]}”的单位与指标单位“${a[1]}”不符`,
    en: (a: Args) => `"${a[0]}" is not in the target's unit "${a[1]}"`,
  },
  notRank: {
    zh: (a: Args) => `“${a[0]}”是名次写法,本指标不是排名指标`,
    en: (a: Args) => `"${a[0]}" is written as a rank; the target is not a ranking`,
  },
  notLikelihood: {
    zh: (a: Args) => `完成目标可能性“${a[0]}”不是 确定能/有可能/完全不可能 之一`,
    en: (a: Args) => `likelihood "${a[0]}" is not one of 确定能/有可能/完全不可能`,
  },
  notMonitored: {
    zh: (a: Args) => `分发时该目标未欠序时进度,“${a[0]}”不需填写,未采纳(如需说明请写在情况说明中)`,
    en: (a: Args) =>
      `the target was not behind 序时进度 when the return was made, so "${a[0]}" is not asked for; not taken (use 情况说明)`,
  },
  noRowInWorkbook: {
    zh: (a: Args) => `台账的月度填报中找不到编号“${a[0]}”的行或该列,未写入`,
    en: (a: Args) => `the workbook's 月度填报 has no row or column for "${a[0]}"; not written`,
  },
  // Cell outcomes that need words.
  conflict: {
    zh: (a: Args) => `台账已有不同的值 ${a[0]},未覆盖`,
    en: (a: Args) => `the workbook holds a different value ${a[0]}; not overwritten`,
  },
  taken: {
    zh: (a: Args) => `按确认采纳填报值,覆盖原值 ${a[0]}`,
    en: (a: Args) => `the returned value was taken over ${a[0]} as staff chose`,
  },
  returnsDisagree: {
    zh: (a: Args) => `多份填报表对同一单元格填了不同的值(${a[0]}),均未写入`,
    en: (a: Args) => `several returns give different values for this cell (${a[0]}); none written`,
  },
  supersededByLaterMonth: {
    zh: (a: Args) => `同批有 ${a[0]} 的填报表,以较新月份的说明为准`,
    en: (a: Args) => `a ${a[0]} return in the same merge has a newer text; that one counts`,
  },
  replacesEarlierMonth: {
    zh: (a: Args) => `替换 ${a[0]} 填报时写入的说明`,
    en: (a: Args) => `replaces the text merged from the ${a[0]} return`,
  },
  // Flags on a value that is written.
  lowerThanPrevious: {
    zh: (a: Args) => `累计值低于${a[0]}的 ${a[1]},请核实`,
    en: (a: Args) => `cumulative figure below ${a[0]}'s ${a[1]}; please check`,
  },
  assumedPercent: {
    zh: (a: Args) => `“${a[0]}”未带 %,按指标单位读作 ${a[1]}`,
    en: (a: Args) => `"${a[0]}" has no %; read as ${a[1]} by the target's unit`,
  },
  convertedUnit: {
    zh: (a: Args) => `“${a[0]}”换算为 ${a[1]}`,
    en: (a: Args) => `"${a[0]}" converted to ${a[1]}`,
  },
} as const satisfies Record<string, { zh: (a: Args) => string; en: (a: Args) => string }>;

export type MessageCode = keyof typeof catalog;

/** The message of `code` with its arguments filled in, in both languages. */
export function message(code: MessageCode, ...args: string[]): Message {
  return { code, zh: catalog[code].zh(args), en: catalog[code].en(args) };
}
