// Search snippets are the one piece of user text the reader's search page
// writes as HTML (dangerouslySetInnerHTML): every payload of the XSS corpus
// as the article text, found by itself as the query and by a probe beside
// it, comes out as escaped text with <mark>s only.
import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { describeFindings, inspectHtml, normalizeText } from "@/testing/xss-static";
import { highlightSnippet } from "./snippet";
import { parseQuery } from "./tokens";

const PROBE = "安全探针";

describe("search snippets with the XSS corpus", () => {
  it("are inert for every payload, whatever the query, and show the payload as text", () => {
    const html: string[] = [];
    for (const p of XSS_PAYLOADS) {
      const text = `${PROBE}${p}（${p}）`;
      const queries = [PROBE, p, p.slice(0, Math.ceil(p.length / 2)), p.slice(-3)];
      for (const q of queries) {
        const parsed = parseQuery(q);
        html.push(`<p>${highlightSnippet(text, parsed.ok ? parsed.needles : [], 400)}</p>`);
      }
    }
    const { findings, text } = inspectHtml(html.join(""), { fragment: true });
    expect(findings, describeFindings(findings)).toEqual([]);
    for (const p of XSS_PAYLOADS) expect(text, p).toContain(normalizeText(p));
    expect(html.join("")).not.toMatch(/<(?!\/?(p|mark)>)/);
  });
});
