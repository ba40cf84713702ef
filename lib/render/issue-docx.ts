// The issue as a Word document in the printed 简报 form: red masthead, 期号,
// issuing body and date, red rule, contents, sections and articles with
// first-line-indented paragraphs (bold lead sentences kept), attributions,
// and the 版记. Built from the published snapshot, like every reader view.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type NumberingDefinition,
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

/** Character formatting carried down the HTML tree: marks, and the font a block sets (none in headings: their style sets it). */
type RunStyle = {
  -readonly [K in "bold" | "italics" | "underline" | "strike" | "superScript" | "subScript" | "font" | "size" | "style"]?: IRunOptions[K];
};
const BODY_RUN: RunStyle = { font: BODY_FONT, size: BODY_SIZE };
const CELL_RUN: RunStyle = { font: BODY_FONT, size: pt(14) };
const CHARS_2 = 640; // two characters of the 16 pt body, in twips: the first-line indent

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
  querySelector(selector: string): HElement | null;
}

/**
 * Every node and mark type of the editor's schema (lib/editor/extensions.ts),
 * with the HTML elements the server renderer writes it as; the walker below turns
 * each into Word. issue-docx.test.ts fails when the schema has a type missing here.
 */
export const DOCX_NODE_ELEMENTS = {
  doc: [],
  text: ["#text"],
  paragraph: ["p"],
  heading: ["h1", "h2", "h3", "h4", "h5", "h6"],
  blockquote: ["blockquote"],
  bulletList: ["ul"],
  orderedList: ["ol"],
  listItem: ["li"],
  hardBreak: ["br"],
  horizontalRule: ["hr"],
  image: ["img", "figure", "figcaption"], // with a caption (图注): <figure><img><figcaption>
  table: ["table"],
  tableRow: ["tr"],
  tableHeader: ["th"],
  tableCell: ["td"],
} as const satisfies Record<string, readonly string[]>;
export const DOCX_MARK_ELEMENTS = {
  bold: ["strong", "b"],
  italic: ["em", "i"],
  underline: ["u"],
  strike: ["s", "del"],
  link: ["a"],
} as const satisfies Record<string, readonly string[]>;

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

/** What the walker knows where it is: images, lists made so far, and the indent of enclosing quotes and list items. */
interface Ctx {
  images: Images;
  /** One numbering definition per list of the document, so each list counts from its own start. */
  lists: NumberingDefinition[];
  /** Left indent (twips) of enclosing blockquotes and list items. */
  indent: number;
  quote: boolean;
  cell: boolean;
  /** Inside a list item: later paragraphs line up with the item's text, no first-line indent. */
  listItem: boolean;
  /** Resolves site-relative links (`/p/sdtp/2017/88`) to absolute ones; without it they stay text. */
  baseUrl?: string;
  /** Paragraphs of plain text, where the attribution may follow the text. */
  textParagraphs: WeakSet<Paragraph>;
}

type Inline = TextRun | ImageRun | ExternalHyperlink;

function run(text: string, style: RunStyle = BODY_RUN, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, ...style, ...extra });
}

function imageRun(image: EmbeddedImage, alt: string | null, title: string | null): ImageRun {
  return new ImageRun({
    type: image.type,
    data: image.data,
    transformation: { width: image.width, height: image.height },
    altText: { name: alt || "图", description: alt ?? "", title: title || alt || "" },
  });
}

