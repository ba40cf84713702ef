// Importing a Word document (.docx) as a new draft: mammoth converts it to
// HTML, which goes through the same sanitizer and converter as pasted HTML.
// The title is what the writer marked as one — Word's Title / Heading 1 / 标题
// styles, a centred line in a large font, or leading bold lines —; the
// attribution is an author line at the end (作者 | 向婷婷, （作者：…）,
// 供稿：…, (聊城市扶贫办)); the full-width indents clerks type are dropped.
import mammoth from "mammoth";
import JSZip from "jszip";
import type { JSONContent } from "@tiptap/core";
import { AppError, msg, messageOfText } from "@/lib/errors";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { storeMedia } from "@/lib/media/media";
import { getDb } from "@/db";
import { assertCommissionAddressed } from "@/lib/commissions/link";
import { createArticle, unitOfNewDraft } from "./mutations";
import { InvalidDocumentError } from "@/lib/render/document";
import { htmlToDocument } from "./html";
import { decideLevel, type StyledRun } from "./official-levels";

export const maxDocxBytes = () => Number(process.env.DOCX_MAX_BYTES || 20 * 1024 * 1024);

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export interface DocxDraft {
  /** Title lines joined by "\n", as articles store them. */
  title: string;
  attribution: string | null;
  body: JSONContent;
  /** What could not be brought over, in words for the writer (pictures in formats the web cannot show). */
  warnings: string[];
}

/** Keeps a picture of the document; returns its URL, or null when it cannot be kept. */
export type StoreImage = (bytes: Uint8Array, contentType: string) => Promise<string | null>;

// Paragraph styles that mark the title, by the names Word, WPS and LibreOffice give them
// (built-in styles keep their English names in the file; Chinese templates name their own).
const TITLE_STYLES = ["Title", "标题", "大标题", "文章标题", "公文标题", "CmsTitle"];
const STYLE_MAP = [
  ...TITLE_STYLES.map((name) => `p[style-name='${name}'] => h1.title:fresh`),
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='副标题'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='引用'] => blockquote > p:fresh",
  // The official levels read from fonts and weights (markLevels).
  "p[style-name='CmsLevel2'] => h2:fresh",
  "p[style-name='CmsLevel3'] => h3:fresh",
  "p[style-name='CmsLevel4'] => h4:fresh",
];
/** Styles the map above (or mammoth's own) already turns into something: their paragraphs keep it. */
const isMappedStyle = (name: string | null | undefined) =>
  !!name && (TITLE_STYLES.includes(name) || /^(heading|标题)\s*\d$/i.test(name) || /^(Quote|引用|Subtitle|副标题)$/.test(name));

/** The parts of mammoth's document model this module reads (mammoth's own typings leave it untyped). */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  alignment?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  font?: string | null;
  fontSize?: number | null;
}

/** Font and weight a style gives, its own or through the styles it is based on. */
type StyleLook = Map<string, { font: string | null; bold: boolean }>;

const nodeText = (node: MammothNode): string =>
  node.type === "text" ? (node.value ?? "") : node.type === "break" ? "\n" : (node.children ?? []).map(nodeText).join("");

function runsOf(node: MammothNode, out: MammothNode[] = []): MammothNode[] {
  for (const c of node.children ?? []) {
    if (c.type === "run") out.push(c);
    else runsOf(c, out);
  }
  return out;
}

/**
 * A title typed with direct formatting, the way most 公文 are set: the leading
 * centred lines in a large font (二号 22 pt, at least 18 pt) or in 小标宋.
 * They get the CmsTitle style, which the style map turns into the title.
 */
function markDirectTitle(document: MammothNode): MammothNode {
  const children = [...(document.children ?? [])];
  for (let i = 0; i < children.length && i < 6; i++) {
    const p = children[i]!;
    if (p.type !== "paragraph") break;
    const text = nodeText(p).trim();
    if (!text) continue;
    const runs = runsOf(p).filter((r) => nodeText(r).trim());
    const large = runs.length > 0 && runs.every((r) => (r.fontSize ?? 0) >= 18 || /小标宋/.test(r.font ?? ""));
    if (p.alignment !== "center" || !large || p.styleName || text.length > 60) break;
    children[i] = { ...p, styleName: "CmsTitle" };
  }
  return { ...document, children };
}

