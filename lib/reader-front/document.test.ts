import { describe, expect, it } from "vitest";
import { NotADocumentError, toReaderDocument } from "./document";

const page = `<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="abc" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" nonce="abc" href="/_next/static/chunks/b.js"/>
<link rel="modulepreload" href="/_next/static/chunks/c.js"/>
<script src="/_next/static/chunks/d.js" async="" nonce="abc"></script>
<title>山东脱贫攻坚简报2017年第88期</title></head>
<body><main><h1>简报</h1><p>正文 &lt;script&gt;不是脚本&lt;/script&gt;</p></main>
<script src="/reader.js?v=Ab12-x" defer="" data-reader=""></script>
<script nonce="abc">self.__next_f=self.__next_f||[]</script>
<script nonce="abc">self.__next_f.push([1,"很长的载荷"])</script>
<SCRIPT type="module">import("/x.js")</SCRIPT >
</body></html>`;

describe("toReaderDocument", () => {
  const doc = toReaderDocument(page);

  it("removes the framework's scripts, inline and external, and their preloads", () => {
    expect(doc).not.toMatch(/_next\/static\/chunks\/[bcd]\.js/);
    expect(doc).not.toContain("__next_f");
    expect(doc).not.toContain("很长的载荷");
    expect(doc).not.toMatch(/<script(?![^>]*data-reader)/i);
    expect(doc.match(/<script/gi)).toHaveLength(1);
  });

  it("keeps the page, its stylesheet (without the nonce) and the site's own reader script", () => {
    expect(doc).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>`);
    expect(doc).not.toContain("nonce");
    expect(doc).toContain(`<script src="/reader.js?v=Ab12-x" defer="" data-reader=""></script>`);
    expect(doc).toContain("<title>山东脱贫攻坚简报2017年第88期</title>");
    expect(doc).toContain("正文 &lt;script&gt;不是脚本&lt;/script&gt;");
  });

  it("keeps a data-reader script only when it is the reader file, with no inline text", () => {
    expect(toReaderDocument(`<script data-reader>alert(1)</script>`)).toBe("");
    expect(toReaderDocument(`<script data-reader src="https://evil.example/reader.js"></script>`)).toBe("");
    expect(toReaderDocument(`<script data-reader src="/reader.js/../x.js"></script>`)).toBe("");
  });

  it("refuses a page that leaves part of itself to be streamed in by script", () => {
    expect(() => toReaderDocument(`<body><!--$?--><template id="B:0"></template>加载中<!--/$--><div hidden id="S:0">内容</div></body>`)).toThrow(NotADocumentError);
  });
});
