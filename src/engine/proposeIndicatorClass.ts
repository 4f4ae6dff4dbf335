import type { IndicatorClass } from "./evaluationSettings";
import type { Target } from "../policy/types";

/**
 * The class the product proposes for a target on the 绩效自评 sheet; staff may change it in the drop-down. What a
 * policy delivers — so many firms, projects, 亩, 公里, 亿元 of investment (`count`, `amount`) — is 产出; what it
 * achieves — growth, shares, intensities, ranks, directions against last year (`growth`, `ratio`, `rank`,
 * `qualitative`) — is 效益, as the 项目支出绩效自评表 separates 数量指标 from 经济/社会效益指标.
 *
 * @example
 * proposeIndicatorClass({ kind: "count", … }) // "产出" (新增高新技术企业75家)
 * proposeIndicatorClass({ kind: "growth", … }) // "效益" (规上工业增加值增长10%)
 */
export function proposeIndicatorClass(target: Pick<Target, "kind">): IndicatorClass {
  switch (target.kind) {
    case "count":
    case "amount":
      return "产出";
    case "ratio":
    case "growth":
    case "rank":
    case "qualitative":
      return "效益";
  }
}
