// The Word export over every payload of the XSS corpus in every field of the
// printed form (masthead, subtitle, 期号 line, 来源, contents, headings,
// titles, bodies, attributions, 版记): read back into HTML by mammoth — what
// a converter or preview would show — nothing executable, and every payload
// there as text.
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { payloadGroups, payloadSnapshot } from "@/testing/xss-fixtures";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { describeFindings, inspectHtml, normalizeText } from "@/testing/xss-static";
import { issueDocx } from "./issue-docx";

describe("issue.docx with the XSS corpus", () => {
  it("reads back through mammoth with nothing executable and every payload as text", async () => {
    let placed = 0;
    for (const [g, payloads] of payloadGroups(6).entries()) {
      const { snapshot } = payloadSnapshot(payloads, g + 1);
      const buffer = await issueDocx(snapshot);
      const { value: html } = await mammoth.convertToHtml({ buffer });
      const { findings, text } = inspectHtml(html, { fragment: true });
      expect(findings, describeFindings(findings)).toEqual([]);
      for (const p of payloads) expect(text, p).toContain(normalizeText(p));
      expect(text).toContain(`印发：${normalizeText(payloads.join(" "))}`);
      placed += payloads.length;
    }
    expect(placed).toBe(XSS_PAYLOADS.length);
  });
});
