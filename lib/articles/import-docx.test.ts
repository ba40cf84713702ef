// .docx import: files made by a real word processor (LibreOffice, from the sources in
// fixtures/docx; scripts/make-docx-fixtures.sh), each imported and exported again.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import type { JSONContent } from "@tiptap/core";
import { makeArticleDocx } from "@/testing/docx-fixtures";
import { renderDocumentHtml } from "@/lib/render/document";
import { issueDocx } from "@/lib/render/issue-docx";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { docxToDraft, takeAttribution, type DocxDraft } from "./import-docx";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures/docx", name));

/** Imports a fixture, keeping its pictures in memory under /media/{n…}. */
async function importFixture(name: string) {
  const images: { bytes: Uint8Array; type: string }[] = [];
  const draft = await docxToDraft(fixture(name), {
    storeImage: async (bytes, type) => {
      images.push({ bytes, type });
      return `/media/${String(images.length).repeat(64)}`;
    },
  });
  return { draft, images, html: renderDocumentHtml(draft.body) };
}

/** The draft exported again as Word, through the issue exporter, as plain text lines. */
async function exportedLines(draft: DocxDraft): Promise<string[]> {
  const titleLines = draft.title.split("\n");
  const snapshot: IssueSnapshot = {
    publication: { slug: "t", name: "测试简报", issuingBody: "宣传信息组", subtitle: null, showTotalNumber: false, printRecipients: null, printCc: null, printIssuer: null, printCopies: null },
    issueId: 1, series: "regular", year: 2017, number: 1, totalNumber: null, title: "测试简报2017年第1期", source: "宣传信息组", editor: null, note: null,
    publishedAt: "2017-08-17T02:00:00.000Z",
    sections: [{ heading: null, articles: [{ id: 1, title: titleLines.join(""), titleLines, attribution: draft.attribution ?? "", unit: "", html: renderDocumentHtml(draft.body), text: "" }] }],
  };
  const { value } = await mammoth.extractRawText({ buffer: await issueDocx(snapshot, { contents: false }) });
  return value.split("\n").map((l) => l.replace(/^[ \t]+|[ \t]+$/g, "")).filter(Boolean);
}

describe("docxToDraft on word-processor files", () => {
  it("title-style.docx: a two-line Title-style title, U+3000 indents, a table, a picture, 作者 | 向婷婷", async () => {
    const { draft, images, html } = await importFixture("title-style.docx");
    expect(draft.title).toBe("聊城市狠抓“六项举措”\n集中优势兵力重点突破");
    expect(draft.attribution).toBe("向婷婷");
    expect(html).toMatch(/^<p>今年以来，聊城市把插花贫困户脱贫作为重点/);
    // 一、 in 黑体 and （一） in 楷体 (run fonts) are headings; the bold 1. sentence stays a lead.
    expect(html).toContain("<h2>一、强化组织领导</h2><h3>（一）压实工作责任</h3><p><strong>1.召开推进会议。</strong>8月6日，市扶贫办召开全市脱贫攻坚推进会议。</p>");
    // Indents go from paragraphs, not from table cells.
    expect(html.replace(/<td>[\s\S]*?<\/td>/g, "")).not.toMatch(/<(p|h\d)>(<strong>)?[\u3000 ]/);
    expect(html).toContain("<td><p>　冠县</p></td>");
    expect(images).toHaveLength(1);
    expect(images[0]!.type).toBe("image/png");
    expect(html).toContain(`<img src="/media/${"1".repeat(64)}" alt="贫困村分布图"/><p>下一步`);
    expect(html).toMatch(/<p>下一步，全市将继续抓好各项举措落实。<\/p>$/);
    expect(draft.warnings).toEqual([]);
    const lines = await exportedLines(draft);
    expect(lines).toEqual(expect.arrayContaining(["聊城市狠抓“六项举措”", "集中优势兵力重点突破", "下一步，全市将继续抓好各项举措落实。(向婷婷)", "　冠县"]));
  });

  it("heading-wps.docx: a Heading 1 title, space and no-break-space indents, （作者：张三 李四） after the last sentence", async () => {
    const { draft, html } = await importFixture("heading-wps.docx");
    expect(draft.title).toBe("威海市深入开展脱贫攻坚大调研");
    expect(draft.attribution).toBe("张三 李四");
    expect(html).toMatch(/^<p>威海市围绕全省脱贫攻坚推进会/);
    // 黑体 from the paragraph style; 楷体 only as the East Asian font of a Times New Roman run.
    expect(html).toContain("<h2>一、围绕“思想认识精准”调研</h2><p><strong>（一）解决好“三个误区”。</strong>认真传达学习全省脱贫攻坚推进会议精神。</p>");
    expect(html).not.toMatch(/<(p|h\d)>(<strong>)?[\s\u3000\u00a0]/);
    expect(html).toMatch(/<p>以督导问责的压力激发干事创业的动力。<\/p>$/);
    expect(await exportedLines(draft)).toContain("以督导问责的压力激发干事创业的动力。(张三 李四)");
  });

  it("custom-title.docx: a title in a style named 标题, a numbered list, 供稿：省司法厅 after an empty line", async () => {
    const { draft, html } = await importFixture("custom-title.docx");
    expect(draft.title).toBe("省司法厅法律援助工作取得新进展");
    expect(draft.attribution).toBe("省司法厅");
    expect(html).toContain("<h4>1.扩大援助范围</h4>");
    expect(html).toContain("<ol><li><p>贫困户申请法律援助免予经济困难审查</p></li><li><p>开通绿色通道</p></li></ol>");
    expect(html).toMatch(/<p>法律援助质量进一步提升。<\/p>$/);
    expect(await exportedLines(draft)).toEqual(expect.arrayContaining(["省司法厅法律援助工作取得新进展", "法律援助质量进一步提升。(省司法厅)"]));
  });

  it("bold-title.docx (from HTML): centred bold title lines, a picture, (聊城市扶贫办) as the last line", async () => {
    const { draft, images, html } = await importFixture("bold-title.docx");
    expect(draft.title).toBe("聊城市狠抓“六项举措”\n集中优势兵力重点突破");
    expect(draft.attribution).toBe("聊城市扶贫办");
    expect(html).toMatch(/^<p>为破解插花贫困户脱贫难题/);
    // LibreOffice names the fonts for Chinese text in w:eastAsia only.
    expect(html).toContain("<h2>一、摸清底数</h2><h3>（一）逐户排查</h3>");
    expect(html).toContain("<p>　东昌府区</p>");
    expect(images).toHaveLength(1);
    expect(html).toMatch(/<p>下一步将继续推进。<\/p>$/);
    expect(await exportedLines(draft)).toEqual(expect.arrayContaining(["聊城市狠抓“六项举措”", "下一步将继续推进。(聊城市扶贫办)"]));
  });

  it("leaves pictures out, and says so, when they cannot be kept", async () => {
    const draft = await docxToDraft(fixture("title-style.docx"));
    expect(renderDocumentHtml(draft.body)).not.toContain("<img");
    expect(draft.warnings).toEqual([expect.stringContaining("1 张图片")]);
  });
});

