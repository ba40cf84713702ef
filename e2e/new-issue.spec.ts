// The editor's new-issue form: the numbers follow the chosen year, the
// previous issue is named beside the fields, a back issue gets its printed
// date, 发布前检查 warns when the year and the date disagree, and the date
// shows after publishing without a reload.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";

async function bearer(request: APIRequestContext, role: "admin" | "editor" | "contributor", unit?: string) {
  const user = await createUser(role, unit ? { unit } : {});
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

test("a new issue offers the numbers of the chosen year, names the previous issue and takes a back issue's date", async ({ page, loginAs, request }) => {
  const admin = await bearer(request, "admin");
  const editor = await bearer(request, "editor");
  const contributor = await bearer(request, "contributor", "聊城市扶贫办");
  const slug = `ni${Date.now().toString(36)}`;
  const name = `补录简报${slug}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name, issuingBody: "宣传信息组", requiresSignoff: false } })).status()).toBe(201);
  const seed = await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 2017, number: 88, totalNumber: 225, publishedAt: "2017-08-17T10:12:00+08:00" } });
  expect(seed.status()).toBe(201);
  const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "补录的稿件", html: "<p>正文。</p>" } });
  const { id: articleId } = await created.json();
  expect((await request.post(`/api/v1/articles/${articleId}/submit`, { headers: contributor })).status()).toBe(200);
  expect((await request.post(`/api/v1/articles/${articleId}/accept`, { headers: editor })).status()).toBe(200);

  await loginAs("editor");
  await page.goto("/workspace/issues");
  const form = page.getByRole("form", { name: "新建一期" });
  await form.getByRole("combobox", { name: "刊物" }).selectOption(slug);
  const year = form.getByRole("spinbutton", { name: "年份", exact: true });
  const number = form.getByRole("spinbutton", { name: "第几期", exact: true });
  const total = form.getByRole("spinbutton", { name: "总第几期", exact: true });
  await expect(number).toHaveValue("1");
  await expect(form.getByTestId("previous-issue")).toHaveText(`上一期：${name}2017年第88期(总第225期)，2017-08-17 10:12`);

  // Choosing 2017 offers 第89期 总第226期.
  await year.fill("2017");
  await expect(number).toHaveValue("89");
  await expect(total).toHaveValue("226");
  await year.fill("2016");
  await expect(number).toHaveValue("1");
  await expect(form.getByTestId("previous-issue")).toHaveText("2016年及以前还没有期刊。");
  // The date of a back issue sets its year, and the numbers follow.
  await form.getByLabel("刊发日期（补录往期时填写）").fill("2017-08-24T10:00");
  await expect(year).toHaveValue("2017");
  await expect(number).toHaveValue("89");
  await expect(total).toHaveValue("226");
  await page.screenshot({ path: "test-results/screenshots/new-issue-form.png", fullPage: true });
  await form.getByRole("button", { name: "新建一期" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name}2017年第89期(总第226期)`);
  const issueId = Number(/issues\/(\d+)/.exec(page.url())![1]);

  const fields = page.getByRole("form", { name: "本期信息" });
  const date = fields.getByLabel("发布日期和时间");
  await expect(date).toHaveValue("2017-08-24T10:00");
  expect((await request.put(`/api/v1/issues/${issueId}/layout`, { headers: editor, data: { sections: [{ heading: "工作动态", articleIds: [articleId] }] } })).status()).toBe(200);
  await page.reload();
  await fields.getByRole("textbox", { name: "编辑", exact: true }).fill("刘栋");
  await fields.getByRole("button", { name: "保存本期信息" }).click();
  await expect(fields.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await expect(page.getByTestId("checks-ok")).toBeVisible();

  // A date in another year than the number's: a warning that does not stop publishing.
  await date.fill("2018-01-02T09:00");
  await fields.getByRole("button", { name: "保存本期信息" }).click();
  await expect(fields.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  const checks = page.getByTestId("checks-problems");
  await expect(checks).toHaveText("提醒：期号年份为2017年，刊发日期却在2018年");

  // No date: publishing dates it now, and the field shows it at once.
  await date.fill("");
  await fields.getByRole("button", { name: "保存本期信息" }).click();
  await expect(fields.getByRole("status")).toHaveText("已保存。");
  await page.reload();
  await expect(checks).toContainText("未填刊发日期");
  await expect(date).toHaveValue("");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  // A confirmation dialog, where there is one, is confirmed.
  const confirm = page.getByRole("dialog").getByRole("button", { name: /^(发布|确认发布)$/ });
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.click();
    await expect(date).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test("the issues' list pages on, 100 a page, to the oldest issue, and back to the newest", async ({ page, loginAs, request }) => {
  const admin = await bearer(request, "admin");
  const editor = await bearer(request, "editor");
  const slug = `pg${Date.now().toString(36)}`;
  const name = `翻页简报${slug}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name, issuingBody: "宣传信息组" } })).status()).toBe(201);
  // 101 issues of 1950, the oldest year there can be: whatever else the server holds, they are the list's tail.
  for (let from = 1; from <= 101; from += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, 102 - from) }, async (_, k) => {
        const res = await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year: 1950, number: from + k } });
        expect(res.status()).toBe(201);
      }),
    );
  }
  await loginAs("editor");
  await page.goto("/workspace/issues");
  const list = page.getByRole("table", { name: "全部期刊" });
  const oldest = page.getByRole("link", { name: new RegExp(`^${name}1950年第1期`) });
  await expect(page.getByRole("link", { name: "回到最新" })).toHaveCount(0);
  // Page on until 1950年第1期 shows; it is on the last page, which offers no older one.
  for (let guard = 0; guard < 20 && (await oldest.count()) === 0; guard++) {
    await page.getByRole("link", { name: "更早的期 →" }).click();
    await expect(page).toHaveURL(/\/workspace\/issues\?after=/);
    await expect(list).toBeVisible();
  }
  await expect(oldest).toBeVisible();
  await expect(page.getByRole("link", { name: "更早的期 →" })).toHaveCount(0);
  await page.getByRole("link", { name: "回到最新" }).click();
  await expect(page).toHaveURL(/\/workspace\/issues$/);
  await expect(oldest).toHaveCount(0);
});
