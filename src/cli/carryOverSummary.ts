import type { CarryOverPlan } from "../carryover";

const list = (ids: readonly string[]) => ids.join("、");

/**
 * What a carry-over did, for stderr (or stdout with --dry-run): how many 上年值 were written and from where, then
 * everything that needs a person — typed values that differ from last year's, figures refused for their unit,
 * predecessors without a 12月 figure, targets new this year, last year's targets the edition dropped. With
 * `detail`, each carried value's trace too (核对 the way the sheet's staff would).
 */
export function describeCarryOver(plan: CarryOverPlan, written: number, previousFile: string, detail: boolean): string {
  const by = <S extends CarryOverPlan["entries"][number]["status"]>(s: S) =>
    plan.entries.filter((e): e is Extract<CarryOverPlan["entries"][number], { status: S }> => e.status === s);
  const agrees = by("agrees").length;
  const lines = [
    `结转上年值:自“${previousFile}”写入 ${written} 项` +
      (agrees > 0 ? `,另有 ${agrees} 项已填且与上年一致` : "") +
      `。 / Carried over from "${previousFile}": ${written} 上年值 written` +
      (agrees > 0 ? `, ${agrees} already typed and equal` : "") +
      ".",
  ];
  if (detail) for (const e of by("carried")) lines.push(`  ${e.id} = ${e.value}:${e.trace}`);
  for (const e of by("differs"))
    lines.push(
      `已填上年值与上年数不同,保留已填值:${e.id} 已填 ${e.typed},${e.trace.replace(/^上年值取自 /, "上年 ")} 为 ${e.carried}` +
        ` / kept the typed 上年值 of ${e.id} (${e.typed}); last year's figure is ${e.carried}.`,
    );
  for (const e of by("refused"))
    lines.push(`未结转 ${e.id}(上年 ${e.from.id}):${e.reason.message} / not carried: ${e.reason.messageIn("en-US")}`);
  const none = by("noFigure");
  if (none.length > 0)
    lines.push(
      `上年工作簿无12月数,未结转:${list(none.map((e) => e.id))} / no 12月 figure last year: ${none.map((e) => e.id).join(", ")}`,
    );
  if (plan.withoutPredecessor.length > 0)
    lines.push(
      `本年新增目标(上年无对应):${list(plan.withoutPredecessor)} / new this year: ${plan.withoutPredecessor.join(", ")}`,
    );
  if (plan.withoutSuccessor.length > 0)
    lines.push(
      `上年目标本年已无:${list(plan.withoutSuccessor)} / last year's targets without successor: ${plan.withoutSuccessor.join(", ")}`,
    );
  return lines.join("\n");
}
