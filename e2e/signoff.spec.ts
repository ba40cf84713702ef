// 签发 (issue #15): the HTTP contract of request-signoff and signoff, the
// publish gate (409 not_signed), the races, and the journey with two browser
// contexts — the editor at a desk, the leader on a phone.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, createUser, signInThroughForm } from "./fixtures";
import { E2E } from "./env";
import { desk, html, phone, post, readyIssue, tokenFor, world } from "./signoff-world";

test.describe("签发 over HTTP", () => {
  test("the contract's calls alone take an issue to readers: the creator is 编辑, a heading sent in 【】 is stored without", async ({ request }) => {
    const w = await world(request, "c");
    const editorUser = await createUser("editor");
    const editor = await tokenFor(request, editorUser);
    const ids: number[] = [];
    for (const title of ["契约流程甲稿", "契约流程乙稿"]) {
      const created = await request.post("/api/v1/articles", { headers: w.contributor, data: { title, html: html(`${title}的正文。`) } });
      expect(created.status()).toBe(201);
      const { id } = await created.json();
      expect((await post(request, `/api/v1/articles/${id}/submit`, w.contributor)).status()).toBe(200);
      expect((await post(request, `/api/v1/articles/${id}/accept`, editor)).status()).toBe(200);
      ids.push(id);
    }
    const created = await request.post("/api/v1/issues", { headers: editor, data: { publication: w.slug, year: 2034 } });
    expect(created.status()).toBe(201);
    const issue = await created.json();
    const at = (p: string) => `/api/v1/issues/${issue.id}/${p}`;
    expect((await request.put(at("layout"), { headers: editor, data: { sections: [{ heading: " 【工作动态】 ", articleIds: ids }] } })).status()).toBe(200);
    const asked = await post(request, at("request-signoff"), editor);
    expect(asked.status(), await asked.text()).toBe(200);
    expect(await asked.json()).toMatchObject({ status: "awaiting_signoff" });
    expect((await post(request, at("signoff"), w.signer, { decision: "approve" })).status()).toBe(200);
    expect((await post(request, at("publish"), editor)).status()).toBe(200);
    const read = await request.get(`/api/v1/publications/${w.slug}/issues/2034/${issue.number}`);
    expect(read.status()).toBe(200);
    const body = await read.json();
    expect(body.editor).toBe(editorUser.name);
    expect(body.sections.map((s: { heading: string | null }) => s.heading)).toEqual(["工作动态"]);
    const page = (await (await request.get(`/p/${w.slug}/2034/${issue.number}`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("【工作动态】");
    expect(page).not.toContain("【【");
    // A heading that is only brackets is no heading: 422, nothing stored.
    // An issue created with 编辑 named keeps that name.
    const named = await (await request.post("/api/v1/issues", { headers: editor, data: { publication: w.slug, year: 2035, editorName: " 刘栋 " } })).json();
    expect(await (await request.get(`/api/v1/issues/${named.id}`, { headers: editor })).json()).toMatchObject({ editorName: "刘栋", version: 1 });
    // A heading that is only brackets is no heading: 422, nothing stored.
    const refused = await request.put(`/api/v1/issues/${named.id}/layout`, { headers: editor, data: { sections: [{ heading: "【】", articleIds: [] }] } });
    expect(refused.status()).toBe(422);
    expect(await (await request.get(`/api/v1/issues/${named.id}`, { headers: editor })).json()).toMatchObject({ version: 1 });
  });

  test("request → return (comment required) → request → sign → publish; the publish gate and who may do what", async ({ request }) => {
    const w = await world(request, "h");
    const issue = await readyIssue(request, w, 2031);
    const at = (p: string) => `/api/v1/issues/${issue.id}/${p}`;

    // Unsigned: publish and schedule refused with not_signed.
    for (const [path, data] of [["publish", undefined], ["schedule", { at: new Date(Date.now() + 3600_000).toISOString() }]] as const) {
      const res = await post(request, at(path), w.editor, data);
      expect(res.status(), path).toBe(409);
      expect((await res.json()).error.code, path).toBe("not_signed");
    }

    // Who may ask: editors (and admins); not signers, contributors or the signed-out.
    expect((await post(request, at("request-signoff"), w.signer)).status()).toBe(403);
    expect((await post(request, at("request-signoff"), w.contributor)).status()).toBe(403);
    expect((await post(request, at("request-signoff"), {})).status()).toBe(401);
    const requested = await post(request, at("request-signoff"), w.editor);
    expect(requested.status()).toBe(200);
    expect(await requested.json()).toMatchObject({ status: "awaiting_signoff" });
    expect((await post(request, at("request-signoff"), w.editor)).status()).toBe(409);

    // Who may decide: signers and admins; editors and contributors 403, whatever they send.
    for (const who of [w.editor, w.contributor]) {
      expect((await post(request, at("signoff"), who, { decision: "approve" })).status()).toBe(403);
      expect((await post(request, at("signoff"), who, { decision: "return" })).status()).toBe(403);
    }
    expect((await post(request, at("signoff"), {}, { decision: "approve" })).status()).toBe(401);
    const noComment = await post(request, at("signoff"), w.signer, { decision: "return" });
    expect(noComment.status()).toBe(422);
    expect((await noComment.json()).error.fields).toMatchObject({ comment: [expect.any(String)] });
    expect((await post(request, at("signoff"), w.signer, { decision: "sign" })).status()).toBe(422);

    const returned = await post(request, at("signoff"), w.signer, { decision: "return", comment: "请核实乙稿数据" });
    expect(returned.status()).toBe(200);
    expect(await returned.json()).toMatchObject({ status: "draft", signedBy: null, signedAt: null });
    expect((await post(request, at("signoff"), w.signer, { decision: "approve" })).status()).toBe(409);

    expect((await post(request, at("request-signoff"), w.editor)).status()).toBe(200);
    const signed = await post(request, at("signoff"), w.signer, { decision: "approve" });
    expect(signed.status()).toBe(200);
    const body = await signed.json();
    expect(body).toMatchObject({ status: "signed", signedBy: w.signerUser.name, signedAt: expect.any(String) });
    expect(Date.parse(body.signedAt)).toBeGreaterThan(Date.now() - 120_000);

    // Signers never edit articles or layouts.
    const article = await (await request.get(`/api/v1/articles/${issue.articleIds[0]}`, { headers: w.editor })).json();
    expect((await request.patch(`/api/v1/articles/${article.id}`, { headers: w.signer, data: { title: "签发人改题", version: article.version } })).status()).toBe(403);
    expect((await request.put(at("layout"), { headers: w.signer, data: { sections: [] } })).status()).toBe(403);
    expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: w.signer, data: { version: 1, note: "x" } })).status()).toBe(403);
    expect((await post(request, at("publish"), w.signer)).status()).toBe(403);

    // The history, for the desks.
    const state = await (await request.get(at("signoff"), { headers: w.editor })).json();
    expect(state).toMatchObject({ status: "signed", requiresSignoff: true, signedBy: w.signerUser.name, lastReturn: { comment: "请核实乙稿数据" } });
    expect(state.history.map((e: { type: string }) => e.type)).toEqual(["signoff_requested", "signoff_returned", "signoff_requested", "signed"]);

    expect((await post(request, at("publish"), w.editor)).status()).toBe(200);
    // Readers never see who signed: not in the API, the page, the print view or the feed.
    for (const url of [`/api/v1/publications/${w.slug}/issues/2031/${issue.number}`, `/p/${w.slug}/2031/${issue.number}`, `/p/${w.slug}/2031/${issue.number}/print`, `/p/${w.slug}/feed.xml`]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      expect(await res.text(), url).not.toContain(w.signerUser.name);
    }
  });

  test("422 naming the failed checks; two signers at once: one wins, the other 409; a change after signing voids it", async ({ request }) => {
    const w = await world(request, "r");
    const empty = await (await request.post("/api/v1/issues", { headers: w.editor, data: { publication: w.slug, year: 2032 } })).json();
    // A new issue names its creator as 编辑; the editor clears the field, and the checks ask for it.
    expect((await request.patch(`/api/v1/issues/${empty.id}`, { headers: w.editor, data: { version: 1, editorName: null } })).status()).toBe(200);
    const refused = await post(request, `/api/v1/issues/${empty.id}/request-signoff`, w.editor);
    expect(refused.status()).toBe(422);
    const error = (await refused.json()).error;
    expect(error.message).toContain("本期还没有稿件");
    expect(error.message).toContain("请填写本期编辑");
    expect(error.checks.map((c: { code: string }) => c.code).sort()).toEqual(["no_articles", "no_editor"]);

    const issue = await readyIssue(request, w, 2033);
    const at = (p: string) => `/api/v1/issues/${issue.id}/${p}`;
    expect((await post(request, at("request-signoff"), w.editor)).status()).toBe(200);
    const second = await tokenFor(request, await createUser("signer"));
    const [one, two] = await Promise.all([
      post(request, at("signoff"), w.signer, { decision: "approve" }),
      post(request, at("signoff"), second, { decision: "return", comment: "同时退回" }),
    ]);
    expect([one.status(), two.status()].sort()).toEqual([200, 409]);
    const status = (await (await request.get(`/api/v1/issues/${issue.id}`, { headers: w.editor })).json()).status;
    if (status === "draft") {
      // The return won: ask and sign again.
      expect((await post(request, at("request-signoff"), w.editor)).status()).toBe(200);
      expect((await post(request, at("signoff"), w.signer, { decision: "approve" })).status()).toBe(200);
    }

    // Signed; then the layout changes: back to draft, and publishing is refused.
    const current = await (await request.get(`/api/v1/issues/${issue.id}`, { headers: w.editor })).json();
    expect(current).toMatchObject({ status: "signed", signedBy: expect.any(String) });
    const relaid = await request.put(at("layout"), { headers: w.editor, data: { sections: [{ heading: "工作动态", articleIds: [...issue.articleIds].reverse() }], version: current.version } });
    expect(relaid.status()).toBe(200);
    expect(await (await request.get(`/api/v1/issues/${issue.id}`, { headers: w.editor })).json()).toMatchObject({ status: "draft", signedBy: null });
    const gate = await post(request, at("publish"), w.editor);
    expect(gate.status()).toBe(409);
    expect((await gate.json()).error.code).toBe("not_signed");
    const history = (await (await request.get(at("signoff"), { headers: w.editor })).json()).history as { type: string; comment: string }[];
    expect(history.at(-1)).toMatchObject({ type: "signoff_voided", comment: "版面已调整" });
  });

  test("the demo signer leader@demo.local signs in with DEMO_PASSWORD", async ({ request }) => {
    const auth = await tokenFor(request, { email: "leader@demo.local", password: E2E.demoPassword });
    expect((await request.get("/api/v1/issues", { headers: auth })).status()).toBe(200);
    expect((await request.get("/api/v1/articles", { headers: auth })).status()).toBe(403);
  });
});

