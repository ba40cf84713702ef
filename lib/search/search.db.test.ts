// Integration: the demo issue is indexed on publish and found by its Chinese text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/db";
import { articles, issues } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { searchArticles, searchFilters } from "./search";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

const search = (q: string, extra: Record<string, unknown> = {}) => searchArticles(anonymous, { q, ...extra });
const titles = async (q: string, extra: Record<string, unknown> = {}) => (await search(q, extra)).results.map((r) => r.title);

describe(`search (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("finds the right article for the three reference queries", async () => {
    expect(await titles("插花贫困户")).toEqual(["聊城市狠抓“六项举措”集中优势兵力重点突破"]);
    expect(await titles("法律援助")).toEqual(["省司法厅发挥职能优势服务困难群众"]);
    expect((await titles("八个精准"))[0]).toBe("威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地");
  });

  it("answers with the contract fields, a highlighted snippet and a link to the article", async () => {
    const { results, total } = await search("法律援助");
    expect(total).toBe(1);
    const [hit] = results;
    expect(hit).toMatchObject({ title: "省司法厅发挥职能优势服务困难群众", publication: "sdtp", year: 2017, number: 88, unit: "省司法厅" });
    expect(hit!.url).toBe(`/p/sdtp/2017/88#article-${hit!.articleId}`);
    expect(hit!.snippet).toContain("<mark>法律援助</mark>");
    expect(hit!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("needs the phrase, not just its characters somewhere", async () => {
    // 贫困 and 困户 both occur in every article; the phrase 插花贫困户 in one only.
    expect((await titles("贫困")).length).toBe(3);
    expect(await titles("援助法律")).toEqual([]);
  });

  it("ranks a title match first", async () => {
    // 精准 is in all three bodies but only in the 威海 article's title.
    const r = await titles("精准");
    expect(r).toHaveLength(3);
    expect(r[0]).toBe("威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地");
  });

  it("handles mixed Chinese and ASCII, numbers and one-character queries", async () => {
    expect(await titles("2倍 法律援助")).toEqual(["省司法厅发挥职能优势服务困难群众"]);
    expect(await titles("180个重点村")).toEqual(["威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地"]);
    expect((await titles("菏")).length).toBe(1);
    expect(await titles("DOES-NOT-OCCUR")).toEqual([]);
  });

  it("searches the attribution too, and filters by unit, publication and year", async () => {
    expect((await titles("省司法厅")).length).toBeGreaterThanOrEqual(1);
    expect(await titles("贫困", { unit: "威海市扶贫办" })).toEqual(["威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地"]);
    expect(await titles("贫困", { year: 2016 })).toEqual([]);
    expect(await titles("贫困", { publication: "nope" })).toEqual([]);
    expect((await titles("贫困", { publication: "sdtp", year: 2017 })).length).toBe(3);
  });

  it("paginates", async () => {
    const all = await search("贫困", { pageSize: 50 });
    const p1 = await search("贫困", { pageSize: 2, page: 1 });
    const p2 = await search("贫困", { pageSize: 2, page: 2 });
    expect(p1.total).toBe(3);
    expect([...p1.results, ...p2.results].map((r) => r.articleId)).toEqual(all.results.map((r) => r.articleId));
    expect((await search("贫困", { pageSize: 2, page: 3 })).results).toEqual([]);
  });

  it("never fails on bad input: nothing to search finds nothing, too long is a 400", async () => {
    for (const q of ["", "  ", "，。、", "&|!():*<->", "' or 1=1 --", "\\", "'''", "%_", "\u0000"]) {
      const r = await search(q);
      expect(r.results.every((x) => x.title), q).toBe(true);
    }
    expect((await search("' or 1=1 --")).results).toEqual([]);
    await expect(search("扶".repeat(10_000))).rejects.toMatchObject({ code: "bad_request" });
    await expect(search("扶".repeat(10_000))).rejects.toBeInstanceOf(AppError);
  });

  it("offers only the filters that published articles have", async () => {
    expect(await searchFilters(anonymous)).toEqual({
      publications: [{ slug: "sdtp", name: "山东脱贫攻坚简报" }],
      years: [2017],
      units: ["威海市扶贫办", "省司法厅", "聊城市扶贫办"].sort(),
    });
  });

  it("indexes the published snapshot, not later edits of the live article", async () => {
    const d = await getDb();
    await d.update(articles).set({ title: "改过的标题" }).where(sql`${articles.title} like '省司法厅%'`);
    expect(await titles("改过的标题")).toEqual([]);
    expect(await titles("法律援助")).toEqual(["省司法厅发挥职能优势服务困难群众"]);
  });

  it("uses the GIN index rather than scanning", async () => {
    const d = await getDb();
    await d.execute(sql`set enable_seqscan = off`);
    const plan = await d.execute(
      sql`explain select article_id from search_documents where tokens @@ to_tsquery('simple', ${"'法律' <-> '律援'"})`,
    );
    await d.execute(sql`set enable_seqscan = on`);
    expect(JSON.stringify((plan as unknown as { rows: unknown[] }).rows)).toContain("search_documents_tokens_idx");
  });

  it("drops a withdrawn issue from the results", async () => {
    const d = await getDb();
    await d.update(issues).set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" }).where(eq(issues.year, 2017));
    expect(await titles("法律援助")).toEqual([]);
    await d.update(issues).set({ status: "published", withdrawnAt: null, withdrawnReason: null }).where(eq(issues.year, 2017));
    expect(await titles("法律援助")).toHaveLength(1);
  });
});