/** Applies `fn` to every run under a node, in order, keeping the tree's shape. */
function mapRuns(node: MammothNode, fn: (run: MammothNode) => MammothNode): MammothNode {
  if (node.type === "run") return fn(node);
  return node.children ? { ...node, children: node.children.map((c) => mapRuns(c, fn)) } : node;
}

/**
 * The official levels (一、 in 黑体, （一） in 楷体, 1. in bold …) read from the
 * runs' fonts and weights, as the paste cleaner reads them: a whole line set
 * apart becomes a heading (CmsLevel2-4 in the style map), a set-apart opening
 * sentence a bold lead. Table cells and list items are left as they are.
 */
function markLevels(document: MammothNode, looks: StyleLook): MammothNode {
  const children = (document.children ?? []).map((p) => {
    if (p.type !== "paragraph" || p.numbering || isMappedStyle(p.styleName)) return p;
    const paragraphLook = looks.get(p.styleId ?? "");
    const runs = runsOf(p);
    const styled = runs.map((r): StyledRun => {
      const runLook = looks.get(r.styleId ?? "");
      return { text: nodeText(r), font: r.font ?? runLook?.font ?? paragraphLook?.font ?? null, bold: !!(r.isBold || runLook?.bold || paragraphLook?.bold) };
    });
    const decision = decideLevel(styled);
    if (!decision) return p;
    if (decision.kind === "heading") return { ...mapRuns(p, (r) => ({ ...r, isBold: false })), styleName: `CmsLevel${decision.level}` };
    let pos = 0;
    return mapRuns(p, (r) => {
      const inLead = pos < decision.chars;
      pos += nodeText(r).length;
      return inLead ? { ...r, isBold: true } : r;
    });
  });
  return { ...document, children };
}

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

/** The font names an rFonts element gives, Latin and East Asian, as one string (null when none). */
function fontsOf(rFonts: string | undefined): string | null {
  if (!rFonts) return null;
  const names = [attr(rFonts, "w:ascii"), attr(rFonts, "w:eastAsia")].filter((n): n is string => !!n);
  return names.length ? [...new Set(names)].join(",") : null;
}

/** Reads every style's font and weight from styles.xml, following basedOn. */
function readStyleLooks(stylesXml: string): StyleLook {
  const own = new Map<string, { font: string | null; bold: boolean | null; basedOn: string | null }>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, "w:styleId");
    if (!id) continue;
    const body = m[2]!.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/g, "");
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? "";
    const b = /<w:b(\s[^>]*)?\/>/.exec(rPr);
    own.set(id, {
      font: fontsOf(/<w:rFonts\b[^>]*\/>/.exec(rPr)?.[0]),
      bold: b ? !/w:val="(0|false|off)"/.test(b[0]) : null,
      basedOn: attr(/<w:basedOn\b[^>]*\/>/.exec(body)?.[0] ?? "", "w:val"),
    });
  }
  const looks: StyleLook = new Map();
  for (const id of own.keys()) {
    let font: string | null = null;
    let bold: boolean | null = null;
    const seen = new Set<string>();
    for (let s = own.get(id), sid = id; s && !seen.has(sid); sid = s.basedOn ?? "", s = own.get(sid)) {
      seen.add(sid);
      font ??= s.font;
      bold ??= s.bold;
    }
    looks.set(id, { font, bold: !!bold });
  }
  return looks;
}

/**
 * mammoth reads a run's font from w:ascii only; Chinese text is set in the
 * w:eastAsia font (a 公文 template typically has Times New Roman for Latin and
 * 黑体 for Chinese). The document mammoth reads gets both names in w:ascii, and
 * the styles' fonts and weights are read here, since mammoth does not give them.
 */
