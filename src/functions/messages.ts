/**
 * Messages only the formula layer produces; everything the engine can say stays in src/engine/messages.ts.
 * Same shape as the engine's catalog (Chinese first), so a host formats both the same way.
 */
import type { ErrorCode, Locale } from "../engine";

type Args = readonly (string | number)[];

const catalog = {
  articleNotInArea: {
    "zh-CN": (a: Args) => `第${a[0]}条不属于领域${a[1]}`,
    "en-US": (a: Args) => `Article ${a[0]} is not in area ${a[1]}`,
  },
  unknownEdition: {
    "zh-CN": (a: Args) => `找不到版本“${a[0]}”(可用:${a[1]})`,
    "en-US": (a: Args) => `No edition "${a[0]}" (known: ${a[1]})`,
  },
  unknownEditionField: {
    "zh-CN": (a: Args) =>
      `版本字段“${a[0]}”无效(可用 id、title、docNumber、year、issuer 或 编号、标题、文号、年度、发文机关)`,
    "en-US": (a: Args) => `Unknown edition field "${a[0]}" (use id, title, docNumber, year or issuer)`,
  },
  editionFieldAbsent: {
    "zh-CN": (a: Args) => `版本“${a[0]}”未写${a[1]}(原文没有)`,
    "en-US": (a: Args) => `Edition "${a[0]}" has no ${a[1]} (the text gives none)`,
  },
  resultNotFinite: {
    "zh-CN": () => "计算结果超出范围(非有限数)",
    "en-US": () => "The result is out of range (not finite)",
  },
  unexpected: {
    "zh-CN": (a: Args) => `内部错误:${a[0]}`,
    "en-US": (a: Args) => `Internal error: ${a[0]}`,
  },
} as const satisfies Record<string, Record<Locale, (a: Args) => string>>;

export type FunctionMessageKey = keyof typeof catalog;

/** An error value of the formula layer; converted to `CustomFunctions.Error` in the same single place. */
export class FunctionError {
  readonly code: ErrorCode;
  readonly key: FunctionMessageKey;
  readonly args: Args;

  constructor(code: ErrorCode, key: FunctionMessageKey, args: Args = []) {
    this.code = code;
    this.key = key;
    this.args = args;
  }

  get message(): string {
    return catalog[this.key]["zh-CN"](this.args);
  }

  messageIn(locale: Locale): string {
    return catalog[this.key][locale](this.args);
  }
}
