// Importing a Word document (.docx) as a new draft: mammoth converts it to
// HTML, which goes through the same sanitizer and converter as pasted HTML.
// The title is guessed from the leading heading or bold lines, the
// attribution from a final line in parentheses such as (威海市扶贫办).
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createArticle } from "./mutations";

export const maxDocxBytes = () => Number(process.env.DOCX_MAX_BYTES || 20 * 1024 * 1024);

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export interface DocxDraft {
  title: string;
  attribution: string | null;
  html: string;
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

/** Splits converted HTML into its top-level blocks. */
function topLevelBlocks(html: string): string[] {
  return html.match(/<(p|h[1-6]|ul|ol|table|blockquote)\b[^>]*>[\s\S]*?<\/\1>/g) ?? [];
}

export async function docxToDraft(bytes: Uint8Array): Promise<DocxDraft> {
  if (bytes.byteLength > maxDocxBytes()) throw new AppError("too_large", `文件不能超过 ${Math.round(maxDocxBytes() / 1024 / 1024)} MB`, { file: ["文件过大"] });
  if (!ZIP_SIGNATURE.every((v, i) => bytes[i] === v)) throw new AppError("invalid", "这不是 Word (.docx) 文件", { file: ["请选择 .docx 格式的 Word 文档"] });
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new AppError("invalid", "无法读取这个 Word 文档，文件可能已损坏", { file: ["文件已损坏或不是 .docx"] });
  }
  const blocks = topLevelBlocks(html);
  const titleLines: string[] = [];
  // Leading headings, or short paragraphs set entirely in bold, are the title (it may run over several lines).
  while (blocks.length) {
    const b = blocks[0]!;
    const text = textOf(b);
    const heading = /^<h[1-6]/.test(b);
    const allBold = /^<p[^>]*>\s*<strong>[\s\S]*<\/strong>\s*<\/p>$/.test(b) && !/<\/strong>[^<\s]+/.test(b);
    if (!text) {
      blocks.shift();
      continue;
    }
    if ((heading || allBold) && text.length <= 60 && titleLines.length < 4) {
      titleLines.push(...text.split("\n").map((l) => l.trim()).filter(Boolean));
      blocks.shift();
      continue;
    }
    break;
  }
  let attribution: string | null = null;
  const last = blocks.at(-1);
  if (last && /^<p/.test(last)) {
    const text = textOf(last);
    const whole = /^[(（]([^()（）]{1,40})[)）]$/.exec(text);
    const trailing = /^([\s\S]*?)\s*[(（]([^()（）]{1,40})[)）]$/.exec(text);
    if (whole) {
      attribution = whole[1]!.trim();
      blocks.pop();
    } else if (trailing && /[。！？!?.]$/.test(trailing[1]!)) {
      attribution = trailing[2]!.trim();
      blocks[blocks.length - 1] = last.replace(/\s*[(（][^()（）]{1,40}[)）]\s*<\/p>$/, "</p>");
    }
  }
  return { title: titleLines.join("\n"), attribution, html: blocks.join("") };
}

/** Creates a draft from a .docx file. */
export async function importDocx(viewer: Viewer, bytes: Uint8Array) {
  const draft = await docxToDraft(bytes);
  return createArticle(viewer, { title: draft.title, html: draft.html || "<p></p>", ...(draft.attribution ? { attribution: draft.attribution } : {}) });
}
