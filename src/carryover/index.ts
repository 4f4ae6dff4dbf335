// The year's turn: which of last year's figures each target of the new edition inherits as 上年值. Pure, like the
// engine and the importer it builds on; the hosts read the workbooks and write the plan.
export * from "./types";
export * from "./trace";
export * from "./planCarryOver";
