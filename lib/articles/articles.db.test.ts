// Integration: the unit boundary on reading articles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { anonymous } from "@/lib/auth/permissions";
import { getArticle, listArticles } from "./articles";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

const viewerOf = async (email: string) => viewerFromUser((await findUserByEmail(email))!);

describe("article visibility", () => {
  it("shows a contributor only their own unit's articles", async () => {
    const liaocheng = await viewerOf("liaocheng@demo.local");
    const list = await listArticles(liaocheng);
    expect(list.map((a) => a.unit)).toEqual(["聊城市扶贫办"]);
    const own = list[0]!;
    await expect(getArticle(liaocheng, own.id)).resolves.toMatchObject({ unit: "聊城市扶贫办", status: "published" });
    const weihai = await viewerOf("weihai@demo.local");
    await expect(getArticle(weihai, own.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows editors every unit's articles, with their history", async () => {
    const editor = await viewerOf("editor@demo.local");
    const list = await listArticles(editor);
    expect(list).toHaveLength(3);
    const detail = await getArticle(editor, list[0]!.id);
    expect(detail.events.map((e) => e.type)).toEqual(["submitted", "accepted", "published"]);
  });

  it("refuses the signed-out", async () => {
    await expect(listArticles(anonymous)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(getArticle(anonymous, 1)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
