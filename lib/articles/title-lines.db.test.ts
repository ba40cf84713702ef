// Integration: a title printed on several lines keeps its lines through every
// way of writing it (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { getArticle } from "./articles";
import { articleUpdateSchema, createArticle, resolveTitle, transitionArticle, updateArticle } from "./mutations";

let db: TestDb;
let liaocheng: Viewer, editor: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [liaocheng, editor] = await Promise.all([v("liaocheng@demo.local"), v("editor@demo.local")]);
});
afterAll(() => db?.drop());

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
/** What a client holds after `GET /api/v1/articles/{id}`: the JSON of the article. */
const asJson = async (viewer: Viewer, id: number) => JSON.parse(JSON.stringify(await getArticle(viewer, id))) as Record<string, unknown>;
/** A save as `PATCH /api/v1/articles/{id}` makes it: the body through the route's schema, then the service. */
const patch = (viewer: Viewer, id: number, body: Record<string, unknown>) => updateArticle(viewer, id, articleUpdateSchema.parse(body));

describe("resolveTitle", () => {
  it("takes lines from titleLines or from line breaks in title", () => {
    expect(resolveTitle({ titleLines: [" 聊城市狠抓“六项举措” ", "", "集中优势兵力重点突破"] })).toBe("聊城市狠抓“六项举措”\n集中优势兵力重点突破");
    expect(resolveTitle({ title: "第一行\r\n第二行" })).toBe("第一行\n第二行");
    expect(resolveTitle({})).toBeUndefined();
  });

  it("keeps the stored lines when the joined title comes back unchanged, and takes a changed title as it is", () => {
    expect(resolveTitle({ title: "第一行第二行" }, "第一行\n第二行")).toBe("第一行\n第二行");
    expect(resolveTitle({ title: "改过的标题" }, "第一行\n第二行")).toBe("改过的标题");
    expect(resolveTitle({ title: "改过\n两行" }, "第一行\n第二行")).toBe("改过\n两行");
  });

  it("prefers titleLines when title agrees, and refuses the two when they read differently", () => {
    expect(resolveTitle({ title: "第一行第二行", titleLines: ["第一行", "第二行"] })).toBe("第一行\n第二行");
    expect(() => resolveTitle({ title: "旧标题", titleLines: ["新的", "标题"] })).toThrow(expect.objectContaining({ code: "invalid" }));
    expect(() => resolveTitle({ titleLines: ["一", "二", "三", "四", "五"] })).toThrow(expect.objectContaining({ fields: { titleLines: expect.any(Array) } }));
  });
});

describe("two-line titles through the service", () => {
  it("creates with titleLines or with a line break, and reads both back with titleLines and the joined title", async () => {
    const a = await createArticle(liaocheng, { titleLines: ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"], body: doc("正文。") });
    expect(a.title).toBe("聊城市狠抓“六项举措”集中优势兵力重点突破");
    expect(await getArticle(liaocheng, a.id)).toMatchObject({
      title: "聊城市狠抓“六项举措”集中优势兵力重点突破",
      titleLines: ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"],
    });
    const b = await createArticle(liaocheng, { title: "第一行标题\n第二行标题", body: doc("正文。") });
    expect((await getArticle(liaocheng, b.id)).titleLines).toEqual(["第一行标题", "第二行标题"]);
  });

  it("a GET then PATCH round trip, sending back everything GET gave, never loses a line", async () => {
    const { id } = await createArticle(liaocheng, { title: "第一行标题\n第二行标题", body: doc("原文。") });
    // Unchanged, then with a new body: the joined title and the lines both go back.
    let got = await asJson(liaocheng, id);
    const saved = await patch(liaocheng, id, { ...got, body: doc("改过的正文。") });
    expect(saved.version).toBe(2);
    expect(await getArticle(liaocheng, id)).toMatchObject({ titleLines: ["第一行标题", "第二行标题"], html: "<p>改过的正文。</p>" });
    // A client that knows only `title` sends back the joined title it was given.
    got = await asJson(liaocheng, id);
    const { titleLines: _dropped, ...titleOnly } = got;
    await patch(liaocheng, id, titleOnly);
    expect((await getArticle(liaocheng, id)).titleLines).toEqual(["第一行标题", "第二行标题"]);
    // The editor copy-edits after submission: the same holds.
    await transitionArticle(liaocheng, id, "submit");
    got = await asJson(editor, id);
    await patch(editor, id, { ...got, note: "校对" });
    expect(await getArticle(editor, id)).toMatchObject({ version: 4, titleLines: ["第一行标题", "第二行标题"] });
  });

  it("changes lines through titleLines alone, and refuses a PATCH whose title and titleLines disagree", async () => {
    const { id } = await createArticle(liaocheng, { title: "原来的一行", body: doc("正文。") });
    const got = await asJson(liaocheng, id);
    await patch(liaocheng, id, { ...got, title: undefined, titleLines: ["改成", "两行"] });
    expect((await getArticle(liaocheng, id)).titleLines).toEqual(["改成", "两行"]);
    const again = await asJson(liaocheng, id);
    await expect(patch(liaocheng, id, { ...again, titleLines: ["又改", "一次"] })).rejects.toMatchObject({
      code: "invalid",
      fields: { title: expect.any(Array), titleLines: expect.any(Array) },
    });
    expect((await getArticle(liaocheng, id)).titleLines).toEqual(["改成", "两行"]);
  });

  it("refuses a save naming another article or another status", async () => {
    const { id } = await createArticle(liaocheng, { title: "甲", body: doc("正文。") });
    const got = await asJson(liaocheng, id);
    await expect(patch(liaocheng, id, { ...got, id: id + 1000 })).rejects.toMatchObject({ code: "invalid", fields: { id: expect.any(Array) } });
    await expect(patch(liaocheng, id, { ...got, status: "accepted" })).rejects.toMatchObject({ code: "invalid", fields: { status: expect.any(Array) } });
    // An unknown field is refused by the route's schema, before the service.
    expect(articleUpdateSchema.safeParse({ ...got, surprise: 1 }).error?.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
    expect((await getArticle(liaocheng, id)).version).toBe(1);
  });
});
