// A static check for executable markup in HTML we serve, for the XSS tests
// (the end-to-end specs fetch pages without a browser; the Vitest renderer
// tests render fixtures). Two independent readings of the same string, so a
// quirk of one tokenizer cannot hide a tag from the check:
//   1. happy-dom parses it (parse only: no script runs, nothing is loaded)
//      and every element is walked, template contents and shadow roots too;
//   2. a small tokenizer of its own reads the raw tags and attributes.
// Both apply the same rules (see `elementFindings`). The browser's own truth
// is still checked by the Chromium sampler in e2e/xss.spec.ts.
import { Window } from "happy-dom";

export interface XssFinding {
  /** Which rule: script, handler, url, srcdoc, element, refresh, style; parse when the parser lost part of the document. */
  rule: string;
  element: string;
  attribute?: string;
  /** The offending value, shortened. */
  value: string;
  /** Which reading found it: the parsed DOM or the raw tags. */
  via: "dom" | "raw";
}

export interface StaticCheckOptions {
  /**
   * The script nonce of the response (from its Content-Security-Policy, or
   * `renderNonce` for a page served from the reader cache): inline scripts
   * carrying it are the app's own. Without one, no inline script is.
   */
  nonce?: string | null;
  /** A fragment (an article body, mammoth's HTML, a feed entry), not a whole document: no script at all is the app's own. */
  fragment?: boolean;
}

/** Elements that load or run other documents or plugins, or re-point every URL of the page. */
const FORBIDDEN_ELEMENTS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"]);

/** Attributes whose value is a URL that a browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data", "codebase",
  "lowsrc", "dynsrc", "cite", "ping", "longdesc", "usemap", "manifest", "icon", "archive", "classid", "imagesrcset",
]);

/** SVG animation elements: what they write into another attribute (an href, say). */
const ANIMATION_ELEMENTS = new Set(["animate", "set", "animatetransform", "animatemotion", "discard"]);
const ANIMATION_VALUES = new Set(["to", "from", "by", "values"]);

const SCRIPT_SCHEME = /^(javascript|vbscript|livescript|data|mocha):/i;

