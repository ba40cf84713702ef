// The issue as a Word document in the printed 简报 form: red masthead, 期号,
// issuing body and date, red rule, contents, sections and articles with
// first-line-indented paragraphs (bold lead sentences kept), attributions,
// and the 版记. Built from the published snapshot, like every reader view.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { Window } from "happy-dom";
import { imageSize } from "image-size";
import type { IssueSnapshot, SnapshotArticle } from "@/lib/issues/snapshot";
import { printedForm } from "./printed-form";

// GB/T 9704 page: A4, top 37 mm, left 28 mm, text block 156 × 225 mm.
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297), top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
const TEXT_WIDTH = mm(156);
const RED = "C00000";
const SERIF = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const pt = (v: number) => v * 2; // docx sizes are half-points
const BODY_SIZE = pt(16);
const BODY_LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT }; // 28 pt leading

type Marks = { -readonly [K in "bold" | "italics" | "underline" | "strike" | "superScript" | "subScript"]?: IRunOptions[K] };

/** The little of the DOM this walker needs (happy-dom's classes differ from lib.dom's in type only). */
interface HNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<HNode>;
}
interface HElement extends HNode {
  tagName: string;
  children: ArrayLike<HElement>;
  innerHTML: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<HElement>;
}

/** The bytes of an image the article shows (by its src), or null when it cannot be embedded. */
export type ImageLoader = (src: string) => Promise<{ data: Uint8Array; mime: string } | null>;

interface EmbeddedImage {
  data: Uint8Array;
  type: "png" | "jpg" | "gif";
  width: number;
  height: number;
}
type Images = Map<string, EmbeddedImage>;

const DOCX_IMAGE_TYPES: Record<string, EmbeddedImage["type"]> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif" };
// The text block is 156 mm wide: at 96 px to the inch, 590 px.
const MAX_IMAGE_WIDTH = Math.floor((156 / 25.4) * 96);

/** Loads every image of the issue's articles once, with its size scaled to fit the text block. */
async function loadImages(snapshot: IssueSnapshot, loadImage: ImageLoader | undefined): Promise<Images> {
  const images: Images = new Map();
  if (!loadImage) return images;
  const srcs = new Set<string>();
  for (const a of snapshot.sections.flatMap((s) => s.articles)) for (const m of a.html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)) srcs.add(m[1]!.replace(/&amp;/g, "&"));
  for (const src of srcs) {
    const loaded = await loadImage(src);
    const type = loaded && DOCX_IMAGE_TYPES[loaded.mime];
    if (!loaded || !type) continue; // WebP and the like: Word cannot show them; the alt text stands in.
    try {
      const size = imageSize(loaded.data);
      if (!size.width || !size.height) continue;
      const scale = Math.min(1, MAX_IMAGE_WIDTH / size.width);
      images.set(src, { data: loaded.data, type, width: Math.round(size.width * scale), height: Math.round(size.height * scale) });
    } catch {
      // not readable as an image: the alt text stands in
    }
  }
  return images;
}

function run(text: string, marks: Marks = {}, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, ...marks, ...extra });
}

/** Inline content of an HTML element as runs, keeping bold, italics, underline, strike and sub/superscript, and images. */
function inlineRuns(node: HNode, marks: Marks = {}, images: Images = new Map()): (TextRun | ImageRun)[] {
  const out: (TextRun | ImageRun)[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const text = child.textContent ?? "";
      if (text) out.push(run(text, marks));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as HElement;
    const tag = el.tagName.toLowerCase();
    if (tag === "br") {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    const next: Marks = { ...marks };
    if (tag === "strong" || tag === "b") next.bold = true;
    if (tag === "em" || tag === "i") next.italics = true;
    if (tag === "u") next.underline = {};
    if (tag === "s" || tag === "del") next.strike = true;
    if (tag === "sup") next.superScript = true;
    if (tag === "sub") next.subScript = true;
    if (tag === "img") {
      const alt = el.getAttribute("alt");
      const image = images.get(el.getAttribute("src") ?? "");
      if (image) {
        out.push(
          new ImageRun({
            type: image.type,
            data: image.data,
            transformation: { width: image.width, height: image.height },
            altText: { name: alt || "图", description: alt ?? "", title: alt ?? "" },
          }),
        );
      } else if (alt) out.push(run(`［图：${alt}］`, marks));
      continue;
    }
    out.push(...inlineRuns(el, next, images));
  }
  return out;
}

const bodyParagraph = (children: (TextRun | ImageRun)[], options: Partial<IParagraphOptions> = {}) =>
  new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLineChars: 200, firstLine: mm(11.3) },
    spacing: BODY_LINE,
    ...options,
  });

