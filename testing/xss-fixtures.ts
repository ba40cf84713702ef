// Fixtures for the renderer XSS tests: published snapshots that carry the
// XSS corpus (testing/xss-payloads.ts) in every field a reader view
// shows, so each pure renderer can be run over every payload in Vitest.
import { htmlToDocument } from "@/lib/articles/html";
import type { Correction } from "@/lib/issues/reader";
import type { IssueSnapshot, SnapshotArticle } from "@/lib/issues/snapshot";
import { documentText, renderDocumentHtml } from "@/lib/render/document";
import { XSS_PAYLOADS } from "./xss-payloads";

/** Splits the corpus into `n` groups of about equal size, in order. */
export function payloadGroups(n: number, payloads: readonly string[] = XSS_PAYLOADS): string[][] {
  const size = Math.ceil(payloads.length / n);
  return Array.from({ length: Math.ceil(payloads.length / size) }, (_, i) => payloads.slice(i * size, (i + 1) * size));
}

/** A paragraph holding `text` as text, rendered the way a stored body is. */
const textHtml = (text: string) => renderDocumentHtml({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

const sanitized = new Map<string, string | null>();

/** `payload` as incoming HTML, sanitized and rendered as on save; null when the sanitizer refuses it. (Kept: 271 take ~4 s.) */
export function sanitizedHtml(payload: string): string | null {
  if (!sanitized.has(payload)) {
    try {
      sanitized.set(payload, renderDocumentHtml(htmlToDocument(`<p>${payload}</p>`)));
    } catch {
      sanitized.set(payload, null);
    }
  }
  return sanitized.get(payload)!;
}

/** One article per payload: title (two lines), attribution, and a body with the payload as text and as sanitized HTML. */
function article(id: number, payload: string, bodies: boolean): SnapshotArticle {
  const html = bodies ? textHtml(payload) + (sanitizedHtml(payload) ?? "") : "<p>正文</p>";
  return {
    id,
    title: `${payload}${payload}`,
    titleLines: [payload, payload],
    attribution: payload,
    unit: payload,
    html,
    text: documentText({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: payload }] }] }),
  };
}

/**
 * A published snapshot carrying `payloads`: each one as a section heading,
 * an article (title lines, attribution, body as text and as sanitized HTML)
 * and a correction (`bodies: false` for views that show no body); all of them, joined, in every field of the issue and its
 * publication (name, 来源, subtitle, 报送, 抄送, 印发, editor, note, title).
 */
export function payloadSnapshot(
  payloads: readonly string[],
  issueId = 1,
  { bodies = true }: { bodies?: boolean } = {},
): { snapshot: IssueSnapshot; corrections: Correction[] } {
  const all = payloads.join(" ");
  const snapshot: IssueSnapshot = {
    publication: {
      slug: "xss",
      name: all,
      issuingBody: all,
      subtitle: all,
      showTotalNumber: true,
      printRecipients: all,
      printCc: all,
      printIssuer: all,
      printCopies: 10,
    },
    issueId,
    series: "regular",
    year: 2040,
    number: issueId,
    totalNumber: 100 + issueId,
    title: `${all}2040年第${issueId}期`,
    source: all,
    editor: all,
    note: all,
    publishedAt: "2040-01-02T03:04:05.000Z",
    sections: [
      { heading: null, articles: [article(issueId * 1000, payloads[0]!, bodies)] },
      ...payloads.map((p, i) => ({ heading: p, articles: [article(issueId * 1000 + i + 1, p, bodies)] })),
    ],
  };
  const corrections = payloads.map((text, i) => ({ text, createdAt: "2040-01-03T00:00:00.000Z", articleId: i % 2 ? null : issueId * 1000 + i + 1 }));
  return { snapshot, corrections };
}
