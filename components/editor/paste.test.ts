// @vitest-environment happy-dom
// Clipboard HTML as Word and WPS put it on the clipboard (trimmed of repeated
// <style> rules), cleaned as the editor does before parsing a paste.
import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { generateJSON } from "@tiptap/html";
import { extensions } from "@/lib/editor/extensions";
import { cleanPastedHtml, isPicturePaste } from "./paste";
import { renderDocumentHtml } from "@/lib/render/document";

/** Word 2016 (Chinese) copying part of a bulletin article: 小标宋 title, 黑体 / 楷体 levels, a bold lead, a Latin run in Times New Roman. */
const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- @font-face {font-family:黑体; panose-1:2 1 6 0 3 1 1 1 1 1; mso-font-alt:SimHei;}
p.MsoNormal, li.MsoNormal, div.MsoNormal {mso-style-unhide:no; margin:0cm; text-align:justify; text-justify:inter-ideograph; font-size:10.5pt; font-family:"Times New Roman",serif; mso-fareast-font-family:宋体;} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>聊城市狠抓<span lang=EN-US>“</span>六项举措<span lang=EN-US>”<o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>今年以来，聊城市把插花贫困户脱贫作为重点。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:"Times New Roman"'>一、强化组织领导<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:楷体;mso-hansi-font-family:"Times New Roman"'>（一）压实工作责任<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><b><span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>1.</span></b><b><span style='font-size:16.0pt;font-family:仿宋_GB2312'>召开推进会议。</span></b><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:仿宋_GB2312'>8</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>月</span><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:仿宋_GB2312'>6</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>日，市扶贫办召开推进会议。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:黑体'>二、</span><span style='font-size:16.0pt;font-family:黑体'>抓好</span><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:黑体'>2018</span><span style='font-size:16.0pt;font-family:黑体'>年工作<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>（</span><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif'>1</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>）逐户走访，<b style='mso-bidi-font-weight:normal'>不漏一户</b>，<i style='mso-bidi-font-style:normal'>不落一人</i>，<u>建档立卡</u>。<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<!--EndFragment-->
</body></html>`;

/** WPS Office 2019 copying the same kind of text: levels and marks as CSS on spans, U+3000 indents typed by hand. */
const WPS = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><meta name="Generator" content="Microsoft Word 14"><style>p.MsoNormal{mso-style-name:正文;font-family:Calibri;}</style></head><body>
<!--StartFragment--><p class="MsoNormal" style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;mso-line-height-rule:exactly;"><span style="mso-spacerun:'yes';font-family:黑体;mso-ascii-font-family:'Times New Roman';mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;">一、摸清底数</span><span style="font-family:黑体;font-size:16.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal" style="text-indent:32.0000pt;mso-char-indent-count:2.0000;"><span style="mso-spacerun:'yes';font-family:楷体_GB2312;font-size:16.0000pt;">（一）逐户排查。</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;">对全市插花贫困户逐户排查。</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-weight:bold;font-size:16.0000pt;">　　1.建立台账</span><span style="font-family:仿宋_GB2312;font-weight:bold;font-size:16.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;">　　全市共排查</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-style:italic;font-size:16.0000pt;">插花贫困户</span><span style="mso-spacerun:'yes';font-family:'Times New Roman';text-decoration:underline;text-underline:single;font-size:16.0000pt;">1.2</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-weight:700;font-size:16.0000pt;">万户</span><span style="text-decoration:line-through;">（初稿）</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;">。</span></p>
<table class="MsoTableGrid" border="1" cellspacing="0" style="border-collapse:collapse;mso-table-layout-alt:fixed;border:none;"><tr><td width="284" valign="top" style="width:213.0500pt;"><p class="MsoNormal"><span style="font-family:仿宋_GB2312;font-weight:bold;">县区</span></p></td><td width="284" valign="top" colspan="2"><p class="MsoNormal"><span style="font-family:仿宋_GB2312;">　户数</span></p></td></tr></table>
<!--EndFragment--></body></html>`;

const schema = getSchema(extensions);
/** What the editor ends up holding: the cleaned HTML parsed with the editor's own schema and rendered back. */
const inEditor = (html: string) => renderDocumentHtml(schema.nodeFromJSON(generateJSON(cleanPastedHtml(html), extensions)).toJSON());

