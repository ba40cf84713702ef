import { describe, expect, it } from "vitest";
import { makeArticleDocx } from "@/lib/testing/docx-fixtures";
import { docxToDraft } from "./import-docx";
import { htmlToDocument } from "./html";
import { renderDocumentHtml } from "@/lib/render/document";

describe("docxToDraft", () => {
  it("guesses a two-line title from centred bold lines and the attribution from the final parentheses", async () => {
    const draft = await docxToDraft(await makeArticleDocx());
    expect(draft.title).toBe("威海市深入开展脱贫攻坚大调研\n扎实推进“八个精准”要求落实落地");
    expect(draft.attribution).toBe("威海市扶贫办");
    const html = renderDocumentHtml(htmlToDocument(draft.html));
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
