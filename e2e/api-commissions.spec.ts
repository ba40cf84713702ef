// The 约稿 API over real HTTP: POST and GET /api/v1/commissions as DESIGN.md
// says, visibility by unit, answering with `commissionId` on POST/PATCH
// /api/v1/articles and on the Word import, and every refusal a 4xx with the
// error shape naming the field — nothing half-saved.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";
import { makeArticleDocx } from "../testing/docx-fixtures";
import { tokenFor } from "./signoff-world";

const DAY = 86_400_000;
const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function setUp(request: APIRequestContext) {
  const admin = await tokenFor(request, await createUser("admin"));
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const ids: number[] = [];
  const names = ["甲", "乙", "丙"].map((n) => `约稿接口${n}单位${stamp}`);
  for (const name of names) {
    const res = await request.post("/api/v1/units", { headers: admin, data: { name } });
    expect(res.status()).toBe(201);
    ids.push((await res.json()).id);
  }
  const [a, b, c] = await Promise.all(names.map(async (unit) => tokenFor(request, await createUser("contributor", { unit }))));
  return {
    stamp,
    units: ids,
    admin,
    editor: await tokenFor(request, await createUser("editor")),
    signer: await tokenFor(request, await createUser("signer")),
    a: a!,
    b: b!,
    c: c!,
  };
}

async function list(request: APIRequestContext, headers: Record<string, string>) {
  const res = await request.get("/api/v1/commissions", { headers });
  expect(res.status()).toBe(200);
  return (await res.json()).commissions as { id: number; title: string; deadline: string; units: { unitId: number; status: string; late: boolean | null; articleIds: number[] }[] }[];
}

