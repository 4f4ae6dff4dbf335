import { formatMessage, type Locale, type MessageKey } from "./messages";

/**
 * Excel's error values the engine can produce. The engine returns them as values (never throws), so a host
 * decides how to show them: custom functions map them to CustomFunctions.Error, the workbook to IFERROR text.
 */
export type ErrorCode = "VALUE" | "NA" | "DIV0";

export class CalcError {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly args: readonly (string | number)[];

  constructor(code: ErrorCode, key: MessageKey, args: readonly (string | number)[] = []) {
    this.code = code;
    this.key = key;
    this.args = args;
  }

  /** The Chinese message, the one shown in Excel. */
  get message(): string {
    return formatMessage(this.key, this.args, "zh-CN");
  }

  messageIn(locale: Locale): string {
    return formatMessage(this.key, this.args, locale);
  }
}

export function isCalcError(value: unknown): value is CalcError {
  return value instanceof CalcError;
}

export const valueError = (key: MessageKey, ...args: (string | number)[]) => new CalcError("VALUE", key, args);
export const notAvailable = (key: MessageKey, ...args: (string | number)[]) => new CalcError("NA", key, args);
export const divisionByZero = (key: MessageKey, ...args: (string | number)[]) => new CalcError("DIV0", key, args);
