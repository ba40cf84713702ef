// The article API over real HTTP: create, save with versions, decisions, revisions, diff, restore, import, media.
import { test, expect, createUser, type TestUser } from "./fixtures";
import type { APIRequestContext } from "@playwright/test";
import { makePng } from "../testing/png";
import { makeArticleDocx } from "../testing/docx-fixtures";

async function auth(request: APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  return { authorization: `Bearer ${(await res.json()).token}` };
}

const doc = (...texts: string[]) => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

test("create → save → stale save 409 → submit → copy-edit → revisions, diff, restore → accept", async ({ request }) => {
  const contributor = await auth(request, await createUser("contributor", { unit: "威海市扶贫办" }));
  const editor = await auth(request, await createUser("editor"));
  const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "接口\n第二行", body: doc("坚持问题导向。") } });
  expect(created.status()).toBe(201);
  const { id, status, version } = await created.json();
  expect({ status, version }).toEqual({ status: "draft", version: 1 });
  const saved = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { body: doc("坚持问题导向，狠抓落实。"), version: 1 } });
  expect(await saved.json()).toMatchObject({ version: 2 });
  const stale = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { body: doc("旧窗口"), version: 1 } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: "conflict", current: { version: 2 } });
  expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor })).status()).toBe(200);
  const edited = await request.patch(`/api/v1/articles/${id}`, { headers: editor, data: { body: doc("坚持目标导向，狠抓落实。"), version: 2, note: "改一词" } });
  expect(edited.status()).toBe(200);
  const revisions = (await (await request.get(`/api/v1/articles/${id}/revisions`, { headers: editor })).json()).revisions;
  // Newest first; the editor's save is a revision of its own, with its note.
  expect(revisions[0]).toMatchObject({ version: 3, note: "改一词" });
  expect(revisions.at(-1).version).toBe(1);
  const diff = await (await request.get(`/api/v1/articles/${id}/diff`, { headers: editor })).json();
  expect(diff.from.label).toBe("原稿");
  expect(diff.blocks[0].segments).toEqual([
    { op: "equal", text: "坚持" },
    { op: "delete", text: "问题" },
    { op: "insert", text: "目标" },
    { op: "equal", text: "导向，狠抓落实。" },
  ]);
  const restore = await request.post(`/api/v1/articles/${id}/restore`, { headers: editor, data: { revision: diff.from.version, version: 3 } });
  expect(restore.status()).toBe(200);
  const article = await (await request.get(`/api/v1/articles/${id}`, { headers: editor })).json();
  expect(article).toMatchObject({ id, title: "接口第二行", status: "submitted", version: 4, unit: "威海市扶贫办", attribution: "威海市扶贫办" });
  expect(article.html).toBe("<p>坚持问题导向，狠抓落实。</p>");
  expect(article.events.map((e: { type: string }) => e.type)).toEqual(["created", "submitted", "edited", "edited"]);
  const noComment = await request.post(`/api/v1/articles/${id}/return`, { headers: editor, data: {} });
  expect(noComment.status()).toBe(422);
  expect((await noComment.json()).error.fields.comment).toBeTruthy();
  expect((await request.post(`/api/v1/articles/${id}/accept`, { headers: editor })).status()).toBe(200);
  const again = await request.post(`/api/v1/articles/${id}/accept`, { headers: editor });
  expect(again.status()).toBe(409);
  const notifications = await (await request.get("/api/v1/notifications", { headers: contributor })).json();
  expect(notifications.notifications[0].message).toContain("稿件已采用");
});

test("bad bodies: 400 malformed, 422 invalid document, 413 too large — and the draft is kept", async ({ request }) => {
  const contributor = await auth(request, await createUser("contributor", { unit: "省司法厅" }));
  const { id } = await (await request.post("/api/v1/articles", { headers: contributor, data: { title: "限制", body: doc("保留的正文。") } })).json();
  const malformed = await request.patch(`/api/v1/articles/${id}`, { headers: { ...contributor, "content-type": "application/json" }, data: Buffer.from("{oops") });
  expect(malformed.status()).toBe(400);
  const invalid = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { body: { type: "doc", content: [{ type: "iframe" }] }, version: 1 } });
  expect(invalid.status()).toBe(422);
  const huge = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { body: doc("字".repeat(1_100_000)), version: 1 } });
  expect(huge.status()).toBe(413);
  const long = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { title: "长".repeat(300), version: 1 } });
  expect(long.status()).toBe(422);
  const article = await (await request.get(`/api/v1/articles/${id}`, { headers: contributor })).json();
  expect(article).toMatchObject({ version: 1, html: "<p>保留的正文。</p>" });
});