/** Block content of an article's HTML as Word paragraphs and tables. */
function blocks(container: HElement, images: Images): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const child of Array.from(container.children)) {
    const tag = child.tagName.toLowerCase();
    if (tag === "p") {
      const centered = /text-align:\s*center/.test(child.getAttribute("style") ?? "");
      const runs = inlineRuns(child, {}, images);
      // A paragraph that is only an image is centred, without the first-line indent.
      const imageOnly = runs.length > 0 && runs.every((r) => r instanceof ImageRun);
      out.push(bodyParagraph(runs, centered || imageOnly ? { alignment: AlignmentType.CENTER, indent: undefined } : {}));
    } else if (/^h[1-6]$/.test(tag)) {
      out.push(bodyParagraph(inlineRuns(child, { bold: true }, images), { keepNext: true, indent: undefined }));
    } else if (tag === "ul" || tag === "ol") {
      Array.from(child.children).forEach((li, i) => {
        const marker = tag === "ol" ? `${i + 1}. ` : "• ";
        out.push(bodyParagraph([run(marker), ...inlineRuns(li, {}, images)], { indent: { left: mm(11.3) } }));
      });
    } else if (tag === "blockquote") {
      for (const b of blocks(child, images)) out.push(b);
    } else if (tag === "table") {
      const rows = Array.from(child.querySelectorAll("tr")).map(
        (tr) =>
          new TableRow({
            children: Array.from(tr.children).map(
              (cell) =>
                new TableCell({
                  children: [new Paragraph({ children: inlineRuns(cell, cell.tagName.toLowerCase() === "th" ? { bold: true } : {}, images) })],
                }),
            ),
          }),
      );
      if (rows.length) out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    } else if (tag === "hr") {
      out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } } }));
    } else {
      const runs = inlineRuns(child, {}, images);
      if (runs.length) out.push(bodyParagraph(runs));
    }
  }
  return out;
}

function articleBlocks(article: SnapshotArticle, window: Window, images: Images): (Paragraph | Table)[] {
  const container = window.document.createElement("div") as unknown as HElement;
  container.innerHTML = article.html;
  const body = blocks(container, images);
  // 署名 at the end of the last paragraph, as on the printed form.
  const attribution = run(`(${article.attribution})`);
  const last = body.at(-1);
  if (article.attribution) {
    if (last instanceof Paragraph) last.addChildElement(attribution);
    else body.push(bodyParagraph([attribution]));
  }
  const title = article.titleLines.map(
    (line, i) =>
      new Paragraph({
        children: [new TextRun({ text: line, bold: true, font: SERIF, size: pt(18) })],
        alignment: AlignmentType.CENTER,
        keepNext: true,
        keepLines: true,
        spacing: { before: i === 0 ? 240 : 0, line: 32 * 20, lineRule: LineRuleType.EXACT },
      }),
  );
  return [...title, ...body];
}

const plain = (text: string, options: Partial<IParagraphOptions> = {}, runOptions: Partial<IRunOptions> = {}) =>
  new Paragraph({ children: [run(text, {}, runOptions)], spacing: BODY_LINE, ...options });