/** A URL as the browser's URL parser reads its scheme: whitespace and control characters (and invisible format characters) dropped. */
export function urlScheme(value: string): string {
  return value.replace(/[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, "");
}

function isScriptUrl(value: string): boolean {
  return SCRIPT_SCHEME.test(urlScheme(value));
}

/** The URLs of a srcset (comma-separated candidates, each a URL and an optional descriptor). */
function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((c) => c.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

/** CSS with its escapes (`\65` → `e`) and comments removed, lower-cased: what a CSS parser would read. */
function cssText(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/g, "$1")
    .toLowerCase();
}

/** What in a style attribute or element can run script or load a script URL. */
export function styleFindings(css: string): string[] {
  const text = cssText(css);
  const out: string[] = [];
  if (/expression\s*\(/.test(text)) out.push("expression(");
  if (/-moz-binding|behavior\s*:/.test(text)) out.push("binding/behavior");
  // Only the scheme matters: the URL is read from its start, quoted or not.
  for (const m of text.matchAll(/url\s*\(\s*["']?([^"']*)/g)) if (isScriptUrl(m[1]!)) out.push(`url(${m[1]}`);
  for (const m of text.matchAll(/@import\s+(?:url\s*\(\s*)?["']?([^"';]*)/g)) if (isScriptUrl(m[1]!)) out.push(`@import ${m[1]}`);
  return out;
}

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * The rules, for one element: its tag name (lower case), attributes (names
 * lower case, values decoded) and, for `style`, its text.
 */
/** public/reader.js by its content-hashed URL (components/reader/reader-script.tsx): the reader pages' own script, allowed by 'self'. */
const READER_SCRIPT = /^\/reader\.js\?v=[\w-]+$/;

function elementFindings(tag: string, attrs: [string, string][], text: string, options: StaticCheckOptions, via: XssFinding["via"]): XssFinding[] {
  const out: XssFinding[] = [];
  const add = (rule: string, value: string, attribute?: string) => out.push({ rule, element: tag, attribute, value: short(value), via });
  const attr = (name: string) => attrs.find(([n]) => n === name)?.[1];

  if (tag === "script") {
    const src = attr("src");
    const nonce = attr("nonce");
    const own = options.fragment
      ? false
      : src !== undefined
        ? (/^\/_next\/[^/]/.test(src.trim()) && !src.includes("..")) || READER_SCRIPT.test(src.trim())
        : !!options.nonce && nonce === options.nonce;
    if (!own) add("script", src !== undefined ? `src=${src}` : text.trim() || "(empty)");
  }
  if (FORBIDDEN_ELEMENTS.has(tag)) add("element", `<${tag}>`);
  if (tag === "meta" && (attr("http-equiv") ?? "").trim().toLowerCase() === "refresh") add("refresh", attr("content") ?? "", "http-equiv");
  if (tag === "style") for (const f of styleFindings(text)) add("style", f);
  if (tag === "link" && /\bimport\b/i.test(attr("rel") ?? "")) add("element", "<link rel=import>", "rel");

  for (const [name, value] of attrs) {
    if (/^on/i.test(name)) add("handler", value, name);
    else if (name === "srcdoc") add("srcdoc", value, name);
    else if (name === "style") for (const f of styleFindings(value)) add("style", f, name);
    else if (URL_ATTRIBUTES.has(name) || name.endsWith(":href")) {
      const urls = name === "srcset" || name === "imagesrcset" ? srcsetUrls(value) : [value];
      if (urls.some(isScriptUrl)) add("url", value, name);
    } else if (ANIMATION_ELEMENTS.has(tag) && ANIMATION_VALUES.has(name)) {
      if (value.split(";").some(isScriptUrl)) add("url", value, name);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reading 1: happy-dom.

let window: Window | undefined;
function parser() {
  window ??= new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  return new window.DOMParser();
}

type Doc = ReturnType<ReturnType<typeof parser>["parseFromString"]>;
type El = Doc["documentElement"];
type Root = { children: ArrayLike<El> } | null | undefined;

/** Parses a whole document, or a fragment into the body of an otherwise empty one. */
function parse(html: string, fragment = false): Doc {
  return parser().parseFromString(fragment ? `<!doctype html><html><head></head><body>${html}</body></html>` : html, "text/html");
}

/** Every element under `root`, including the contents of templates and attached shadow roots. */
function* walk(root: Root): Generator<El> {
  if (!root) return;
  for (const el of Array.from(root.children)) {
    yield el;
    if (el.shadowRoot) yield* walk(el.shadowRoot as unknown as Root);
    if (el.tagName.toLowerCase() === "template") yield* walk((el as unknown as { content: Root }).content);
    yield* walk(el as unknown as Root);
  }
}

/** Elements a parser makes up or merges whatever the tags say. */
const IMPLIED = new Set(["html", "head", "body"]);

function domFindings(doc: Doc, options: StaticCheckOptions): { findings: XssFinding[]; elements: number } {
  const out: XssFinding[] = [];
  let elements = 0;
  for (const el of walk(doc as unknown as Root)) {
    const tag = el.tagName.toLowerCase();
    if (!IMPLIED.has(tag)) elements += 1;
    const attrs = Array.from(el.attributes).map((a) => [a.name.toLowerCase(), a.value ?? ""] as [string, string]);
    out.push(...elementFindings(tag, attrs, tag === "style" || tag === "script" ? (el.textContent ?? "") : "", options, "dom"));
  }
  return { findings: out, elements };
}

// ---------------------------------------------------------------------------
// Reading 2: the raw tags.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", nbsp: "\u00a0",
  lpar: "(", rpar: ")", sol: "/", bsol: "\\", period: ".", comma: ",", semi: ";", num: "#", excl: "!", equals: "=",
};

/** Character references decoded the way a browser decodes them in an attribute value (numeric ones and the common names). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** An attribute: a name, and a value quoted either way or not at all. */
const ATTRIBUTE = /([^\s"'>/=\0][^\s"'>/=\0]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
const COMMENT = `<!--(?:>|->|[\\s\\S]*?(?:--!?>|$))|<[!?][^>]*(?:>|$)`;
const SCRIPT = `<script\\b${ATTRS}>([\\s\\S]*?)(?:<\\/script[\\s/>]|$)`;
const START_TAG = `<([a-zA-Z][^\\s/>\\0]*)${ATTRS}>`;
/**
 * The tokens that matter, left to right as a tokenizer meets them: comments
 * (`<!-->` and `<!--->` end at once), bogus comments (`<!x>`, `<?x>`,
 * `<![CDATA[…>`, up to the first `>`), a script with its text (nothing in
 * it is a tag, up to the first `</script`), and start tags.
 */
const TOKENS = new RegExp(`${COMMENT}|${SCRIPT}|${START_TAG}`, "gi");
/**
 * The same, but the elements whose content a browser (with scripting on)
 * reads as text up to their end tag are taken whole, so a `</noscript>`
 * inside an attribute value ends the noscript as it does in the browser.
 */
const RAW_TEXT = "noscript|noembed|noframes|xmp|iframe|style|textarea|title";
const TOKENS_RAW_TEXT = new RegExp(
  `${COMMENT}|${SCRIPT}|<(${RAW_TEXT})\\b${ATTRS}>(?:[\\s\\S]*?)(?:<\\/\\3[\\s/>]|$)|<plaintext\\b${ATTRS}>[\\s\\S]*|${START_TAG}`,
  "gi",
);

function rawFindings(html: string, options: StaticCheckOptions): { findings: XssFinding[]; tags: number } {
  const out: XssFinding[] = [];
  let tags = 0;
  const attributesOf = (part: string) =>
    [...part.matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? "")] as [string, string]);
  // Read as if every element's content were markup (as inside <svg> or <math>, where <style> and <title> hold elements)…
  for (const m of html.matchAll(TOKENS)) {
    if (m[1] !== undefined) {
      tags += 1;
      out.push(...elementFindings("script", attributesOf(m[1]), m[2]!, options, "raw"));
    } else if (m[3] !== undefined) {
      const tag = m[3].toLowerCase();
      if (!IMPLIED.has(tag)) tags += 1;
      out.push(...elementFindings(tag, attributesOf(m[4]!), "", options, "raw"));
    }
  }
  // …and as a browser reads HTML, where those elements' content is text.
  for (const m of html.matchAll(TOKENS_RAW_TEXT)) {
    if (m[1] !== undefined) out.push(...elementFindings("script", attributesOf(m[1]), m[2]!, options, "raw"));
    else if (m[3] !== undefined) out.push(...elementFindings(m[3].toLowerCase(), attributesOf(m[4]!), "", options, "raw"));
    else if (m[5] !== undefined) out.push(...elementFindings("plaintext", attributesOf(m[5]), "", options, "raw"));
    else if (m[6] !== undefined) out.push(...elementFindings(m[6].toLowerCase(), attributesOf(m[7]!), "", options, "raw"));
  }
  // Style contents: read as tags above too (stricter than a browser), and as CSS here.
  for (const m of html.matchAll(/<style\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)(?:<\/style[\s/>]|$)/gi)) {
    for (const f of styleFindings(m[1]!)) out.push({ rule: "style", element: "style", value: short(f), via: "raw" });
  }
  return { findings: out, tags };
}

// ---------------------------------------------------------------------------

/**
 * Everything executable in `html`: scripts that are not the app's own,
 * on… handlers, script URLs (javascript:, vbscript:, data: …) in URL
 * attributes, srcdoc, frames and plugins, <base>, meta refresh, script in
 * CSS, SVG animations that write a script URL. Empty when the HTML is inert.
 */
export function findExecutable(html: string, options: StaticCheckOptions = {}): XssFinding[] {
  return inspectHtml(html, options).findings;
}

/** `findExecutable` and `visibleText` from one parse. */
export function inspectHtml(html: string, options: StaticCheckOptions = {}): { findings: XssFinding[]; text: string } {
  const doc = parse(html, options.fragment);
  const dom = domFindings(doc, options);
  const raw = rawFindings(html, options);
  const findings = [...dom.findings, ...raw.findings];
  // A parser that keeps fewer elements than there are tags lost part of the
  // document (happy-dom drops everything after an SVG <script>, say): its
  // reading cannot be trusted there, and markup like that is no escaped text.
  if (dom.elements < raw.tags) findings.push({ rule: "parse", element: "*", value: `${dom.elements} elements parsed from ${raw.tags} tags`, via: "dom" });
  // One finding per reading, rule, element, attribute and value.
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.via}\n${f.rule}\n${f.element}\n${f.attribute ?? ""}\n${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { findings: unique, text: textOf(doc) };
}

/** The script nonce of a Content-Security-Policy header, or null (a reader-cache copy is allowed its scripts by hash instead). */
export function cspNonce(csp: string | null | undefined): string | null {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;
}

/**
 * The nonce the page was rendered with, read from the app's own script files
 * (`/_next/…`, which Next gives the render's nonce): for a page from the
 * reader cache, whose policy lists hashes. A payload stored before the
 * render cannot know it. Null when the page has no such script, or they disagree.
 */
export function renderNonce(html: string): string | null {
  const nonces = new Set<string>();
  for (const m of html.matchAll(/<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = m[1]!;
    if (!/\bsrc="\/_next\//.test(attrs)) continue;
    nonces.add(/\bnonce="([^"]*)"/.exec(attrs)?.[1] ?? "");
  }
  return nonces.size === 1 && !nonces.has("") ? [...nonces][0]! : null;
}

/** The text a reader sees: the body's text without scripts, styles and templates, whitespace runs collapsed. */
export function visibleText(html: string, options: { fragment?: boolean } = {}): string {
  return textOf(parse(html, options.fragment));
}

function textOf(doc: Doc): string {
  for (const el of Array.from(doc.querySelectorAll("script, style, template, noscript"))) el.remove();
  return normalizeText(doc.body?.textContent ?? "");
}

/** Whitespace runs as one space, other control characters dropped (XML, so Word, cannot hold them), trimmed: how text is compared with what was typed in. */
export function normalizeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
}

/** A readable list of findings for an assertion message. */
export function describeFindings(findings: XssFinding[]): string {
  return findings.map((f) => `${f.via} ${f.rule}: <${f.element}${f.attribute ? ` ${f.attribute}` : ""}> ${f.value}`).join("\n");
}

// ---------------------------------------------------------------------------
// Atom feeds: XML whose type="html" elements a feed reader renders as HTML.

const ATOM_NS = "http://www.w3.org/2005/Atom";
const ATOM_ELEMENTS = new Set([
  "feed", "entry", "title", "subtitle", "id", "updated", "published", "link", "author", "contributor", "name", "uri", "email",
  "generator", "rights", "summary", "content", "category", "icon", "logo",
]);
/** XML tokens: CDATA, comments, processing instructions, tags (end, start, empty), text, and a stray `<`. */
const XML_TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'<]|"[^"<]*"|'[^'<]*')*?)(\/?)>|([^<]+)|(<)/g;
const XML_ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[ref.toLowerCase()]!;
  });
}

export interface AtomText {
  element: string;
  /** "html" when a feed reader renders it as HTML; "text" otherwise. */
  type: string;
  /** The element's content with CDATA opened and entities decoded: what the reader gets. */
  text: string;
}

/**
 * Reads an Atom feed as XML: only Atom elements in the Atom namespace (an
 * XHTML <script> smuggled out of a CDATA section would be found here), no
 * type="xhtml", no script URL in an href, and every type="html" element's
 * content — after CDATA and entities — passed through `findExecutable` as the
 * fragment a feed reader would render. Also gives the decoded texts, for
 * checking that the payloads are really there.
 */
export function readAtomFeed(xml: string): { findings: XssFinding[]; texts: AtomText[] } {
  const findings: XssFinding[] = [];
  const texts: AtomText[] = [];
  const stack: { name: string; type: string; text: string }[] = [];
  const add = (rule: string, element: string, value: string, attribute?: string) => findings.push({ rule, element, attribute, value: short(value), via: "raw" });
  for (const m of xml.matchAll(XML_TOKEN)) {
    const top = stack.at(-1);
    if (m[1] !== undefined) {
      if (top) top.text += m[1];
    } else if (m[3] !== undefined) {
      const [, , close, name, attrPart, selfClosing] = m;
      if (close) {
        const open = stack.pop();
        if (!open || open.name !== name) {
          add("parse", name, `</${name}> closes <${open?.name ?? "nothing"}>`);
          continue;
        }
        texts.push({ element: open.name, type: open.type, text: open.text });
        if (/^(uri|id|icon|logo)$/.test(open.name) && isScriptUrl(open.text)) add("url", open.name, open.text);
        if (open.type === "html") for (const f of findExecutable(open.text, { fragment: true })) findings.push({ ...f, element: `${open.name} > ${f.element}` });
        continue;
      }
      if (!ATOM_ELEMENTS.has(name!)) add("element", name!, `<${name}> is no Atom element`);
      let type = "text";
      for (const a of attrPart!.matchAll(XML_ATTRIBUTE)) {
        const [attrName, value] = [a[1]!, decodeXml(a[2] ?? a[3] ?? "")];
        if (attrName === "xmlns" && value !== ATOM_NS) add("element", name!, value, "xmlns");
        else if (attrName.startsWith("xmlns:")) add("element", name!, value, attrName);
        else if (attrName === "type") {
          type = value;
          if (value === "xhtml" || /html|xml|svg/.test(value) && value !== "html") add("element", name!, value, "type");
        } else if (/^on/i.test(attrName)) add("handler", name!, value, attrName);
        else if (isScriptUrl(value)) add("url", name!, value, attrName);
      }
      if (!selfClosing) stack.push({ name: name!, type, text: "" });
    } else if (m[6] !== undefined) {
      if (top) top.text += decodeXml(m[6]);
    } else if (m[7] !== undefined) add("parse", top?.name ?? "", "a stray <");
  }
  if (stack.length) add("parse", stack.at(-1)!.name, `${stack.length} elements left open`);
  return { findings, texts };
}

/** The values of attribute `name` on the elements matching `selector` (an input's value, images' alt text). */
export function attributeValues(html: string, selector: string, name: string, options: { fragment?: boolean } = {}): string[] {
  return Array.from(parse(html, options.fragment).querySelectorAll(selector)).map((el) => el.getAttribute(name) ?? "");
}