async function prepareDocx(bytes: Uint8Array): Promise<{ buffer: Buffer; looks: StyleLook }> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = zip.file("word/styles.xml");
  const looks = styles ? readStyleLooks(await styles.async("string")) : new Map();
  const document = zip.file("word/document.xml");
  if (!document) throw new Error("no word/document.xml");
  const xml = await document.async("string");
  let changed = false;
  const patched = xml.replace(/<w:rFonts\b[^>]*\/>/g, (el) => {
    const both = fontsOf(el);
    if (!both || both === attr(el, "w:ascii")) return el;
    changed = true;
    const escaped = both.replace(/"/g, "&quot;");
    return /\bw:ascii="/.test(el) ? el.replace(/\bw:ascii="[^"]*"/, `w:ascii="${escaped}"`) : el.replace("<w:rFonts", `<w:rFonts w:ascii="${escaped}"`);
  });
  if (!changed) return { buffer: Buffer.from(bytes), looks };
  zip.file("word/document.xml", patched);
  return { buffer: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }), looks };
}

const textOf = (html: string) =>
  html
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** Splits converted HTML into its top-level blocks (mammoth writes pictures on their own lines as a bare <img>). */
function topLevelBlocks(html: string): string[] {
  return html.match(/<(p|h[1-6]|ul|ol|table|blockquote)\b[^>]*>[\s\S]*?<\/\1>|<img\b[^>]*>/g) ?? [];
}

/** 一、 （一） 1. （1）: the numbered levels of an official document, never a title line. */
const LEVEL_MARKER = /^[\s\u3000]*([一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百]+[)）]|\d+[.．、]|[(（]\d+[)）])/;

/** Takes the title off the top of the blocks: lines in a title or heading-1 style, else leading all-bold short lines. */
function takeTitle(blocks: string[]): string[] {
  const lines: string[] = [];
  let kind: "style" | "bold" | null = null;
  while (blocks.length && lines.length < 4) {
    const b = blocks[0]!;
    const text = textOf(b);
    if (!text && !/<img\b/.test(b)) {
      blocks.shift();
      continue;
    }
    const styled = /^<h1\b/.test(b);
    const allBold = /^<p[^>]*>\s*<strong>[\s\S]*<\/strong>\s*<\/p>$/.test(b) && !/<\/strong>[^<\s]+/.test(b) && !LEVEL_MARKER.test(text);
    const is = styled ? "style" : allBold ? "bold" : null;
    if (!is || (kind && is !== kind) || text.length > 60) break;
    kind = is;
    lines.push(...text.split("\n").map((l) => l.trim()).filter(Boolean));
    blocks.shift();
  }
  return lines.slice(0, 4);
}

// ── The attribution (署名) ──────────────────────────────────────────────
const AUTHOR_LABEL = "(?:作\\s*者|供\\s*稿(?:单位)?|撰\\s*稿(?:人)?|执\\s*笔(?:人)?|来\\s*稿|稿件来源|通讯员)";
const SEPARATOR = "\\s*[:：|｜丨]\\s*";
/** 作者 | 向婷婷 · （作者：张三 李四） · 供稿：省司法厅, as a line of its own. */
const LABELLED_LINE = new RegExp(`^[(（]?\\s*${AUTHOR_LABEL}${SEPARATOR}([^()（）:：|｜丨]{1,40}?)\\s*[)）]?$`);
/** (聊城市扶贫办), as a line of its own. */
const BRACKETED_LINE = /^[(（]\s*([^()（）]{1,40}?)\s*[)）]$/;
/** …的动力。（作者：张三） or …的动力。(聊城市扶贫办): after the last sentence. */
const AFTER_SENTENCE = new RegExp(`[。！？!?.…”’」』]\\s*([(（]\\s*(?:${AUTHOR_LABEL}${SEPARATOR})?([^()（）:：|｜丨]{1,40}?)\\s*[)）])\\s*$`);

const inlineText = (node: JSONContent): string =>
  node.type === "text" ? (node.text ?? "") : node.type === "hardBreak" ? "\n" : (node.content ?? []).map(inlineText).join("");
