// Word documents made with the `docx` package, for import tests.
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from "docx";

/** The start of a TIFF file: a picture Word shows and a web page cannot, so an import leaves it out. */
const TIFF_BYTES = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), Buffer.alloc(64)]);

export async function makeArticleDocx(options: { heading?: boolean; unsupportedPicture?: boolean } = {}): Promise<Buffer> {
  const title = options.heading
    ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("威海市深入开展脱贫攻坚大调研")] })]
    : [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "威海市深入开展脱贫攻坚大调研", bold: true })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "扎实推进“八个精准”要求落实落地", bold: true })] }),
      ];
  const doc = new Document({
    sections: [
      {
        children: [
          ...title,
          new Paragraph({ children: [new TextRun("威海市围绕全省脱贫攻坚推进会提出的“八个精准”新要求，深入开展调查研究。")] }),
          new Paragraph({
            children: [new TextRun({ text: "一、围绕“思想认识精准”调研，解决好“三个误区”。", bold: true }), new TextRun("认真传达学习全省脱贫攻坚推进会议精神。")],
          }),
          new Paragraph({ text: "聚焦重点村", bullet: { level: 0 } }),
          ...(options.unsupportedPicture
            ? [new Paragraph({ children: [new ImageRun({ type: "png", data: TIFF_BYTES, transformation: { width: 200, height: 100 } })] })]
            : []),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph("区市")] }), new TableCell({ children: [new Paragraph("贫困人口")] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph("环翠区")] }), new TableCell({ children: [new Paragraph("4.9万")] })] }),
            ],
          }),
          new Paragraph({ children: [new TextRun("以督导问责的压力激发干事创业的动力。(威海市扶贫办)")] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
