/**
 * Turns whatever an action threw (an OfficeExtension.Error, our own errors, a string) into one sentence in the
 * pane's language. The MessageBar shows it; the raw error also goes to the console for whoever debugs.
 */
import type { Strings } from "./i18n";

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  name?: unknown;
}

function codeOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as ErrorLike).code;
    if (typeof code === "string") return code;
  }
  return "";
}

function messageOf(error: unknown): string {
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null) {
    const message = (error as ErrorLike).message;
    if (typeof message === "string") return message;
  }
  return "";
}

export function describeError(error: unknown, t: Strings): string {
  const code = codeOf(error);
  const message = messageOf(error);
  switch (code) {
    case "NotInExcel":
      return t.errors.notInExcel;
    case "ExcelTooOld":
      return t.errors.tooOld;
    case "InvalidOperationInCellEditMode":
      return t.errors.cellEdit;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return t.errors.payload;
    case "AccessDenied":
      return t.errors.protected;
    case "UnreadableWorkbookEdition":
      return t.errors.unreadableEdition(message);
    case "ApiNotFound":
    case "UnsupportedOperation":
      return t.errors.unsupported;
    case "ActivityLimitReached":
    case "Conflict":
    case "ServiceNotAvailable":
      return t.errors.busy;
    default:
      break;
  }
  if (/protect/i.test(message)) return t.errors.protected;
  if (message) return t.errors.generic(message);
  return t.errors.unknown;
}
