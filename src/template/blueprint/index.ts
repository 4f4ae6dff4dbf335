// The workbook spec: pure data built from an edition (and, on a refresh, from the user's existing sheets).
export * from "./types";
export * from "./a1";
export * from "./cells";
export * from "./layout";
export * from "./marker";
export * from "./read";
export * from "./evaluate";
export * from "./formulas";
export * from "./plan";
export { BUDGET_TOTAL_LABELS } from "./sheets/budget";
export { DUTY_HEADERS } from "./sheets/duties";
export { isOurTitle, TITLE_MARK } from "./sheetBuilder";
export type { AmountUnit } from "./context";
export * from "./patch";
export * from "./identity";
export * from "./patchPlan";
export { relocateFormula, normalizeFormula, sameFormula } from "./relocate";
export * from "./fonts";
