import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import type { ReportText } from "../report";

/**
 * The drafted report as a Word document (docx 9.7.0): A4 portrait, the type the bureau's documents use — the title
 * in 小标宋 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号 with a two-character first-line indent — and, last,
 * the table of every figure the text used with where it was read. Runs in Node (CLI) and in the browser (pane).
 */

const TWIP_PER_CM = 567;
const FONT = {
  title: "方正小标宋简体",
  heading: "黑体",
  body: "仿宋_GB2312",
  latin: "Times New Roman",
} as const;

const run = (text: string, font: string, halfPoints: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: font }, size: halfPoints, ...extra });

const LINE = { line: 560, lineRule: "exact" as const }; // 28磅 fixed line spacing

function body(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.body, 32)],
    indent: { firstLine: 640 }, // two characters of 三号 (16pt = 320 twips)
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function cell(text: string, bold = false, width = 0): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [run(text, bold ? FONT.heading : FONT.body, 21)] })],
    ...(width > 0 ? { width: { size: width, type: WidthType.DXA } } : {}),
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "808080" };

/** The report as a docx Document (exposed for tests that inspect its structure). */
export function reportDocument(text: ReportText): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(text.title, FONT.title, 44)],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 700, lineRule: "exact" },
    }),
    new Paragraph({
      children: [run(text.subtitle, FONT.body, 28)],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
  ];
  for (const section of text.sections) {
    children.push(
      new Paragraph({ children: [run(section.heading, FONT.heading, 32)], indent: { firstLine: 640 }, spacing: LINE }),
    );
    for (const p of section.paragraphs) children.push(body(p));
  }
  children.push(
    new Paragraph({
      children: [run("附表:本报告所用数据", FONT.heading, 32)],
      spacing: { before: 480, after: 120 },
      pageBreakBefore: true,
    }),
  );
  // 8800 twips: A4's 21 cm less the 2.8 cm and 2.6 cm side margins leaves 15.6 cm ≈ 8845 twips.
  const widths = [4300, 1800, 2700];
  children.push(
    new Table({
      width: { size: 8800, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ["项目", "数值", "来源"].map((h, i) => cell(h, true, widths[i])),
        }),
        ...text.figures.map(
          (f) =>
            new TableRow({
              cantSplit: true,
              children: [f.label, f.value, f.source].map((v, i) => cell(v, false, widths[i])),
            }),
        ),
      ],
    }),
  );
  return new Document({
    creator: "政策目标",
    title: text.title,
    styles: { default: { document: { run: { font: FONT.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 portrait
            margin: {
              top: Math.round(3.7 * TWIP_PER_CM),
              bottom: Math.round(3.5 * TWIP_PER_CM),
              left: Math.round(2.8 * TWIP_PER_CM),
              right: Math.round(2.6 * TWIP_PER_CM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28, font: FONT.latin })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx bytes of a drafted report. */
export async function reportDocx(text: ReportText): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(text)));
}
