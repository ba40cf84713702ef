// Integration: feed and sitemap list published issues only, with the contents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { getDb } from "@/db";
import { issues } from "@/db/schema";
import { getReaderIssue } from "@/lib/issues/reader";
import { contentsHtml, publicationAtomFeed, sitemapEntries } from "./feeds";
import { siteOrigin } from "./site-url";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const d = await getDb();
  const [seed] = await d.select().from(issues);
  // A draft issue that must appear nowhere.
  await d.insert(issues).values({ publicationId: seed!.publicationId, year: 2017, number: 89, totalNumber: 226 });
});
afterAll(() => db?.drop());

describe("Atom feed", () => {
  it("has the feed's required elements and one entry per published issue with its contents", async () => {
    const xml = await publicationAtomFeed("sdtp", "https://bulletin.example.cn");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toContain("<id>https://bulletin.example.cn/p/sdtp</id>");
    expect(xml).toContain("<title>山东脱贫攻坚简报</title>");
    expect(xml).toMatch(/<updated>2017-08-17T02:12:\d\d/);
    expect(xml).toContain("<name>宣传信息组</name>");
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toContain('<title type="html"><![CDATA[山东脱贫攻坚简报2017年第88期(总第225期)]]></title>');
    expect(entry).toContain("<id>https://bulletin.example.cn/p/sdtp/2017/88</id>");
    expect(entry).toContain('<link href="https://bulletin.example.cn/p/sdtp/2017/88"');
    expect(entry).toContain("<published>2017-08-17T02:12:00.000Z</published>");
    expect(entry).toContain("【向深度贫困进军】");
    expect(entry).toMatch(/<a href="https:\/\/bulletin.example.cn\/p\/sdtp\/2017\/88#article-\d+">省司法厅发挥职能优势服务困难群众<\/a>/);
    expect(xml).not.toContain("第89期");
    // The contents, built from the snapshot trimmed in the database, are exactly those of the full snapshot, in order.
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const url = "https://bulletin.example.cn/p/sdtp/2017/88";
    expect(entry).toContain(`<content type="html"><![CDATA[${contentsHtml(snapshot, url)}]]></content>`);
    expect(entry).toContain(`<summary type="html"><![CDATA[${snapshot.sections.flatMap((x) => x.articles.map((a) => a.title)).join("；")}]]></summary>`);
  });

  it("answers not found for an unknown publication", async () => {
    await expect(publicationAtomFeed("nope", "https://x.cn")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("sitemap", () => {
  it("lists archives and published issues, and drops a withdrawn one", async () => {
    expect((await sitemapEntries()).map((e) => e.path)).toEqual(["/p/sdtp", "/p/sdtp/2017/88"]);
    const d = await getDb();
    await d.update(issues).set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" }).where(eq(issues.number, 88));
    expect((await sitemapEntries()).map((e) => e.path)).toEqual(["/p/sdtp"]);
    expect(await publicationAtomFeed("sdtp", "https://x.cn")).not.toContain("<entry>");
    await d.update(issues).set({ status: "published", withdrawnAt: null, withdrawnReason: null }).where(eq(issues.number, 88));
  });
});

describe("siteOrigin", () => {
  it("prefers NEXTAUTH_URL, else the request's host, and refuses odd hosts", () => {
    const saved = process.env.NEXTAUTH_URL;
    try {
      delete process.env.NEXTAUTH_URL;
      expect(siteOrigin(new Headers({ host: "127.0.0.1:3210" }))).toBe("http://127.0.0.1:3210");
      expect(siteOrigin(new Headers({ host: "a.cn", "x-forwarded-proto": "https" }))).toBe("https://a.cn");
      expect(siteOrigin(new Headers({ host: 'evil"><x' }), "http://fallback")).toBe("http://fallback");
      process.env.NEXTAUTH_URL = "https://bulletin.example.cn/base";
      expect(siteOrigin(new Headers({ host: "a.cn" }))).toBe("https://bulletin.example.cn");
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved;
    }
  });
});
