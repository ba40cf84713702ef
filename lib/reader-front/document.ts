// A reader page as a document: what Next rendered on the server, without the
// framework's scripts. The reader pages need no React in the browser — every
// part of them is in the server-rendered HTML, and the few things that need a
// script (the print button, 保存离线阅读, the service worker) are done by the
// site's own small file, public/reader.js, marked `data-reader`. So the front
// (lib/reader-front/front.ts) removes every other <script> — Next's runtime
// chunks, its inline bootstrap and the RSC payload that repeats the page's
// text — and the <link>s that preload them.

/** A <script> element, with its attributes and its text. */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** A <link> that preloads a script (rel=preload as=script, or rel=modulepreload). */
const LINK = /<link\b[^>]*>/gi;
const SCRIPT_LINK = /\bas\s*=\s*["']?script\b|\brel\s*=\s*["']?modulepreload\b/i;
/** A render's script nonce on a kept tag (Next puts it on stylesheets too): meaningless in a shared copy. */
const NONCE = /\snonce="[^"]*"/;
/** The site's own reader script: `data-reader` and a src of /reader.js (with its version query). */
const OWN_SCRIPT = /\bdata-reader\b/i;
const OWN_SRC = /\bsrc\s*=\s*"\/reader\.js(?:\?v=[\w-]{1,64})?"/i;
/** React's markers of a boundary streamed in later: without the framework's script its content would stay hidden. */
const STREAMED_BOUNDARY = /<template\b[^>]*\bid="?B:|<div\b[^>]*\bhidden\b[^>]*\bid="?S:|<!--\$\?-->/;

export class NotADocumentError extends Error {}

/**
 * The page without framework scripts. Throws NotADocumentError when the page
 * left part of itself to be streamed in by script (a Suspense boundary that
 * had not resolved), since without the script it would never show.
 */
export function toReaderDocument(html: string): string {
  if (STREAMED_BOUNDARY.test(html)) throw new NotADocumentError("the page streams part of its content in by script");
  return html
    .replace(SCRIPT, (whole, attributes: string, text: string) => (OWN_SCRIPT.test(attributes) && OWN_SRC.test(attributes) && text.trim() === "" ? whole : ""))
    .replace(LINK, (link) => (SCRIPT_LINK.test(link) ? "" : link.replace(NONCE, "")));
}

/** Whether a response with this content type is a page to turn into a document. */
export function isHtml(contentType: string | null | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("text/html");
}