const isEmptyParagraph = (node: JSONContent) => node.type === "paragraph" && !inlineText(node).trim() && !(node.content ?? []).some((c) => c.type !== "text");

/** Drops `count` characters (and the whitespace and hard breaks before them) from the end of a paragraph's content. */
function dropTail(paragraph: JSONContent, count: number): JSONContent {
  const content = [...(paragraph.content ?? [])];
  let left = count;
  while (content.length && left > 0) {
    const last = content.at(-1)!;
    const length = last.type === "text" ? (last.text ?? "").length : 1;
    if (length <= left) {
      content.pop();
      left -= length;
    } else {
      content[content.length - 1] = { ...last, text: (last.text ?? "").slice(0, length - left) };
      left = 0;
    }
  }
  // Trailing white space and line breaks left behind.
  while (content.length) {
    const last = content.at(-1)!;
    if (last.type === "hardBreak") content.pop();
    else if (last.type === "text" && !(last.text ?? "").trimEnd()) content.pop();
    else {
      if (last.type === "text") content[content.length - 1] = { ...last, text: (last.text ?? "").trimEnd() };
      break;
    }
  }
  return { ...paragraph, content };
}

const cleanAttribution = (s: string) => s.replace(/\s+/g, " ").trim();

/** Takes the author line off the end (or, in its labelled forms, off the top) of the body. */
export function takeAttribution(body: JSONContent): { body: JSONContent; attribution: string | null } {
  const content = [...(body.content ?? [])];
  while (content.length > 1 && isEmptyParagraph(content.at(-1)!)) content.pop();
  const last = content.at(-1);
  if (last?.type === "paragraph") {
    const text = inlineText(last).trim();
    const lastLine = text.split("\n").at(-1)!.trim();
    const whole = LABELLED_LINE.exec(lastLine) ?? BRACKETED_LINE.exec(lastLine);
    if (whole) {
      // The whole paragraph, or its last line after a hard break.
      if (lastLine === text) content.pop();
      else content[content.length - 1] = dropTail(last, inlineText(last).trimEnd().length - inlineText(last).trimEnd().lastIndexOf("\n"));
      if (!content.length) content.push({ type: "paragraph" });
      return { body: { ...body, content }, attribution: cleanAttribution(whole[1]!) };
    }
    const after = AFTER_SENTENCE.exec(text);
    if (after) {
      const tail = inlineText(last).trimEnd().length - inlineText(last).trimEnd().lastIndexOf(after[1]!);
      content[content.length - 1] = dropTail(last, tail);
      return { body: { ...body, content }, attribution: cleanAttribution(after[2]!) };
    }
  }
  // 作者：向婷婷 under the title, as news pages put it.
  const first = content[0];
  const firstLine = first?.type === "paragraph" ? LABELLED_LINE.exec(inlineText(first).trim()) : null;
  if (firstLine && content.length > 1) return { body: { ...body, content: content.slice(1) }, attribution: cleanAttribution(firstLine[1]!) };
  return { body: { ...body, content }, attribution: null };
}

// ── Indents ─────────────────────────────────────────────────────────────
const LEADING_INDENT = /^[\s\u3000\u00a0]+/;

/** Drops the indent typed at the start of a paragraph (U+3000, spaces, tabs): the reader page indents paragraphs itself. */
function stripIndent(block: JSONContent): JSONContent {
  const content = [...(block.content ?? [])];
  while (content.length && content[0]!.type === "text") {
    const text = (content[0]!.text ?? "").replace(LEADING_INDENT, "");
    if (text) {
      content[0] = { ...content[0]!, text };
      break;
    }
    content.shift();
  }
  return content.length ? { ...block, content } : { type: block.type, ...(block.attrs ? { attrs: block.attrs } : {}) };
}

/**
 * Every paragraph and heading loses its typed indent, except in table cells,
 * where spacing may be meant; empty paragraphs go too (a picture lifted out of
 * its paragraph leaves one), unless a block would be left with nothing.
 */
