// Integration: the demo loads into a fresh database and reads back exactly like the seed.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo, SEED_FILE } from "./load-demo";
import { getReaderIssue, listPublishedIssues, listPublications } from "@/lib/issues/reader";
import { seedContentLines } from "@/lib/seed/parse-seed";
import { formatDateTime } from "@/lib/format";
import { nextIssueNumbers } from "@/lib/issues/numbering";
import { getDb } from "@/db";
import { and, eq, inArray } from "drizzle-orm";
import { articleEvents, articles, issueEvents, issues, placements } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.drop());

describe(`demo (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("loads once, with the demo accounts", async () => {
    const credentials = await loadDemo({ password: "demo-password-1" });
    expect(credentials?.map((c) => c.email)).toEqual([
      "admin@demo.local",
      "editor@demo.local",
      "leader@demo.local",
      "liaocheng@demo.local",
      "weihai@demo.local",
      "sft@demo.local",
    ]);
    expect(await loadDemo()).toBeNull();
  });

  it("publishes the seed issue and lists it", async () => {
    expect(await listPublications()).toEqual([{ slug: "sdtp", name: "山东脱贫攻坚简报", issuingBody: "宣传信息组" }]);
    const list = await listPublishedIssues("sdtp");
    expect(list).toEqual([
      { series: "regular", year: 2017, number: 88, totalNumber: 225, title: "山东脱贫攻坚简报2017年第88期(总第225期)", publishedAt: "2017-08-17T02:12:00.000Z" },
    ]);
  });

  it("reads back every content line of the seed, in order", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const lines = [
      snapshot.title,
      `来源: ${snapshot.source} ${formatDateTime(snapshot.publishedAt)}`,
      ...snapshot.sections.flatMap((s) => [`【${s.heading}】`, ...s.articles.map((a) => a.title)]),
      ...snapshot.sections.flatMap((s) => [
        `【${s.heading}】`,
        ...s.articles.flatMap((a) => {
          const paragraphs = a.text.split("\n");
          return [...a.titleLines, ...paragraphs.slice(0, -1), `${paragraphs.at(-1)}(${a.attribution})`];
        }),
      ]),
      `编辑:${snapshot.editor}`,
    ];
    const squash = (l: string) => l.replace(/\s+/g, "");
    expect(lines.map(squash)).toEqual(seedContentLines(fs.readFileSync(SEED_FILE, "utf8")).map(squash));
    expect(snapshot.sections[0]!.articles[0]!.html).toContain("<strong>一、及时召开系列会议,抓落实。</strong>");
  });

  it("reads as published on the seed's date: the articles, their events and the 签发记录 carry 2017-08-17 10:12, not the loading day", async () => {
    const d = await getDb();
    const at = new Date("2017-08-17T02:12:00.000Z").getTime();
    const [demo] = await d.select().from(issues).where(and(eq(issues.year, 2017), eq(issues.number, 88)));
    const events = await d.select().from(issueEvents).where(eq(issueEvents.issueId, demo!.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["signed", "published"]));
    for (const e of events) expect(e.createdAt.getTime(), e.type).toBe(at);
    const placed = await d.select({ id: placements.articleId }).from(placements).where(eq(placements.issueId, demo!.id));
    const rows = await d.select().from(articles).where(inArray(articles.id, placed.map((p) => p.id)));
    expect(rows).toHaveLength(3);
    for (const a of rows) expect([a.status, a.updatedAt.getTime()], a.title).toEqual(["published", at]);
    const articleEventTimes = await d.select({ at: articleEvents.createdAt }).from(articleEvents).where(inArray(articleEvents.articleId, placed.map((p) => p.id)));
    expect(new Set(articleEventTimes.map((e) => e.at.getTime()))).toEqual(new Set([at]));
  });

  it("answers not found for unknown issues and publications", async () => {
    await expect(getReaderIssue("sdtp", 2017, 89)).rejects.toMatchObject({ code: "not_found" });
    await expect(getReaderIssue("nope", 2017, 88)).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers the next free numbers, restarting each year", async () => {
    const d = await getDb();
    const [pub] = await d.query.publications.findMany();
    expect(await nextIssueNumbers(d, pub!.id, 2017)).toEqual({ year: 2017, number: 89, totalNumber: 226 });
    await d.insert(issues).values({ publicationId: pub!.id, year: 2017, number: 89, totalNumber: 226 });
    expect(await nextIssueNumbers(d, pub!.id, 2018)).toEqual({ year: 2018, number: 1, totalNumber: 227 });
  });

  it("refuses duplicate numbers in the database", async () => {
    const d = await getDb();
    const [pub] = await d.query.publications.findMany();
    const dup = d.insert(issues).values({ publicationId: pub!.id, year: 2017, number: 88, totalNumber: 999 });
    await expect(dup).rejects.toSatisfy((e) => isUniqueViolation(e, "issues_publication_year_number_key"));
    const dupTotal = d.insert(issues).values({ publicationId: pub!.id, year: 2019, number: 1, totalNumber: 225 });
    await expect(dupTotal).rejects.toSatisfy((e) => isUniqueViolation(e, "issues_publication_total_number_key"));
    // An unpublished issue is invisible to readers.
    await expect(getReaderIssue("sdtp", 2017, 89)).rejects.toMatchObject({ code: "not_found" });
  });
});
