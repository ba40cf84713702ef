// Every payload of the XSS corpus in every text of an Atom feed (publication
// name and issuing body, issue title and 来源, section headings, article
// titles): read as XML, nothing but Atom, and no type="html" element holds
// anything executable once a feed reader unescapes it.
import { describe, expect, it } from "vitest";
import { payloadGroups, payloadSnapshot } from "@/testing/xss-fixtures";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { describeFindings, normalizeText, readAtomFeed, visibleText } from "@/testing/xss-static";
import { atomFeed } from "./feeds";

describe("Atom feed with the XSS corpus", () => {
  it("has no executable markup in any entry, and every payload is there as text", () => {
    let checks = 0;
    for (const [g, payloads] of payloadGroups(10).entries()) {
      const entries = payloadGroups(3, payloads).map((group, i) => ({ snapshot: payloadSnapshot(group, g * 10 + i + 1, { bodies: false }).snapshot, updated: new Date(2040, 0, i + 1) }));
      const all = payloads.join(" ");
      const xml = atomFeed({ slug: `xss-${g}`, name: all, issuingBody: all, createdAt: new Date(2040, 0, 1) }, entries, "https://bulletin.example.cn");
      const { findings, texts } = readAtomFeed(xml);
      expect(findings, describeFindings(findings)).toEqual([]);
      // Not vacuous: what a feed reader shows (HTML rendered to text, or plain text) holds each payload.
      const shown = normalizeText(texts.map((t) => (t.type === "html" ? visibleText(t.text, { fragment: true }) : t.text)).join(" "));
      for (const p of payloads) expect(shown, p).toContain(normalizeText(p));
      expect(texts.filter((t) => t.element === "entry")).toHaveLength(entries.length);
      checks += payloads.length;
    }
    expect(checks).toBe(XSS_PAYLOADS.length);
  });
});
