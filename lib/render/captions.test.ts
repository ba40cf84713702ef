// Pictures with alt text and a caption (图注): stored on the image node,
// rendered as <figure><img><figcaption> for the web and print, read back from
// HTML, and written to Word as a centred line under the picture.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import mammoth from "mammoth";
import type { JSONContent } from "@tiptap/core";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { htmlToDocument } from "@/lib/articles/html";
import { makePng } from "@/testing/png";
import { parseDocument, renderDocumentHtml } from "./document";
import { issueDocx } from "./issue-docx";

const SRC = `/media/${"a".repeat(64)}`;
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const picture = (attrs: Record<string, unknown>): JSONContent => ({ type: "image", attrs: { src: SRC, ...attrs } });
const para = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("captions on the web and in print (one renderer)", () => {
  it("puts the caption under the picture in a figure, escaped; a picture without one stays a plain img", () => {
    expect(renderDocumentHtml(parseDocument(doc(picture({ alt: "聊城市贫困村分布图", caption: "图1　聊城市<贫困村>分布" }))))).toBe(
      `<figure class="captioned-image"><img src="${SRC}" alt="聊城市贫困村分布图"/><figcaption>图1　聊城市&lt;贫困村&gt;分布</figcaption></figure>`,
    );
    expect(renderDocumentHtml(parseDocument(doc(picture({ alt: "地图" }))))).toBe(`<img src="${SRC}" alt="地图"/>`);
  });

  it("reads a figure back from HTML (API html, paste), caption included", () => {
    const back = htmlToDocument(`<p>前文</p><figure><img src="${SRC}" alt="地图"><figcaption> 图2　冠县 </figcaption></figure><p>后文</p>`);
    expect(back.content?.[1]).toMatchObject({ type: "image", attrs: { src: SRC, alt: "地图", caption: "图2　冠县" } });
    expect(renderDocumentHtml(back)).toContain("<figcaption>图2　冠县</figcaption>");
  });

  it("refuses a caption or alt text too long to be one", () => {
    expect(() => parseDocument(doc(picture({ alt: "图", caption: "字".repeat(201) })))).toThrow(/图注/);
    expect(() => parseDocument(doc(picture({ alt: "字".repeat(301) })))).toThrow(/替代文字/);
  });
});

describe("captions in Word", () => {
  it("writes the caption centred under the picture, kept on the same page", async () => {
    const html = renderDocumentHtml(parseDocument(doc(para("正文。"), picture({ alt: "地图", caption: "图1　聊城市贫困村分布" }), para("后文。"))));
    const snapshot = {
      publication: { slug: "sdtp", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组", subtitle: null, showTotalNumber: true, printRecipients: null, printCc: null, printIssuer: null, printCopies: null },
      issueId: 1,
      series: "regular",
      year: 2017,
      number: 88,
      totalNumber: 225,
      title: "山东脱贫攻坚简报2017年第88期(总第225期)",
      source: "宣传信息组",
      editor: "刘栋",
      note: null,
      publishedAt: "2017-08-17T02:12:00.000Z",
      sections: [{ heading: null, articles: [{ id: 1, title: "标题", titleLines: ["标题"], attribution: "聊城市扶贫办", unit: "聊城市扶贫办", html, text: "" }] }],
    } satisfies IssueSnapshot;
    const buffer = await issueDocx(snapshot, { loadImage: async () => ({ data: makePng(300, 100), mime: "image/png" }) });
    const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
    // The picture's paragraph keeps with the next one, which is the caption, centred, without a first-line indent.
    expect(xml).toMatch(/<w:keepNext\/>[\s\S]{0,300}<w:drawing>[\s\S]*?<\/w:drawing>[\s\S]*?<\/w:p><w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:jc w:val="center"\/>(?:(?!<\/w:pPr>).)*<\/w:pPr>(?:(?!<\/w:p>).)*图1　聊城市贫困村分布/);
    expect(xml).not.toMatch(/<w:ind [^>]*firstLine[^>]*\/>(?:(?!<\/w:p>).)*图1　聊城市贫困村分布/);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text.indexOf("图1　聊城市贫困村分布")).toBeGreaterThan(text.indexOf("正文。"));
    expect(text.indexOf("图1　聊城市贫困村分布")).toBeLessThan(text.indexOf("后文。"));
  });
});
