// The one renderer of an issue (reader page, print view, editor's preview,
// article permalink) over every payload of the XSS corpus in every field it
// shows: rendered with react-dom/server, nothing executable in the HTML, and
// every payload there as text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { payloadGroups, payloadSnapshot } from "@/testing/xss-fixtures";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { describeFindings, inspectHtml, normalizeText } from "@/testing/xss-static";
import { ArticleView, IssueView } from "./issue-view";

const labels = { contents: "目录", corrections: "更正", backToTop: "返回顶部" };

describe("IssueView with the XSS corpus", () => {
  it.each(["reader", "print"] as const)("%s: nothing executable, every payload shown as text", (variant) => {
    let placed = 0;
    for (const [g, payloads] of payloadGroups(10).entries()) {
      const { snapshot, corrections } = payloadSnapshot(payloads, g + 1);
      const html = renderToStaticMarkup(createElement(IssueView, { snapshot, corrections, labels, variant }));
      const { findings, text } = inspectHtml(html, { fragment: true });
      expect(findings, describeFindings(findings)).toEqual([]);
      for (const p of payloads) expect(text, p).toContain(normalizeText(p));
      // The print form's masthead and 版记 (subtitle, 报送, 抄送, 印发) carry the corpus too.
      if (variant === "print") expect(text).toContain(`报送：${normalizeText(payloads.join(" "))}`);
      placed += payloads.length;
    }
    expect(placed).toBe(XSS_PAYLOADS.length);
  });

  it("ArticleView (the permalink's article): nothing executable for any payload", () => {
    const { snapshot } = payloadSnapshot(XSS_PAYLOADS, 99);
    const articles = snapshot.sections.flatMap((s) => s.articles);
    const html = articles.map((article) => renderToStaticMarkup(createElement(ArticleView, { article, level: 1 }))).join("");
    const { findings, text } = inspectHtml(html, { fragment: true });
    expect(findings, describeFindings(findings)).toEqual([]);
    for (const p of XSS_PAYLOADS) expect(text, p).toContain(normalizeText(p));
    expect(articles).toHaveLength(XSS_PAYLOADS.length + 1);
  });
});