test("journey: editor asks, the leader returns on a phone, fixed, signed, a change voids it, signed again, published", async ({ browser, request }) => {
  test.setTimeout(300_000);
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  const w = await world(request, "j");
  const issue = await readyIssue(request, w, 2034);
  const title = `${w.name}2034年第${issue.number}期(总第${issue.totalNumber}期)`;
  const label = `2034年第${issue.number}期 总第${issue.totalNumber}期`;
  const editorUser = await createUser("editor");
  const editor = await desk(browser, editorUser);
  const leader = await phone(browser);
  const board = `/workspace/issues/${issue.id}`;
  const badge = (page: Page) => page.getByTestId("issue-status");

  // The editor asks for sign-off; 发布 waits for it, and says why.
  await editor.goto(board);
  await expect(editor.getByTestId("checks-ok")).toBeVisible();
  await expect(editor.getByRole("button", { name: "发布", exact: true })).toBeDisabled();
  await expect(editor.getByTestId("publish-needs-signoff")).toBeVisible();
  await editor.getByRole("button", { name: "提交签发" }).click();
  await expect(badge(editor)).toHaveText("待签发");
  await expect(editor.getByTestId("edit-guard")).toBeVisible();

  // The leader signs in on the phone (the demo account) and finds it on the desk.
  await signInThroughForm(leader, "leader@demo.local", E2E.demoPassword);
  await expect(leader.getByRole("heading", { level: 1, name: "签发工作台" })).toBeVisible();
  const card = leader.getByTestId("signoff-awaiting-list").getByRole("link").filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.click();
  await expect(leader.getByTestId("signoff-title")).toHaveText(title);
  await expect(leader.getByTestId("checks-ok")).toBeVisible();
  await expect(leader.getByRole("tabpanel")).toContainText("签发测试甲稿2034的第一段。");
  await leader.getByRole("tab", { name: "印刷版" }).click();
  await expect(leader.getByRole("tabpanel")).toContainText(`第${issue.number}期（总第${issue.totalNumber}期）`);
  await leader.screenshot({ path: "test-results/screenshots/signoff-phone-print.png", fullPage: true });
  // The page fits the phone: nothing wider than the screen but the printed sheet's own scroller.
  expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await leader.getByRole("tab", { name: "网页版" }).click();

  // 退回 needs a comment.
  await leader.getByRole("button", { name: "退回" }).click();
  await expect(leader.getByRole("alert").filter({ hasText: "退回时请填写意见" })).toBeVisible();
  await leader.getByRole("textbox", { name: "意见（退回时必填）" }).fill("乙稿第二段请补充数据来源");
  await leader.getByRole("button", { name: "退回" }).click();
  await expect(leader.getByRole("status").filter({ hasText: "已退回" })).toBeVisible();
  await expect(badge(leader)).toHaveText("编辑中");

  // The editor sees the comment, fixes the text, and asks again.
  await editor.goto("/workspace");
  await expect(editor.getByRole("link", { name: /乙稿第二段请补充数据来源/ })).toBeVisible();
  await editor.goto(board);
  await expect(editor.getByTestId("signoff-returned")).toContainText("乙稿第二段请补充数据来源");
  const b = await (await request.get(`/api/v1/articles/${issue.articleIds[1]}`, { headers: w.editor })).json();
  expect(
    (await request.patch(`/api/v1/articles/${b.id}`, { headers: w.editor, data: { html: html("签发测试乙稿2034的第一段。", "第二段，数据来源：省统计局。"), version: b.version } })).status(),
  ).toBe(200);
  await editor.reload();
  await editor.getByRole("button", { name: "提交签发" }).click();
  await expect(badge(editor)).toHaveText("待签发");

  // The leader sees what changed since the return, and signs.
  await leader.goto("/workspace");
  await expect(card).toContainText("曾退回");
  await card.click();
  const changes = leader.getByTestId("signoff-changes");
  await expect(changes).toContainText("乙稿第二段请补充数据来源");
  await expect(changes.getByTestId("changed-article")).toContainText("省统计局");
  await leader.screenshot({ path: "test-results/screenshots/signoff-phone.png", fullPage: true });
  await leader.getByRole("button", { name: "签发", exact: true }).click();
  await expect(leader.getByRole("status").filter({ hasText: "已签发" })).toBeVisible();
  await expect(badge(leader)).toHaveText("已签发");
  await leader.goto("/workspace");
  await leader.screenshot({ path: "test-results/screenshots/signoff-phone-desk.png", fullPage: true });

  // A change after signing: the board warns first, then the save takes the issue back to draft.
  await editor.reload();
  await expect(badge(editor)).toHaveText("已签发");
  await expect(editor.getByTestId("signed-by")).toContainText("王建国");
  const fields = editor.getByRole("form", { name: "本期信息" });
  await expect(fields.getByRole("textbox", { name: "按语（可选）" })).toBeDisabled();
  await editor.getByRole("button", { name: "修改本期…" }).click();
  const warn = editor.getByRole("dialog", { name: "修改会使签发失效" });
  await expect(warn).toContainText(label);
  await warn.getByRole("button", { name: "确定修改" }).click();
  await fields.getByRole("textbox", { name: "按语（可选）" }).fill("签发后补充的按语");
  await fields.getByRole("button", { name: "保存本期信息" }).click();
  await expect(badge(editor)).toHaveText("编辑中");
  await expect(editor.getByTestId("signoff-history")).toContainText("签发失效");
  await expect(editor.getByRole("button", { name: "发布", exact: true })).toBeDisabled();

  // Asked and signed again; then published through the confirmation dialog.
  await editor.getByRole("button", { name: "提交签发" }).click();
  await expect(badge(editor)).toHaveText("待签发");
  await leader.goto(`/workspace/signoff/${issue.id}`);
  await leader.getByRole("button", { name: "签发", exact: true }).click();
  await expect(badge(leader)).toHaveText("已签发");
  await editor.reload();
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  const dialog = editor.getByRole("dialog", { name: "确认发布" });
  await expect(dialog).toContainText(label);
  await expect(dialog).toContainText("2 篇");
  await expect(dialog).toContainText("王建国");
  await expect(dialog).toContainText("全部通过");
  await editor.screenshot({ path: "test-results/screenshots/publish-confirm-dialog.png" });
  await dialog.getByRole("button", { name: "确认发布" }).click();
  await expect(badge(editor)).toHaveText("已发布");

  // The reader page: the issue, and no word of who signed it.
  const reader = await request.get(`/p/${w.slug}/2034/${issue.number}`);
  expect(reader.status()).toBe(200);
  const page = await reader.text();
  expect(page).toContain("签发后补充的按语");
  expect(page).toContain("省统计局");
  expect(page).not.toContain("王建国");
  await editor.context().close();
  await leader.context().close();
});
