// The 信息工作通报 as a Word document in the form of an official notice
// (GB/T 9704 page): the title in 小标宋, the addressee flush left, body
// paragraphs in 仿宋 with a two-character indent, the ranking as a table in
// 仿宋 小四 (12 pt, eleven columns fit the 156 mm text width) with a bold
// header and totals row, and the issuing body and date
// at the foot, right-aligned. Built from lib/stats/notice.ts, like the
// printable page.
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { sectionNumber, type Notice, type NoticeRow } from "@/lib/stats/notice";

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2; // half-points
const TITLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "方正小标宋简体" };
const HEI = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const FANG = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };
const INDENT = 640; // two characters of 16 pt
const TEXT_WIDTH = mm(156);

const body = (text: string, options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    children: [new TextRun({ text, font: FANG, size: pt(16) })],
  });

const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: INDENT }, children: [new TextRun({ text, font: HEI, size: pt(16) })] });

function cell(text: string, { bold = false, align = AlignmentType.CENTER, width }: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width: number }) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
    children: [new Paragraph({ alignment: align, children: [new TextRun({ text, bold, font: FANG, size: pt(12) })] })],
  });
}

export async function noticeDocx(notice: Notice): Promise<Buffer> {
  // 排名 and the numbers narrow, the unit's name wide.
  const unitWidth = Math.round(TEXT_WIDTH * 0.22);
  const otherWidth = Math.floor((TEXT_WIDTH - unitWidth) / (notice.table.headers.length - 1));
  const widths = notice.table.headers.map((_, i) => (i === 1 ? unitWidth : otherWidth));
  const row = (r: NoticeRow, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: [r.rank, r.unit, ...r.cells].map((text, i) => cell(text, { bold, width: widths[i]!, align: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER })),
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: notice.table.headers.map((h, i) => cell(h, { bold: true, width: widths[i]! })) }),
      ...notice.table.rows.map((r) => row(r)),
      row(notice.table.totals, true),
    ],
  });
  const doc = new Document({
    creator: notice.issuingBody,
    title: notice.title,
    styles: { default: { document: { run: { font: FANG, size: pt(16) } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: pt(14), font: FANG })] })],
          }),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 560, line: 34 * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: notice.title, font: TITLE_FONT, size: pt(22) })] }),
          body(notice.addressee, { indent: false, align: AlignmentType.LEFT }),
          ...notice.paragraphs.map((p) => body(p)),
          heading(`${sectionNumber(0)}${notice.table.heading}`),
          table,
          ...notice.lists.flatMap((list, i) => [heading(`${sectionNumber(i + 1)}${list.heading}`), ...(list.items.length ? list.items : [list.none]).map((item) => body(item))]),
          new Paragraph({ spacing: { before: 560, ...LINE }, alignment: AlignmentType.RIGHT, indent: { right: INDENT * 2 }, children: [new TextRun({ text: notice.issuingBody, font: FANG, size: pt(16) })] }),
          new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: INDENT * 2 }, children: [new TextRun({ text: notice.date, font: FANG, size: pt(16) })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** 关于2017年8月份信息报送采用情况的通报.docx */
export const noticeFileName = (notice: Notice) => `${notice.title.replace(/[\\/:*?"<>|\r\n]+/g, "_")}.docx`;
