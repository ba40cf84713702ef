// Integration: importing a word-processor file makes a draft whose pictures are in the
// media store (PGlite, or PostgreSQL with DATABASE_URL).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { loadMediaBySrc } from "@/lib/media/media";
import { getArticle } from "./articles";
import { makeArticleDocx } from "@/testing/docx-fixtures";
import { importDocx } from "./import-docx";
import { getDb } from "@/db";
import { media } from "@/db/schema";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("importDocx", () => {
  it("makes a draft with the title lines, the author as attribution and the picture stored", async () => {
    const liaocheng = viewerFromUser((await findUserByEmail("liaocheng@demo.local"))!);
    const bytes = fs.readFileSync(path.join(import.meta.dirname, "fixtures/docx/title-style.docx"));
    const created = await importDocx(liaocheng, bytes);
    expect(created).toMatchObject({ status: "draft", version: 1, title: "聊城市狠抓“六项举措”集中优势兵力重点突破", warnings: [] });
    const article = await getArticle(liaocheng, created.id);
    expect(article.titleLines).toEqual(["聊城市狠抓“六项举措”", "集中优势兵力重点突破"]);
    expect(article.attribution).toBe("向婷婷");
    const src = /<img src="(\/media\/[0-9a-f]{64})" alt="贫困村分布图"/.exec(article.html)?.[1];
    expect(src).toBeTruthy();
    const stored = await loadMediaBySrc(src!);
    expect(stored?.mime).toBe("image/png");
  });

  it("lets an editor import a document a unit sent by email, for the unit named; without one, nothing is stored", async () => {
    const editor = viewerFromUser((await findUserByEmail("editor@demo.local"))!);
    const leader = viewerFromUser((await findUserByEmail("leader@demo.local"))!);
    const bytes = fs.readFileSync(path.join(import.meta.dirname, "fixtures/docx/title-style.docx"));
    const mediaRows = async () => (await (await getDb()).select({ id: media.id }).from(media)).length;
    const before = await mediaRows();
    await expect(importDocx(editor, bytes)).rejects.toMatchObject({ code: "invalid", message: "请指定供稿单位" });
    await expect(importDocx(editor, bytes, { unit: "没有这个单位" })).rejects.toMatchObject({ code: "invalid" });
    await expect(importDocx(leader, bytes, { unit: "聊城市扶贫办" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await mediaRows()).toBe(before);
    const created = await importDocx(editor, bytes, { unit: "聊城市扶贫办" });
    const article = await getArticle(editor, created.id);
    expect(article).toMatchObject({ status: "draft", unit: "聊城市扶贫办", titleLines: ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"] });
  });

  it("answers with a warning for a picture the web cannot show, and makes the draft without it", async () => {
    const weihai = viewerFromUser((await findUserByEmail("weihai@demo.local"))!);
    const created = await importDocx(weihai, await makeArticleDocx({ unsupportedPicture: true }));
    expect(created.warnings).toEqual(["1 张图片的格式网页无法显示（如 EMF、TIFF），没有导入，请另存为 PNG 或 JPEG 后插入"]);
    expect((await getArticle(weihai, created.id)).html).not.toContain("<img");
  });
});
