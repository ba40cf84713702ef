// Rich text is data: articles store Tiptap JSON. This module validates a
// document against the one extension list and renders it to HTML on the
// server, so readers never load the editor and never get unescaped input.
import { getSchema, type JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { z } from "zod";
import { extensions } from "@/lib/editor/extensions";
import { MAX_ALT_LENGTH, MAX_CAPTION_LENGTH } from "@/lib/editor/captioned-image";

const schema = getSchema(extensions);

const SAFE_URL = /^(https?:\/\/|mailto:|\/)/i;
const SAFE_IMAGE_URL = /^(\/media\/[0-9a-f]{64}|https?:\/\/)/i;

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const MAX_DOCUMENT_DEPTH = 20;

type JsonNode = { type?: unknown; content?: unknown; marks?: unknown; attrs?: unknown; text?: unknown };

/** Shape of a Tiptap node, checked structurally before ProseMirror's own check. */
export const tiptapNodeSchema: z.ZodType<JSONContent> = z.lazy(() =>
  z
    .object({
      type: z.string().max(64),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(tiptapNodeSchema).max(100_000).optional(),
      marks: z
        .array(z.object({ type: z.string().max(64), attrs: z.record(z.string(), z.unknown()).optional() }).strict())
        .max(32)
        .optional(),
      text: z.string().optional(),
    })
    .strict(),
);

export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidDocumentError";
  }
}

function depthOf(node: JsonNode, depth = 0): number {
  if (depth > MAX_DOCUMENT_DEPTH) return depth;
  const children = Array.isArray(node.content) ? (node.content as JsonNode[]) : [];
  return children.reduce((max, child) => Math.max(max, depthOf(child, depth + 1)), depth);
}

/** PostgreSQL can store no NUL character (text or jsonb): a document holding one is refused, not a 500. */
function checkNoNul(value: unknown): void {
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw new InvalidDocumentError("正文含有无效字符（空字符）");
  } else if (Array.isArray(value)) value.forEach(checkNoNul);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      checkNoNul(k);
      checkNoNul(v);
    }
  }
}

function checkUrls(node: JSONContent) {
  if (node.type === "image") {
    const src = String(node.attrs?.src ?? "");
    if (!SAFE_IMAGE_URL.test(src)) throw new InvalidDocumentError("图片地址无效：只允许本站上传的图片或 http(s) 地址");
    const { alt, caption } = node.attrs ?? {};
    if (alt != null && (typeof alt !== "string" || alt.length > MAX_ALT_LENGTH)) throw new InvalidDocumentError(`图片说明（替代文字）不能超过 ${MAX_ALT_LENGTH} 字`);
    if (caption != null && (typeof caption !== "string" || caption.length > MAX_CAPTION_LENGTH)) throw new InvalidDocumentError(`图注不能超过 ${MAX_CAPTION_LENGTH} 字`);
  }
  for (const mark of node.marks ?? []) {
    if (mark.type === "link") {
      const href = String(mark.attrs?.href ?? "");
      if (!SAFE_URL.test(href)) throw new InvalidDocumentError("链接地址无效：只允许 http(s)、mailto 或站内地址");
    }
  }
  node.content?.forEach(checkUrls);
}

/** Checks that `value` is a document the editor can hold; throws InvalidDocumentError otherwise. */
export function parseDocument(value: unknown): JSONContent {
  const size = Buffer.byteLength(JSON.stringify(value ?? null));
  if (size > MAX_DOCUMENT_BYTES) throw new InvalidDocumentError("正文过大");
  if (typeof value !== "object" || value === null) throw new InvalidDocumentError("正文必须是文档对象");
  if (depthOf(value as JsonNode) > MAX_DOCUMENT_DEPTH) throw new InvalidDocumentError("正文嵌套过深");
  const parsed = tiptapNodeSchema.safeParse(value);
  if (!parsed.success || parsed.data.type !== "doc") throw new InvalidDocumentError("正文不是有效的文档");
  try {
    schema.nodeFromJSON(parsed.data).check();
  } catch (e) {
    throw new InvalidDocumentError(`正文不是有效的文档：${(e as Error).message}`);
  }
  checkUrls(parsed.data);
  checkNoNul(parsed.data);
  return parsed.data;
}

/** Renders a stored document to HTML. Never throws: a document that no longer validates renders as its plain text. */
export function renderDocumentHtml(doc: JSONContent): string {
  try {
    const node = schema.nodeFromJSON(doc);
    return renderToHTMLString({ content: node, extensions });
  } catch {
    return documentText(doc)
      .split("\n")
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("");
  }
}

/** Plain text of a document, one block per line. */
export function documentText(doc: JSONContent): string {
  const blocks: string[] = [];
  const walk = (node: JSONContent): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    return (node.content ?? []).map(walk).join("");
  };
  const collect = (node: JSONContent) => {
    const isTextBlock =
      node.type === "paragraph" || node.type === "heading" || (node.content ?? []).some((c) => c.type === "text");
    if (isTextBlock) blocks.push(walk(node));
    else node.content?.forEach(collect);
  };
  collect(doc);
  return blocks.join("\n");
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The body HTML with the attribution (署名) printed at the end of the last paragraph, as in the printed form. */
export function withAttribution(html: string, attribution: string): string {
  if (!attribution) return html;
  const span = `<span class="attribution">(${escapeHtml(attribution)})</span>`;
  return html.endsWith("</p>") ? `${html.slice(0, -4)}${span}</p>` : `${html}<p class="attribution-line">${span}</p>`;
}