test("an editor commissions two units; each sees it, a third never does; answers count once submitted", async ({ request }) => {
  const w = await setUp(request);
  const title = `接口约稿${w.stamp}`;
  const created = await request.post("/api/v1/commissions", {
    headers: w.editor,
    data: { title, brief: '<p>请报送做法。<img src=x onerror="__xss()"></p>', deadline: future(3), unitIds: [w.units[0], w.units[1]], publication: "sdtp" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const commission = await created.json();
  expect(commission).toMatchObject({ id: expect.any(Number), title, publication: { slug: "sdtp" }, briefHtml: "<p>请报送做法。</p>" });
  expect(commission.units.map((u: { unitId: number; status: string }) => [u.unitId, u.status])).toEqual([
    [w.units[0], "open"],
    [w.units[1], "open"],
  ]);

  // The contract's list shape; a contributor sees their unit's row only; 丙 sees nothing, and 404 on the detail.
  const forEditor = (await list(request, w.editor)).find((c) => c.id === commission.id)!;
  expect(Object.keys(forEditor)).toEqual(expect.arrayContaining(["id", "title", "deadline", "units"]));
  expect(forEditor.units.map((u) => Object.keys(u))).toEqual([expect.arrayContaining(["unitId", "status", "articleIds"]), expect.arrayContaining(["unitId", "status", "articleIds"])]);
  expect((await list(request, w.a)).find((c) => c.id === commission.id)!.units.map((u) => u.unitId)).toEqual([w.units[0]]);
  expect((await list(request, w.c)).some((c) => c.id === commission.id)).toBe(false);
  const hidden = await request.get(`/api/v1/commissions/${commission.id}`, { headers: w.c });
  expect(hidden.status()).toBe(404);
  expect((await hidden.json()).error).toMatchObject({ code: "not_found", message: "约稿不存在" });
  expect((await request.get(`/api/v1/commissions/${commission.id}`, { headers: w.signer })).status()).toBe(403);
  // The notice reached 甲's contributor.
  const notices = await (await request.get("/api/v1/notifications", { headers: w.a })).json();
  expect(notices.notifications.some((n: { commissionId: number; type: string }) => n.commissionId === commission.id && n.type === "commission")).toBe(true);

  // 丙 cannot answer it: on create, on save, on import — 422 naming commissionId, and nothing made.
  const before = (await (await request.get("/api/v1/articles", { headers: w.c })).json()).articles.length;
  const refused = await request.post("/api/v1/articles", { headers: w.c, data: { title: "不该回复", html: "<p>正文</p>", commissionId: commission.id } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error).toMatchObject({ code: "invalid", fields: { commissionId: [expect.any(String)] } });
  const docx = await makeArticleDocx();
  const multipart = { file: { name: "回复.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx } };
  const imported = await request.post(`/api/v1/articles/import?commissionId=${commission.id}`, { headers: w.c, multipart });
  expect(imported.status()).toBe(422);
  expect((await imported.json()).error.fields.commissionId).toBeTruthy();
  expect((await (await request.get("/api/v1/articles", { headers: w.c })).json()).articles.length).toBe(before);
  const own = await (await request.post("/api/v1/articles", { headers: w.c, data: { title: "本单位稿件", html: "<p>正文</p>" } })).json();
  const patched = await request.patch(`/api/v1/articles/${own.id}`, { headers: w.c, data: { version: own.version, commissionId: commission.id } });
  expect(patched.status()).toBe(422);
  expect((await patched.json()).error.fields.commissionId).toBeTruthy();
  expect((await (await request.get(`/api/v1/articles/${own.id}`, { headers: w.c })).json())).toMatchObject({ version: 1, commissionId: null });

  // 甲 answers: a draft is no answer; submitted, it is (on time). The article names its commission.
  const draft = await (await request.post("/api/v1/articles", { headers: w.a, data: { title: "甲单位的回复", html: "<p>做法和成效。</p>", commissionId: commission.id } })).json();
  const stateOf = async (unitId: number, headers = w.editor) => (await (await request.get(`/api/v1/commissions/${commission.id}`, { headers })).json()).units.find((u: { unitId: number }) => u.unitId === unitId);
  expect(await stateOf(w.units[0]!)).toMatchObject({ status: "open", articleIds: [draft.id] });
  expect((await request.post(`/api/v1/articles/${draft.id}/submit`, { headers: w.a })).status()).toBe(200);
  expect(await stateOf(w.units[0]!)).toMatchObject({ status: "answered", late: false, articleIds: [draft.id], answeredAt: expect.any(String) });
  expect(await (await request.get(`/api/v1/articles/${draft.id}`, { headers: w.a })).json()).toMatchObject({ commissionId: commission.id, commission: { id: commission.id, title } });

  // 乙 answers from Word, linked by the import.
  const fromWord = await request.post(`/api/v1/articles/import?commissionId=${commission.id}`, { headers: w.b, multipart });
  expect(fromWord.status(), await fromWord.text()).toBe(201);
  const wordDraft = await fromWord.json();
  expect((await (await request.get(`/api/v1/articles/${wordDraft.id}`, { headers: w.b })).json()).commissionId).toBe(commission.id);
  expect(await stateOf(w.units[1]!)).toMatchObject({ status: "open", articleIds: [wordDraft.id] });

  // Past the deadline (the test clock): 甲 answered on time, 乙 (only a draft) missed it.
  const after = { "x-e2e-token": E2E.hookToken, "x-e2e-now": new Date(Date.now() + 4 * DAY).toISOString() };
  expect(await stateOf(w.units[0]!, { ...w.editor, ...after })).toMatchObject({ status: "answered", late: false });
  expect(await stateOf(w.units[1]!, { ...w.editor, ...after })).toMatchObject({ status: "missed", late: null });
  expect(await stateOf(w.units[1]!, { ...w.b, ...after })).toMatchObject({ status: "missed" });
});

test("bad input: 4xx with the error shape naming the field, and nothing saved", async ({ request }) => {
  const w = await setUp(request);
  const valid = { title: `校验约稿${w.stamp}`, brief: "<p>要求</p>", deadline: future(2), unitIds: [w.units[0]] };
  const count = async () => (await list(request, w.editor)).filter((c) => c.title.startsWith(`校验约稿${w.stamp}`)).length;
  const cases: [Record<string, unknown>, number, string][] = [
    [{ deadline: new Date(Date.now() - 60_000).toISOString() }, 422, "deadline"],
    [{ deadline: "2026-13-40" }, 422, "deadline"],
    [{ unitIds: [] }, 422, "unitIds"],
    [{ unitIds: [w.units[0], 999_999_999] }, 422, "unitIds"],
    [{ unitIds: "甲" }, 422, "unitIds"],
    [{ title: "" }, 422, "title"],
    [{ brief: "" }, 422, "brief"],
    [{ publication: "no-such-publication" }, 422, "publication"],
  ];
  for (const [patch, status, field] of cases) {
    const res = await request.post("/api/v1/commissions", { headers: w.editor, data: { ...valid, ...patch } });
    expect(res.status(), JSON.stringify(patch)).toBe(status);
    const { error } = await res.json();
    expect(error, JSON.stringify(patch)).toMatchObject({ code: "invalid", message: expect.any(String), fields: { [field]: [expect.any(String)] } });
  }
  // Malformed JSON: 400; the wrong people: 401 and 403 before the body is read.
  const malformed = await request.post("/api/v1/commissions", { headers: { ...w.editor, "content-type": "application/json" }, data: Buffer.from("{oops") });
  expect(malformed.status()).toBe(400);
  expect((await request.post("/api/v1/commissions", { data: valid })).status()).toBe(401);
  for (const who of [w.a, w.signer]) {
    const res = await request.post("/api/v1/commissions", { headers: who, data: valid });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  expect(await count()).toBe(0);
  // In English the field message is English.
  const en = await request.post("/api/v1/commissions", { headers: { ...w.editor, "accept-language": "en" }, data: { ...valid, unitIds: [] } });
  expect((await en.json()).error.fields.unitIds).toEqual(["Choose at least one unit"]);
  expect((await request.post("/api/v1/commissions", { headers: w.editor, data: valid })).status()).toBe(201);
  expect(await count()).toBe(1);
});

test("PATCH changes a commission with its version (stale: 409); /cancel ends it with a reason, and it takes no more answers", async ({ request }) => {
  const w = await setUp(request);
  const created = await (
    await request.post("/api/v1/commissions", { headers: w.editor, data: { title: `待修改${w.stamp}`, brief: "<p>要求</p>", deadline: future(3), unitIds: [w.units[0]] } })
  ).json();
  expect(created).toMatchObject({ version: 1, cancelled: null });

  // Change: deadline, a unit added, the brief sanitized. Version 2.
  const deadline = new Date(Date.now() + 6 * DAY);
  deadline.setMilliseconds(0);
  const changed = await request.patch(`/api/v1/commissions/${created.id}`, {
    headers: w.editor,
    data: { version: 1, deadline: deadline.toISOString(), unitIds: [w.units[0], w.units[1]], brief: '<p>新要求<script>__xss()</script></p>' },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  expect(await changed.json()).toMatchObject({ version: 2, deadline: deadline.toISOString(), briefHtml: "<p>新要求</p>", units: [{ unitId: w.units[0] }, { unitId: w.units[1] }] });
  expect((await list(request, w.b)).some((c) => c.id === created.id)).toBe(true);

  // A stale version: 409 with the error shape, and the newer change kept.
  const stale = await request.patch(`/api/v1/commissions/${created.id}`, { headers: w.editor, data: { version: 1, title: "过时的修改" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toMatchObject({ code: "conflict", message: expect.stringContaining("刷新") });
  expect(await (await request.get(`/api/v1/commissions/${created.id}`, { headers: w.editor })).json()).toMatchObject({ title: `待修改${w.stamp}`, version: 2 });

  // Refusals naming the field: a past deadline; removing a unit that has answered; contributors 403; a unit not addressed 404 on reading.
  const past = await request.patch(`/api/v1/commissions/${created.id}`, { headers: w.editor, data: { version: 2, deadline: new Date(Date.now() - DAY).toISOString() } });
  expect(past.status()).toBe(422);
  expect((await past.json()).error.fields).toHaveProperty("deadline");
  const answer = await (await request.post("/api/v1/articles", { headers: w.a, data: { title: "甲单位回复", html: "<p>做法。</p>", commissionId: created.id } })).json();
  expect((await request.post(`/api/v1/articles/${answer.id}/submit`, { headers: w.a })).status()).toBe(200);
  const removeAnswered = await request.patch(`/api/v1/commissions/${created.id}`, { headers: w.editor, data: { version: 2, unitIds: [w.units[1]] } });
  expect(removeAnswered.status()).toBe(422);
  expect((await removeAnswered.json()).error.fields.unitIds.join(" ")).toContain("已报送");
  expect((await request.patch(`/api/v1/commissions/${created.id}`, { headers: w.a, data: { version: 2, title: "越权" } })).status()).toBe(403);
  expect((await request.get(`/api/v1/commissions/${created.id}`, { headers: w.c })).status()).toBe(404);

  // Cancel: the reason is required; then 已撤销 with it for the editors and the units, and no new answer.
  const noReason = await request.post(`/api/v1/commissions/${created.id}/cancel`, { headers: w.editor, data: { version: 2, reason: " " } });
  expect(noReason.status()).toBe(422);
  expect((await noReason.json()).error.fields).toHaveProperty("reason");
  const tooLong = await request.post(`/api/v1/commissions/${created.id}/cancel`, { headers: w.editor, data: { version: 2, reason: "因".repeat(501) } });
  expect(tooLong.status()).toBe(422);
  expect((await request.post(`/api/v1/commissions/${created.id}/cancel`, { headers: w.b, data: { version: 2, reason: "越权" } })).status()).toBe(403);
  const cancelled = await request.post(`/api/v1/commissions/${created.id}/cancel`, { headers: w.editor, data: { version: 2, reason: "任务调整" } });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  expect(await cancelled.json()).toMatchObject({ version: 3, cancelled: { reason: "任务调整", at: expect.any(String) } });
  expect(await (await request.get(`/api/v1/commissions/${created.id}`, { headers: w.b })).json()).toMatchObject({ cancelled: { reason: "任务调整" } });
  const late = await request.post("/api/v1/articles", { headers: w.b, data: { title: "撤销后回复", html: "<p>正文</p>", commissionId: created.id } });
  expect(late.status()).toBe(422);
  expect((await late.json()).error).toMatchObject({ fields: { commissionId: [expect.stringContaining("已撤销")] } });
  // Cancelled: no change, no second cancellation (409); the answer already written stays linked.
  expect((await request.patch(`/api/v1/commissions/${created.id}`, { headers: w.editor, data: { version: 3, title: "撤销后修改" } })).status()).toBe(409);
  expect((await request.post(`/api/v1/commissions/${created.id}/cancel`, { headers: w.editor, data: { version: 3, reason: "再撤" } })).status()).toBe(409);
  expect((await (await request.get(`/api/v1/articles/${answer.id}`, { headers: w.a })).json()).commissionId).toBe(created.id);
});
