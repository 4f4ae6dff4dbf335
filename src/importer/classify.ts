/** Whether a figure is a target: the genre's exclusion rules, and the kind of a target's figure. */
import { type Figure } from "../policy/figures";
import type { TargetKind } from "../policy/types";
import { type Place, type Verdict } from "./targetTypes";
import { bracketAt, clausesOf } from "./sentences";
import { REWARD } from "./targetWords";

export const TARGET_CLASSES = new Set(["money", "percent", "count", "measure"]);

/**
 * Exclusion rules the genre needs beyond dates and names (each a named rule, its reason shown to the reviewer):
 * - `rewardCondition`: a figure in the condition of a reward (三年内该项目的专利技术产品累计销售额1000万元以上,
 *   给予…) — the clause reads as a condition (对/凡/累计/N年内/首次/单个…) and the next clause grants.
 * - `sizeInCount`: a size written before the thing counted (10亿元以上项目25个, 超10亿元项目25个): the count is
 *   the target, the size its class.
 * - `ownMeasures`: the document counting its own measures (等十项工作, 等10项重点工作, 十大行动).
 * - `projectPreparation`: figures inside a project named for its 前期 work (推进…D区1个万吨级油品码头项目前期).
 */
export const CONDITION = /^(?:对|凡|经|如|若)|累计|[一二三两\d]年内|首次|单个|单笔|单项|当年(?:销售|营业|纳税)/;
export const GRANT = /给予|予以|奖励|奖补|补助|补贴|资助/;
export const OWN_MEASURES = /^(?:重点|主要|关键|专项)?(?:工作|措施|任务|举措|行动|工程|政策|改革)/;
export const PREPARATION = /项目前期(?:工作)?$/;