describe("docxToDraft on files made with the docx package", () => {
  it("guesses a two-line title from centred bold lines and the attribution from the final parentheses", async () => {
    const draft = await docxToDraft(await makeArticleDocx());
    expect(draft.title).toBe("威海市深入开展脱贫攻坚大调研\n扎实推进“八个精准”要求落实落地");
    expect(draft.attribution).toBe("威海市扶贫办");
    const html = renderDocumentHtml(draft.body);
    expect(html).toContain("<strong>一、围绕“思想认识精准”调研，解决好“三个误区”。</strong>认真传达");
    expect(html).toContain("<ul><li><p>聚焦重点村</p></li></ul>");
    expect(html).toContain("环翠区");
    expect(html).toMatch(/激发干事创业的动力。<\/p>$/);
  });

  it("takes the title from a heading", async () => {
    const draft = await docxToDraft(await makeArticleDocx({ heading: true }));
    expect(draft.title).toBe("威海市深入开展脱贫攻坚大调研");
  });

  it("refuses files that are not .docx, corrupt, or too large", async () => {
    await expect(docxToDraft(new TextEncoder().encode("just text"))).rejects.toMatchObject({ code: "invalid" });
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    await expect(docxToDraft(corrupt)).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("损坏") });
    const big = Buffer.alloc(21 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(docxToDraft(big)).rejects.toMatchObject({ code: "too_large" });
  });
});

describe("takeAttribution", () => {
  const p = (...texts: (string | null)[]): JSONContent => ({
    type: "paragraph",
    content: texts.map((t) => (t === null ? { type: "hardBreak" } : { type: "text", text: t })),
  });
  const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
  const body = p("全市共排查插花贫困户1.2万户。");

  it.each([
    ["作者 | 向婷婷", "向婷婷"],
    ["作者｜向婷婷", "向婷婷"],
    ["作者：向婷婷", "向婷婷"],
    ["（作者：张三 李四）", "张三 李四"],
    ["(作者: 张三)", "张三"],
    ["供稿：聊城市扶贫办", "聊城市扶贫办"],
    ["供稿单位：威海市扶贫办", "威海市扶贫办"],
    ["撰稿人：王五", "王五"],
    ["(聊城市扶贫办)", "聊城市扶贫办"],
    ["（省司法厅）", "省司法厅"],
  ])("takes the last line %s as %s", (line, expected) => {
    const taken = takeAttribution(doc(body, p(line)));
    expect(taken.attribution).toBe(expected);
    expect(taken.body.content).toEqual([body]);
  });

  it("takes it after the last sentence, and after a hard break, keeping the sentence", () => {
    expect(takeAttribution(doc(p("落实落地。", "（作者：向婷婷）")))).toEqual({ attribution: "向婷婷", body: doc(p("落实落地。")) });
    expect(takeAttribution(doc(p("落实落地。(聊城市扶贫办)")))).toEqual({ attribution: "聊城市扶贫办", body: doc(p("落实落地。")) });
    expect(takeAttribution(doc(p("落实落地。", null, "作者 | 向婷婷")))).toEqual({ attribution: "向婷婷", body: doc(p("落实落地。")) });
  });

  it("takes a labelled author line under the title", () => {
    expect(takeAttribution(doc(p("作者：向婷婷"), body))).toEqual({ attribution: "向婷婷", body: doc(body) });
  });

  it("leaves ordinary endings alone", () => {
    for (const last of ["下一步将继续推进。", "召开会议（8月6日）", "一、强化组织领导", "作者说：这是正文里的一句话，很长很长很长很长很长很长很长很长很长很长很长很长很长很长。"]) {
      expect(takeAttribution(doc(body, p(last))).attribution).toBeNull();
    }
  });
});
