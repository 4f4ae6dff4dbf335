import JSZip from "jszip";
import type { EditionData } from "../policy/types";
import { writeEditionPart } from "./editionPart";
import { columnLetter, parseRange, quoteSheet } from "../workbook/a1";
import { MARKER_PREFIX } from "../sheets/marker";
import { WORKBOOK_FONT, WORKBOOK_LANGUAGE } from "../workbook/fonts";
import type { ChartSpec, WorkbookName, WorkbookSpec } from "../workbook/model";

/**
 * The parts of an .xlsx that ExcelJS does not write, handled at the zip level:
 * - native charts (ExcelJS cannot write charts): DrawingML chart parts with cached values, anchored by a drawing;
 * - our marker names (string constants, which ExcelJS drops on read and cannot write);
 * - the user's own defined names that ExcelJS dropped on read (constants, formulas), restored verbatim.
 */

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export interface PackageSheet {
  readonly name: string;
  /** Zip path of the sheet part, e.g. xl/worksheets/sheet3.xml. */
  readonly path: string;
  readonly state: string;
}

export interface PackageName {
  readonly name: string;
  readonly localSheetId?: string;
  /** The element as written, to restore verbatim. */
  readonly xml: string;
  /** The formula text, unescaped (a string constant keeps its quotes). */
  readonly formula: string;
}

export interface PackageInfo {
  readonly sheets: readonly PackageSheet[];
  readonly names: readonly PackageName[];
}

function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

async function relsOf(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const xml = await zip.file(relsPath)?.async("string");
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: resolve(part, xmlUnescape(attr(m[0], "Target") ?? "")),
  }));
}

/** Sheet names, parts and workbook-level defined names of an .xlsx package. */
export async function readPackage(zip: JSZip): Promise<PackageInfo> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = await relsOf(zip, "xl/workbook.xml");
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
    const rid = attr(m[0], "r:id") ?? "";
    return {
      name: xmlUnescape(attr(m[0], "name") ?? ""),
      path: rels.find((r) => r.id === rid)?.target ?? "",
      state: attr(m[0], "state") ?? "visible",
    };
  });
  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = attr(m[0], "localSheetId");
    return {
      name: xmlUnescape(attr(m[0], "name") ?? ""),
      ...(local !== undefined ? { localSheetId: local } : {}),
      xml: m[0],
      formula: xmlUnescape(m[2] ?? ""),
    };
  });
  return { sheets, names };
}

/** The value of a string-constant name ("abc" → abc), else the formula as written. */
export function nameValue(formula: string): string {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  return f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
}

/**
 * Features of the user's sheets that ExcelJS drops when it loads and saves a workbook. The updater refuses to
 * rewrite such a file (unless forced): the guarantee is that the user's other sheets are never touched.
 */
