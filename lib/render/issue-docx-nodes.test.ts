// Every node and mark the editor can produce comes out in the Word export.
// The article is built from the editor's own schema (lib/editor/extensions.ts):
// a node or mark type added there and not handled by issue-docx.ts fails here.
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import mammoth from "mammoth";
import { getSchema, type JSONContent } from "@tiptap/core";
import { extensions } from "@/lib/editor/extensions";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { makePng } from "@/testing/png";
import { parseDocument, renderDocumentHtml } from "./document";
import { DOCX_MARK_ELEMENTS, DOCX_NODE_ELEMENTS, issueDocx } from "./issue-docx";

const schema = getSchema(extensions);
const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const li = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const cell = (type: "tableCell" | "tableHeader", t: string, attrs: Record<string, unknown> = {}): JSONContent => ({ type, attrs, content: [p(text(t))] });

const BLOCK_SRC = `/media/${"b".repeat(64)}`;
const CELL_SRC = `/media/${"c".repeat(64)}`;

/** One article holding every node type and mark of the schema, each with text of its own to find in the .docx. */
const article: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("一、二级标题黑体")] },
    { type: "heading", attrs: { level: 3 }, content: [text("（一）三级标题楷体")] },
    { type: "heading", attrs: { level: 4, textAlign: "center" }, content: [text("四级标题居中")] },
    p(
      text("粗体", [{ type: "bold" }]),
      text("斜体", [{ type: "italic" }]),
      text("下划线", [{ type: "underline" }]),
      text("删除线", [{ type: "strike" }]),
      text("外部链接", [{ type: "link", attrs: { href: "https://www.gov.cn/zhengce/" } }]),
      text("站内链接", [{ type: "link", attrs: { href: "/p/sdtp/2017/88" } }]),
      { type: "hardBreak" },
      text("换行之后"),
    ),
    { type: "paragraph", attrs: { textAlign: "right" }, content: [text("右对齐一行")] },
    { type: "paragraph", attrs: { textAlign: "center" }, content: [text("居中一行")] },
    { type: "image", attrs: { src: BLOCK_SRC, alt: "贫困村分布图", title: "分布图" } },
    {
      type: "bulletList",
      content: [
        li(p(text("项目甲")), { type: "orderedList", attrs: { start: 3 }, content: [li(p(text("嵌套第三"))), li(p(text("嵌套第四")))] }),
        li(p(text("项目乙")), p(text("项目乙的第二段")), { type: "blockquote", content: [p(text("项目中的引用"))] }),
      ],
    },
    { type: "orderedList", content: [li(p(text("编号一"))), li(p(text("编号二")))] },
    { type: "blockquote", content: [p(text("引用的原话"))] },
    { type: "horizontalRule" },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "县区"), cell("tableHeader", "户数")] },
        { type: "tableRow", content: [cell("tableCell", "冠县"), cell("tableCell", "1208")] },
        { type: "tableRow", content: [cell("tableCell", "合计两列", { colspan: 2 })] },
        { type: "tableRow", content: [{ type: "tableCell", content: [{ type: "image", attrs: { src: CELL_SRC, alt: "表中图" } }] }, cell("tableCell", "　全角缩进留在表格里")] },
      ],
    },
    p(text("最后一段。")),
  ],
};

function typesIn(node: JSONContent, nodes = new Set<string>(), marks = new Set<string>()) {
  if (node.type) nodes.add(node.type);
  for (const m of node.marks ?? []) marks.add(m.type);
  for (const c of node.content ?? []) typesIn(c, nodes, marks);
  return { nodes, marks };
}

function snapshotWith(html: string, attribution = "聊城市扶贫办"): IssueSnapshot {
  return {
    publication: {
      slug: "sdtp",
      name: "山东脱贫攻坚简报",
      issuingBody: "宣传信息组",
      subtitle: null,
      showTotalNumber: true,
      printRecipients: null,
      printCc: null,
      printIssuer: null,
      printCopies: null,
    },
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
    sections: [{ heading: "向深度贫困进军", articles: [{ id: 1, title: "标题", titleLines: ["标题"], attribution, unit: "聊城市扶贫办", html, text: "" }] }],
  };
}

const block = makePng(300, 100);
const inCell = makePng(30, 30);
const loadImage = async (src: string) => (src === BLOCK_SRC ? { data: block, mime: "image/png" } : src === CELL_SRC ? { data: inCell, mime: "image/png" } : null);

async function exported(html: string, attribution?: string) {
  const buffer = await issueDocx(snapshotWith(html, attribution), { loadImage, baseUrl: "https://jb.example.cn" });
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async("string");
  return {
    buffer,
    zip,
    xml: await read("word/document.xml"),
    rels: await read("word/_rels/document.xml.rels"),
    core: await read("docProps/core.xml"),
    html: (await mammoth.convertToHtml({ buffer })).value,
  };
}