function linkTarget(href: string, baseUrl: string | undefined): string | null {
  if (/^(https?:\/\/|mailto:)/i.test(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//") && baseUrl) {
    try {
      return new URL(href, baseUrl).toString();
    } catch {
      return null;
    }
  }
  return null;
}

/** Inline content of an HTML element as runs: marks, hard breaks, links and inline images. */
function inlineRuns(node: HNode, style: RunStyle, ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const text = child.textContent ?? "";
      if (text) out.push(run(text, style));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as HElement;
    const tag = el.tagName.toLowerCase();
    if (tag === "br") {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    if (tag === "img") {
      const alt = el.getAttribute("alt");
      const image = ctx.images.get(el.getAttribute("src") ?? "");
      if (image) out.push(imageRun(image, alt, el.getAttribute("title")));
      else if (alt) out.push(run(`［图：${alt}］`, style));
      continue;
    }
    const next: RunStyle = { ...style };
    if (tag === "strong" || tag === "b") next.bold = true;
    if (tag === "em" || tag === "i") next.italics = true;
    if (tag === "u") next.underline = {};
    if (tag === "s" || tag === "del") next.strike = true;
    if (tag === "sup") next.superScript = true;
    if (tag === "sub") next.subScript = true;
    if (tag === "a") {
      const target = linkTarget(el.getAttribute("href") ?? "", ctx.baseUrl);
      if (target) {
        const children = inlineRuns(el, { ...next, style: "Hyperlink" }, ctx).filter((r): r is TextRun | ImageRun => !(r instanceof ExternalHyperlink));
        if (children.length) out.push(new ExternalHyperlink({ link: target, children }));
        continue;
      }
    }
    out.push(...inlineRuns(el, next, ctx));
  }
  return out;
}

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** The editor's text alignment (`style="text-align: right"`), or null when the block has none. */
function alignmentOf(el: HElement): keyof typeof ALIGNMENTS | null {
  const m = /text-align:\s*(left|center|right|justify)/.exec(el.getAttribute("style") ?? "");
  return m ? (m[1] as keyof typeof ALIGNMENTS) : null;
}

/** A paragraph of text with the body's layout, as the context wants it: first-line indented, indented in quotes, plain in cells. */
function textParagraph(children: Inline[], align: keyof typeof ALIGNMENTS | null, ctx: Ctx, options: Partial<IParagraphOptions> = {}): Paragraph {
  const imageOnly = children.length > 0 && children.every((r) => r instanceof ImageRun);
  // Centred, right-aligned and picture-only lines have no first-line indent; neither has a table cell.
  const noFirstLine = ctx.cell || ctx.listItem || imageOnly || align === "center" || align === "right";
  const alignment = imageOnly && !align ? AlignmentType.CENTER : ALIGNMENTS[align ?? (ctx.cell ? "left" : "justify")];
  const indent =
    ctx.indent || ctx.quote
      ? { left: ctx.indent, right: ctx.quote ? CHARS_2 : undefined, ...(noFirstLine ? {} : { firstLine: CHARS_2 }) }
      : noFirstLine
        ? undefined
        : { firstLineChars: 200, firstLine: mm(11.3) };
  return new Paragraph({
    children,
    alignment,
    indent,
    spacing: ctx.cell ? undefined : BODY_LINE,
    style: ctx.quote ? "Quote" : undefined,
    ...options,
  });
}

/** The run font of a block: smaller in cells; in quotes the Quote style's 楷体 shows through. */
const baseRunOf = (ctx: Ctx): RunStyle => (ctx.cell ? CELL_RUN : ctx.quote ? { size: BODY_SIZE } : BODY_RUN);

const HEADING_LEVELS = { h1: HeadingLevel.HEADING_2, h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3, h4: HeadingLevel.HEADING_4, h5: HeadingLevel.HEADING_4, h6: HeadingLevel.HEADING_4 } as const;

/** A list (`ul`/`ol`, nested to any depth) as Word numbered paragraphs; each list gets its own numbering. */
function listBlocks(list: HElement, ctx: Ctx, level: number): (Paragraph | Table)[] {
  const ordered = list.tagName.toLowerCase() === "ol";
  const start = Math.max(1, Number(list.getAttribute("start")) || 1);
  const reference = `list-${ctx.lists.length + 1}`;
  const bullets = ["•", "◦", "▪"];
  ctx.lists.push({
    reference,
    levels: Array.from({ length: 9 }, (_, l) => ({
      level: l,
      format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: ordered ? `%${l + 1}.` : bullets[l % bullets.length]!,
      start: ordered ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: ctx.indent + CHARS_2 * (l + 2), hanging: CHARS_2 } } },
    })),
  });
  const out: (Paragraph | Table)[] = [];
  const inner: Ctx = { ...ctx, indent: ctx.indent + CHARS_2 * (level + 2), listItem: true };
  for (const li of Array.from(list.children)) {
    if (li.tagName.toLowerCase() !== "li") continue;
    let numbered = false;
    for (const child of Array.from(li.children)) {
      const tag = child.tagName.toLowerCase();
      if (tag === "ul" || tag === "ol") {
        out.push(...listBlocks(child, ctx, level + 1));
      } else if (!numbered && tag === "p") {
        numbered = true;
        const align = alignmentOf(child);
        out.push(
          new Paragraph({
            children: inlineRuns(child, baseRunOf(ctx), ctx),
            numbering: { reference, level },
            alignment: align ? ALIGNMENTS[align] : AlignmentType.LEFT,
            spacing: ctx.cell ? undefined : BODY_LINE,
            style: ctx.quote ? "Quote" : undefined,
          }),
        );
      } else {
        out.push(...blocks(child, inner, false));
      }
    }
    // An item that began with something other than a paragraph still shows its number.
    if (!numbered) out.push(new Paragraph({ children: [], numbering: { reference, level } }));
  }
  return out;
}

