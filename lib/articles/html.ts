// HTML coming in (API `html`, Word paste, .docx import) is sanitized with a
// maintained sanitizer, then parsed into a Tiptap document by the same
// extension list the editor uses, then validated like any other document.
import sanitizeHtml from "sanitize-html";
import { generateJSON } from "@tiptap/html/server";
import type { JSONContent } from "@tiptap/core";
import { extensions } from "@/lib/editor/extensions";
import { parseDocument } from "@/lib/render/document";

export const MAX_HTML_BYTES = 2 * 1024 * 1024;

const ALLOWED_TAGS = [
  "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "strike", "del",
  "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "hr",
  "figure", "figcaption",
];

/** Drops scripts, event handlers, Word/WPS styling junk (fonts, colours, mso- styles, empty spans). */
export function sanitizeIncomingHtml(html: string): string {
  // NUL is dropped first: browsers ignore it in HTML, and PostgreSQL cannot store it.
  return sanitizeHtml(html.replace(/\u0000/g, ""), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href"],
      img: ["src", "alt"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan"],
      p: ["style"],
      h1: ["style"],
      h2: ["style"],
      h3: ["style"],
      h4: ["style"],
    },
    allowedStyles: { "*": { "text-align": [/^(left|right|center|justify)$/] } },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    // Word wraps content in <o:p>, <span>, <font>: keep their text, drop the tags.
    nonTextTags: ["style", "script", "textarea", "option", "noscript", "xml", "title", "head"],
    transformTags: {
      b: "strong",
      i: "em",
      strike: "s",
      del: "s",
      h1: "h2",
      h5: "h4",
      h6: "h4",
    },
    exclusiveFilter: (frame) => frame.tag === "img" && !/^(https?:\/\/|\/media\/[0-9a-f]{64}$)/i.test(frame.attribs.src ?? ""),
  });
}

/** HTML → a valid Tiptap document (throws InvalidDocumentError when nothing valid remains). */
export function htmlToDocument(html: string): JSONContent {
  const clean = sanitizeIncomingHtml(html);
  const json = generateJSON(clean || "<p></p>", extensions);
  return parseDocument(json);
}