function stripIndents(node: JSONContent): JSONContent {
  if (node.type === "tableCell" || node.type === "tableHeader") return node;
  if (node.type === "paragraph" || node.type === "heading") return stripIndent(node);
  if (!node.content) return node;
  const content = node.content.map(stripIndents);
  const kept = content.filter((c, i) => !isEmptyParagraph(c) || (node.type === "listItem" && i === 0));
  return { ...node, content: kept.length ? kept : content.slice(0, 1) };
}

/** A .docx file as the parts of a new draft. Pictures are kept through `storeImage`; without it they are left out. */
export async function docxToDraft(bytes: Uint8Array, options: { storeImage?: StoreImage } = {}): Promise<DocxDraft> {
  if (bytes.byteLength > maxDocxBytes()) throw new AppError("too_large", msg("upload.fileTooLarge", { mb: Math.round(maxDocxBytes() / 1024 / 1024) }), { file: ["upload.fileTooLargeField"] });
  if (!ZIP_SIGNATURE.every((v, i) => bytes[i] === v)) throw new AppError("invalid", "document.notDocx", { file: ["document.chooseDocx"] });
  const warnings: string[] = [];
  let dropped = 0;
  let storeError: unknown = null;
  const convertImage = mammoth.images.imgElement(async (image) => {
    let src: string | null = null;
    try {
      src = options.storeImage ? await options.storeImage(new Uint8Array(await image.readAsBuffer()), image.contentType) : null;
    } catch (e) {
      storeError ??= e;
    }
    if (!src) dropped++;
    // An empty src is dropped by the sanitizer.
    return { src: src ?? "" };
  });
  let html: string;
  try {
    const { buffer, looks } = await prepareDocx(bytes);
    html = (
      await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage, transformDocument: (d: MammothNode) => markLevels(markDirectTitle(d), looks) })
    ).value;
  } catch {
    throw new AppError("invalid", "document.unreadable", { file: ["document.damaged"] });
  }
  if (storeError) throw storeError;
  if (dropped) warnings.push(`${dropped} 张图片的格式网页无法显示（如 EMF、TIFF），没有导入，请另存为 PNG 或 JPEG 后插入`);
  const blocks = topLevelBlocks(html);
  const title = takeTitle(blocks);
  let converted: JSONContent;
  try {
    converted = htmlToDocument(blocks.join("") || "<p></p>");
  } catch (e) {
    if (e instanceof InvalidDocumentError) throw new AppError("invalid", messageOfText(e.message), { file: [messageOfText(e.message)] });
    throw e;
  }
  const { body, attribution } = takeAttribution(stripIndents(converted));
  return { title: title.join("\n"), attribution, body, warnings };
}

/**
 * Creates a draft from a .docx file, keeping its pictures in the media store:
 * a contributor's for their unit, an editor's for the unit named (a document
 * a unit sent by email).
 */
export async function importDocx(viewer: Viewer, bytes: Uint8Array, options: { commissionId?: number; unit?: string } = {}) {
  // Who writes for which unit, and a commission not addressed to that unit, are refused
  // before the document is read and its pictures stored (createArticle checks again).
  const db = await getDb();
  if (!can(viewer, "update:article:any")) authorize(viewer, "create:article:own-unit");
  const unitId = await unitOfNewDraft(db, viewer, options.unit);
  if (options.commissionId !== undefined) await assertCommissionAddressed(db, options.commissionId, unitId);
  const storeImage: StoreImage = async (image) => {
    try {
      return (await storeMedia(viewer, image)).url;
    } catch (e) {
      // Not a web image, or too large: the draft is made without it, and the writer is told.
      if (e instanceof AppError && (e.code === "invalid" || e.code === "too_large")) return null;
      throw e;
    }
  };
  const draft = await docxToDraft(bytes, { storeImage });
  const created = await createArticle(viewer, {
    title: draft.title,
    body: draft.body,
    ...(draft.attribution ? { attribution: draft.attribution } : {}),
    ...(options.commissionId !== undefined ? { commissionId: options.commissionId } : {}),
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
  });
  return { ...created, warnings: draft.warnings };
}
