// Every payload of the XSS corpus, as incoming HTML (API `html`, paste, .docx
// import) and as text, comes out of the sanitizer and the renderer inert.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { htmlToDocument } from "@/lib/articles/html";
import { InvalidDocumentError, renderDocumentHtml, withAttribution } from "@/lib/render/document";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";

const window = new Window();

/** What must never appear in HTML we serve, found by parsing it as a browser would: script-capable elements, on… attributes, script URLs. */
export function dangerousParts(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push("<script");
  const container = window.document.createElement("div");
  container.innerHTML = html;
  for (const el of container.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (/^(script|iframe|object|embed|svg|math|style|meta|base|link|form|template|frame|frameset|noscript|input|button)$/.test(tag)) found.push(`element <${tag}>`);
    for (const attr of el.attributes) {
      const value = attr.value ?? "";
      if (/^on/i.test(attr.name)) found.push(`handler ${attr.name} on <${tag}>`);
      if (/^(srcdoc|formaction|action)$/i.test(attr.name)) found.push(`attribute ${attr.name}`);
      // Our renderer writes plain declarations only (text-align, widths of table columns).
      if (attr.name === "style" && !/^([a-z-]+:\s*[a-z0-9.%\s-]+;?\s*)*$/i.test(value)) found.push(`style="${value}"`);
      const isUrl = /^(href|src|xlink:href|data|background|poster|cite)$/i.test(attr.name);
      if (isUrl && /^(javascript|vbscript|data|livescript):/i.test(value.replace(/[\s\u0000-\u001f]/g, ""))) found.push(`script url in ${attr.name}`);
    }
  }
  return found;
}

describe("XSS corpus", () => {
  it("has at least 200 distinct payloads, each fitting a title line", () => {
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    for (const p of XSS_PAYLOADS) expect(p.length).toBeLessThanOrEqual(100);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))("payload %i as HTML is inert after htmlToDocument → renderDocumentHtml", (_i, payload) => {
    for (const html of [payload, `<p>前文${payload}后文</p>`, `<p><a href="https://example.com/">${payload}</a></p>`]) {
      let doc;
      try {
        doc = htmlToDocument(html);
      } catch (e) {
        // Refusing the input is a safe answer too.
        expect(e).toBeInstanceOf(InvalidDocumentError);
        continue;
      }
      const out = renderDocumentHtml(doc);
      expect(dangerousParts(out), out).toEqual([]);
    }
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))("payload %i as text (title, attribution, body text) is escaped", (_i, payload) => {
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: payload }] }] };
    const body = withAttribution(renderDocumentHtml(doc), payload);
    expect(dangerousParts(body), body).toEqual([]);
    expect(body).not.toMatch(/<(?!\/?(p|span)\b)/);
    const title = renderToStaticMarkup(createElement("h2", { title: payload }, payload));
    expect(dangerousParts(title), title).toEqual([]);
    expect(title.match(/</g)).toHaveLength(2);
  });
});

describe("NUL characters (PostgreSQL cannot store them; found by e2e/fuzz.spec.ts as 500s)", () => {
  it("are refused in a JSON document and dropped from incoming HTML", async () => {
    const { parseDocument } = await import("@/lib/render/document");
    expect(() => parseDocument({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "前\u0000后" }] }] })).toThrow(InvalidDocumentError);
    expect(JSON.stringify(htmlToDocument("<p>前\u0000后</p>"))).not.toContain("\\u0000");
  });
  it("are dropped from titles and attributions", async () => {
    const { normalizeTitle } = await import("@/lib/articles/mutations");
    expect(normalizeTitle("标\u0000题\u0007\n第二行")).toBe("标题\n第二行");
  });
});