export async function lossyFeatures(zip: JSZip, ourSheets: readonly string[]): Promise<string[]> {
  const info = await readPackage(zip);
  const found = new Set<string>();
  for (const sheet of info.sheets) {
    if (ourSheets.includes(sheet.name)) continue;
    const rels = await relsOf(zip, sheet.path);
    for (const rel of rels) {
      if (rel.type.endsWith("/pivotTable")) found.add(`数据透视表(${sheet.name})`);
      if (rel.type.endsWith("/oleObject") || rel.type.endsWith("/ctrlProp")) found.add(`控件或嵌入对象(${sheet.name})`);
      if (rel.type.endsWith("/drawing")) {
        const drawingRels = await relsOf(zip, rel.target);
        if (drawingRels.some((d) => d.type.endsWith("/chart") || d.type.endsWith("/chartEx"))) {
          found.add(`图表(${sheet.name})`);
        }
      }
    }
    const xml = (await zip.file(sheet.path)?.async("string")) ?? "";
    if (/sparklineGroups/.test(xml)) found.add(`迷你图(${sheet.name})`);
    if (/<x14:conditionalFormatting/.test(xml)) found.add(`扩展条件格式(${sheet.name})`);
  }
  if (zip.file(/^xl\/slicerCaches\//).length > 0) found.add("切片器");
  if (zip.file(/^xl\/vbaProject\.bin$/).length > 0) found.add("宏(VBA)");
  if (zip.file(/^xl\/externalLinks\//).length > 0) found.add("外部链接");
  if (zip.file(/^xl\/chartsheets\//).length > 0) found.add("图表工作表");
  return [...found];
}

function definedNameXml(name: WorkbookName): string {
  return `<definedName name="${xmlEscape(name.name)}" comment="${xmlEscape(name.comment)}" hidden="1">${xmlEscape(name.formula)}</definedName>`;
}

/**
 * Writes our marker names (replacing earlier ones) and restores names of the original package that ExcelJS lost.
 */
function patchNames(workbookXml: string, spec: WorkbookSpec, original: readonly PackageName[]): string {
  const present = new Set(
    [...workbookXml.matchAll(/<definedName\b[^>]*>/g)].map(
      (m) => `${attr(m[0], "name")}|${attr(m[0], "localSheetId") ?? ""}`,
    ),
  );
  const xml = workbookXml.replace(/<definedName\b[^>]*name="_ZCMB\.[^"]*"[^>]*>[\s\S]*?<\/definedName>/g, "");
  const restored = original
    .filter((n) => !n.name.startsWith(MARKER_PREFIX) && !n.name.startsWith("_xlnm."))
    .filter((n) => !present.has(`${xmlEscape(n.name)}|${n.localSheetId ?? ""}`))
    .map((n) => n.xml);
  // Markers of sheets not rewritten this time stay as they were.
  const rewritten = new Set(spec.names.map((n) => n.name));
  const keptMarkers = original
    .filter((n) => n.name.startsWith(MARKER_PREFIX) && !rewritten.has(n.name))
    .map((n) => n.xml);
  return insertNames(xml, [...restored, ...keptMarkers, ...spec.names.map(definedNameXml)].join(""));
}

/**
 * Puts back defined names of an original package that a rewrite of it lost (ExcelJS drops string constants,
 * so a workbook it loads and saves loses our markers): names already present are left as they are.
 */
export async function restoreNames(buffer: Uint8Array, original: readonly PackageName[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const present = new Set(
    [...xml.matchAll(/<definedName\b[^>]*>/g)].map((m) => `${attr(m[0], "name")}|${attr(m[0], "localSheetId") ?? ""}`),
  );
  const missing = original
    .filter((n) => !present.has(`${xmlEscape(n.name)}|${n.localSheetId ?? ""}`))
    .map((n) => n.xml);
  zip.file("xl/workbook.xml", insertNames(xml, missing.join("")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function insertNames(xml: string, added: string): string {
  if (added === "") return xml;
  let out = xml;
  if (/<definedNames\s*\/>/.test(out)) out = out.replace(/<definedNames\s*\/>/, "<definedNames></definedNames>");
  if (out.includes("</definedNames>")) return out.replace("</definedNames>", `${added}</definedNames>`);
  return out.replace("</sheets>", `</sheets><definedNames>${added}</definedNames>`);
}

export interface PostProcessOptions {
  /** Defined names of the package the workbook was loaded from (for an update). */
  readonly originalNames?: readonly PackageName[];
  /** The edition to store in the package (its Custom XML part), so the workbook carries what it was made from. */
  readonly edition?: EditionData;
}

/**
 * Every cell font of styles.xml named {@link WORKBOOK_FONT} (ExcelJS names only the default, as Calibri, so bold,
 * italic and coloured cells fell to the reader's default face — DejaVu Serif in LibreOffice). Sizes, colours and
 * weights are kept; the theme scheme is dropped so Excel uses the name rather than the theme's Latin font.
 * Differential formats (conditional formats) are left alone: they only change colour and weight.
 */
export function withWorkbookFont(stylesXml: string): string {
  const { name, family, charset, size } = WORKBOOK_FONT;
  const tail = `<name val="${xmlEscape(name)}"/><family val="${family}"/><charset val="${charset}"/>`;
  return stylesXml.replace(/<fonts\b[^>]*>[\s\S]*?<\/fonts>/, (fonts) =>
    fonts.replace(/<font\s*\/>|<font>([\s\S]*?)<\/font>/g, (_all, body: string | undefined) => {
      const kept = (body ?? "").replace(/<(name|family|charset|scheme)\b[^>]*\/>/g, "");
      return `<font>${kept}${/<sz\b/.test(kept) ? "" : `<sz val="${size}"/>`}${tail}</font>`;
    }),
  );
}

/** The package's language (docProps/core.xml dc:language), so readers know the text is Simplified Chinese. */
export function withLanguage(coreXml: string): string {
  if (/<dc:language>/.test(coreXml)) return coreXml;
  return coreXml.replace(/(<cp:coreProperties\b[^>]*>)/, `$1<dc:language>${WORKBOOK_LANGUAGE}</dc:language>`);
}

/** Adds what ExcelJS cannot write: marker names and the spec's charts. */
export async function postProcess(
  buffer: Uint8Array,
  spec: WorkbookSpec,
  options: PostProcessOptions = {},
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buffer);
  if (options.edition) await writeEditionPart(zip, options.edition);
  const stylesXml = await zip.file("xl/styles.xml")?.async("string");
  if (stylesXml !== undefined) zip.file("xl/styles.xml", withWorkbookFont(stylesXml));
  const coreXml = await zip.file("docProps/core.xml")?.async("string");
  if (coreXml !== undefined) zip.file("docProps/core.xml", withLanguage(coreXml));
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  zip.file("xl/workbook.xml", patchNames(workbookXml, spec, options.originalNames ?? []));
  const info = await readPackage(zip);
  let contentTypes = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const sheet of spec.sheets) {
    const part = info.sheets.find((s) => s.name === sheet.name)?.path;
    const xml = part === undefined ? undefined : await zip.file(part)?.async("string");
    if (part !== undefined && xml !== undefined && sheet.columnBreaks.length > 0)
      zip.file(part, withColumnBreaks(xml, sheet.columnBreaks));
  }
  let chartNo = nextFree(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = nextFree(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  for (const sheet of spec.sheets) {
    if (sheet.charts.length === 0) continue;
    const part = info.sheets.find((s) => s.name === sheet.name)?.path;
    if (!part) continue;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    sheet.charts.forEach((chart, i) => {
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(chart, sheet.name));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CT_CHART);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(chart, i + 2, `rId${i + 1}`));
      chartNo++;
    });
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(
      drawingPath.replace(/([^/]+)$/, "_rels/$1.rels"),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join("")}</Relationships>`,
    );
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, CT_DRAWING);
    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    let rels =
      (await zip.file(relsPath)?.async("string")) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rid = `rId${Math.max(0, ...ids) + 1}`;
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
    );
    zip.file(relsPath, rels);
    let sheetXml = (await zip.file(part)?.async("string")) ?? "";
    const drawing = `<drawing r:id="${rid}"/>`;
    if (!/xmlns:r=/.test(sheetXml.slice(0, 600))) {
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
    }
    const before =
      /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
        sheetXml,
      );
    sheetXml = before
      ? sheetXml.slice(0, before.index) + drawing + sheetXml.slice(before.index)
      : sheetXml.replace("</worksheet>", `${drawing}</worksheet>`);
    zip.file(part, sheetXml);
    drawingNo++;
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * A worksheet's XML with manual page breaks before the given columns (ExcelJS writes row breaks only). A break
 * "before column c" is stored as id c − 1, the last column of the page to its left; it goes after `rowBreaks` in
 * the schema's order, ahead of the drawing and the table parts.
 * @example withColumnBreaks("<worksheet><tableParts/></worksheet>", [15]) // "<worksheet><colBreaks count=\"1\" …/>…"
 */
export function withColumnBreaks(sheetXml: string, columns: readonly number[]): string {
  const brk = columns.map((c) => `<brk id="${c - 1}" max="1048575" man="1"/>`).join("");
  const breaks = `<colBreaks count="${columns.length}" manualBreakCount="${columns.length}">${brk}</colBreaks>`;
  const next =
    /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
      sheetXml,
    );
  return next
    ? sheetXml.slice(0, next.index) + breaks + sheetXml.slice(next.index)
    : sheetXml.replace("</worksheet>", `${breaks}</worksheet>`);
}

function nextFree(zip: JSZip, pattern: RegExp): number {
  const used = zip.file(pattern).map((f) => Number(pattern.exec(f.name)?.[1] ?? 0));
  return Math.max(0, ...used) + 1;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace("</Types>", `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

function anchorXml(chart: ChartSpec, id: number, rid: string): string {
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
