/**
 * Department returns (分发 → 回收 → 催报), host-neutral: which unit reports which target, what a return carries,
 * how a returned figure is read, the merge plan with its log, and who has not answered. The pane and the CLI
 * share it; they only read and write files and workbooks.
 */
export * from "./types";
export * from "./messages";
export * from "./leads";
export * from "./identity";
export * from "./readFigure";
export * from "./sameValue";
export * from "./returnContent";
export * from "./mergePlan";
export * from "./log";
export * from "./status";
export * from "./behind";