/** A table, its header rows repeated on each page, merged cells kept, each cell's blocks laid out plainly. */
function tableBlock(table: HElement, ctx: Ctx): Table | null {
  const trs: HElement[] = [];
  const collect = (el: HElement) => {
    for (const c of Array.from(el.children)) {
      const tag = c.tagName.toLowerCase();
      if (tag === "tr") trs.push(c);
      else if (tag === "thead" || tag === "tbody" || tag === "tfoot") collect(c);
    }
  };
  collect(table);
  const cellCtx: Ctx = { ...ctx, indent: 0, quote: false, cell: true, listItem: false };
  const rows = trs.map((tr) => {
    const cells = Array.from(tr.children).filter((c) => /^t[hd]$/i.test(c.tagName));
    const header = cells.length > 0 && cells.every((c) => c.tagName.toLowerCase() === "th");
    return new TableRow({
      // Only when on: some readers (mammoth among them) take any w:tblHeader, even "false", as a header row.
      ...(header && trs.indexOf(tr) === 0 ? { tableHeader: true } : {}),
      children: cells.map((cell) => {
        const th = cell.tagName.toLowerCase() === "th";
        const content = blocks(cell, th ? { ...cellCtx, headerCell: true } : cellCtx, true);
        return new TableCell({
          children: content.length ? content : [new Paragraph({ children: [] })],
          columnSpan: Math.max(1, Number(cell.getAttribute("colspan")) || 1),
          rowSpan: Math.max(1, Number(cell.getAttribute("rowspan")) || 1),
          shading: th ? { type: ShadingType.CLEAR, fill: "F2F2F2", color: "auto" } : undefined,
        });
      }),
    });
  });
  if (!rows.length) return null;
  const columns = Math.max(
    1,
    ...trs.map((tr) =>
      Array.from(tr.children)
        .filter((c) => /^t[hd]$/i.test(c.tagName))
        .reduce((n, c) => n + Math.max(1, Number(c.getAttribute("colspan")) || 1), 0),
    ),
  );
  const width = TEXT_WIDTH - ctx.indent;
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
    indent: ctx.indent ? { size: ctx.indent, type: WidthType.DXA } : undefined,
  });
}

/** Block content of an article's HTML as Word paragraphs and tables; `children` walks an element's children, else the element itself. */
function blocks(container: HElement, ctx: Ctx & { headerCell?: boolean }, children = true): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const elements = children ? Array.from(container.childNodes) : [container];
  const baseRun: RunStyle = { ...baseRunOf(ctx), ...(ctx.headerCell ? { bold: true } : {}) };
  // Loose text and inline elements between blocks (as in a cell written by hand) gather into one paragraph.
  let loose: Inline[] = [];
  const flush = () => {
    if (loose.length) out.push(textParagraph(loose, null, ctx));
    loose = [];
  };
  for (const node of elements) {
    if (node.nodeType === 3) {
      if ((node.textContent ?? "").trim()) loose.push(run(node.textContent ?? "", baseRun));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as HElement;
    const tag = child.tagName.toLowerCase();
    if (tag === "p") {
      flush();
      const p = textParagraph(inlineRuns(child, baseRun, ctx), alignmentOf(child), ctx);
      if (!ctx.cell && !ctx.quote && !ctx.indent) ctx.textParagraphs.add(p);
      out.push(p);
    } else if (tag in HEADING_LEVELS) {
      flush();
      const align = alignmentOf(child);
      const centred = align === "center" || align === "right";
      out.push(
        new Paragraph({
          children: inlineRuns(child, ctx.cell ? { ...CELL_RUN, bold: true } : {}, ctx),
          heading: HEADING_LEVELS[tag as keyof typeof HEADING_LEVELS],
          alignment: align ? ALIGNMENTS[align] : AlignmentType.JUSTIFIED,
          indent: ctx.cell || centred ? (ctx.indent ? { left: ctx.indent } : undefined) : { left: ctx.indent || undefined, firstLine: CHARS_2 },
          keepNext: true,
          keepLines: true,
        }),
      );
    } else if (tag === "ul" || tag === "ol") {
      flush();
      out.push(...listBlocks(child, ctx, 0));
    } else if (tag === "blockquote") {
      flush();
      out.push(...blocks(child, { ...ctx, quote: true, indent: ctx.indent + CHARS_2 }));
    } else if (tag === "table") {
      flush();
      const table = tableBlock(child, ctx);
      if (table) out.push(table);
    } else if (tag === "hr") {
      flush();
      out.push(new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } } }));
    } else if (tag === "img") {
      flush();
      const picture = pictureParagraph(child, ctx, baseRun, false);
      if (picture) out.push(picture);
    } else if (tag === "figure" && child.querySelector("img")) {
      // A picture with its caption (图注) under it, kept on one page.
      flush();
      const caption = (child.querySelector("figcaption")?.textContent ?? "").trim();
      const picture = pictureParagraph(child.querySelector("img")!, ctx, baseRun, Boolean(caption));
      if (picture) out.push(picture);
      if (caption) {
        out.push(new Paragraph({ children: [run(caption, CELL_RUN)], alignment: AlignmentType.CENTER, indent: ctx.indent ? { left: ctx.indent } : undefined, spacing: { after: 120 } }));
      }
    } else if (tag === "colgroup" || tag === "col") {
      continue;
    } else if (/^(div|section|article|figure|thead|tbody)$/.test(tag)) {
      flush();
      out.push(...blocks(child, ctx));
    } else {
      loose.push(...inlineRuns({ nodeType: 1, textContent: null, childNodes: [child] }, baseRun, ctx));
    }
  }
  flush();
  return out;
}

