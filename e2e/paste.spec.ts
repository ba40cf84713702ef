// A contributor pastes from WPS and from Word into the editor, in Chromium:
// the clipboard HTML those programs put there (mso- styles, fonts on spans)
// comes out as the editor's levels — 黑体 一、 as h2, 楷体 （一） as h3, bold
// leads as bold — with the styling junk gone, and it survives a save.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

/** WPS Office 2019 (Windows) copying two paragraphs of a 公文: levels only as span CSS, typed U+3000 indents. */
const WPS_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name="Generator" content="Microsoft Word 14"><style>@font-face{font-family:"Times New Roman";}@font-face{font-family:"黑体";}@font-face{font-family:"楷体_GB2312";}@font-face{font-family:"仿宋_GB2312";}p.MsoNormal{mso-style-name:正文;mso-style-parent:"";margin:0pt;margin-bottom:.0001pt;mso-pagination:none;text-align:justify;text-justify:inter-ideograph;font-family:Calibri;mso-fareast-font-family:宋体;mso-bidi-font-family:'Times New Roman';font-size:10.5000pt;mso-font-kerning:1.0000pt;}span.msoIns{mso-style-type:export-only;mso-style-name:"";text-decoration:underline;text-underline:single;color:blue;}@page{mso-page-border-surround-header:no;mso-page-border-surround-footer:no;}@page Section0{margin-top:72.0000pt;margin-bottom:72.0000pt;margin-left:90.0000pt;margin-right:90.0000pt;size:595.3000pt 841.9000pt;layout-grid:15.6000pt;}div.Section0{page:Section0;}</style></head><body style="tab-interval:21pt;text-justify-trim:punctuation;"><!--StartFragment--><p class=MsoNormal style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;mso-line-height-rule:exactly;"><span style="mso-spacerun:'yes';font-family:黑体;mso-ascii-font-family:'Times New Roman';mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;">一、摸清插花贫困户底数</span><span style="font-family:黑体;mso-ascii-font-family:'Times New Roman';mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;"><o:p></o:p></span></p><p class=MsoNormal style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;mso-line-height-rule:exactly;"><span style="mso-spacerun:'yes';font-family:楷体_GB2312;mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;">（一）逐村逐户排查</span><span style="font-family:楷体_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;"><o:p></o:p></span></p><p class=MsoNormal style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;mso-line-height-rule:exactly;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;mso-hansi-font-family:'Times New Roman';font-weight:bold;font-size:16.0000pt;mso-font-kerning:1.0000pt;">建立工作台账。</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;">全市共排查插花贫困户</span><span style="mso-spacerun:'yes';font-family:'Times New Roman';mso-fareast-font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;">1.2</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;">万户，逐户建档立卡。</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;"><o:p></o:p></span></p><p class=MsoNormal style="line-height:28.0000pt;mso-line-height-rule:exactly;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;">　　</span><span style="mso-spacerun:'yes';font-family:楷体_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;">（二）分类精准施策。</span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;">对有劳动能力的，落实产业和就业帮扶。</span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;mso-font-kerning:1.0000pt;"><o:p></o:p></span></p><!--EndFragment--></body></html>`;

/** Word 2016 (Chinese) copying a level-one heading and a body paragraph whose lead is bold through <b>. */
const WORD_CLIPBOARD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15"><meta name=Originator content="Microsoft Word 15"><link rel=File-List href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml"><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--><style><!-- @font-face {font-family:黑体; panose-1:2 1 6 0 3 1 1 1 1 1; mso-font-alt:SimHei; mso-font-charset:134;} @font-face {font-family:仿宋_GB2312; mso-font-charset:134;} p.MsoNormal, li.MsoNormal, div.MsoNormal {mso-style-unhide:no; mso-style-qformat:yes; margin:0cm; text-align:justify; text-justify:inter-ideograph; font-size:10.5pt; font-family:"Times New Roman",serif; mso-fareast-font-family:宋体;} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><!--StartFragment--><p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:黑体'>二、</span><span style='font-size:16.0pt;font-family:黑体'>强化资金保障<span lang=EN-US><o:p></o:p></span></span></p><p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><b><span style='font-size:16.0pt;font-family:仿宋_GB2312'>整合涉农资金。</span></b><span style='font-size:16.0pt;font-family:仿宋_GB2312'>全年整合资金</span><span lang=EN-US style='font-size:16.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:仿宋_GB2312'>3</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>亿元。<span lang=EN-US><o:p></o:p></span></span></p><!--EndFragment--></body></html>`;

/** Pastes `html` (and its plain text) into the editor the way the browser delivers a Ctrl+V: a paste event carrying both. */
async function paste(page: Page, html: string) {
  await page.locator(".ProseMirror").evaluate((el, clip) => {
    const data = new DataTransfer();
    data.setData("text/html", clip);
    data.setData("text/plain", new DOMParser().parseFromString(clip, "text/html").body.innerText);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test("WPS and Word text pasted into the editor keeps its 公文 levels and bold leads, without the styling", async ({ page, loginAs }) => {
  await loginAs("contributor", { unit: "聊城市扶贫办" });
  await page.goto("/workspace/articles/new");
  await page.getByPlaceholder("标题").fill("粘贴测试");
  const body = page.locator(".ProseMirror");
  await body.click();
  await paste(page, WPS_CLIPBOARD);
  await expect(body.locator("h2")).toHaveText(["一、摸清插花贫困户底数"]);
  await expect(body.locator("h3")).toHaveText(["（一）逐村逐户排查"]);
  // A bold lead (仿宋 in bold) and a 楷体 （二） lead followed by body text stay leads of their paragraphs.
  await expect(body.locator("p", { hasText: "全市共排查" }).locator("strong")).toHaveText("建立工作台账。");
  await expect(body.locator("p", { hasText: "对有劳动能力的" }).locator("strong")).toHaveText("（二）分类精准施策。");
  await expect(body.locator("p", { hasText: "对有劳动能力的" })).toHaveText("（二）分类精准施策。对有劳动能力的，落实产业和就业帮扶。"); // typed 　　 gone

  // On a new line, as a contributor pastes a further passage (pasted at the end of a paragraph, its first line would join it).
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await paste(page, WORD_CLIPBOARD);
  await expect(body.locator("h2")).toHaveText(["一、摸清插花贫困户底数", "二、强化资金保障"]);
  await expect(body.locator("p", { hasText: "全年整合资金" }).locator("strong")).toHaveText("整合涉农资金。");

  // None of the word processor's styling came along.
  const html = await body.innerHTML();
  expect(html).not.toMatch(/mso-|font-family|<span|<o:p|MsoNormal|StartFragment/);
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  await page.reload();
  await expect(body.locator("h2")).toHaveText(["一、摸清插花贫困户底数", "二、强化资金保障"]);
  await expect(body.locator("h3")).toHaveText(["（一）逐村逐户排查"]);
  await expect(body.locator("strong")).toHaveText(["建立工作台账。", "（二）分类精准施策。", "整合涉农资金。"]);
  await page.screenshot({ path: "test-results/screenshots/paste-wps-word.png", fullPage: true });
});
