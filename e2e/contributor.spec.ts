// The contributor desk, driven as a clerk of a unit would.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, createUser, waitForHydration } from "./fixtures";
import { makePng } from "../testing/png";
import { makeArticleDocx } from "../testing/docx-fixtures";

test.describe("contributor desk", () => {
  test("writes an article with a two-line title, bold leads, a list, a table and an image; reload shows the same", async ({ page, loginAs }) => {
    await loginAs("contributor", { unit: "聊城市扶贫办" });
    await page.goto("/workspace");
    await page.getByRole("link", { name: "新建稿件" }).click();
    await page.getByPlaceholder("标题").fill("聊城市狠抓“六项举措”\n集中优势兵力重点突破");
    const body = page.locator(".ProseMirror");
    await body.click();
    await page.keyboard.type("聊城市认真贯彻落实全省脱贫攻坚推进会精神。");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "加粗", exact: true }).click();
    await page.keyboard.type("一、及时召开系列会议,抓落实。");
    await page.getByRole("button", { name: "加粗", exact: true }).click();
    await page.keyboard.type("8月6日,市委召开调度会。");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "无序列表" }).click();
    await page.keyboard.type("金堤河片区");
    await page.keyboard.press("Enter");
    await page.keyboard.type("沉沙池区");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "插入表格" }).click();
    await page.keyboard.type("片区");
    await page.getByRole("button", { name: "插入图片" }).click();
    const dialog = page.getByRole("dialog", { name: "插入图片" });
    await dialog.getByLabel("选择图片文件（PNG、JPEG、WebP、GIF）").setInputFiles({ name: "map.png", mimeType: "image/png", buffer: makePng() });
    await dialog.getByLabel("图片说明（必填）").fill("片区示意图");
    await dialog.getByRole("button", { name: "插入" }).click();
    await expect(body.locator("img")).toHaveAttribute("src", /^\/media\/[0-9a-f]{64}$/);
    await expect(body.locator("img")).toHaveAttribute("alt", "片区示意图");
    await expect(page.getByTestId("save-status")).toHaveText(/^已保存 \d\d:\d\d$/);
    await expect(page).toHaveURL(/\/workspace\/articles\/\d+\/edit$/);
    const html = async () => (await body.innerHTML()).replace(/ class="ProseMirror-selectednode"/g, "");
    const before = await html();
    expect(before).toContain("<strong>一、及时召开系列会议,抓落实。</strong>");
    expect(before).toContain("<ul>");
    expect(before).toContain("<table");
    await page.reload();
    await expect(page.getByPlaceholder("标题")).toHaveValue("聊城市狠抓“六项举措”\n集中优势兵力重点突破");
    await expect(body).toContainText("沉沙池区");
    expect(await html()).toBe(before);
    // The image is served with long-lived caching.
    const src = await body.locator("img").getAttribute("src");
    const img = await page.request.get(src!);
    expect(img.status()).toBe(200);
    expect(img.headers()["cache-control"]).toContain("immutable");
    await page.screenshot({ path: "test-results/screenshots/editor.png", fullPage: true });
  });

  test("loses nothing when the connection drops mid-typing or the tab is closed", async ({ page, context, browser, loginAs }) => {
    await loginAs("contributor", { unit: "威海市扶贫办" });
    await page.goto("/workspace/articles/new");
    await page.getByPlaceholder("标题").fill("断网测试");
    const body = page.locator(".ProseMirror");
    await body.click();
    await page.keyboard.type("联网时写的第一段。");
    await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
    const editUrl = page.url();
    await context.setOffline(true);
    await page.keyboard.press("Enter");
    await page.keyboard.type("断网时写的第二段。");
    await expect(page.getByTestId("save-status")).toContainText("未保存");
    await expect(page.getByTestId("save-status")).toContainText("网络连接中断");
    await context.setOffline(false);
    await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
    await page.reload();
    await expect(body).toContainText("断网时写的第二段。");

    // Closed while online, within the autosave delay: the page's last act
    // (pagehide, a keepalive request) still saves the edit.
    await body.click();
    await page.keyboard.press("End");
    await page.keyboard.type("关标签页时送出的修改。");
    await page.close();
    const id = editUrl.match(/articles\/(\d+)\/edit$/)![1];
    await expect
      .poll(async () => JSON.stringify(await (await context.request.get(`/api/v1/articles/${id}`)).json()), { timeout: 10_000 })
      .toContain("关标签页时送出的修改。");

    // Offline, and the browser dies before the edit reaches the server (a
    // crash sends nothing, unlike a closed tab). The contributor comes back
    // later in a new window of the same browser profile (cookies and local
    // storage) and is offered the edit.
    const page2 = waitForHydration(await context.newPage());
    await page2.goto(editUrl);
    await expect(page2.locator(".ProseMirror")).toContainText("关标签页时送出的修改。");
    await context.setOffline(true);
    await page2.locator(".ProseMirror").click();
    await page2.keyboard.press("End");
    await page2.keyboard.type("关闭标签页前的修改。");
    await expect(page2.getByTestId("save-status")).toContainText("未保存");
    const stored = await context.storageState();
    expect(JSON.stringify(stored.origins)).toContain("关闭标签页前的修改。");
    await page2.goto("chrome://crash").catch(() => {});
    await context.close();
    const later = await browser.newContext({ storageState: stored, baseURL: new URL(editUrl).origin });
    const again = waitForHydration(await later.newPage());
    await again.goto(editUrl);
    await expect(again.locator(".ProseMirror")).toContainText("关标签页时送出的修改。");
    await expect(again.locator(".ProseMirror")).not.toContainText("关闭标签页前的修改。");
    await expect(again.locator("main").getByRole("alert")).toContainText("本机保存了一份未提交到服务器的修改");
    await again.getByRole("button", { name: "恢复这些修改" }).click();
    await expect(again.locator(".ProseMirror")).toContainText("关闭标签页前的修改。");
    await expect(again.getByTestId("save-status")).toHaveText(/^已保存/);
    await again.reload();
    await expect(again.locator(".ProseMirror")).toContainText("关闭标签页前的修改。");
    await later.close();
  });

  test("imports a .docx as a draft to review, then submits it and sees the status change", async ({ page, loginAs }) => {
    await loginAs("contributor", { unit: "威海市扶贫办" });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "docx-")), "威海调研.docx");
    fs.writeFileSync(file, await makeArticleDocx());
    await page.goto("/workspace");
    await page.getByRole("link", { name: "导入 Word" }).click();
    await page.getByLabel("选择 Word 文档（.docx）").setInputFiles(file);
    await expect(page).toHaveURL(/\/workspace\/articles\/\d+\/edit$/);
    await expect(page.getByPlaceholder("标题")).toHaveValue("威海市深入开展脱贫攻坚大调研\n扎实推进“八个精准”要求落实落地");
    await expect(page.getByRole("textbox", { name: "署名（默认为供稿单位）" })).toHaveValue("威海市扶贫办");
    await expect(page.locator(".ProseMirror strong").first()).toHaveText("一、围绕“思想认识精准”调研，解决好“三个误区”。");
    await page.getByRole("link", { name: "返回稿件" }).click();
    await expect(page.getByText("草稿", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("已提交", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "编辑", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "撤回提交" })).toBeVisible();
    await page.goto("/workspace?status=submitted");
    await expect(page.getByRole("row").filter({ hasText: "威海市深入开展脱贫攻坚大调研" })).toBeVisible();
  });

  test("a picture the import cannot keep is named before the draft opens", async ({ page, loginAs }) => {
    await loginAs("contributor", { unit: "威海市扶贫办" });
    await page.goto("/workspace/articles/import");
    await page.getByLabel("选择 Word 文档（.docx）").setInputFiles({
      name: "带图的调研.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: await makeArticleDocx({ unsupportedPicture: true }),
    });
    const warning = page.locator("main").getByRole("alert");
    await expect(warning).toContainText("已转为草稿，但以下内容没有导入：");
    await expect(page.getByTestId("import-warnings")).toHaveText("1 张图片的格式网页无法显示（如 EMF、TIFF），没有导入，请另存为 PNG 或 JPEG 后插入");
    await expect(page).toHaveURL(/\/workspace\/articles\/import$/);
    await page.screenshot({ path: "test-results/screenshots/import-warnings.png" });
    await warning.getByRole("link", { name: "打开草稿检查" }).click();
    await expect(page).toHaveURL(/\/workspace\/articles\/\d+\/edit$/);
    await expect(page.getByPlaceholder("标题")).toHaveValue("威海市深入开展脱贫攻坚大调研\n扎实推进“八个精准”要求落实落地");
  });

  test("a file that is not a .docx gets a clear message and creates nothing", async ({ page, loginAs, request }) => {
    // A unit of its own, so "nothing" is not disturbed by tests writing for the demo units.
    const admin = await createUser("admin");
    const token = (await (await request.post("/api/v1/auth/token", { data: { email: admin.email, password: admin.password } })).json()).token;
    const unit = `测试单位${Date.now()}`;
    expect((await request.post("/api/v1/units", { headers: { authorization: `Bearer ${token}` }, data: { name: unit } })).status()).toBe(201);
    await loginAs("contributor", { unit });
    await page.goto("/workspace/articles/import");
    await page.getByLabel("选择 Word 文档（.docx）").setInputFiles({ name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a word file") });
    await expect(page.locator("main").getByRole("alert")).toHaveText("这不是 Word (.docx) 文件");
    // The unit's desk, unfiltered, still has no article at all.
    await page.goto("/workspace");
    await expect(page.getByText("本单位还没有稿件")).toBeVisible();
  });

  test("an image that is not an image is refused with a message, and the draft is kept", async ({ page, loginAs }) => {
    await loginAs("contributor", { unit: "省司法厅" });
    await page.goto("/workspace/articles/new");
    await page.getByPlaceholder("标题").fill("图片测试");
    await page.locator(".ProseMirror").click();
    await page.keyboard.type("正文保留。");
    await page.getByRole("button", { name: "插入图片" }).click();
    const dialog = page.getByRole("dialog", { name: "插入图片" });
    await dialog.getByLabel("选择图片文件（PNG、JPEG、WebP、GIF）").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
    await dialog.getByLabel("图片说明（必填）").fill("假图片");
    await dialog.getByRole("button", { name: "插入" }).click();
    await expect(dialog.getByRole("alert")).toContainText("只支持 PNG、JPEG、WebP 和 GIF 图片");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
    await page.reload();
    await expect(page.locator(".ProseMirror")).toContainText("正文保留。");
  });
});