export function classify(f: Figure, place: Place): Verdict {
  const { sentence, clause, clauseStart, p } = place;
  const before = sentence.slice(Math.max(0, f.start - 6), f.start);
  const after = sentence.slice(f.end, f.end + 12);
  const unitAfter = sentence.slice(f.unitEnd, f.unitEnd + 4);
  const bracket = bracketAt(sentence, f.start);
  const clauseBefore = sentence.slice(clauseStart, f.start);
  // Dates, years, document numbers and ordinals are not figures at all.
  if (before.endsWith("第") || before.endsWith("〔") || (f.unit === "号" && before.endsWith("〕")))
    return { kind: "ignore" };
  if (f.unit === "年" && !f.range && f.value >= 1900 && f.value <= 2100) return { kind: "ignore" };
  if (f.unit === "月" && /^(?:底前|前|底|中旬|上旬|下旬|份前|末前|末)/.test(unitAfter))
    return { kind: "exclude", category: "deadline", reason: "期限(…月底前),不是目标" };
  if (f.unit === "月" && /^\d{1,2}日/.test(unitAfter)) return { kind: "ignore" };
  if (f.unit === "日" || (f.unit === "月" && /\d{4}年$/.test(before))) return { kind: "ignore" };
  if (p.zone === "summary") return { kind: "exclude", category: "summary", reason: "原文之前的报道摘要,不属于文件" };
  if (f.chinese && (bracket.quoted || bracket.titled)) return { kind: "ignore" };
  if (bracket.titled) return { kind: "exclude", category: "name", reason: "文件或方案名称中的数字" };
  const baseline = sentence.lastIndexOf("在", f.start);
  if (baseline !== -1 && sentence.indexOf("基础上", f.end) !== -1 && !/[,。;]/.test(sentence.slice(baseline, f.start)))
    return { kind: "exclude", category: "baseline", reason: "基数(在…基础上),不是目标" };
  if (bracket.quoted) {
    const multi = /^(\d+)个\d+(?:\.\d+)?%$/.exec(bracket.quoteText);
    const verb = /(?:提高到|提升到|提高至|提升至|达到|实现|保持)$/.test(sentence.slice(0, bracket.quoteStart));
    if (multi && verb && f.unit === "%") return { kind: "multi", count: Number(multi[1]) };
    if (multi && verb) return { kind: "ignore" };
    return { kind: "exclude", category: "name", reason: "引号中的名称或口号(如“551”“1+4+N”)" };
  }
  if (f.lettered) return { kind: "exclude", category: "name", reason: "与字母或“+”相连的名称(如3C、415X)" };
  if (f.range) return { kind: "exclude", category: "period", reason: "范围或年龄段(如0-3岁、15-20年),不是目标" };
  if (f.unitClass === "class") {
    if (f.unit.endsWith("级"))
      return { kind: "exclude", category: "threshold", reason: "规模等级(如10万吨级),不是目标" };
    if (f.unit === "类" || f.unit === "大" || f.unit === "方面")
      return { kind: "exclude", category: "selfCount", reason: "类别或方面的个数,不是目标" };
    return { kind: "exclude", category: "name", reason: "版本、届次或期数" };
  }
  if (/(?:上述|以下|本政策|本文件|前述|以上)$/.test(before) || /^个?(?:领域|方面)/.test(unitAfter))
    return { kind: "exclude", category: "selfCount", reason: "文件自身的条数或领域数" };
  if (f.unit === "条" && /政策|新政|措施|举措|意见|条款|细则/.test(sentence.slice(Math.max(0, f.start - 8), f.end + 6)))
    return { kind: "exclude", category: "selfCount", reason: "政策条数(文件或政策名称),不是目标" };
  if (f.unit === "张" && /^[^,。;、]{0,10}清单/.test(after))
    return { kind: "exclude", category: "selfCount", reason: "清单张数(文件结构),不是目标" };
  if (f.unitClass === "time") {
    if ((f.unit === "天" || f.unit === "小时" || f.unit === "分钟") && /压缩|缩短|控制|以内|之内/.test(clause))
      return { kind: "target" };
    return { kind: "exclude", category: "period", reason: "年限、时长或年龄(如20年以上住宅),不是目标" };
  }
  if (!TARGET_CLASSES.has(f.unitClass) || (f.unit === "" && !f.chinese))
    return { kind: "exclude", category: "noUnit", reason: "没有计量单位" };
  const next = sentence[f.end] ?? "";
  const nounFollows = next !== "" && !/[,、。;)”:]/.test(next);
  const sized = f.unitClass === "money" || f.unitClass === "measure";
  if (PREPARATION.test(clause))
    return { kind: "exclude", category: "name", reason: "项目前期工作中的项目名称或规模,不是目标" };
  if (f.unitClass === "count" && (/等$/.test(before) || f.chinese) && OWN_MEASURES.test(sentence.slice(f.end)))
    return { kind: "exclude", category: "selfCount", reason: "文件自身的工作或措施项数(等N项工作),不是目标" };
  if (sized && nounFollows && place.clauseFigures.some((o) => o.start > f.end && o.unitClass === "count"))
    return { kind: "exclude", category: "threshold", reason: "计数中的规模门槛(如10亿元以上项目25个),目标是个数" };
  if (CONDITION.test(clause) && !GRANT.test(sentence.slice(clauseStart, f.start))) {
    const nextClause = clausesOf(sentence).find(([a]) => a > f.end);
    const grantsNext = nextClause !== undefined && GRANT.test(sentence.slice(nextClause[0], nextClause[1]));
    if (grantsNext || /^(?:以上)?的,?[^。]*?给予/.test(sentence.slice(f.end)))
      return { kind: "exclude", category: "reward", reason: "奖励的条件(达到…给予奖励),不是目标" };
  }
  if (sized && (f.suffix === "以上" || f.suffix === "以下") && nounFollows)
    return { kind: "exclude", category: "threshold", reason: "规模门槛(如亿元以上项目),不是目标" };
  if (sized && (f.suffix === "以上" || f.suffix === "以下") && /^(?:对|针对|对于|凡)/.test(clause))
    return { kind: "exclude", category: "threshold", reason: "适用条件中的门槛,不是目标" };
  if (next === "的" && /^的[\u4e00-\u9fff]/.test(after) && f.suffix !== "")
    return { kind: "exclude", category: "threshold", reason: "条件(…以上的),不是目标" };
  if (
    (f.unitClass === "money" || f.unitClass === "percent") &&
    REWARD.test(clause) &&
    !/^(?:争取|力争|确保)/.test(clause.replace(/^\d{4}年/, ""))
  )
    return { kind: "exclude", category: "reward", reason: "奖励或补助标准(给予…),不是目标" };
  if (f.unitClass === "percent" && /按[^,。;]*的$/.test(clauseBefore))
    return { kind: "exclude", category: "reward", reason: "按比例计算的标准,不是目标" };
  if (p.zone === "front" || p.zone === "closing")
    return {
      kind: "exclude",
      category: "selfCount",
      reason: p.zone === "front" ? "在领域之前(通知或前言)" : "在结尾部分(总述)",
    };
  return { kind: "target" };
}

export function kindOf(f: Figure, indicator: string, context: string): TargetKind {
  const perCapita = /每[千万百十]|人均|万人|千人|每/.test(indicator);
  if (f.unitClass === "percent") return /增长|增速|增幅/.test(context) ? "growth" : "ratio";
  if (f.unitClass === "money" || f.unitClass === "measure") return perCapita ? "ratio" : "amount";
  return perCapita ? "ratio" : "count";
}
