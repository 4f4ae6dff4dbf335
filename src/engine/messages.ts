/**
 * Every message the engine can return, in one place (HyperFormula style): Chinese first, English second.
 * Hosts show `zh-CN` inside Excel (#VALUE!/#N/A carry the text) and may pick `en-US` for an English UI.
 */
export type Locale = "zh-CN" | "en-US";

type Args = readonly (string | number)[];

const catalog = {
  notNumber: {
    "zh-CN": (a: Args) => `“${a[0]}”不是数字`,
    "en-US": (a: Args) => `"${a[0]}" is not a number`,
  },
  notFinite: {
    "zh-CN": () => "数值超出范围(非有限数)",
    "en-US": () => "The number is out of range (not finite)",
  },
  notDate: {
    "zh-CN": (a: Args) => `“${a[0]}”不是日期(请用 Excel 日期或 2025-06-30 格式)`,
    "en-US": (a: Args) => `"${a[0]}" is not a date (use an Excel date or 2025-06-30)`,
  },
  badArray: {
    "zh-CN": () => "此处需要单个值,不能是区域或数组",
    "en-US": () => "A single value is expected here, not a range or array",
  },
  unknownTarget: {
    "zh-CN": (a: Args) => `找不到编号为“${a[0]}”的目标`,
    "en-US": (a: Args) => `No target has the id "${a[0]}"`,
  },
  unknownArea: {
    "zh-CN": (a: Args) => `找不到领域“${a[0]}”(可用 ${a[1]}或领域名称)`,
    "en-US": (a: Args) => `No area "${a[0]}" (use ${a[1]} or the area's title)`,
  },
  ambiguousArea: {
    "zh-CN": (a: Args) => `领域“${a[0]}”不唯一,匹配:${a[1]}`,
    "en-US": (a: Args) => `Area "${a[0]}" is ambiguous: ${a[1]}`,
  },
  unknownItem: {
    "zh-CN": (a: Args) => `领域${a[0]}中找不到预算项目“${a[1]}”`,
    "en-US": (a: Args) => `Area ${a[0]} has no budget item "${a[1]}"`,
  },
  ambiguousItem: {
    "zh-CN": (a: Args) => `预算项目“${a[0]}”不唯一,匹配:${a[1]}`,
    "en-US": (a: Args) => `Budget item "${a[0]}" is ambiguous: ${a[1]}`,
  },
  noStatedTotal: {
    "zh-CN": () => "本版本文件未写支持总额(可用“各领域合计”)",
    "en-US": () => "This edition states no total budget (use 各领域合计, the sum of the areas)",
  },
  itemOfTotal: {
    "zh-CN": (a: Args) => `“${a[0]}”是总额,没有预算项目`,
    "en-US": (a: Args) => `"${a[0]}" is a total and has no budget items`,
  },
  unknownArticle: {
    "zh-CN": (a: Args) => `找不到第${a[0]}条(可用 ${a[1]})`,
    "en-US": (a: Args) => `No article ${a[0]} (use ${a[1]})`,
  },
  unknownUnit: {
    "zh-CN": (a: Args) => `金额单位“${a[0]}”无效(可用 亿元、万元、元)`,
    "en-US": (a: Args) => `Unknown amount unit "${a[0]}" (use 亿元, 万元 or 元)`,
  },
  unknownBasis: {
    "zh-CN": (a: Args) => `序时进度口径“${a[0]}”无效(可用 month 或 day)`,
    "en-US": (a: Args) => `Unknown basis "${a[0]}" (use month or day)`,
  },
  unknownField: {
    "zh-CN": (a: Args) => `字段“${a[0]}”无效(可用 ${a[1]})`,
    "en-US": (a: Args) => `Unknown field "${a[0]}" (use ${a[1]})`,
  },
  qualitativeNoValue: {
    "zh-CN": (a: Args) => `“${a[0]}”是定性指标,没有目标数值`,
    "en-US": (a: Args) => `"${a[0]}" is qualitative and has no figure`,
  },
  needsPrevious: {
    "zh-CN": (a: Args) => `“${a[0]}”按与上年比较判断,请填写上年值`,
    "en-US": (a: Args) => `"${a[0]}" compares with last year: give last year's value`,
  },
  zeroTarget: {
    "zh-CN": (a: Args) => `目标“${a[0]}”为 0,不能计算完成率`,
    "en-US": (a: Args) => `Target "${a[0]}" is 0: no completion rate`,
  },
  zeroActual: {
    "zh-CN": () => "实际值为 0,不能计算“不超过”类指标的完成率",
    "en-US": () => "The actual value is 0: no completion rate for an upper-bound target",
  },
  badRank: {
    "zh-CN": (a: Args) => `名次应为不小于 1 的数,收到 ${a[0]}`,
    "en-US": (a: Args) => `A rank is a number of at least 1, got ${a[0]}`,
  },
  zeroBudget: {
    "zh-CN": () => "预算数为 0,不能计算执行率",
    "en-US": () => "The budget is 0: no execution rate",
  },
  badTolerance: {
    "zh-CN": (a: Args) => `容差应在 0 到 1 之间,收到 ${a[0]}`,
    "en-US": (a: Args) => `Tolerance must be between 0 and 1, got ${a[0]}`,
  },
  unitMismatch: {
    "zh-CN": (a: Args) => `单位不一致:“${a[0]}”不能换算为“${a[1]}”`,
    "en-US": (a: Args) => `Units disagree: "${a[0]}" cannot be converted to "${a[1]}"`,
  },
  badWeight: {
    "zh-CN": (a: Args) => `权重“${a[0]}”应为不小于 0 的数,收到 ${a[1]}`,
    "en-US": (a: Args) => `Weight "${a[0]}" must be a number of at least 0, got ${a[1]}`,
  },
  badGradeBands: {
    "zh-CN": (a: Args) => `等级分数线应满足 100 ≥ 优 > 良 > 中 > 0,收到 优 ${a[0]}、良 ${a[1]}、中 ${a[2]}`,
    "en-US": (a: Args) => `Grade bands must satisfy 100 ≥ 优 > 良 > 中 > 0, got 优 ${a[0]}, 良 ${a[1]}, 中 ${a[2]}`,
  },
  badSatisfactionTarget: {
    "zh-CN": (a: Args) => `满意度目标值应在 0 到 100% 之间(不含 0),收到 ${a[0]}`,
    "en-US": (a: Args) => `The satisfaction target must be above 0 and at most 100%, got ${a[0]}`,
  },
  required: {
    "zh-CN": (a: Args) => `缺少参数“${a[0]}”`,
    "en-US": (a: Args) => `Missing argument "${a[0]}"`,
  },
} as const satisfies Record<string, Record<Locale, (a: Args) => string>>;

export type MessageKey = keyof typeof catalog;

/** The text of a message in a locale (zh-CN by default). */
export function formatMessage(key: MessageKey, args: Args = [], locale: Locale = "zh-CN"): string {
  return catalog[key][locale](args);
}
