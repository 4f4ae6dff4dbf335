import JSZip from "jszip";
import { WORKBOOK_LANGUAGE } from "../workbook/fonts";
import { emptyStylesXml } from "./styles";
import { NS, REL_TYPE } from "./xml";
import { escapeText } from "./xmlTree";

/**
 * The package of a new workbook before any sheet is written: content types, the package and workbook
 * relationships, document properties (creator, dates, the language zh-CN), an empty workbook.xml and the styles
 * part with the workbook font. A new workbook is this package with every planned sheet added by the same writer
 * that adds a sheet to a user's workbook (`SheetParts`).
 */
export function emptyPackage(now: Date): JSZip {
  const declaration = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const stamp = `${now.toISOString().replace(/\.\d{3}Z$/, "Z")}`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `${declaration}<Types xmlns="${NS.contentTypes}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${declaration}<Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId1" Type="${NS.rel}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${NS.rel}/extended-properties" Target="docProps/app.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    "docProps/core.xml",
    `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeText("政策目标")}</dc:creator><dc:language>${WORKBOOK_LANGUAGE}</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  zip.file(
    "docProps/app.xml",
    `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity></Properties>`,
  );
  zip.file(
    "xl/workbook.xml",
    `${declaration}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr/>` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews>` +
      `<sheets/><calcPr calcId="171027"/></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${declaration}<Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`,
  );
  zip.file("xl/styles.xml", emptyStylesXml());
  return zip;
}
