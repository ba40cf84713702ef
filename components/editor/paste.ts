// Word and WPS paste HTML full of styling: fonts, sizes, colours, mso- styles,
// <o:p>, <font>. This keeps the structure and what the editor can hold —
// paragraphs, headings, lists, tables, links, pictures on the web, alignment,
// bold / italic / underline / strike however they were set (tags or span
// styles) — and reads the official hierarchy (一、 in 黑体, （一） in 楷体, 1. …)
// from the fonts and weights before dropping them (lib/articles/official-levels.ts).
// The server validates the saved document again.
import { decideLevel, LEADING_INDENT, levelMarkerOf, type StyledRun } from "@/lib/articles/official-levels";

interface Marks {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** Every font name seen on the way down: font-family, mso-fareast-font-family, <font face>. */
  font: string;
  href: string | null;
}

type Inline = { kind: "text"; text: string; marks: Marks } | { kind: "break" } | { kind: "image"; src: string; alt: string };

const SKIPPED = new Set(["style", "script", "xml", "meta", "link", "title", "head", "template", "noscript", "iframe", "object", "embed", "svg", "math", "button", "input", "select", "textarea"]);
const TEXT_BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address"]);
const CONTAINERS = new Set(["div", "section", "article", "main", "header", "footer", "center", "body", "form", "dl", "dd", "dt", "figure", "figcaption"]);
/** Word's Heading 1 is the document's top level: the editor's headings are h2-h4. */
const HEADING_TAG: Record<string, string> = { h1: "h2", h2: "h2", h3: "h3", h4: "h4", h5: "h4", h6: "h4" };

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** `style` attribute → lower-case property map. */
function styleOf(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const decl of (el.getAttribute("style") ?? "").split(";")) {
    const i = decl.indexOf(":");
    if (i > 0) map.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim().toLowerCase());
  }
  return map;
}

/** The marks an element sets on its content, from its tag and its styles (Word: mso-, WPS: plain CSS). */
function marksOf(el: Element, inherited: Marks): Marks {
  const tag = el.tagName.toLowerCase();
  const style = styleOf(el);
  const marks = { ...inherited };
  if (tag === "b" || tag === "strong") marks.bold = true;
  if (tag === "i" || tag === "em" || tag === "cite") marks.italic = true;
  if (tag === "u" || tag === "ins") marks.underline = true;
  if (tag === "s" || tag === "strike" || tag === "del") marks.strike = true;
  const weight = style.get("font-weight");
  if (weight) marks.bold = /bold|bolder|^[6-9]00$/.test(weight) ? true : /normal|lighter|^[1-5]00$/.test(weight) ? false : marks.bold;
  const fontStyle = style.get("font-style");
  if (fontStyle) marks.italic = /italic|oblique/.test(fontStyle);
  const decoration = style.get("text-decoration") ?? style.get("text-decoration-line");
  if (decoration) {
    if (/underline/.test(decoration)) marks.underline = true;
    if (/line-through/.test(decoration)) marks.strike = true;
    if (/^none/.test(decoration)) marks.underline = marks.strike = false;
  }
  const msoUnderline = style.get("text-underline");
  if (msoUnderline) marks.underline = !/none/.test(msoUnderline);
  const fonts = [style.get("font-family"), style.get("mso-fareast-font-family"), style.get("mso-ascii-font-family"), el.getAttribute("face")]
    .filter(Boolean)
    .join(",");
  if (fonts) marks.font = fonts;
  if (tag === "a") {
    const href = el.getAttribute("href") ?? "";
    marks.href = /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
  }
  return marks;
}

/** Anything with child nodes; a lone node is passed as `{ childNodes: [node] }`. */
type Parent = { childNodes: ArrayLike<Node> };

