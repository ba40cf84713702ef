import { describe, expect, it } from "vitest";
import { documentText, InvalidDocumentError, parseDocument, renderDocumentHtml, withAttribution } from "./document";

const doc = (...content: object[]) => ({ type: "doc", content });
const p = (text: string, marks?: object[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });

describe("parseDocument", () => {
  it("accepts a document the editor can hold", () => {
    expect(parseDocument(doc(p("正文"), p("加粗", [{ type: "bold" }])))).toBeTruthy();
  });

  it.each([
    ["not an object", "text"],
    ["not a doc", { type: "paragraph" }],
    ["an unknown node", doc({ type: "script", content: [] })],
    ["an unknown mark", doc(p("x", [{ type: "evil" }]))],
    ["unknown keys", { ...doc(p("x")), onload: "alert(1)" }],
    ["a javascript: link", doc(p("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))],
    ["a data: image", doc({ type: "image", attrs: { src: "data:image/png;base64,AAAA" } })],
    ["a javascript: image", doc({ type: "image", attrs: { src: "javascript:alert(1)" } })],
  ])("rejects %s", (_name, value) => {
    expect(() => parseDocument(value)).toThrow(InvalidDocumentError);
  });

  it("rejects documents nested too deeply", () => {
    let node: object = p("x");
    for (let i = 0; i < 30; i++) node = { type: "blockquote", content: [node] };
    expect(() => parseDocument(doc(node))).toThrow(/嵌套/);
  });
});

describe("renderDocumentHtml", () => {
  it("escapes text", () => {
    expect(renderDocumentHtml(doc(p("<script>alert(1)</script>")))).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("renders bold lead sentences", () => {
    expect(renderDocumentHtml(doc(p("一、抓落实。", [{ type: "bold" }])))).toBe("<p><strong>一、抓落实。</strong></p>");
  });

  it("never throws on a stored document that no longer validates", () => {
    const html = renderDocumentHtml(doc({ type: "unknownNode", content: [{ type: "text", text: "仍然可读" }] }) as never);
    expect(html).toContain("仍然可读");
  });
});

describe("withAttribution", () => {
  it("prints the attribution at the end of the last paragraph", () => {
    expect(withAttribution("<p>a</p><p>b</p>", "聊城市扶贫办")).toBe('<p>a</p><p>b<span class="attribution">(聊城市扶贫办)</span></p>');
  });
  it("escapes the attribution", () => {
    expect(withAttribution("<p>a</p>", "<b>x</b>")).toContain("(&lt;b&gt;x&lt;/b&gt;)");
  });
});

describe("documentText", () => {
  it("gives one line per block", () => {
    expect(documentText(doc(p("甲"), { type: "bulletList", content: [{ type: "listItem", content: [p("乙")] }] }))).toBe("甲\n乙");
  });
});