test("import a .docx and upload images over HTTP", async ({ request }) => {
  const contributor = await auth(request, await createUser("contributor", { unit: "威海市扶贫办" }));
  const imported = await request.post("/api/v1/articles/import", {
    headers: contributor,
    multipart: { file: { name: "调研.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await makeArticleDocx() } },
  });
  expect(imported.status()).toBe(201);
  expect(await imported.json()).toMatchObject({ status: "draft", version: 1, title: "威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地" });
  const notDocx = await request.post("/api/v1/articles/import", { headers: contributor, multipart: { file: { name: "a.docx", mimeType: "application/octet-stream", buffer: Buffer.from("hello") } } });
  expect(notDocx.status()).toBe(422);
  // An editor imports a document a unit sent by email, naming the unit; without one, 422 naming the field.
  const editor = await auth(request, await createUser("editor"));
  const word = { file: { name: "来稿.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await makeArticleDocx() } };
  const unnamed = await request.post("/api/v1/articles/import", { headers: editor, multipart: word });
  expect(unnamed.status()).toBe(422);
  expect((await unnamed.json()).error.fields).toHaveProperty("unit");
  const forUnit = await request.post(`/api/v1/articles/import?unit=${encodeURIComponent("威海市扶贫办")}`, { headers: editor, multipart: word });
  expect(forUnit.status(), await forUnit.text()).toBe(201);
  expect(await (await request.get(`/api/v1/articles/${(await forUnit.json()).id}`, { headers: editor })).json()).toMatchObject({ status: "draft", unit: "威海市扶贫办" });
  const png = await request.post("/api/v1/media", { headers: contributor, multipart: { file: { name: "a.png", mimeType: "image/png", buffer: makePng() } } });
  expect(png.status()).toBe(201);
  const { url } = await png.json();
  expect(url).toMatch(/^\/media\/[0-9a-f]{64}$/);
  const served = await request.get(url);
  expect(served.headers()["content-type"]).toBe("image/png");
  const svg = await request.post("/api/v1/media", { headers: contributor, multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from('<svg onload="alert(1)"/>') } } });
  expect(svg.status()).toBe(422);
  expect((await request.post("/api/v1/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: makePng() } } })).status()).toBe(401);
});

test("two-line titles: titleLines on GET, and a GET → PATCH round trip keeps the lines", async ({ request }) => {
  const contributor = await auth(request, await createUser("contributor", { unit: "聊城市扶贫办" }));
  const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "第一行标题\n第二行标题", body: doc("正文。") } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const got = await (await request.get(`/api/v1/articles/${id}`, { headers: contributor })).json();
  expect(got).toMatchObject({ title: "第一行标题第二行标题", titleLines: ["第一行标题", "第二行标题"] });
  // Everything GET gave goes back, joined title included, with a new body.
  const patched = await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: { ...got, body: doc("改过的正文。") } });
  expect(patched.status()).toBe(200);
  const { titleLines: _lines, ...titleOnly } = await (await request.get(`/api/v1/articles/${id}`, { headers: contributor })).json();
  expect((await request.patch(`/api/v1/articles/${id}`, { headers: contributor, data: titleOnly })).status()).toBe(200);
  expect(await (await request.get(`/api/v1/articles/${id}`, { headers: contributor })).json()).toMatchObject({
    version: 3,
    title: "第一行标题第二行标题",
    titleLines: ["第一行标题", "第二行标题"],
    html: "<p>改过的正文。</p>",
  });
  // titleLines on POST; title and titleLines that disagree are a 422, not a silent choice.
  const byLines = await request.post("/api/v1/articles", { headers: contributor, data: { titleLines: ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"] } });
  const second = await (await request.get(`/api/v1/articles/${(await byLines.json()).id}`, { headers: contributor })).json();
  expect(second.titleLines).toEqual(["聊城市狠抓“六项举措”", "集中优势兵力重点突破"]);
  const disagree = await request.patch(`/api/v1/articles/${second.id}`, { headers: contributor, data: { ...second, titleLines: ["另一个", "标题"] } });
  expect(disagree.status()).toBe(422);
  expect((await disagree.json()).error.fields.titleLines).toBeTruthy();
});
