// The engine: pure calculations over an edition's data. No Office, no React, no Node APIs — the same code
// runs in Excel's formula runtime, the task pane, the CLI and the tests.
export * from "./errors";
export * from "./messages";
export * from "./tidy";
export * from "./describeInput";
export * from "./readNumber";
export * from "./readDate";
export * from "./units";
export * from "./completionRate";
export * from "./isMet";
export * from "./gap";
export * from "./status";
export * from "./timeProgress";
export * from "./pace";
export * from "./executionRate";
export * from "./budgetVariance";
export * from "./chineseNumeral";
export * from "./editionIndex";
export * from "./findTarget";
export * from "./findArea";
export * from "./findArticle";
export * from "./officialBudget";
export * from "./monthEndProgress";
export * from "./monthlyStatus";
export * from "./reportMonth";
export * from "./reportMonthValue";