describe("issue.docx: every node type of the editor", () => {
  it("the sample article holds every node and mark type of the schema, and the exporter lists each one", () => {
    const { nodes, marks } = typesIn(parseDocument(article));
    const schemaNodes = Object.keys(schema.nodes).sort();
    const schemaMarks = Object.keys(schema.marks).sort();
    expect(schemaNodes.filter((n) => !nodes.has(n))).toEqual([]);
    expect(schemaMarks.filter((m) => !marks.has(m))).toEqual([]);
    expect(schemaNodes.filter((n) => !(n in DOCX_NODE_ELEMENTS))).toEqual([]);
    expect(schemaMarks.filter((m) => !(m in DOCX_MARK_ELEMENTS))).toEqual([]);
  });

  it("writes each of them to the .docx", async () => {
    const { zip, xml, rels, html } = await exported(renderDocumentHtml(parseDocument(article)));
    if (process.env.DUMP_DOCX) (await import("node:fs")).writeFileSync(process.env.DUMP_DOCX, (await exported(renderDocumentHtml(parseDocument(article)))).buffer);

    // Headings as Word's heading styles (the navigation pane), levels kept.
    expect(html).toContain("<h2>一、二级标题黑体</h2>");
    expect(html).toContain("<h3>（一）三级标题楷体</h3>");
    expect(html).toContain("<h4>四级标题居中</h4>");
    expect(xml).toMatch(/<w:pStyle w:val="Heading4"\/>[\s\S]{0,200}<w:jc w:val="center"\/>[\s\S]*?四级标题居中/);

    // Marks, hard break and links (a site-relative link made absolute).
    expect(html).toContain("<strong>粗体</strong>");
    expect(html).toContain("<em>斜体</em>");
    expect(html).toContain("<s>删除线</s>");
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,300}下划线/);
    expect(html).toContain('<a href="https://www.gov.cn/zhengce/">外部链接</a>');
    expect(html).toContain('<a href="https://jb.example.cn/p/sdtp/2017/88">站内链接</a>');
    expect(rels).toContain('Target="https://www.gov.cn/zhengce/"');
    expect(html).toMatch(/站内链接<\/a><br \/>换行之后/);
    // …and the line before a hard break is not stretched across the justified block.
    expect(await zip.file("word/settings.xml")!.async("string")).toContain("<w:doNotExpandShiftReturn/>");

    // Alignment.
    expect(xml).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,400}右对齐一行/);
    expect(xml).toMatch(/<w:jc w:val="center"\/>[\s\S]{0,400}居中一行/);

    // The block picture and the picture in a table cell are embedded.
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    const embedded = await Promise.all(media.map(async (f) => Buffer.from(await zip.file(f)!.async("uint8array"))));
    expect(embedded.some((b) => b.equals(block))).toBe(true);
    expect(embedded.some((b) => b.equals(inCell))).toBe(true);
    expect(xml).toContain('descr="贫困村分布图"');
    expect(xml).toContain(`<wp:extent cx="${300 * 9525}" cy="${100 * 9525}"/>`);

    // Lists as Word lists, the ordered one nested in the bullet item, starting at 3.
    expect(html).toContain("<ul><li>项目甲<ol><li>嵌套第三</li><li>嵌套第四</li></ol></li><li>项目乙</li></ul>");
    // An item's later paragraphs and blocks stay inside the item, indented with its text.
    expect(xml).toMatch(/<w:ind w:left="1280"\/><w:jc w:val="both"\/><\/w:pPr>[\s\S]{0,300}项目乙的第二段/);
    expect(xml).toMatch(/<w:pStyle w:val="Quote"\/>[\s\S]{0,300}<w:ind w:left="1920"[\s\S]{0,300}项目中的引用/);
    expect(html).toContain("<ol><li>编号一</li><li>编号二</li></ol>");
    const numbering = await zip.file("word/numbering.xml")!.async("string");
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');

    // Quote, rule, table with header row, merged cells and cell content.
    expect(xml).toMatch(/<w:pStyle w:val="Quote"\/>[\s\S]*?引用的原话/);
    expect(html).toContain("引用的原话");
    expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(html).toContain(
      '<table><thead><tr><th><p><strong>县区</strong></p></th><th><p><strong>户数</strong></p></th></tr></thead>' +
        '<tbody><tr><td><p>冠县</p></td><td><p>1208</p></td></tr><tr><td colspan="2"><p>合计两列</p></td></tr>',
    );
    expect(xml).toContain("<w:tblHeader/>");
    expect(html).toContain("　全角缩进留在表格里");

    // The attribution follows the last paragraph's text.
    expect(html).toContain("最后一段。(聊城市扶贫办)");
  });

  it("keeps a picture inside a paragraph (older snapshots) and puts the attribution on its own line after a table", async () => {
    const { zip, html } = await exported(`<p>图示<img src="${BLOCK_SRC}" alt="行内图">在文中</p><table><tbody><tr><td><p>表</p></td></tr></tbody></table>`);
    expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/"))).toHaveLength(1);
    expect(html).toMatch(/图示<img [^>]*alt="行内图"[^>]*\/>在文中/);
    expect(html).toMatch(/<\/table><p>\(聊城市扶贫办\)<\/p>/);
  });

  it("names the issuing body as the document's author, never Un-named", async () => {
    const { core } = await exported("<p>正文</p>");
    expect(core).toContain("<dc:creator>宣传信息组</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>宣传信息组</cp:lastModifiedBy>");
    expect(core).not.toContain("Un-named");
  });
});
