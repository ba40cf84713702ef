// 约稿 end to end (issue #16, item 1): an editor commissions two units through
// the UI; one unit's contributor sees it at the top of the desk with the time
// left and answers before the deadline (撰稿回复 → write → 提交审核); the other
// misses it. Time moves with the test clock (lib/e2e/clock.ts: the
// hook's secret and `x-e2e-now` on the requests), never by sleeping; then the
// editor's page shows 按时报送 and 逾期未报, and the late unit's desk 已逾期.
import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, createUser, type TestUser } from "./fixtures";
import { E2E } from "./env";
import { desk, tokenFor } from "./signoff-world";

const HOUR = 3_600_000;
/** Headers that set the server's clock for commission status, for one page or request (the hook's secret goes with them). */
const clockAt = (at: Date) => ({ "x-e2e-token": E2E.hookToken, "x-e2e-now": at.toISOString() });

async function twoUnits(request: APIRequestContext, tag: string) {
  const admin = await tokenFor(request, await createUser("admin"));
  const stamp = `${tag}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const names = [`约稿测试甲单位${stamp}`, `约稿测试乙单位${stamp}`, `约稿测试丙单位${stamp}`];
  const ids: number[] = [];
  for (const name of names) {
    const res = await request.post("/api/v1/units", { headers: admin, data: { name } });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  return { names, ids, stamp };
}

async function shot(page: Page, name: string) {
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test("an editor commissions two units; one answers on time from its desk, the other misses the deadline", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const units = await twoUnits(request, "ui");
  const [a, b, c] = (await Promise.all(units.names.map((unit) => createUser("contributor", { unit })))) as [TestUser, TestUser, TestUser];
  const editorUser = await createUser("editor");
  const editorToken = await tokenFor(request, editorUser);
  const title = `关于报送冬季防火工作信息的约稿${units.stamp}`;

  // The editor writes the commission: title, brief (rich text), the default deadline (three days on, 18:00), two units.
  const editor = await desk(browser, editorUser);
  await editor.goto("/workspace");
  await editor.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "约稿" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("约稿");
  await editor.getByRole("link", { name: "新建约稿" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("新建约稿");
  await editor.getByRole("textbox", { name: "标题" }).fill(title);
  const brief = editor.getByRole("textbox", { name: "约稿要求" });
  await brief.click();
  await editor.keyboard.type("请报送本地冬季防火的主要做法和成效，");
  await editor.keyboard.press("Control+b");
  await editor.keyboard.type("1500 字以内");
  await editor.keyboard.press("Control+b");
  await editor.keyboard.type("。");
  // Nothing chosen yet: the server names the field, nothing is saved.
  await editor.getByRole("button", { name: "发出约稿" }).click();
  await expect(editor.getByText("至少选择一个单位").first()).toBeVisible();
  await expect(editor).toHaveURL(/\/workspace\/commissions\/new$/);
  await editor.getByRole("checkbox", { name: units.names[0] }).check();
  await editor.getByRole("checkbox", { name: units.names[1] }).check();
  await editor.getByRole("button", { name: "发出约稿" }).click();
  await expect(editor).toHaveURL(/\/workspace\/commissions\/\d+$/);
  const id = Number(/(\d+)$/.exec(editor.url())![1]);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(editor.getByTestId("commission-brief")).toContainText("请报送本地冬季防火的主要做法和成效，1500 字以内。");
  await expect(editor.getByTestId("commission-brief").locator("strong")).toHaveText("1500 字以内");
  const rows = editor.getByTestId("commission-units").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(units.names[0]!);
  await expect(rows.nth(0)).toContainText("待报送");
  await expect(rows.nth(1)).toContainText("待报送");
  const { deadline } = await (await request.get(`/api/v1/commissions/${id}`, { headers: editorToken })).json();
  expect(new Date(deadline).getTime()).toBeGreaterThan(Date.now() + 2 * 24 * HOUR);

  // 甲's contributor: the notice, and the commission at the top of the desk with the time left.
  const unitA = await desk(browser, a);
  await unitA.goto("/workspace");
  const onDesk = unitA.getByTestId("desk-commissions");
  await expect(onDesk).toBeVisible();
  const item = onDesk.getByTestId("desk-commission").filter({ hasText: title });
  await expect(item.getByTestId("time-left")).toHaveText(/^还剩 \d 天 \d{1,2} 小时$/);
  await expect(unitA.getByRole("region", { name: "通知", exact: true })).toContainText(`新约稿：《${title}》`);
  // The desk's section comes before the unit's notices and articles.
  const [deskTop, noticesTop] = await Promise.all([onDesk.boundingBox(), unitA.getByRole("region", { name: "通知", exact: true }).boundingBox()]);
  expect(deskTop!.y).toBeLessThan(noticesTop!.y);
  await shot(unitA, "commission-desk");

  // 撰稿回复 → write → 提交审核.
  await item.getByRole("link", { name: "撰稿回复" }).click();
  await expect(unitA).toHaveURL(new RegExp(`/workspace/articles/new\\?commission=${id}$`));
  await expect(unitA.getByTestId("answers-commission")).toContainText(`回复约稿《${title}》`);
  await unitA.getByPlaceholder("标题").fill(`${units.names[0]}冬季防火工作扎实推进`);
  await unitA.locator(".ProseMirror").click();
  await unitA.keyboard.type("入冬以来，我单位扎实推进冬季防火工作。");
  await expect(unitA.getByTestId("save-status")).toHaveText(/^已保存/);
  await unitA.getByRole("button", { name: "提交审核" }).click();
  await expect(unitA).toHaveURL(/\/workspace\/articles\/\d+$/);
  const articleId = Number(/(\d+)$/.exec(unitA.url())![1]);
  await expect(unitA.getByText("已提交", { exact: true }).first()).toBeVisible();
  await expect(unitA.getByTestId("answers-commission")).toHaveText(`回复约稿：《${title}》`);
  // Answered: off the desk.
  await unitA.goto("/workspace");
  await expect(unitA.getByTestId("desk-commission").filter({ hasText: title })).toHaveCount(0);

  // 乙's contributor sees it too, and does nothing; 丙 (not addressed) never sees it.
  const unitB = await desk(browser, b);
  await unitB.goto("/workspace");
  await expect(unitB.getByTestId("desk-commission").filter({ hasText: title })).toBeVisible();
  const unitC = await desk(browser, c);
  await unitC.goto("/workspace");
  await expect(unitC.getByRole("main")).not.toContainText(title);
  expect((await unitC.goto(`/workspace/commissions/${id}`))?.status()).toBe(404);

  // Before the deadline the editor sees 甲 answered on time, 乙 still open.
  await editor.reload();
  await expect(rows.nth(0)).toContainText("按时报送");
  await expect(rows.nth(0).getByRole("link", { name: `${units.names[0]}冬季防火工作扎实推进` })).toHaveAttribute("href", `/workspace/articles/${articleId}`);
  await expect(rows.nth(1)).toContainText("待报送");

  // The clock passes the deadline: 乙 missed it.
  const after = new Date(new Date(deadline).getTime() + HOUR);
  await editor.setExtraHTTPHeaders(clockAt(after));
  await editor.reload();
  await expect(rows.nth(0).getByTestId("commission-status")).toHaveText("按时报送");
  await expect(rows.nth(1).getByTestId("commission-status")).toHaveText("逾期未报");
  await expect(rows.nth(1)).toContainText(units.names[1]!);
  await expect(editor.getByText("按时 1 · 逾期报送 0 · 逾期未报 1 · 待报送 0")).toBeVisible();
  await expect(editor.getByTestId("time-left").first()).toHaveText("已逾期");
  await shot(editor, "commission-detail");
  // The list says the same.
  await editor.goto("/workspace/commissions");
  const listed = editor.getByTestId("commission-list").locator("tr").filter({ hasText: title });
  await expect(listed).toContainText("逾期未报");
  await expect(listed).toContainText("按时报送");

  // 乙's desk, at the same moment: 已逾期 (it may still answer, late).
  await unitB.setExtraHTTPHeaders(clockAt(after));
  await unitB.goto("/workspace");
  await expect(unitB.getByTestId("desk-commission").filter({ hasText: title }).getByTestId("time-left")).toHaveText("已逾期");

  // The API agrees, at the moved clock; at the real time 乙 is still open.
  const api = await (await request.get(`/api/v1/commissions/${id}`, { headers: { ...editorToken, ...clockAt(after) } })).json();
  expect(api.units.map((u: { unitId: number; status: string; late: boolean | null; articleIds: number[] }) => [u.unitId, u.status, u.late, u.articleIds])).toEqual([
    [units.ids[0], "answered", false, [articleId]],
    [units.ids[1], "missed", null, []],
  ]);
  const now = await (await request.get(`/api/v1/commissions/${id}`, { headers: editorToken })).json();
  expect(now.units[1].status).toBe("open");
  // Without the hook's secret the clock header is ignored.
  const forged = await (await request.get(`/api/v1/commissions/${id}`, { headers: { ...editorToken, "x-e2e-now": after.toISOString() } })).json();
  expect(forged.units[1].status).toBe("open");

  for (const p of [editor, unitA, unitB, unitC]) await p.context().close();
});

test("nothing of it is public: signed-out visitors are sent to sign in or refused, readers' pages never show it", async ({ request }) => {
  const units = await twoUnits(request, "pub");
  const editorToken = await tokenFor(request, await createUser("editor"));
  const title = `不公开的约稿${units.stamp}`;
  const res = await request.post("/api/v1/commissions", {
    headers: editorToken,
    data: { title, brief: "<p>内部约稿。</p>", deadline: new Date(Date.now() + 48 * HOUR).toISOString(), unitIds: [units.ids[0]] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = await res.json();
  const anonymous = await request.get(`/api/v1/commissions/${id}`);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");
  expect((await request.get("/api/v1/commissions")).status()).toBe(401);
  for (const url of ["/workspace/commissions", `/workspace/commissions/${id}`, "/workspace/commissions/new"]) {
    const page = await request.get(url, { maxRedirects: 0 });
    expect(page.status(), url).toBe(307);
    expect(page.headers().location, url).toMatch(/\/login\?callbackUrl=/);
  }
  // The reader site: nothing of it, not even in search.
  const search = await request.get(`/api/v1/search?q=${encodeURIComponent("内部约稿")}`);
  expect((await search.json()).results).toEqual([]);
  expect((await request.get(`/commissions/${id}`)).status()).toBe(404);
});

test("an editor changes one commission's deadline and cancels another; the unit's desk follows", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const units = await twoUnits(request, "chg");
  const contributor = await createUser("contributor", { unit: units.names[0]! });
  const leftOut = await createUser("contributor", { unit: units.names[1]! });
  const editorUser = await createUser("editor");
  const editorToken = await tokenFor(request, editorUser);
  const write = async (title: string, unitIds = [units.ids[0]]) => {
    const res = await request.post("/api/v1/commissions", {
      headers: editorToken,
      data: { title, brief: "<p>请报送做法。</p>", deadline: new Date(Date.now() + 48 * HOUR).toISOString(), unitIds },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: number; title: string };
  };
  const moved = await write(`改期的约稿${units.stamp}`, [units.ids[0], units.ids[1]]);
  const dropped = await write(`撤销的约稿${units.stamp}`);
  // The unit has begun a reply to the one that will be cancelled.
  const begun = await request.post("/api/v1/articles", {
    headers: await tokenFor(request, contributor),
    data: { title: `写了一半的回复${units.stamp}`, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "入冬以来，我单位扎实推进冬季防火工作。" }] }] }, commissionId: dropped.id },
  });
  expect(begun.status(), await begun.text()).toBe(201);
  const draftId = ((await begun.json()) as { id: number }).id;

  // 修改: the form comes prefilled; a new deadline (China time) five days on at 17:30.
  const editor = await desk(browser, editorUser);
  await editor.goto(`/workspace/commissions/${moved.id}`);
  await editor.getByRole("link", { name: "修改", exact: true }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("修改约稿");
  await expect(editor.getByRole("textbox", { name: "标题" })).toHaveValue(moved.title);
  await expect(editor.getByRole("textbox", { name: "约稿要求" })).toContainText("请报送做法。");
  await expect(editor.getByRole("checkbox", { name: units.names[0] })).toBeChecked();
  // The second unit is no longer asked.
  await editor.getByRole("checkbox", { name: units.names[1] }).uncheck();
  const day = new Date(Date.now() + 5 * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10); // the China day five days on
  await editor.getByLabel("截止时间").fill(`${day}T17:30`);
  await editor.getByRole("button", { name: "保存修改" }).click();
  await expect(editor).toHaveURL(new RegExp(`/workspace/commissions/${moved.id}$`));
  await expect(editor.getByText(`截止时间：${day} 17:30`)).toBeVisible();
  const api = await (await request.get(`/api/v1/commissions/${moved.id}`, { headers: editorToken })).json();
  expect(api).toMatchObject({ version: 2, deadline: new Date(`${day}T17:30:00+08:00`).toISOString(), cancelled: null });

  // 撤销: the reason is asked for (required), then confirmed.
  await editor.goto(`/workspace/commissions/${dropped.id}`);
  await editor.getByRole("button", { name: "撤销" }).click();
  const dialog = editor.getByRole("dialog", { name: "撤销约稿" });
  await dialog.getByRole("button", { name: "确认撤销" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("请填写撤销原因");
  await dialog.getByRole("textbox", { name: "撤销原因" }).fill("工作安排调整，本次不再约稿");
  await dialog.getByRole("button", { name: "确认撤销" }).click();
  await expect(dialog).toBeHidden();
  const note = editor.getByTestId("commission-cancelled-note");
  await expect(note).toContainText("撤销原因：工作安排调整，本次不再约稿");
  await expect(editor.getByTestId("commission-cancelled")).toHaveText(["已撤销", "已撤销"]); // by the title, and for the unit that had not answered
  await expect(editor.getByText("已撤销，不再需要报送，不计分。")).toBeVisible();
  await expect(editor.getByRole("button", { name: "撤销" })).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);
  await shot(editor, "commission-cancelled");
  // The editor's list says so too.
  await editor.goto("/workspace/commissions");
  await expect(editor.getByTestId(`commission-row-${dropped.id}`)).toContainText("已撤销");
  await expect(editor.getByTestId(`commission-row-${dropped.id}`)).toContainText("工作安排调整");

  // The unit's desk: the new deadline; the cancelled one gone (and told why); no answer offered for it.
  const unit = await desk(browser, contributor);
  await unit.goto("/workspace");
  const onDesk = unit.getByTestId("desk-commission");
  await expect(onDesk.filter({ hasText: moved.title })).toContainText(`截止时间：${day} 17:30`);
  await expect(onDesk.filter({ hasText: dropped.title })).toHaveCount(0);
  const notices = unit.getByRole("region", { name: "通知", exact: true });
  await expect(notices).toContainText(`约稿《${moved.title}》的截止时间改为 ${day} 17:30`);
  await expect(notices).toContainText(`约稿《${dropped.title}》已撤销：工作安排调整，本次不再约稿`);
  expect((await unit.goto(`/workspace/articles/new?commission=${dropped.id}`))?.status()).toBe(404);
  await unit.goto(`/workspace/commissions/${dropped.id}`);
  await expect(unit.getByTestId("commission-cancelled-note")).toContainText("不再需要报送");
  await expect(unit.getByRole("link", { name: "撰稿回复" })).toHaveCount(0);
  // The reply begun for it is still the unit's draft; the editor says it goes in as an ordinary article, and it does.
  await unit.goto(`/workspace/articles/${draftId}/edit`);
  await expect(unit.getByTestId("answers-commission")).toHaveText(`这篇稿件为约稿《${dropped.title}》而写，该约稿已撤销：提交审核时作为普通稿件报送，不计为回复。`);
  await shot(unit, "commission-cancelled-draft");
  await unit.getByRole("button", { name: "提交审核" }).click();
  await expect(unit).toHaveURL(new RegExp(`/workspace/articles/${draftId}$`));
  await expect(unit.getByText("已提交", { exact: true }).first()).toBeVisible();
  await expect(unit.getByTestId("answers-commission")).toHaveCount(0);

  // The unit taken off the changed commission: told it need not answer, with no link to a page it can no longer open.
  const other = await desk(browser, leftOut);
  await other.goto("/workspace");
  await expect(other.getByTestId("desk-commission").filter({ hasText: moved.title })).toHaveCount(0);
  const told = other.getByRole("region", { name: "通知", exact: true }).getByText(`约稿《${moved.title}》已不再向本单位约稿，无需报送`);
  await expect(told).toBeVisible();
  await expect(told.locator("xpath=ancestor-or-self::a")).toHaveCount(0);
  // Nor does its earlier notice of the commission link to it any more.
  const sent = other.getByRole("region", { name: "通知", exact: true }).getByText(`新约稿：《${moved.title}》`);
  await expect(sent).toBeVisible();
  await expect(sent.locator("xpath=ancestor-or-self::a")).toHaveCount(0);
  await shot(other, "commission-unit-removed");
  expect((await other.goto(`/workspace/commissions/${moved.id}`))?.status()).toBe(404);
  // The 404 stays in the workspace, menu and all, and leads back to the desk, not to the reader site's sign-in.
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(other.getByRole("navigation", { name: "工作台导航" })).toBeVisible();
  await expect(other.getByRole("link", { name: "登录" })).toHaveCount(0);
  await shot(other, "workspace-not-found");
  await other.getByRole("link", { name: "返回工作台" }).click();
  await expect(other).toHaveURL(/\/workspace$/);

  for (const p of [editor, unit, other]) await p.context().close();
});
