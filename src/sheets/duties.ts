import { toChineseNumeral } from "../engine";
import { cellAddress, rangeAddress } from "../workbook/a1";
import { areaLabel, emptyStats, type BuildContext, type BuildStats } from "./context";
import { TABLE_NAMES } from "./layout";
import { SheetBuilder, STYLE, TITLE_MARK } from "./sheetBuilder";
import type { SheetSpec } from "../workbook/model";
import { titleWithNumber } from "../policy/documentLabel";

const HEADER_ROW = 4;
export const DUTY_HEADERS = ["责任单位", "分工", "领域", "条款", "条款内容", "目标数", "目标任务(编号:指标)"] as const;

/** One (department, article) pair: who leads and who shares each article, and the targets that come with it. */
interface Duty {
  readonly unit: string;
  readonly role: "牵头" | "责任";
  readonly area: number;
  readonly article: number | null;
  readonly title: string;
  readonly targets: readonly string[];
}

/**
 * 责任分工 as one long table, department by department: each row is one article (or an area's headline targets)
 * the department leads (牵头, listed first in the document) or shares (责任), with that article's targets.
 * Filtering 责任单位 gives a department's articles and targets; filtering 条款 gives an article's departments.
 * One table (rather than a matrix plus a list) keeps one header row to freeze and repeat on printed pages.
 */
export function buildDutiesSheet(ctx: BuildContext, name: string): { sheet: SheetSpec; stats: BuildStats } {
  const { data, index } = ctx;
  const b = new SheetBuilder("责任分工", name);
  const stats = emptyStats();
  const widths = [22, 6, 26, 8, 30, 7, 60];
  widths.forEach((w, i) => b.width(i + 1, w));
  const n = DUTY_HEADERS.length;
  b.title(`${TITLE_MARK}责任分工 · ${titleWithNumber(data.document)}`, n);
  b.value(
    2,
    1,
    "按责任单位列出其牵头(列第一位的责任单位为牵头单位)或参与的条款及条款中的目标任务;领域目标由领域牵头单位负责。" +
      "可按“责任单位”或“条款”筛选。",
  );
  b.merge(2, 1, 2, n);
  b.style(rangeAddress(2, 1, 2, n), STYLE.subtitle);
  b.height(2, 32);

  const duties: Duty[] = [];
  const order: string[] = [];
  const addUnit = (u: string) => {
    if (!order.includes(u)) order.push(u);
  };
  for (const article of data.articles) article.responsible.forEach(addUnit);
  for (const area of data.areas) addUnit(area.lead);
  const describe = (ids: readonly { id: string; indicator: string }[]) => ids.map((t) => `${t.id}:${t.indicator}`);
  for (const unit of order) {
    for (const area of data.areas) {
      const headline = index.targetsOfArea(area.no).filter((t) => t.article === null);
      if (area.lead === unit && headline.length > 0) {
        duties.push({
          unit,
          role: "牵头",
          area: area.no,
          article: null,
          title: "领域目标",
          targets: describe(headline),
        });
      }
    }
    for (const article of data.articles) {
      const at = article.responsible.indexOf(unit);
      if (at < 0) continue;
      duties.push({
        unit,
        role: at === 0 ? "牵头" : "责任",
        area: article.area,
        article: article.no,
        title: article.title,
        targets: describe(index.targetsOfArticle(article.no)),
      });
    }
  }

  DUTY_HEADERS.forEach((h, i) => b.value(HEADER_ROW, i + 1, h));
  b.styleBox(HEADER_ROW, 1, HEADER_ROW, n, STYLE.header);
  b.height(HEADER_ROW, 30);
  let r = HEADER_ROW + 1;
  const leadRows: number[] = [];
  for (const d of duties) {
    const area = index.area(d.area);
    const targets = d.targets.join("\n");
    b.value(r, 1, d.unit);
    b.value(r, 2, d.role);
    b.value(r, 3, area ? areaLabel(area) : "");
    b.value(r, 4, d.article === null ? "领域目标" : `(${toChineseNumeral(d.article)})`);
    b.value(r, 5, d.title);
    b.value(r, 6, d.targets.length);
    b.value(r, 7, targets);
    b.fit(r, 7, targets);
    b.fit(r, 5, d.title);
    b.fit(r, 3, area ? areaLabel(area) : "");
    if (d.role === "牵头") leadRows.push(r);
    r++;
  }
  const last = r - 1;
  stats.rowsWritten += last - HEADER_ROW;
  b.styleBox(HEADER_ROW + 1, 1, last, n, STYLE.wrapBody);
  b.styleBox(HEADER_ROW + 1, 2, last, 2, STYLE.center);
  b.styleBox(HEADER_ROW + 1, 4, last, 4, STYLE.center);
  b.styleBox(HEADER_ROW + 1, 6, last, 6, STYLE.center);
  for (const row of leadRows) b.style(cellAddress(row, 2), { bold: true, color: "#C00000" });
  b.table({ name: TABLE_NAMES.duties, ref: rangeAddress(HEADER_ROW, 1, last, n), style: "TableStyleLight1" });
  b.freeze(HEADER_ROW, 1);
  b.repeatRows(HEADER_ROW, HEADER_ROW);
  return { sheet: b.finish(), stats };
}
