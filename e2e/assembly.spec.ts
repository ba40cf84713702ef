// Issue assembly as an editor does it: from three accepted submissions to the published seed issue.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, createUser, type TestUser } from "./fixtures";
import { articleDocument, parseSeed, seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder } from "../testing/printed-lines";

const seedText = fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8");
const seed = parseSeed(seedText);
const squash = (s: string) => s.replace(/\s+/g, "");

async function tokenFor(request: APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  return { authorization: `Bearer ${(await res.json()).token}` };
}

/** Three contributors submit the seed's articles; an editor accepts them. Returns the article ids in seed order. */
async function acceptedSeedArticles(request: APIRequestContext): Promise<number[]> {
  const editor = await tokenFor(request, await createUser("editor"));
  const ids: number[] = [];
  for (const a of seed.sections[0]!.articles) {
    const contributor = await tokenFor(request, await createUser("contributor", { unit: a.attribution }));
    const created = await request.post("/api/v1/articles", {
      headers: contributor,
      data: { title: a.titleLines.join("\n"), body: articleDocument(a.paragraphs), attribution: a.attribution },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor })).status()).toBe(200);
    expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
    ids.push(id);
    titles.set(id, a.titleLines.join(""));
  }
  return ids;
}

/** A publication of the test's own; `requiresSignoff: false` where 签发 is not the point (e2e/signoff.spec.ts tests it). */
async function newPublication(request: APIRequestContext, slug: string, options: { requiresSignoff?: boolean } = {}) {
  const admin = await tokenFor(request, await createUser("admin"));
  const res = await request.post("/api/v1/publications", { headers: admin, data: { slug, name: seed.publicationName, issuingBody: seed.source, ...options } });
  expect(res.status()).toBe(201);
}

/** Nothing goes public on one click: the dialog names the issue first; this confirms it. */
async function confirmDialog(page: Page, title: RegExp, expectText: string[], confirm = /^确认/) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  for (const text of expectText) await expect(dialog).toContainText(text);
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

const titles = new Map<number, string>();

/** The current minute in China time, as a datetime-local value. */
const chinaMinuteNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);

const item = (page: Page, id: number) => page.locator(`li[data-article-id="${id}"]`);

