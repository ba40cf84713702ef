import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./paste";

describe("cleanPastedHtml", () => {
  it("keeps structure and bold, drops Word styling junk", () => {
    const word = `<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><style>p.MsoNormal{mso-style-name:x}</style>
<p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2;font-family:宋体;color:#333'><b><span style='font-family:黑体;mso-bidi-font-family:x'>一、抓落实。</span></b><span lang=EN-US>正文<o:p></o:p></span></p>
<p class=MsoNormal align=center style='text-align:center'><span>居中</span></p><p>&nbsp;</p>
<ul><li><font color=red>甲</font></li></ul><table class=MsoTableGrid><tr><td width=100 valign=top><p>表</p></td></tr></table>`;
    const clean = cleanPastedHtml(word);
    expect(clean).not.toMatch(/mso|font-family|color|class=|<span|<font|<o:p|<style|<xml/i);
    expect(clean).toContain("<p><b>一、抓落实。</b>正文</p>");
    expect(clean).toContain('<p style="text-align:center">居中</p>');
    expect(clean).toContain("<ul><li>甲</li></ul>");
    expect(clean).toContain("<td><p>表</p></td>");
  });
});