/** Inline content of a node as runs, marks resolved. */
function inlineOf(node: Parent, marks: Marks, out: Inline[] = []): Inline[] {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      // Word breaks lines in its HTML source; those are spaces, not breaks.
      const text = (child.textContent ?? "").replace(/[\r\n]+/g, " ");
      if (text) out.push({ kind: "text", text, marks });
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === "br") out.push({ kind: "break" });
    else if (tag === "img") {
      const src = el.getAttribute("src") ?? "";
      // Pictures from the user's disk (file:///…) or inline data cannot be kept; upload them instead.
      if (/^https?:\/\//i.test(src) || /^\/media\/[0-9a-f]{64}$/.test(src)) out.push({ kind: "image", src, alt: el.getAttribute("alt") ?? "" });
    } else inlineOf(el, marksOf(el, marks), out);
  }
  return out;
}

const sameMarks = (a: Marks, b: Marks) => a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.href === b.href;

function serializeInline(runs: Inline[]): string {
  let html = "";
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.kind === "break") html += "<br>";
    else if (run.kind === "image") html += `<img src="${escapeHtml(run.src)}" alt="${escapeHtml(run.alt)}">`;
    else {
      let text = run.text;
      // Neighbours with the same marks are written as one.
      while (i + 1 < runs.length) {
        const next = runs[i + 1]!;
        if (next.kind !== "text" || !sameMarks(next.marks, run.marks)) break;
        text += next.text;
        i++;
      }
      let piece = escapeHtml(text);
      if (run.marks.strike) piece = `<s>${piece}</s>`;
      if (run.marks.underline) piece = `<u>${piece}</u>`;
      if (run.marks.italic) piece = `<em>${piece}</em>`;
      if (run.marks.bold) piece = `<strong>${piece}</strong>`;
      if (run.marks.href) piece = `<a href="${escapeHtml(run.marks.href)}">${piece}</a>`;
      html += piece;
    }
  }
  return html;
}

/** Drops the indent typed at the start of a line; the reader page indents paragraphs itself. */
function withoutIndent(runs: Inline[]): Inline[] {
  const out = [...runs];
  while (out.length && out[0]!.kind === "text") {
    const first = out[0] as Extract<Inline, { kind: "text" }>;
    const text = first.text.replace(LEADING_INDENT, "");
    if (text) {
      out[0] = { ...first, text };
      break;
    }
    out.shift();
  }
  return out;
}

/** Applies a level decision to a paragraph's runs: the tag it becomes, and its runs. */
function withLevel(runs: Inline[], tag: string): { tag: string; runs: Inline[] } {
  const textRuns = runs.filter((r): r is Extract<Inline, { kind: "text" }> => r.kind === "text");
  if (textRuns.length !== runs.length || !levelMarkerOf(textRuns.map((r) => r.text).join(""))) return { tag, runs };
  const decision = decideLevel(textRuns.map((r): StyledRun => ({ text: r.text, font: r.marks.font, bold: r.marks.bold })));
  if (!decision) return { tag, runs };
  if (decision.kind === "heading") {
    // The heading's own look replaces the bold that set it apart.
    return { tag: `h${decision.level}`, runs: textRuns.map((r) => ({ ...r, marks: { ...r.marks, bold: false } })) };
  }
  let pos = 0;
  return {
    tag,
    runs: textRuns.map((r) => {
      const inLead = pos < decision.chars;
      pos += r.text.length;
      return inLead ? { ...r, marks: { ...r.marks, bold: true } } : r;
    }),
  };
}

function alignmentOf(el: Element): string {
  const align = (styleOf(el).get("text-align") ?? el.getAttribute("align") ?? "").toLowerCase();
  return /^(left|right|center|justify)$/.test(align) ? ` style="text-align:${align}"` : "";
}

const NO_MARKS: Marks = { bold: false, italic: false, underline: false, strike: false, font: "", href: null };

interface Where {
  cell: boolean;
  list: boolean;
}

