import { columnLetter, parseRange, quoteSheet } from "../workbook/a1";
import { WORKBOOK_FONT } from "../workbook/fonts";
import type { ChartSpec } from "../workbook/model";
import { escapeAttribute as xmlEscape } from "./xmlTree";

/**
 * Native charts as DrawingML: each chart part with its series, categories and cached values, and the drawing part
 * that anchors the charts of a sheet over its cells.
 */

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The drawing part anchoring a sheet's charts; the n-th chart is related as `chartIds[n]`. */
export function drawingXml(charts: readonly ChartSpec[], chartIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => anchorXml(chart, i + 2, chartIds[i] ?? ""));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join("")}</xdr:wsDr>`
  );
}

/** One chart's anchor: from its top-left to its bottom-right cell, the graphic frame pointing at relationship `rid`. */
export function anchorXml(chart: ChartSpec, id: number, rid: string): string {
  const from = parseRange(chart.from);
  const to = parseRange(chart.to);
  const point = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", from.top, from.left)}${point("to", to.top, to.left)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlEscape(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${rid}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function absolute(sheetName: string, ref: string): string {
  const box = parseRange(ref);
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r}`;
  const a = cell(box.top, box.left);
  const b = cell(box.bottom, box.right);
  return `${quoteSheet(sheetName)}!${a === b ? a : `${a}:${b}`}`;
}

const CJK_FONT = `<a:latin typeface="${WORKBOOK_FONT.name}"/><a:ea typeface="${WORKBOOK_FONT.name}"/>`;

/**
 * "Show #N/A as an empty cell" (Excel 2019 and 365): with `dispBlanksAs` gap, a month whose rate is #N/A breaks the
 * line instead of being bridged. Earlier Excel ignores it and skips the point, as it always did.
 */
const NA_AS_BLANK =
  `<c:extLst><c:ext uri="{56B9EC1D-385E-4148-901F-78D8002777C0}" xmlns:c16r3="http://schemas.microsoft.com/office/drawing/2017/03/chart">` +
  `<c16r3:dataDisplayOptions16><c16r3:dispNaAsBlank val="1"/></c16r3:dataDisplayOptions16></c:ext></c:extLst>`;

/**
 * A chart with its series, categories and cached values (WPS and viewers show caches as they are): bars across
 * (categories top to bottom in the table's order), stacked columns, or lines with markers (a null value is a gap:
 * its cached point is left out).
 *
 * Lines are written as an XY chart (straight lines with markers) over the categories' positions 1…n, labelled by
 * `categoryFormat` (0"月" → 1月…12月): LibreOffice, opening an OOXML line chart whose series hold text or an error
 * such as #N/A and no empty cell, plots them as zero whatever `dispBlanksAs` says (its import turns "gap" into
 * "zero" to mimic Excel's text-as-zero), so a month nobody reported would fall to 0%. An XY chart keeps the gap there,
 * and Excel and WPS skip #N/A in it as in a line chart.
 */
export function chartXml(chart: ChartSpec, sheetName: string): string {
  const bar = chart.kind === "barStacked" || chart.kind === "barClustered";
  const stacked = chart.kind === "barStacked" || chart.kind === "columnStacked";
  const line = chart.kind === "line";
  const strCache = (values: readonly string[]) =>
    `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const points = (values: readonly (number | null)[]) =>
    `<c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("")}`;
  const numCache = (values: readonly (number | null)[]) => `<c:numCache>${points(values)}</c:numCache>`;
  const positions = chart.categories.map((_, i) => i + 1);
  const solid = (color: string) => `<a:solidFill><a:srgbClr val="${color.replace("#", "")}"/></a:solidFill>`;
  const values = (s: ChartSpec["series"][number]) =>
    `<c:numRef><c:f>${xmlEscape(absolute(sheetName, s.valuesRef))}</c:f>${numCache(s.values)}</c:numRef>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${xmlEscape(absolute(sheetName, s.nameRef))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        (line
          ? `<c:spPr><a:ln w="28575" cap="rnd">${solid(s.color)}<a:round/></a:ln></c:spPr>` +
            `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(s.color)}<a:ln w="9525">${solid(s.color)}</a:ln></c:spPr></c:marker>` +
            `<c:xVal><c:numLit>${points(positions)}</c:numLit></c:xVal><c:yVal>${values(s)}</c:yVal><c:smooth val="0"/>`
          : `<c:spPr>${solid(s.color)}</c:spPr><c:invertIfNegative val="0"/>` +
            `<c:cat><c:strRef><c:f>${xmlEscape(absolute(sheetName, chart.categoriesRef))}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
            `<c:val>${values(s)}</c:val>`) +
        `</c:ser>`,
    )
    .join("");
  const text = (size: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">${CJK_FONT}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  const axes = `<c:axId val="50010"/><c:axId val="50020"/>`;
  const plot = line
    ? `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axes}</c:scatterChart>`
    : `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : '<c:overlap val="-10"/>'}${axes}</c:barChart>`;
  // Bars: categories top to bottom in the areas' order (一 first) — a reversed category axis, values at the bottom.
  // Columns and lines: months left to right, values on the left.
  const catAx = line
    ? `<c:valAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/><c:max val="${positions.length}"/><c:min val="1"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="${xmlEscape(chart.categoryFormat ?? "General")}" sourceLinked="0"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `${text(900, false)}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/><c:majorUnit val="1"/></c:valAx>`
    : `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/>` +
      `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `${text(900, false)}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${xmlEscape(chart.valueFormat ?? "#,##0")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text(900, false)}<c:crossAx val="50010"/><c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="${line ? "midCat" : "between"}"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1">${CJK_FONT}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1">${CJK_FONT}</a:rPr><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900, false)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>${NA_AS_BLANK}</c:chart></c:chartSpace>`
  );
}