describe("cleanPastedHtml: Word", () => {
  const clean = cleanPastedHtml(WORD);

  it("drops Word's styling: fonts, sizes, mso- styles, <o:p>, comments, empty paragraphs", () => {
    expect(clean).not.toMatch(/mso|font|class=|lang=|<span|<o:p|<style|<xml|<meta|<link|StartFragment|&nbsp;/i);
    expect(clean).toMatch(/^<p style="text-align:center">聊城市狠抓“六项举措”<\/p><p>今年以来/);
  });

  it("turns 一、 in 黑体 into h2 and （一） in 楷体 into h3, also when digits are in Times New Roman", () => {
    expect(clean).toContain("<h2>一、强化组织领导</h2>");
    expect(clean).toContain("<h3>（一）压实工作责任</h3>");
    expect(clean).toContain("<h2>二、抓好2018年工作</h2>");
  });

  it("keeps a bold lead sentence, and bold / italic / underline set inside a paragraph", () => {
    expect(clean).toContain("<p><strong>1.召开推进会议。</strong>8月6日，市扶贫办召开推进会议。</p>");
    expect(clean).toContain("<p>（1）逐户走访，<strong>不漏一户</strong>，<em>不落一人</em>，<u>建档立卡</u>。</p>");
  });

  it("is what the editor holds after the paste", () => {
    const html = inEditor(WORD);
    expect(html).toContain("<h2>一、强化组织领导</h2><h3>（一）压实工作责任</h3><p><strong>1.召开推进会议。</strong>8月6日");
    expect(html).toContain('<p style="text-align: center">聊城市狠抓“六项举措”</p>');
  });
});

describe("cleanPastedHtml: WPS", () => {
  const clean = cleanPastedHtml(WPS);

  it("reads levels and marks from span CSS: 黑体 → h2, a 楷体 lead → bold lead, a bold 1. line → h4", () => {
    expect(clean).toContain("<h2>一、摸清底数</h2>");
    expect(clean).toContain("<p><strong>（一）逐户排查。</strong>对全市插花贫困户逐户排查。</p>");
    expect(clean).toContain("<h4>1.建立台账</h4>");
  });

  it("keeps font-weight, font-style, text-decoration and mso text-underline; drops typed U+3000 indents outside tables", () => {
    expect(clean).toContain("<p>全市共排查<em>插花贫困户</em><u>1.2</u><strong>万户</strong><s>（初稿）</s>。</p>");
    expect(clean).toContain('<table><tbody><tr><td><p><strong>县区</strong></p></td><td colspan="2"><p>　户数</p></td></tr></tbody></table>');
  });

  it("is what the editor holds after the paste", () => {
    const html = inEditor(WPS);
    expect(html).toContain("<h2>一、摸清底数</h2><p><strong>（一）逐户排查。</strong>对全市插花贫困户逐户排查。</p><h4>1.建立台账</h4>");
    expect(html).toContain("<em>插花贫困户</em><u>1.2</u><strong>万户</strong><s>（初稿）</s>");
  });
});

describe("cleanPastedHtml: other pastes", () => {
  it("leaves numbered lines without fonts or weights alone, and keeps lists, links and web pictures", () => {
    const clean = cleanPastedHtml(
      `<p>一、没有字体的一行</p><ul><li><font color=red>甲</font></li></ul><ol start="3"><li><p>丙</p></li></ol>` +
        `<p><a href="https://www.gov.cn/" style="color:blue">链接</a><a href="javascript:alert(1)">坏链接</a></p>` +
        `<p><img src="https://example.cn/a.png" alt="图" onerror="alert(1)"><img src="file:///C:/Users/a/image001.png"></p>`,
    );
    expect(clean).toBe(
      "<p>一、没有字体的一行</p><ul><li><p>甲</p></li></ul><ol start=\"3\"><li><p>丙</p></li></ol>" +
        '<p><a href="https://www.gov.cn/">链接</a>坏链接</p><p><img src="https://example.cn/a.png" alt="图"></p>',
    );
  });

  it("keeps Word's heading tags, at the editor's levels", () => {
    expect(cleanPastedHtml("<h1>总标题</h1><h2>（二）小标题</h2><h5>细目</h5>")).toBe("<h2>总标题</h2><h3>（二）小标题</h3><h4>细目</h4>");
  });

  it("escapes text and drops scripts", () => {
    expect(cleanPastedHtml(`<p>&lt;b&gt;x&lt;/b&gt;<script>alert(1)</script></p>`)).toBe("<p>&lt;b&gt;x&lt;/b&gt;</p>");
  });
});

describe("isPicturePaste", () => {
  const png = [{ type: "image/png" }];
  it("uploads pictures copied on their own, not the picture Word adds of copied text", () => {
    expect(isPicturePaste({ html: "", files: png })).toBe(true);
    expect(isPicturePaste({ html: '<html><body><!--StartFragment--><img src="file:///C:/x.png"><!--EndFragment--></body></html>', files: png })).toBe(true);
    expect(isPicturePaste({ html: WORD, files: png })).toBe(false);
    expect(isPicturePaste({ html: WORD, files: [] })).toBe(false);
  });
});
