// The editorial desk: review, return with a comment, revise, copy-edit with a diff, accept; conflicts between two editors.
import { test, expect, createUser, sessionCookieFor, waitForHydration, type TestUser } from "./fixtures";
import type { APIRequestContext, Browser, Page } from "@playwright/test";

async function pageAs(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([await sessionCookieFor(user)]);
  return waitForHydration(await context.newPage());
}

/** A contributing unit made for one test, so other specs' notices and articles stay out of its desk. */
async function ownUnit(request: APIRequestContext, tag: string): Promise<string> {
  const admin = await createUser("admin");
  const token = (await (await request.post("/api/v1/auth/token", { data: { email: admin.email, password: admin.password } })).json()).token as string;
  const name = `${tag}测试单位${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  expect((await request.post("/api/v1/units", { headers: { authorization: `Bearer ${token}` }, data: { name } })).status()).toBe(201);
  return name;
}

async function writeAndSubmit(page: Page, title: string, paragraphs: string[]): Promise<number> {
  await page.goto("/workspace/articles/new");
  await page.getByPlaceholder("标题").fill(title);
  await page.locator(".ProseMirror").click();
  for (const [i, p] of paragraphs.entries()) {
    if (i) await page.keyboard.press("Enter");
    await page.keyboard.type(p);
  }
  await expect(page.getByTestId("save-status")).toHaveText(/^已保存/);
  const id = Number(/articles\/(\d+)/.exec(page.url())![1]);
  await page.goto(`/workspace/articles/${id}`);
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("button", { name: "撤回提交" })).toBeVisible();
  return id;
}

test.describe("editorial desk", () => {
  test("return with a comment, revise and resubmit, copy-edit with a character diff, accept", async ({ browser, request }) => {
    // A unit of the test's own: a 批示 another spec records on a 聊城 article would be one more unread notice here.
    const contributor = await pageAs(browser, await createUser("contributor", { unit: await ownUnit(request, "审稿") }));
    const editor = await pageAs(browser, await createUser("editor"));
    // Desk links navigate on click and are never prefetched (components/workspace/desk-link.tsx): every desk page is dynamic.
    const prefetches: string[] = [];
    for (const page of [contributor, editor]) page.on("request", (r) => void (r.headers()["next-router-prefetch"] && prefetches.push(r.url())));
    const title = `审稿流程${Date.now()}`;
    const id = await writeAndSubmit(contributor, title, ["坚持问题导向,狠抓六项举措。", "推进脱贫攻坚工作迈上新台阶。"]);

    await editor.goto("/workspace");
    await expect(editor.getByRole("heading", { name: "编辑工作台" })).toBeVisible();
    await editor.getByRole("link", { name: title }).click();
    await editor.getByRole("button", { name: "退回修改" }).click();
    await editor.getByRole("dialog").getByRole("button", { name: "退回修改" }).click();
    // A comment is required: the form does not go without one.
    await expect(editor.getByRole("dialog")).toBeVisible();
    expect(await editor.getByLabel("意见").evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
    await editor.getByLabel("意见").fill("请补充第二段的数据。");
    await editor.getByRole("dialog").getByRole("button", { name: "退回修改" }).click();
    // Done when the page shows the comment as the editor's opinion (the button's own text would match at once).
    await expect(editor.getByRole("dialog")).toBeHidden();
    await expect(editor.getByText("请补充第二段的数据。").first()).toBeVisible();

    await contributor.goto("/workspace");
    await expect(contributor.getByTestId("unread-count")).toHaveText("1 条未读");
    await contributor.getByRole("link", { name: /稿件被退回修改/ }).click();
    await expect(contributor.getByTestId("editor-comment")).toHaveText("请补充第二段的数据。");
    await contributor.getByRole("link", { name: "编辑", exact: true }).click();
    await contributor.locator(".ProseMirror p").nth(1).click();
    await contributor.keyboard.press("End");
    await contributor.keyboard.type("全年完成投资3亿元。");
    await expect(contributor.getByTestId("save-status")).toHaveText(/^已保存/);
    await contributor.getByRole("link", { name: "返回稿件" }).click();
    await contributor.getByRole("button", { name: "提交审核" }).click();
    await expect(contributor.getByRole("button", { name: "撤回提交" })).toBeVisible();

    // The editor copy-edits two sentences.
    await editor.goto(`/workspace/articles/${id}/edit`);
    const body = editor.locator(".ProseMirror");
    await expect(body).toContainText("全年完成投资3亿元。");
    await body.locator("p").nth(0).click();
    await editor.keyboard.press("Home");
    for (let i = 0; i < 2; i++) await editor.keyboard.press("ArrowRight");
    await editor.keyboard.press("Shift+ArrowRight");
    await editor.keyboard.press("Shift+ArrowRight");
    await editor.keyboard.type("目标");
    await body.locator("p").nth(1).click();
    await editor.keyboard.press("End");
    await editor.keyboard.press("Backspace");
    await editor.keyboard.type("，超额完成。");
    await expect(editor.getByTestId("save-status")).toHaveText(/^已保存/);
    await editor.goto(`/workspace/articles/${id}/history`);
    const diff = editor.getByRole("region", { name: "两个版本的差异" });
    await expect(diff.locator("del").first()).toHaveText("问题");
    await expect(diff.locator("ins").first()).toHaveText("目标");
    await expect(diff.locator("ins").nth(1)).toHaveText("，超额完成"); // the full stop is common to both
    await expect(diff).toContainText("原稿");
    await editor.screenshot({ path: "test-results/screenshots/diff.png", fullPage: true });
    await editor.goto(`/workspace/articles/${id}`);
    await editor.getByRole("button", { name: "采用", exact: true }).click();
    await expect(editor.getByText("已采用", { exact: true }).first()).toBeVisible();

    await contributor.goto(`/workspace/articles/${id}`);
    await expect(contributor.getByText("已采用", { exact: true }).first()).toBeVisible();
    await expect(contributor.getByRole("link", { name: "编辑", exact: true })).toHaveCount(0);
    await expect(contributor.locator(".article-body")).toContainText("坚持目标导向");
    expect(prefetches, "prefetch requests from the desks").toEqual([]);
  });

  test("two editors saving the same article: the second is refused with a conflict and keeps its text", async ({ browser }) => {
    const contributor = await pageAs(browser, await createUser("contributor", { unit: "威海市扶贫办" }));
    const id = await writeAndSubmit(contributor, `冲突${Date.now()}`, ["原始正文。"]);
    const first = await pageAs(browser, await createUser("editor"));
    const second = await pageAs(browser, await createUser("editor"));
    await first.goto(`/workspace/articles/${id}/edit`);
    await second.goto(`/workspace/articles/${id}/edit`);
    await first.locator(".ProseMirror").click();
    await first.keyboard.press("End");
    await first.keyboard.type("甲编辑的修改。");
    await expect(first.getByTestId("save-status")).toHaveText(/^已保存/);
    await second.locator(".ProseMirror").click();
    await second.keyboard.press("End");
    await second.keyboard.type("乙编辑的修改。");
    const dialog = second.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading", { name: "稿件已在别处被修改" })).toBeVisible();
    await expect(second.getByTestId("conflict-theirs")).toContainText("甲编辑的修改。");
    await expect(second.getByTestId("conflict-mine")).toContainText("乙编辑的修改。");
    await expect(second.getByTestId("save-status")).toContainText("冲突");
    // Nothing was overwritten on the server.
    const stored = await first.request.get(`/api/v1/articles/${id}`);
    const article = await stored.json();
    expect(article.html).toContain("甲编辑的修改。");
    expect(article.html).not.toContain("乙编辑的修改。");
    // The second editor chooses to keep theirs: it saves over, deliberately.
    await dialog.getByRole("button", { name: "以您的版本覆盖保存" }).click();
    await expect(second.getByTestId("save-status")).toHaveText(/^已保存/);
    expect((await (await first.request.get(`/api/v1/articles/${id}`)).json()).html).toContain("乙编辑的修改。");
  });

  test("a contributor calling the editor endpoints gets 403, another unit 404", async ({ browser, request }) => {
    const owner = await createUser("contributor", { unit: "聊城市扶贫办" });
    const ownerPage = await pageAs(browser, owner);
    const id = await writeAndSubmit(ownerPage, `权限${Date.now()}`, ["正文。"]);
    const token = async (u: TestUser) => (await (await request.post("/api/v1/auth/token", { data: { email: u.email, password: u.password } })).json()).token;
    const ownToken = await token(owner);
    for (const action of ["accept", "return", "reject"]) {
      const res = await request.post(`/api/v1/articles/${id}/${action}`, { headers: { authorization: `Bearer ${ownToken}` }, data: { comment: "x" } });
      expect(res.status(), action).toBe(403);
    }
    const other = await token(await createUser("contributor", { unit: "省司法厅" }));
    expect((await request.get(`/api/v1/articles/${id}`, { headers: { authorization: `Bearer ${other}` } })).status()).toBe(404);
    const patch = await request.patch(`/api/v1/articles/${id}`, { headers: { authorization: `Bearer ${other}` }, data: { title: "x", version: 1 } });
    expect(patch.status()).toBe(404);
    expect((await request.post(`/api/v1/articles/${id}/withdraw`, { headers: { authorization: `Bearer ${other}` } })).status()).toBe(404);
  });
});

test.describe("desk lists", () => {
  test("the inbox's 全部 tab lists every status; an untitled draft can be opened; a filtered empty list says none match", async ({ browser, request }) => {
    // The editor's inbox opens on 已提交; 全部 shows the published demo articles too.
    const editor = await pageAs(browser, await createUser("editor"));
    await editor.goto("/workspace");
    const tabs = editor.getByRole("navigation", { name: "状态" });
    await tabs.getByRole("link", { name: /^全部/ }).click();
    await expect(editor).toHaveURL(/[?&]status=all/);
    await expect(tabs.getByRole("link", { name: /^全部/ })).toHaveAttribute("aria-current", "page");
    await expect(editor.getByRole("link", { name: "聊城市狠抓“六项举措”集中优势兵力重点突破" }).first()).toBeVisible();
    // The filter form keeps 全部 when a unit is chosen.
    await editor.getByRole("combobox", { name: "供稿单位" }).selectOption({ label: "聊城市扶贫办" });
    await editor.getByRole("button", { name: "筛选" }).click();
    await expect(editor).toHaveURL(/status=all/);
    await expect(editor.getByRole("link", { name: "聊城市狠抓“六项举措”集中优势兵力重点突破" }).first()).toBeVisible();
    // The preview of a published issue says it is out, and where readers read it; not "尚未发布".
    // The demo issue, loaded first into the test server's fresh database (other tests' publications may share its title).
    const demo = await (await editor.request.get("/api/v1/issues/1")).json();
    expect(demo, "issue 1 is the demo issue").toMatchObject({ year: 2017, number: 88, publication: { slug: "sdtp" } });
    await editor.goto("/workspace/issues/1");
    await editor.getByRole("link", { name: "预览", exact: true }).click();
    await expect(editor.getByText(/^本期已发布。/)).toBeVisible();
    await expect(editor.getByText(/尚未发布/)).toHaveCount(0);
    await expect(editor.getByRole("link", { name: "阅读页" })).toHaveAttribute("href", "/p/sdtp/2017/88");
    await editor.context().close();

    // A draft saved before it had a title is listed as （无标题） and opens. A unit of the test's own, so no other test's articles are in its lists.
    const writer = await createUser("contributor", { unit: await ownUnit(request, "列表") });
    const token = (await (await request.post("/api/v1/auth/token", { data: { email: writer.email, password: writer.password } })).json()).token as string;
    const draft = await request.post("/api/v1/articles", { headers: { authorization: `Bearer ${token}` }, data: { html: "<p>还没想好标题。</p>" } });
    expect(draft.status()).toBe(201);
    const { id } = await draft.json();
    const desk = await pageAs(browser, writer);
    await desk.goto("/workspace?status=draft");
    await desk.getByRole("link", { name: "（无标题）" }).first().click();
    await expect(desk).toHaveURL(new RegExp(`/workspace/articles/${id}$`));
    // Under a tab with nothing in it, the list says so, not "本单位还没有稿件".
    await desk.goto("/workspace?status=rejected");
    await expect(desk.getByText("没有符合条件的稿件。")).toBeVisible();
    await expect(desk.getByText(/本单位还没有稿件/)).toHaveCount(0);
    await desk.context().close();
  });
});
