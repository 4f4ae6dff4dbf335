import { differenceFromOfficial } from "../policy/officialEdition";
import { rangeAddress } from "../workbook/a1";
import { budgetWording, emptyStats, type BuildContext, type BuildStats } from "./context";
import { TABLE_NAMES } from "./layout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { SheetSpec } from "../workbook/model";
import type { SheetKey } from "./marker";

const sheetPurpose = (payer: string): Record<SheetKey, string> => ({
  说明: "本页:工作簿用途、政策文件信息、填报方法、版本与生成时间。",
  预算安排: `各领域${payer}预算安排(亿元)、其中重点支持项目、牵头单位;各领域合计、文件总额与交叉重叠。`,
  目标任务: "每个量化目标一行:目标值、比较方式、责任单位;填报实际值后自动计算完成率、差距和状态。",
  预算执行: "各领域预算数与支出数(填报),执行率、序时进度、进度差和差额;落后序时进度20个百分点以上标红。",
  责任分工: "各单位在各条款中的牵头/责任分工,以及每个单位牵头、参与的条款和承担的目标。",
  汇总: "按领域统计已完成、达进度、欠进度、未完成、未填报的目标数,总体预算执行,以及图表。",
  月度填报: "每个目标每月的1–N月累计数(填报,各月分列、历史不覆盖);本期数为报告月份的数,即“目标任务”的实际值。",
  月度支出: "各领域每月的1–N月累计支出数(填报);本期数为报告月份的数,即“预算执行”的支出数。",
  月度状态: "各目标每月底的状态(按当月序时进度判断),各月状态统计和预算执行趋势。",
  绩效监控:
    "绩效运行监控表(财预〔2019〕136号格式):各领域预算执行与序时进度,各指标年度指标值、1–N月执行情况和状态;全年预计完成情况、偏差原因分析、完成目标可能性、纠偏措施(填报)。",
  绩效自评:
    "项目支出绩效自评表(财预〔2020〕10号做法):各领域预算执行率、产出和效益指标、满意度(填报)的得分,总分和等级;权重、满意度满分线和等级分数线在表头可改,指标类别可下拉改选。",
});

/** 说明's note when the edition claims a bundled id but differs from that bundled edition; undefined otherwise. */
function officialNotice(data: BuildContext["data"]): string | undefined {
  const difference = differenceFromOfficial(data);
  if (difference === undefined) return undefined;
  const { lines } = difference;
  const id = data.document.id;
  return (
    `注意:本工作簿所用版本与内置的同编号官方版本“${id}”不同(共 ${lines.length} 处),如:${lines.slice(0, 3).join(";")}` +
    `${lines.length > 3 ? "等" : ""}。如需改用官方版本,在任务窗格“版本”中点“改用内置版本”,` +
    `或运行 npx zcmb template --update 文件 --edition ${id}。`
  );
}