/** The Word document of a published issue, as bytes. */
export async function issueDocx(snapshot: IssueSnapshot, options: { contents?: boolean; loadImage?: ImageLoader } = {}): Promise<Buffer> {
  const form = printedForm(snapshot);
  const images = await loadImages(snapshot, options.loadImage);
  const window = new Window();
  try {
    const children: (Paragraph | Table)[] = [
      new Paragraph({
        children: [new TextRun({ text: form.masthead, bold: true, color: RED, font: SERIF, size: pt(36) })],
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
      }),
    ];
    if (form.subtitle) {
      children.push(new Paragraph({ children: [new TextRun({ text: form.subtitle, color: RED, font: SERIF, size: pt(14) })], alignment: AlignmentType.CENTER }));
    }
    children.push(plain(form.numberLine, { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } }));
    // Issuing body at the left margin, date at the right, over the red rule.
    children.push(
      new Paragraph({
        children: [run(form.issuingBody, {}, { size: pt(14) }), run("\t", {}, { size: pt(14) }), run(form.date, {}, { size: pt(14) })],
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
        spacing: { after: 240 },
      }),
    );

    const articles = snapshot.sections.flatMap((s) => s.articles);
    if (options.contents ?? true) {
      children.push(plain("本期目录", { alignment: AlignmentType.CENTER, keepNext: true }, { bold: true, size: pt(14) }));
      for (const section of snapshot.sections) {
        if (section.heading) children.push(plain(`【${section.heading}】`, { keepNext: true }, { bold: true, size: pt(14) }));
        for (const a of section.articles) children.push(plain(a.title, { indent: { left: mm(11.3) } }, { size: pt(14) }));
      }
      children.push(new Paragraph({ children: [], spacing: { after: 120 } }));
    }

    for (const section of snapshot.sections) {
      if (section.heading) {
        children.push(plain(`【${section.heading}】`, { keepNext: true, spacing: { ...BODY_LINE, before: 240 } }, { bold: true, font: SERIF }));
      }
      for (const a of section.articles) children.push(...articleBlocks(a, window, images));
    }
    if (!articles.length) children.push(plain(""));

    // 版记
    if (form.editor) children.push(plain(`编辑:${form.editor}`, { alignment: AlignmentType.RIGHT, spacing: { ...BODY_LINE, before: 240 } }));
    if (form.signer) children.push(plain(`签发：${form.signer}`, { alignment: AlignmentType.RIGHT }));
    const rule = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 };
    const colophon = [
      ...form.distribution.map((d) => [`${d.label}：${d.text}`]),
      [`印发：${form.issuer}`, `${form.date}印发${form.copies ? `（${form.copies}）` : ""}`],
    ];
    colophon.forEach((cells, i) => {
      const parts = cells.flatMap((c, k) => (k ? [run("\t", {}, { size: pt(14) }), run(c, {}, { size: pt(14) })] : [run(c, {}, { size: pt(14) })]));
      children.push(
        new Paragraph({
          children: parts,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          keepNext: i < colophon.length - 1,
          keepLines: true,
          indent: { left: mm(3), right: mm(3) },
          border: {
            ...(i === 0 ? { top: rule } : {}),
            ...(i === colophon.length - 1 ? { bottom: rule } : {}),
            ...(i === colophon.length - 1 && colophon.length > 1 ? { top: { ...rule, size: 4 } } : {}),
          },
          spacing: { before: i === 0 ? 360 : 0 },
        }),
      );
    });

    const doc = new Document({
      creator: form.issuingBody,
      title: snapshot.title,
      description: snapshot.title,
      styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height },
              margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(20) },
            },
          },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: pt(14), font: SERIF })],
                }),
              ],
            }),
          },
          children,
        },
      ],
    });
    return await Packer.toBuffer(doc);
  } finally {
    await window.happyDOM.close();
  }
}

/** "山东脱贫攻坚简报2017年第88期(总第225期).docx", safe for a file name. */
export function issueDocxFileName(snapshot: IssueSnapshot): string {
  return `${snapshot.title.replace(/[\\/:*?"<>|\r\n]+/g, "_")}.docx`;
}
