// Pictures with a description and a caption (图注): the upload dialog asks for
// both (the file name is never the alt text), and the caption is printed under
// the picture on the reader page, in the print view and in the Word file.
import type { APIRequestContext } from "@playwright/test";
import mammoth from "mammoth";
import { test, expect, createUser } from "./fixtures";
import { makePng } from "../testing/png";

async function bearer(request: APIRequestContext, role: "admin" | "editor") {
  const user = await createUser(role);
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

test("a picture's caption goes under it on the web, in print and in Word; alt text is what the contributor wrote", async ({ page, loginAs, request }) => {
  await loginAs("contributor", { unit: "聊城市扶贫办" });
  const editor = await bearer(request, "editor");
  const admin = await bearer(request, "admin");
  const slug = `cap${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name: "图注测试简报", issuingBody: "宣传信息组", requiresSignoff: false } })).status()).toBe(201);

  await page.goto("/workspace/articles/new");
  const title = `图注${Date.now()}`;
  await page.getByPlaceholder("标题").fill(title);
  const body = page.locator(".ProseMirror");
  await body.click();
  await page.keyboard.type("聊城市贫困村分布如下。");
  await page.keyboard.press("Enter");

  await page.getByRole("button", { name: "插入图片" }).click();
  const dialog = page.getByRole("dialog", { name: "插入图片" });
  await dialog.getByLabel("选择图片文件（PNG、JPEG、WebP、GIF）").setInputFiles({ name: "IMG_20170817.png", mimeType: "image/png", buffer: makePng(600, 300) });
  // Nothing is filled in from the file name.
  await expect(dialog.getByLabel("图片说明（必填）")).toHaveValue("");
  await expect(dialog.locator("img")).toBeVisible(); // the preview
  // The description is required.
  await dialog.getByRole("button", { name: "插入" }).click();
  expect(await dialog.getByLabel("图片说明（必填）").evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await dialog.getByLabel("图片说明（必填）").fill("聊城市贫困村分布图");
  await dialog.getByLabel("图注（可选）").fill("图1　聊城市贫困村分布");
  await page.screenshot({ path: "test-results/screenshots/upload-dialog-caption.png" });
  await dialog.getByRole("button", { name: "插入" }).click();
  await expect(dialog).toHaveCount(0);
  const figure = body.locator("figure");
  await expect(figure.locator("img")).toHaveAttribute("alt", "聊城市贫困村分布图");
  await expect(figure.locator("figcaption")).toHaveText("图1　聊城市贫困村分布");

  // A dropped picture opens the same dialog; its alt text is not its file name either.
  const drop = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "扫描件003.png", { type: "image/png" }));
    return dt;
  }, makePng(200, 100).toString("base64"));
  // ProseMirror places a drop by its coordinates.
  const target = (await body.locator("p").first().boundingBox())!;
  await body.locator("p").first().dispatchEvent("drop", { dataTransfer: drop, clientX: target.x + target.width - 2, clientY: target.y + target.height / 2 });
  await expect(dialog).toContainText("扫描件003.png");
  await expect(dialog.getByLabel("图片说明（必填）")).toHaveValue("");
  await dialog.getByLabel("图片说明（必填）").fill("扶贫车间");
  await dialog.getByRole("button", { name: "插入" }).click();
  await expect(body.locator("img[alt='扶贫车间']")).toHaveCount(1);
  await expect(body.locator("img[alt*='扫描件']")).toHaveCount(0);

  // The caption of a placed picture can be changed: select it, then 插入图片 edits it.
  await figure.click();
  await page.getByRole("button", { name: "插入图片" }).click();
  const edit = page.getByRole("dialog", { name: "图片说明与图注" });
  await expect(edit.getByLabel("图注（可选）")).toHaveValue("图1　聊城市贫困村分布");
  await edit.getByLabel("图注（可选）").fill("图1　聊城市贫困村分布（2017年）");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(figure.locator("figcaption")).toHaveText("图1　聊城市贫困村分布（2017年）");

  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(/\/workspace\/articles\/\d+$/);
  const id = Number(/(\d+)$/.exec(page.url())![1]);
  expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
  const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug } })).json();
  const laid = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: null, articleIds: [id] }] } });
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version: (await laid.json()).version, editorName: "刘栋" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);
  const url = `/p/${slug}/${issue.year}/${issue.number}`;

  // The web page and the print view: the caption centred directly under its picture.
  for (const path of [url, `${url}/print`]) {
    await page.goto(path);
    const fig = page.locator(".article-body figure");
    await expect(fig.locator("figcaption")).toHaveText("图1　聊城市贫困村分布（2017年）");
    await expect(fig.locator("img")).toHaveAttribute("alt", "聊城市贫困村分布图");
    const img = (await fig.locator("img").boundingBox())!;
    const cap = (await fig.locator("figcaption").boundingBox())!;
    expect(cap.y).toBeGreaterThanOrEqual(img.y + img.height - 1);
    expect(cap.y - (img.y + img.height)).toBeLessThan(30);
    const captionText = await fig.locator("figcaption").evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      const box = r.getBoundingClientRect();
      return { center: box.x + box.width / 2, indent: getComputedStyle(el).textIndent };
    });
    expect(Math.abs(captionText.center - (img.x + img.width / 2))).toBeLessThan(4);
    expect(captionText.indent).toBe("0px");
  }

  // Word: the caption follows the picture.
  const docx = await request.get(`${url}/issue.docx`);
  expect(docx.status()).toBe(200);
  const text = (await mammoth.extractRawText({ buffer: await docx.body() })).value;
  expect(text).toContain("图1　聊城市贫困村分布（2017年）");
  expect(text.indexOf("图1　聊城市贫困村分布（2017年）")).toBeGreaterThan(text.indexOf("聊城市贫困村分布如下。"));
});
