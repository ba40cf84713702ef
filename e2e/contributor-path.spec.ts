// The contributor's daily path without detours: write, submit from the
// editor, read the editor's comment while revising, and learn where the
// article ran once it is published.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";

async function bearer(request: APIRequestContext, role: "admin" | "editor") {
  const user = await createUser(role);
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

test("a contributor writes, submits from the editor, revises with the comment in view and sees where the article ran", async ({ page, loginAs, request }) => {
  await loginAs("contributor", { unit: "聊城市扶贫办" });
  const editor = await bearer(request, "editor");
  const admin = await bearer(request, "admin");
  const slug = `cp${Date.now().toString(36)}`;
  const publication = `供稿路径简报${slug}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name: publication, issuingBody: "宣传信息组", requiresSignoff: false } })).status()).toBe(201);

  await page.goto("/workspace/articles/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建稿件");
  // The body's placeholder is there to be seen in the empty editor.
  const empty = page.locator(".ProseMirror p.is-editor-empty").first();
  await expect(empty).toBeVisible();
  expect(await empty.evaluate((p) => getComputedStyle(p, "::before").content)).toBe('"在此输入正文，或从 Word/WPS 粘贴……"');

  const title = `供稿路径${Date.now()}`;
  await page.getByPlaceholder("标题").fill(title);
  await page.locator(".ProseMirror").click();
  await page.keyboard.type("聊城市认真贯彻落实全省脱贫攻坚推进会精神。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  // After the first save the page is the article's edit page, with the way back.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("编辑稿件");
  const back = page.getByRole("link", { name: "返回稿件" });
  await expect(back).toHaveAttribute("href", /^\/workspace\/articles\/\d+$/);
  const id = Number(/(\d+)$/.exec((await back.getAttribute("href"))!)![1]);

  // 提交审核 straight from the editor: one click, with the last keystrokes saved first.
  await page.keyboard.type("全年完成投资3亿元。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/articles/${id}$`));
  await expect(page.getByText("已提交", { exact: true }).first()).toBeVisible();
  await expect(page.locator(".bulletin")).toContainText("全年完成投资3亿元。");

  // Returned: the comment is above the editor while revising.
  expect((await request.post(`/api/v1/articles/${id}/return`, { headers: editor, data: { comment: "请补充第二段的数据。" } })).status()).toBe(200);
  await page.goto(`/workspace/articles/${id}/edit`);
  await expect(page.getByTestId("editor-comment")).toHaveText("请补充第二段的数据。");
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("第二段：已补充数据。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/articles/${id}$`));
  await expect(page.locator(".bulletin")).toContainText("第二段：已补充数据。");

  // Accepted and published in an issue of its own publication.
  expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
  const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug } })).json();
  const laid = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "工作动态", articleIds: [id] }] } });
  expect(laid.status()).toBe(200);
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version: (await laid.json()).version, editorName: "刘栋" } })).status()).toBe(200);
  expect((await request.post(`/api/v1/issues/${issue.id}/publish`, { headers: editor })).status()).toBe(200);

  const ran = `刊于《${publication}》${issue.year}年第${issue.number}期`;
  await page.goto("/workspace");
  const notice = page.getByRole("region", { name: "通知" }).getByRole("listitem").filter({ hasText: "稿件已刊发" });
  await expect(notice).toContainText(`稿件已刊发：《${title}》`);
  await expect(notice.getByRole("link", { name: ran })).toHaveAttribute("href", `/p/${slug}/${issue.year}/${issue.number}/a/${id}`);

  await notice.getByRole("link", { name: `稿件已刊发：《${title}》` }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/articles/${id}$`));
  await expect(page.getByText("已刊发", { exact: true }).first()).toBeVisible();
  const onArticle = page.locator("main").getByTestId("published-in");
  await expect(onArticle).toHaveText(ran);
  await page.screenshot({ path: "test-results/screenshots/contributor-published-article.png", fullPage: true });
  // Reader pages are documents with a script of their own (public/reader.js): a desk's link to one loads it whole,
  // never as a client-side navigation inside the desk's React app (components/workspace/desk-link.tsx).
  const loadsAsReaderDocument = async (click: () => Promise<void>, url: RegExp) => {
    await page.evaluate(() => ((window as { deskMarker?: boolean }).deskMarker = true));
    await click();
    await expect(page).toHaveURL(url);
    await expect(page.locator("html[data-reader]")).toHaveCount(1);
    expect(await page.evaluate(() => (window as { deskMarker?: boolean }).deskMarker ?? false)).toBe(false);
  };
  await loadsAsReaderDocument(() => onArticle.click(), new RegExp(`/p/${slug}/${issue.year}/${issue.number}/a/${id}$`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.goto("/workspace");
  await loadsAsReaderDocument(() => page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "阅读站点" }).click(), /\/$/);
  await expect(page.getByRole("heading", { name: "刊物" })).toBeVisible();
});

test("提交审核 while the text changes under a save on its way: saved again, then submitted with what is on screen", async ({ page, loginAs }) => {
  await loginAs("contributor", { unit: "聊城市扶贫办" });
  await page.goto("/workspace/articles/new");
  await page.getByPlaceholder("标题").fill(`保存途中${Date.now()}`);
  const body = page.locator(".ProseMirror");
  await body.click();
  await page.keyboard.type("第一句。");
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  const id = Number(/\/workspace\/articles\/(\d+)\/edit$/.exec(page.url())![1]);

  // The save that 提交审核 starts is held on its way to the server while the text changes.
  let arrived = () => {};
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let holding = true;
  await page.route(`**/api/v1/articles/${id}`, async (route) => {
    if (route.request().method() !== "PATCH" || !holding) return route.fallback();
    holding = false;
    arrived();
    await gate;
    await route.continue();
  });
  await page.keyboard.type("第二句。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await held;
  await body.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("第三句。");
  release();

  await expect(page).toHaveURL(new RegExp(`/workspace/articles/${id}$`));
  await expect(page.getByText("已提交", { exact: true }).first()).toBeVisible();
  await expect(page.locator(".bulletin")).toContainText("第一句。第二句。第三句。");
});
