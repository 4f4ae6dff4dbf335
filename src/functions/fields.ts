/**
 * The fields `ZC.TARGET(id, field)` can return. Each accepts its English name and the Chinese words a report
 * column is usually headed with, so `=ZC.TARGET(A2, B$1)` works under a header row of 指标 / 单位 / 牵头单位.
 */
export const TARGET_FIELDS = {
  value: ["目标值", "数值", "值"],
  indicator: ["指标", "指标名称"],
  unit: ["单位"],
  comparator: ["比较", "比较方式"],
  kind: ["类型", "指标类型"],
  area: ["领域"],
  article: ["条", "条款"],
  quote: ["原文", "出处"],
  responsible: ["责任单位"],
  lead: ["牵头单位"],
} as const;

export type TargetField = keyof typeof TARGET_FIELDS;

const lookup = new Map<string, TargetField>();
for (const [field, aliases] of Object.entries(TARGET_FIELDS) as [TargetField, readonly string[]][]) {
  lookup.set(field, field);
  for (const alias of aliases) lookup.set(alias, field);
}

/** @example readTargetField(" Lead ") // "lead"; readTargetField("牵头单位") // "lead" */
export function readTargetField(text: string): TargetField | undefined {
  return lookup.get(text.normalize("NFKC").trim().toLowerCase());
}

/** The list shown in the #N/A message of an unknown field. */
export const TARGET_FIELD_NAMES = Object.keys(TARGET_FIELDS).join("、");

/** The fields `ZC.EDITION([field])` can return, with the Chinese words a header row would use. */
export const EDITION_FIELDS = {
  id: ["编号", "版本", "版本编号"],
  title: ["标题", "名称", "文件名称"],
  docNumber: ["文号"],
  year: ["年度", "年份"],
  issuer: ["发文机关", "发文单位"],
} as const;

export type EditionField = keyof typeof EDITION_FIELDS;

const editionLookup = new Map<string, EditionField>();
for (const [field, aliases] of Object.entries(EDITION_FIELDS) as [EditionField, readonly string[]][]) {
  editionLookup.set(field.toLowerCase(), field);
  for (const alias of aliases) editionLookup.set(alias, field);
}

/** @example readEditionField("文号") // "docNumber"; readEditionField(" YEAR ") // "year" */
export function readEditionField(text: string): EditionField | undefined {
  return editionLookup.get(text.normalize("NFKC").trim().toLowerCase());
}