test.describe("issue assembly", () => {
  test("from three accepted submissions to the published seed issue, reordered with the keyboard", async ({ page, request, loginAs }) => {
    const slug = `sd${Date.now().toString(36)}`;
    await newPublication(request, slug, { requiresSignoff: false });
    const [liaocheng, weihai, sft] = (await acceptedSeedArticles(request)) as [number, number, number];
    const me = await loginAs("editor");

    await page.goto("/workspace/issues");
    const create = page.getByRole("form", { name: "新建一期" });
    await create.getByRole("combobox", { name: "刊物" }).selectOption(slug);
    await expect(create.getByRole("spinbutton", { name: "第几期", exact: true })).toHaveValue("1");
    await create.getByRole("spinbutton", { name: "年份", exact: true }).fill("2017");
    await create.getByRole("spinbutton", { name: "第几期", exact: true }).fill("88");
    await create.getByRole("spinbutton", { name: "总第几期", exact: true }).fill("225");
    await create.getByRole("button", { name: "新建一期" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("山东脱贫攻坚简报2017年第88期(总第225期)");

    // The menu marks where the editor is: the board belongs to 期刊组版.
    const menu = page.getByRole("navigation", { name: "工作台导航" });
    await expect(menu.getByRole("link", { name: "期刊组版" })).toHaveAttribute("aria-current", "page");
    await expect(menu.locator('[aria-current="page"]')).toHaveCount(1);

    // Details: source defaults to the issuing body, 编辑 to whoever created the issue; editor and date as printed.
    const fields = page.getByRole("form", { name: "本期信息" });
    await expect(fields.getByRole("textbox", { name: "来源", exact: true })).toHaveValue("宣传信息组");
    await expect(fields.getByRole("textbox", { name: "编辑", exact: true })).toHaveValue(me.name);
    await fields.getByRole("textbox", { name: "编辑", exact: true }).fill("刘栋");
    await fields.getByLabel("发布日期和时间").fill("2017-08-17T10:12");
    await fields.getByRole("button", { name: "保存本期信息" }).click();
    await expect(fields.getByRole("status")).toHaveText("已保存。");

    await page.getByRole("textbox", { name: "新栏目名" }).fill("向深度贫困进军");
    await page.getByRole("button", { name: "添加栏目" }).click();
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    const section = page.getByRole("group", { name: "【向深度贫困进军】" });
    await expect(section).toBeVisible();

    // Out of order on purpose: 省司法厅 first by "move to", then 聊城 by mouse drag, then 威海.
    await item(page, sft).getByRole("combobox", { name: /^把《.*》移到$/ }).selectOption({ label: "【向深度贫困进军】" });
    await expect(section.locator(`li[data-article-id="${sft}"]`)).toBeVisible();
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    // A mouse drag; under heavy load a drag can start before the pointer settles, so it is retried.
    await expect(async () => {
      const handle = item(page, liaocheng).getByRole("button", { name: /^拖动/ });
      const target = section.locator(`li[data-article-id="${sft}"]`);
      await target.scrollIntoViewIfNeeded();
      await handle.scrollIntoViewIfNeeded(); // within the unplaced list, which scrolls on its own
      const box = (await handle.boundingBox())!;
      const to = (await target.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 20, box.y + 10, { steps: 5 });
      await page.mouse.move(to.x + 40, to.y + to.height * 0.75, { steps: 15 });
      await page.mouse.up();
      await expect(section.locator(`li[data-article-id="${liaocheng}"]`)).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    await expect(section.locator(`li[data-article-id="${liaocheng}"]`)).toBeVisible();
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    await item(page, weihai).getByRole("combobox", { name: /^把《.*》移到$/ }).selectOption({ label: "【向深度贫困进军】" });
    await expect(section.locator("li")).toHaveCount(3);
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");

    // Reorder with the keyboard until the order is 聊城, 威海, 省司法厅.
    const order = async () => section.locator("li").evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-article-id"))));
    for (let guard = 0; guard < 6 && JSON.stringify(await order()) !== JSON.stringify([liaocheng, weihai, sft]); guard++) {
      const current = await order();
      const wrong = current.findIndex((id, i) => id !== [liaocheng, weihai, sft][i]);
      const wanted = [liaocheng, weihai, sft][wrong]!;
      await section.getByRole("button", { name: new RegExp(`^《${escape(titleOf(wanted))}》上移$`) }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    }
    expect(await order()).toEqual([liaocheng, weihai, sft]);
    await page.reload();
    expect(await order()).toEqual([liaocheng, weihai, sft]);
    await expect(page.getByTestId("checks-ok")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/assembly-board.png", fullPage: true });

    await page.getByRole("link", { name: "预览" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "山东脱贫攻坚简报2017年第88期(总第225期)" })).toBeVisible();
    const previewText = squash(await page.locator(".bulletin").innerText());
    await page.getByRole("link", { name: "返回组版" }).click();
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await confirmDialog(page, /确认发布/, ["2017年第88期 总第225期", "3 篇", "本刊物无需签发", "全部通过"]);
    await expect(page.getByText("已发布", { exact: true })).toBeVisible();

    const reader = await page.goto(`/p/${slug}/2017/88`);
    expect(reader?.status()).toBe(200);
    expect(firstMissingInOrder(await page.locator("main").innerText(), seedContentLines(seedText))).toBeNull();
    // The preview showed exactly what readers see.
    expect(squash(await page.locator(".bulletin").innerText())).toBe(previewText);
    await page.screenshot({ path: "test-results/screenshots/assembled-issue.png", fullPage: false });
  });

  test("the drag handle works with the keyboard (space, arrows, space)", async ({ page, request, loginAs }) => {
    const slug = `kb${Date.now().toString(36)}`;
    await newPublication(request, slug);
    const [a, b, c] = (await acceptedSeedArticles(request)) as [number, number, number];
    await loginAs("editor");
    const editorToken = await tokenFor(request, await createUser("editor"));
    const created = await request.post("/api/v1/issues", { headers: editorToken, data: { publication: slug, year: 2030 } });
    expect(created.status()).toBe(201);
    const issue = await created.json();
    expect(issue).toMatchObject({ publication: slug, year: 2030, number: 1, totalNumber: 1, status: "draft" });
    const put = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editorToken, data: { sections: [{ heading: "栏目", articleIds: [a, b, c] }] } });
    expect(put.status()).toBe(200);
    await page.goto(`/workspace/issues/${issue.id}`);
    const section = page.getByRole("group", { name: "【栏目】" });
    const order = async () => section.locator("li").evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-article-id"))));
    expect(await order()).toEqual([a, b, c]);
    // As a screen-reader user hears it: picked up, moved over the next article, dropped (in Chinese).
    const handle = item(page, a).getByRole("button", { name: /^拖动/ });
    const live = page.locator('[id^="DndLiveRegion"]');
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(live).toHaveText(`已拿起《${titleOf(a)}》。`);
    await page.keyboard.press("ArrowDown");
    await expect(live).toHaveText(`《${titleOf(a)}》移到《${titleOf(b)}》的位置。`);
    await page.keyboard.press("Space");
    await expect(live).toHaveText(`《${titleOf(a)}》已放到《${titleOf(b)}》的位置。`);
    await expect.poll(order).toEqual([b, a, c]);
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    // Two quick moves in a row (the second before the first is saved) are both saved, without a conflict.
    const up = section.getByRole("button", { name: new RegExp(`^《${escape(titleOf(c))}》上移$`) });
    await up.click();
    await up.click();
    await expect.poll(order).toEqual([c, b, a]);
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    await page.reload();
    expect(await order()).toEqual([c, b, a]);

    // 改名 asks in the app's dialog (was window.prompt): an empty name is refused, brackets are dropped, focus returns.
    const browserDialogs: string[] = [];
    page.on("dialog", (d) => {
      browserDialogs.push(d.message());
      void d.dismiss();
    });
    const rename = page.getByRole("button", { name: "重命名栏目【栏目】" });
    await rename.click();
    const dialog = page.getByRole("dialog", { name: "重命名栏目【栏目】" });
    const field = dialog.getByRole("textbox", { name: "栏目名" });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("栏目");
    await field.fill("  ");
    await dialog.getByRole("button", { name: "确定" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("请填写栏目名。");
    await field.fill("【工作动态】");
    await field.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("button", { name: "重命名栏目【工作动态】" })).toBeFocused();
    await expect(page.getByTestId("layout-status")).toHaveText("版面已保存");
    await page.reload();
    await expect(page.getByRole("group", { name: "【工作动态】" }).locator("li")).toHaveCount(3);
    expect(browserDialogs).toEqual([]);
  });
});

test("schedule → the scheduler publishes; withdraw → 410 notice; restore; a correction signed, then shown to readers", async ({ page, request, loginAs }) => {
  const slug = `sc${Date.now().toString(36)}`;
  await newPublication(request, slug);
  const [a] = (await acceptedSeedArticles(request)) as [number];
  const editor = await tokenFor(request, await createUser("editor"));
  const signerUser = await createUser("signer");
  const signer = await tokenFor(request, signerUser);
  const issue = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2031 } })).json();
  await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editor, data: { sections: [{ heading: "栏目", articleIds: [a] }] } });
  const { version } = await (await request.get(`/api/v1/issues/${issue.id}`, { headers: editor })).json();
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editor, data: { version, editorName: "刘栋" } })).status()).toBe(200);
  const readerUrl = `/p/${slug}/2031/1`;
  expect((await request.get(readerUrl)).status()).toBe(404);
  // 签发 through the API: the publication requires it.
  expect((await request.post(`/api/v1/issues/${issue.id}/request-signoff`, { headers: editor })).status()).toBe(200);
  expect((await request.post(`/api/v1/issues/${issue.id}/signoff`, { headers: signer, data: { decision: "approve" } })).status()).toBe(200);

  await loginAs("editor");
  await page.goto(`/workspace/issues/${issue.id}`);
  await page.getByLabel("定时发布时间").fill(chinaMinuteNow());
  await page.getByRole("button", { name: "定时发布" }).click();
  await confirmDialog(page, /确认定时发布/, ["2031年第1期 总第1期", "1 篇", signerUser.name]);
  // The current minute counts as "now": the page shows the issue scheduled (or already published by the
  // scheduler), never an error. It used to be refused as past when the click came late in the minute.
  // (Next's route announcer is an empty role=alert element of its own: only an alert with text is an error.)
  const error = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(page.getByText(/^(已定时|已发布)$/).or(error)).toBeVisible();
  await expect(error).toHaveCount(0);
  // The app's own scheduler (every second in tests) publishes it; no outside cron.
  await expect.poll(async () => (await (await request.get(`/api/v1/issues/${issue.id}`, { headers: editor })).json()).status, { timeout: 20_000 }).toBe("published");
  expect((await request.get(readerUrl)).status()).toBe(200);

  await page.reload();
  await page.getByRole("textbox", { name: "撤回原因" }).fill("数据有误，核实后重新发布");
  await page.getByRole("button", { name: "撤回本期" }).click();
  await confirmDialog(page, /确认撤回/, ["2031年第1期 总第1期", "数据有误，核实后重新发布"]);
  await expect(page.getByText("已撤回", { exact: true })).toBeVisible();
  const gone = await page.goto(readerUrl);
  expect(gone?.status()).toBe(410);
  await expect(page.locator("main")).toContainText("数据有误，核实后重新发布");
  // Every reader form of the issue answers 410 (the print view, the article permalink, the Word file, the API).
  for (const url of [`${readerUrl}/print`, `${readerUrl}/a/${a}`, `${readerUrl}/issue.docx`, `/api/v1/publications/${slug}/issues/2031/1`]) {
    expect((await request.get(url)).status(), url).toBe(410);
  }

  await page.goto(`/workspace/issues/${issue.id}`);
  await page.getByRole("button", { name: "恢复发布" }).click();
  await confirmDialog(page, /确认恢复/, ["2031年第1期 总第1期"]);
  await expect(page.getByText("已发布", { exact: true })).toBeVisible();
  await page.getByRole("textbox", { name: "更正说明（读者可见，注明日期）" }).fill("第一篇标题中“六项举措”应为“六项重点举措”。");
  // The publication requires 签发: the correction goes to the signer first (e2e/correction-signoff.spec.ts drives
  // the signer's side on the desks); readers see it once signed.
  await page.getByRole("button", { name: "提交更正签发" }).click();
  await confirmDialog(page, /确认提交更正签发/, ["2031年第1期 总第1期", "六项重点举措", "签发后读者才能看到"], /^提交签发$/);
  await expect(page.getByTestId("correction-pending")).toContainText("第一篇标题中“六项举措”应为“六项重点举措”。");
  expect(await (await request.get(readerUrl)).text()).not.toContain("第一篇标题中“六项举措”应为“六项重点举措”。");
  const [pending] = (await (await request.get(`/api/v1/issues/${issue.id}/corrections`, { headers: editor })).json()).corrections;
  expect((await request.post(`/api/v1/issues/${issue.id}/corrections/${pending.id}/signoff`, { headers: signer, data: { decision: "approve" } })).status()).toBe(200);
  const ok = await page.goto(readerUrl);
  expect(ok?.status()).toBe(200);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await expect(page.getByRole("complementary", { name: "更正" })).toContainText(`更正 ${today}: 第一篇标题中“六项举措”应为“六项重点举措”。`);
  const api = await (await request.get(`/api/v1/publications/${slug}/issues/2031/1`)).json();
  expect(api.corrections).toEqual([expect.objectContaining({ text: "第一篇标题中“六项举措”应为“六项重点举措”。" })]);
});

function titleOf(id: number) {
  return titles.get(id)!;
}
function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
