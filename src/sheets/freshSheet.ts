import type { SheetSpec } from "../workbook/model";
import type { SheetKey } from "./marker";
import type { ExistingSheet } from "../workbook/snapshot";
import { buildBudgetSheet } from "./budget";
import type { BuildContext } from "./context";
import { buildDutiesSheet } from "./duties";
import { buildExecutionSheet, type ExecutionRowOut } from "./execution";
import { buildIntroSheet } from "./intro";
import { buildMonitorSheet, type MonitorResults } from "./monitor";
import { buildSelfEvaluationSheet } from "./selfEvaluation";
import { buildMonthlySheet, type currentFigures, type MonthlyCarry } from "./monthlyPlan";
import { buildSummarySheet } from "./summary";
import type { TrendInputs } from "./summaryTrends";
import type { UnitsPlacement } from "./summaryUnits";
import { buildTargetsSheet, type TargetRowOut } from "./targets";

/** What a fresh sheet is built from: the sheets planned before it (汇总 reads their rows) and the workbook read. */
export interface FreshInputs {
  readonly targetRows: readonly TargetRowOut[];
  readonly executionRows: readonly ExecutionRowOut[];
  readonly executionProgress: unknown;
  readonly carry: MonthlyCarry;
  readonly sheets: ReadonlyMap<string, ExistingSheet>;
  readonly current: ReturnType<typeof currentFigures>;
  /** 绩效监控's figures, which 绩效自评 shows too: computed on first use, once a plan. */
  readonly monitorResults: () => MonitorResults;
  readonly trends?: TrendInputs;
  /** Where 汇总's count by unit is on the sheet being refreshed. */
  readonly units?: UnitsPlacement;
}

/**
 * A sheet as a fresh generation writes it, from the sheets planned before it (汇总 reads their rows) and what was
 * read: the whole sheet of a create, what a patch compares the sheet that exists with.
 */
export function buildFresh(
  key: SheetKey,
  ctx: BuildContext,
  name: string,
  from: FreshInputs,
): {
  sheet: SheetSpec;
  targetRows?: readonly TargetRowOut[];
  executionRows?: readonly ExecutionRowOut[];
  progress?: unknown;
} {
  const { carry, current } = from;
  switch (key) {
    case "说明":
      return buildIntroSheet(ctx, name);
    case "预算安排":
      return buildBudgetSheet(ctx, name);
    case "责任分工":
      return buildDutiesSheet(ctx, name);
    case "目标任务": {
      const out = buildTargetsSheet(ctx, name, current.targets);
      return { sheet: out.sheet, targetRows: out.rows };
    }
    case "预算执行": {
      const out = buildExecutionSheet(ctx, name, current.areas);
      return { sheet: out.sheet, executionRows: out.rows, progress: out.progress };
    }
    case "汇总":
      return buildSummarySheet(ctx, name, from.targetRows, from.executionRows, from.executionProgress, {
        ...(from.trends ? { trends: from.trends } : {}),
        ...(from.units ? { units: from.units } : {}),
      });
    case "月度填报":
    case "月度支出":
    case "月度状态":
      return buildMonthlySheet(key, ctx, name, carry);
    case "绩效监控":
      return buildMonitorSheet(ctx, name, from.monitorResults(), from.sheets);
    case "绩效自评":
      return buildSelfEvaluationSheet(ctx, name, from.monitorResults(), from.sheets);
  }
}
