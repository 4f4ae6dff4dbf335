// The 进展情况 report: pure, from a workbook's monthly figures to structured findings and their text. No Office,
// no Node: the pane and the CLI both draft with it.
export * from "./figures";
export * from "./format";
export * from "./draft";
export * from "./text";
export * from "./selfEvaluation";
