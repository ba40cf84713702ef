// Integration: the article workflow on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { anonymous, type Viewer } from "@/lib/auth/permissions";
import { getArticle, listArticles } from "./articles";
import { articleInputSchema, createArticle, transitionArticle, updateArticle } from "./mutations";
import { diffRevisions, listRevisions, restoreRevision } from "./revisions";
import { listNotifications, unreadCount } from "@/lib/notifications/notifications";

let db: TestDb;
let liaocheng: Viewer, weihai: Viewer, editor: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [liaocheng, weihai, editor] = await Promise.all([v("liaocheng@demo.local"), v("weihai@demo.local"), v("editor@demo.local")]);
});
afterAll(() => db?.drop());

const doc = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

describe("writing and submitting", () => {
  it("creates a draft for the contributor's unit, with the unit as attribution", async () => {
    const created = await createArticle(liaocheng, { title: "第一行\n第二行", body: doc("正文一。") });
    expect(created).toMatchObject({ status: "draft", version: 1, title: "第一行第二行" });
    const article = await getArticle(liaocheng, created.id);
    expect(article).toMatchObject({ titleLines: ["第一行", "第二行"], attribution: "聊城市扶贫办", unit: "聊城市扶贫办" });
    await expect(getArticle(weihai, created.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("converts and sanitizes HTML", async () => {
    const created = await createArticle(liaocheng, { title: "HTML", html: '<p onclick="x()">甲<script>alert(1)</script></p><img src="javascript:alert(1)">' });
    const article = await getArticle(liaocheng, created.id);
    expect(article.html).toBe("<p>甲</p>");
  });

  it("refuses bad input with clear errors", async () => {
    await expect(createArticle(liaocheng, { title: "x".repeat(201) })).rejects.toMatchObject({ code: "invalid", fields: { title: expect.any(Array) } });
    await expect(createArticle(liaocheng, { title: "x", body: { type: "doc", content: [{ type: "script" }] } })).rejects.toMatchObject({ code: "invalid" });
    const huge = doc("字".repeat(1_100_000));
    await expect(createArticle(liaocheng, { title: "x", body: huge })).rejects.toMatchObject({ code: "too_large" });
    // An unknown field is refused by the route's schema, before the service.
    expect(articleInputSchema.safeParse({ title: "x", surprise: 1 }).error?.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
    await expect(createArticle(anonymous, { title: "x" })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(createArticle(editor, { title: "x" })).rejects.toMatchObject({ code: "invalid", fields: { unit: expect.any(Array) } });
  });

  it("saves with optimistic locking: a stale version is a conflict carrying the newer text", async () => {
    const { id } = await createArticle(liaocheng, { title: "锁", body: doc("原文。") });
    const first = await updateArticle(liaocheng, id, { body: doc("第一个窗口。"), version: 1 });
    expect(first.version).toBe(2);
    await expect(updateArticle(liaocheng, id, { body: doc("第二个窗口。"), version: 1 })).rejects.toMatchObject({
      code: "conflict",
      details: { current: { version: 2, body: doc("第一个窗口。") } },
    });
    expect((await getArticle(liaocheng, id)).html).toBe("<p>第一个窗口。</p>");
  });

  it("runs the whole review cycle, with events, notifications and history", async () => {
    const { id } = await createArticle(liaocheng, { title: "审稿流程", body: doc("坚持问题导向。", "第二段。") });
    await expect(transitionArticle(weihai, id, "submit")).rejects.toMatchObject({ code: "not_found" });
    await transitionArticle(liaocheng, id, "submit");
    // Submitted: the contributor can no longer edit; the editor can.
    await expect(updateArticle(liaocheng, id, { body: doc("改"), version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(transitionArticle(liaocheng, id, "accept")).rejects.toMatchObject({ code: "forbidden" });
    await expect(transitionArticle(editor, id, "return")).rejects.toMatchObject({ code: "invalid", fields: { comment: expect.any(Array) } });
    await transitionArticle(editor, id, "return", { comment: "请补充数据" });
    expect(await unreadCount(liaocheng)).toBeGreaterThan(0);
    expect((await listNotifications(liaocheng))[0]!.message).toContain("请补充数据");
    const returned = await getArticle(liaocheng, id);
    expect(returned.status).toBe("returned");
    await updateArticle(liaocheng, id, { body: doc("坚持问题导向。", "第二段，补充了数据。"), version: returned.version });
    await transitionArticle(liaocheng, id, "submit");
    const submitted = await getArticle(editor, id);
    await updateArticle(editor, id, { body: doc("坚持目标导向。", "第二段，补充了数据。"), version: submitted.version, note: "改一处" });
    const diff = await diffRevisions(editor, id);
    expect(diff.from.label).toBe("原稿");
    expect(diff.blocks[0]).toEqual({
      kind: "changed",
      segments: [
        { op: "equal", text: "坚持" },
        { op: "delete", text: "问题" },
        { op: "insert", text: "目标" },
        { op: "equal", text: "导向。" },
      ],
    });
    expect(diff.blocks[1]).toEqual({ kind: "same", text: "第二段，补充了数据。" });
    await transitionArticle(editor, id, "accept");
    await expect(updateArticle(liaocheng, id, { body: doc("x"), version: 99 })).rejects.toMatchObject({ code: "forbidden" });
    const accepted = await getArticle(liaocheng, id);
    expect(accepted.events.map((e) => e.type)).toEqual(["created", "submitted", "returned", "submitted", "edited", "accepted"]);
    expect(accepted.events[2]).toMatchObject({ comment: "请补充数据", by: "刘栋" });
    expect(await listArticles(liaocheng, { status: "accepted" })).toEqual([expect.objectContaining({ id })]);
  });

  it("restores an old revision as a new one, keeping history", async () => {
    const { id } = await createArticle(liaocheng, { title: "恢复", body: doc("第一版。") });
    await transitionArticle(liaocheng, id, "submit");
    const a = await getArticle(editor, id);
    const saved = await updateArticle(editor, id, { body: doc("第二版。"), version: a.version, note: "编辑修改" });
    const restored = await restoreRevision(editor, id, 1, saved.version);
    expect(restored.version).toBe(saved.version + 1);
    expect((await getArticle(editor, id)).html).toBe("<p>第一版。</p>");
    const revisions = await listRevisions(editor, id);
    expect(revisions.map((r) => r.version)).toEqual([restored.version, saved.version, 1]);
    expect(revisions[0]!.note).toBe("恢复自第 1 版");
  });

  it("lets a contributor withdraw a submission before an editor acts", async () => {
    const { id } = await createArticle(liaocheng, { title: "撤回", body: doc("正文。") });
    await transitionArticle(liaocheng, id, "submit");
    await transitionArticle(liaocheng, id, "withdraw");
    expect((await getArticle(liaocheng, id)).status).toBe("draft");
    await expect(transitionArticle(liaocheng, id, "submit", { comment: "x" })).resolves.toMatchObject({ status: "submitted" });
    await transitionArticle(editor, id, "reject", { comment: "不符合要求" });
    await expect(transitionArticle(liaocheng, id, "withdraw")).rejects.toMatchObject({ code: "conflict" });
    await transitionArticle(editor, id, "reopen");
    expect((await getArticle(editor, id)).status).toBe("submitted");
  });

  it("refuses to submit an empty article", async () => {
    const { id } = await createArticle(liaocheng, { title: "" });
    await expect(transitionArticle(liaocheng, id, "submit")).rejects.toMatchObject({ code: "invalid", fields: { title: expect.any(Array) } });
  });

  it("lets exactly one of two simultaneous decisions win", async () => {
    const { id } = await createArticle(weihai, { title: "竞争", body: doc("正文。") });
    await transitionArticle(weihai, id, "submit");
    const results = await Promise.allSettled([
      transitionArticle(editor, id, "accept"),
      transitionArticle(editor, id, "return", { comment: "退回" }),
      transitionArticle(editor, id, "reject", { comment: "不采用" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["conflict", "conflict"]);
    const events = (await getArticle(editor, id)).events.map((e) => e.type);
    expect(events.filter((t) => ["accepted", "returned", "rejected"].includes(t))).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous saves of one version win", async () => {
    const { id } = await createArticle(weihai, { title: "并发保存", body: doc("原文。") });
    const results = await Promise.allSettled([
      updateArticle(weihai, id, { body: doc("甲窗口"), version: 1 }),
      updateArticle(weihai, id, { body: doc("乙窗口"), version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("conflict");
  });
});
