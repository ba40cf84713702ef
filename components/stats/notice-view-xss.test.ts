// The 信息工作通报 shows unit names and the issuing body, which administrators
// type: every payload of the XSS corpus in those fields renders as text, with
// nothing executable, on the page and in the Word file.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { describeFindings, inspectHtml, normalizeText } from "@/testing/xss-static";
import { buildNotice } from "@/lib/stats/notice";
import { parsePeriod } from "@/lib/stats/period";
import { noticeDocx } from "@/lib/render/notice-docx";
import type { StatsReport } from "@/lib/stats/stats";
import { noFollowUpColumns } from "@/lib/stats/follow-up";
import { NoticeView } from "./notice-view";

const zero = { submitted: 1, returned: 0, accepted: 1, rejected: 0, published: 1, leads: 0, adoptionRate: 1, score: 10, ...noFollowUpColumns(10) };
const report: StatsReport = {
  period: parsePeriod("2017-08"),
  publication: { slug: "x", name: XSS_PAYLOADS[0]! },
  units: XSS_PAYLOADS.map((p, i) => ({ rank: i + 1, unitId: i + 1, unit: p, active: true, ...zero })),
  totals: zero,
  trend: [],
  weights: [],
};

describe("the 通报 with the XSS corpus", () => {
  const notice = buildNotice(report, { issuingBody: XSS_PAYLOADS.join(" "), lists: [{ heading: "领导批示情况", items: [...XSS_PAYLOADS], none: "" }] });

  it("page: nothing executable, every payload shown as text", () => {
    const { findings, text } = inspectHtml(renderToStaticMarkup(createElement(NoticeView, { notice })), { fragment: true });
    expect(findings, describeFindings(findings)).toEqual([]);
    for (const p of XSS_PAYLOADS) expect(text, p).toContain(normalizeText(p));
  });

  it("Word: every payload is text in the document", async () => {
    const text = normalizeText((await mammoth.extractRawText({ buffer: await noticeDocx(notice) })).value.replace(/\n+/g, " "));
    for (const p of XSS_PAYLOADS) expect(text, p).toContain(normalizeText(p).replace(/\n+/g, " ").trim());
  });
});