export function buildIntroSheet(ctx: BuildContext, name: string): { sheet: SheetSpec; stats: BuildStats } {
  const { data } = ctx;
  const doc = data.document;
  const { payer } = budgetWording(data);
  const SHEET_PURPOSE = sheetPurpose(payer);
  const b = new SheetBuilder("说明", name);
  b.width(1, 18);
  b.width(2, 100);
  b.title(`${TITLE_MARK}${doc.title} 目标任务与预算执行工作簿`, 2);

  let r = 3;
  const section = (text: string) => {
    b.value(r, 1, text);
    b.merge(r, 1, r, 2);
    b.style(rangeAddress(r, 1, r, 2), { bold: true, fill: "#DDEBF7", border: true });
    r++;
  };
  const line = (label: string, text: string) => {
    b.value(r, 1, label);
    b.value(r, 2, text);
    b.style(rangeAddress(r, 1, r, 1), { ...STYLE.label, vAlign: "top", border: true });
    b.style(rangeAddress(r, 2, r, 2), { wrap: true, vAlign: "top", border: true });
    b.fit(r, 2, text);
    r++;
  };

  section("一、本工作簿");
  line(
    "用途",
    `跟踪《${doc.title}》${doc.docNumber === undefined ? "" : `(${doc.docNumber})`}确定的目标任务和${payer}预算安排的执行情况。` +
      "政策原文数据(蓝色标题列)由“政策目标”加载项按版本生成;黄色单元格供各单位填报;绿色标题列为公式,自动计算。",
  );
  r++;
  section("二、政策文件");
  line("文件名称", doc.title);
  line("文号", doc.docNumber ?? "(原文未写)");
  line("发文机关", doc.issuer);
  line("成文日期", doc.signedDate);
  line("印发日期", doc.printedDate);
  line(
    "有效期",
    doc.validity === undefined
      ? `原文未写,按 ${doc.year} 年全年`
      : `${doc.validity.from} 至 ${doc.validity.to}(原文:${doc.validity.quote})`,
  );
  line("上位政策", doc.parentPolicies.length > 0 ? doc.parentPolicies.join("、") : "—");
  line(
    "支持总额",
    doc.totalBudgetYi === undefined
      ? "原文未写(以各领域预算之和为总数)"
      : `${doc.totalBudgetYi}亿元(${[doc.totalBudgetWords, `原文:${doc.totalBudgetQuote ?? ""}`].filter(Boolean).join(";")})`,
  );
  r++;
  section("三、如何填报");
  const steps = [
    [
      "1. 目标任务",
      "在“实际值”列填写截至报告日期的完成数;百分比指标直接输入百分数(如 3.05%),名次填 1、2、3…;“上升/下降”类指标同时填写“上年值”。“备注”可写说明。",
    ],
    [
      "2. 报告日期",
      "“目标任务”和“预算执行”表第2行各有一个报告日期,序时进度=(月份−1+日/当月天数)/12,例如 6月30日为50%。",
    ],
    ["3. 预算执行", `在“支出数”列填写各领域截至报告日期的支出(单位见表头,默认万元;1亿元=10000万元)。`],
    [
      "4. 状态口径",
      "已完成:达到目标(≥ 不低于;> 超过;≈ 左右,按±5%;名次≤ 排名不低于;上升/下降 与上年值比较)。达进度/欠进度:累计类指标(口径=累计)完成率达到/未达到序时进度。未完成:其余未达标。未填报:实际值(或上年值)为空。",
    ],
    [
      "5. 重新生成",
      "在已生成的工作簿中再次生成即为刷新:只改写与政策数据不一致的单元格,先预览后应用;已填报的实际值、上年值、备注、支出数、报告日期和自己加的列按编号和领域原样保留,行不移动、不排序;新增目标追加在表末;本版政策已删除的目标行留在原处并在“核对”列标明;改写过的公式单元格保留并标明“手工覆盖”。其他工作表不受影响。",
    ],
    ["6. 同名工作表", "若工作簿中已有同名但非本加载项生成的工作表,不会被覆盖:可选择跳过,或以“名称(政策目标)”另建。"],
  ] as const;
  for (const [label, text] of steps) line(label, text);
  r++;
  section("四、工作表");
  const tableTop = r;
  b.value(r, 1, "工作表");
  b.value(r, 2, "内容");
  b.styleBox(r, 1, r, 2, STYLE.header);
  r++;
  for (const key of ["说明", "预算安排", "目标任务", "预算执行", "责任分工", "汇总"] as const) {
    b.value(r, 1, ctx.names[key]);
    b.value(r, 2, SHEET_PURPOSE[key]);
    b.styleBox(r, 1, r, 2, STYLE.wrapBody);
    b.fit(r, 2, SHEET_PURPOSE[key]);
    r++;
  }
  b.table({ name: TABLE_NAMES.introSheets, ref: rangeAddress(tableTop, 1, r - 1, 2), style: "TableStyleLight1" });
  r++;
  section("五、版本");
  // The note shares the id's cell, so the sheet's rows stay where they are and a refresh after adopting the official
  // edition rewrites that one cell back to the bare id.
  const notice = officialNotice(data);
  line("版本编号", notice === undefined ? doc.id : `${doc.id}\n${notice}`);
  line("生成时间", `${ctx.generatedAtText}(北京时间)`);
  line("生成工具", "政策目标 Excel 加载项 / 命令行 template 命令");

  b.freeze(1, 0);
  b.repeatRows(1, 1);
  const stats = emptyStats();
  return { sheet: b.finish(), stats };
}