/** A picture on its own line (the editor's 图片 button): centred, without indent; its alt text when it cannot be embedded. */
function pictureParagraph(img: HElement, ctx: Ctx, baseRun: RunStyle, keepNext: boolean): Paragraph | null {
  const alt = img.getAttribute("alt");
  const image = ctx.images.get(img.getAttribute("src") ?? "");
  const runs = image ? [imageRun(image, alt, img.getAttribute("title"))] : alt ? [run(`［图：${alt}］`, baseRun)] : [];
  if (!runs.length) return null;
  return new Paragraph({ children: runs, alignment: AlignmentType.CENTER, indent: ctx.indent ? { left: ctx.indent } : undefined, keepLines: true, keepNext });
}

function articleBlocks(article: SnapshotArticle, window: Window, images: Images, lists: NumberingDefinition[], baseUrl: string | undefined): (Paragraph | Table)[] {
  const container = window.document.createElement("div") as unknown as HElement;
  container.innerHTML = article.html;
  const ctx: Ctx = { images, lists, indent: 0, quote: false, cell: false, listItem: false, baseUrl, textParagraphs: new WeakSet() };
  const body = blocks(container, ctx);
  // 署名 at the end of the last paragraph, as on the printed form; after a table, list or picture, on a line of its own.
  const attribution = run(`(${article.attribution})`);
  const last = body.at(-1);
  if (article.attribution) {
    if (last instanceof Paragraph && ctx.textParagraphs.has(last)) last.addChildElement(attribution);
    else body.push(textParagraph([attribution], null, ctx));
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
  new Paragraph({ children: [run(text, BODY_RUN, runOptions)], spacing: BODY_LINE, ...options });

/** The Word document of a published issue, as bytes. */
export async function issueDocx(
  snapshot: IssueSnapshot,
  options: { contents?: boolean; loadImage?: ImageLoader; /** the site's origin, for links to its own pages */ baseUrl?: string } = {},
): Promise<Buffer> {
  const form = printedForm(snapshot);
  const images = await loadImages(snapshot, options.loadImage);
  const lists: NumberingDefinition[] = [];
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
        children: [run(form.issuingBody, BODY_RUN, { size: pt(14) }), run("\t", BODY_RUN, { size: pt(14) }), run(form.date, BODY_RUN, { size: pt(14) })],
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
      for (const a of section.articles) children.push(...articleBlocks(a, window, images, lists, options.baseUrl));
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
      const parts = cells.flatMap((c, k) => (k ? [run("\t", BODY_RUN, { size: pt(14) }), run(c, BODY_RUN, { size: pt(14) })] : [run(c, BODY_RUN, { size: pt(14) })]));
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

    // The issuing body is the author Word shows in File > Info (docx writes "Un-named" when none is given).
    const author = form.issuingBody || snapshot.publication.name;
    const doc = new Document({
      creator: author,
      lastModifiedBy: author,
      title: snapshot.title,
      description: snapshot.title,
      numbering: { config: lists },
      // A line ended by a hard break is not stretched across the justified text block.
      compatibility: { doNotExpandShiftReturn: true },
      styles: {
        default: {
          document: { run: { font: BODY_FONT, size: BODY_SIZE } },
          // The levels of an official document: 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, all at body size.
          heading2: { run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" }, size: BODY_SIZE, bold: false, color: "000000" }, paragraph: { spacing: BODY_LINE } },
          heading3: { run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "楷体" }, size: BODY_SIZE, bold: false, color: "000000" }, paragraph: { spacing: BODY_LINE } },
          heading4: { run: { font: BODY_FONT, size: BODY_SIZE, bold: true, color: "000000" }, paragraph: { spacing: BODY_LINE } },
          hyperlink: { run: { color: "0563C1", underline: {} } },
        },
        paragraphStyles: [
          {
            id: "Quote",
            name: "Quote",
            basedOn: "Normal",
            next: "Normal",
            quickFormat: true,
            run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "楷体" } },
            paragraph: { border: { left: { style: BorderStyle.SINGLE, size: 12, color: "BFBFBF", space: 8 } } },
          },
        ],
      },
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