/** One text block (a paragraph, heading, or loose inline content) as clean HTML, or "" when it holds nothing. */
function textBlock(el: Element | null, runs: Inline[], where: Where): string {
  const tag = el ? el.tagName.toLowerCase() : "p";
  let out = { tag: HEADING_TAG[tag] ?? "p", runs };
  if (!where.cell) {
    out.runs = withoutIndent(out.runs);
    if (!where.list) {
      if (out.tag === "p") out = withLevel(out.runs, out.tag);
      else {
        // A line Word already made a heading: its numbering, when it has one, says which level.
        const marker = levelMarkerOf(out.runs.map((r) => (r.kind === "text" ? r.text : "")).join(""));
        if (marker) out.tag = `h${Math.min(marker.level + 1, 4)}`;
      }
    }
  }
  const hasContent = out.runs.some((r) => r.kind === "image" || (r.kind === "text" && r.text.replace(/\u00a0/g, " ").trim()));
  if (!hasContent) return "";
  return `<${out.tag}${el ? alignmentOf(el) : ""}>${serializeInline(out.runs)}</${out.tag}>`;
}

/** Block content of an element as clean HTML. Loose inline content between blocks becomes a paragraph. */
function blocksOf(container: Element, marks: Marks, where: Where): string {
  let html = "";
  let loose: Inline[] = [];
  const flush = () => {
    if (loose.length) html += textBlock(null, loose, where);
    loose = [];
  };
  for (const child of Array.from(container.childNodes)) {
    if (child.nodeType === 3) {
      inlineOf({ childNodes: [child] }, marks, loose);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    const inner = marksOf(el, marks);
    if (TEXT_BLOCKS.has(tag)) {
      flush();
      html += textBlock(el, inlineOf(el, inner), where);
    } else if (CONTAINERS.has(tag)) {
      flush();
      html += blocksOf(el, inner, where);
    } else if (tag === "blockquote") {
      flush();
      const content = blocksOf(el, inner, where);
      if (content) html += `<blockquote>${content}</blockquote>`;
    } else if (tag === "ul" || tag === "ol") {
      flush();
      const items = Array.from(el.children)
        .filter((li) => li.tagName.toLowerCase() === "li")
        .map((li) => `<li>${blocksOf(li, marksOf(li, inner), { ...where, list: true }) || "<p></p>"}</li>`)
        .join("");
      const start = tag === "ol" && /^\d+$/.test(el.getAttribute("start") ?? "") ? ` start="${el.getAttribute("start")}"` : "";
      if (items) html += `<${tag}${start}>${items}</${tag}>`;
    } else if (tag === "table") {
      flush();
      const rows = Array.from(el.querySelectorAll("tr"))
        .filter((tr) => tr.closest("table") === el)
        .map((tr) => {
          const cells = Array.from(tr.children)
            .filter((c) => /^t[hd]$/i.test(c.tagName))
            .map((c) => {
              const cellTag = c.tagName.toLowerCase();
              const span = ["colspan", "rowspan"]
                .map((a) => (/^\d+$/.test(c.getAttribute(a) ?? "") && c.getAttribute(a) !== "1" ? ` ${a}="${c.getAttribute(a)}"` : ""))
                .join("");
              return `<${cellTag}${span}>${blocksOf(c, marksOf(c, inner), { cell: true, list: false }) || "<p></p>"}</${cellTag}>`;
            })
            .join("");
          return cells ? `<tr>${cells}</tr>` : "";
        })
        .join("");
      if (rows) html += `<table><tbody>${rows}</tbody></table>`;
    } else if (tag === "hr") {
      flush();
      html += "<hr>";
    } else {
      inlineOf({ childNodes: [el] }, marks, loose);
    }
  }
  flush();
  return html;
}

/** Clipboard HTML from Word, WPS or a web page → the HTML the editor should parse. */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return blocksOf(doc.body, NO_MARKS, { cell: false, list: false });
}

/**
 * Whether a paste is pictures to upload. Word, WPS and Excel also put a picture
 * of the copied text on the clipboard: when there is HTML with text, the text wins.
 */
export function isPicturePaste(data: { html: string; files: { type: string }[] }): boolean {
  if (!data.files.some((f) => f.type.startsWith("image/"))) return false;
  if (!data.html.trim()) return true;
  const doc = new DOMParser().parseFromString(data.html, "text/html");
  for (const el of Array.from(doc.querySelectorAll("style, script, xml, title"))) el.remove();
  return !(doc.body.textContent ?? "").replace(/[\s\u00a0\u3000]+/g, "");
}
