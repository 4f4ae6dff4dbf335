/** The namespaces and relationship types of the parts the file route reads and writes, and its one part error. */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  calcChain: `${NS.rel}/calcChain`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
} as const;

/** A part that is not well-formed XML: the package is damaged (the CLI names the user's file). */
export class BadPartError extends Error {
  constructor(readonly part: string) {
    super(
      `工作簿中的部件 ${part} 已损坏(不是有效的 XML)。 / The workbook part ${part} is damaged (not well-formed XML).`,
    );
    this.name = "BadPartError";
  }
}
