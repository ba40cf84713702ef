// Integration: a query with more matches than TOTAL_CAP. Its pages are read
// newest first without looking at every match, so the order, the phrase
// check and the capped total are checked here against a plain computation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { anonymous } from "@/lib/auth/permissions";
import { executeRows, getDb } from "@/db";
import { articles, issues, publications, units, users } from "@/db/schema";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { indexIssueSnapshot, searchArticles, TOTAL_CAP } from "./search";

interface Doc {
  id: number;
  title: string;
  text: string;
  unit: string;
  issue: "old" | "new";
  publishedAt: Date;
}

const PHRASE_BODY = "各地开展法律援助进社区活动。";
// 法律, 律援 and 援助 all occur, but never as 法律援助: the GIN index finds it, the phrase check must not.
const APART_BODY = "法律服务进村，律援中心挂牌，援助困难群众。";
const OLD_MATCHES = TOTAL_CAP + 60;
const NEW_APART = 400;
const OLD_AT = new Date("2018-03-01T02:00:00Z");
const NEW_AT = new Date("2019-06-01T02:00:00Z");

let testDb: TestDb;
const docs: Doc[] = [];
let oldIssueId = 0;

/** Publishes one issue of `count` articles made by `make(k)`, indexed as publishing does. */
async function publish(year: number, publishedAt: Date, count: number, make: (k: number) => { title: string; text: string; unit: "甲单位" | "乙单位" }) {
  const db = await getDb();
  const [pub] = await db.select().from(publications);
  const unitRows = await db.select().from(units);
  const [author] = await db.select().from(users);
  const [issue] = await db
    .insert(issues)
    .values({ publicationId: pub!.id, year, number: 1, totalNumber: year, status: "published", publishedAt, source: "测试", editorName: "测试" })
    .returning();
  const drafts = Array.from({ length: count }, (_, k) => make(k));
  const rows = await db
    .insert(articles)
    .values(
      drafts.map((d) => ({
        unitId: unitRows.find((u) => u.name === d.unit)!.id,
        authorId: author!.id,
        publicationId: pub!.id,
        title: d.title,
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: d.text }] }] },
        attribution: d.unit,
        status: "published" as const,
      })),
    )
    .returning({ id: articles.id });
  const snapshot: IssueSnapshot = {
    publication: { slug: pub!.slug, name: pub!.name, issuingBody: "测试", subtitle: null, showTotalNumber: true, printRecipients: null, printCc: null, printIssuer: null, printCopies: null },
    issueId: issue!.id,
    series: "regular",
    year,
    number: 1,
    totalNumber: year,
    title: `测试${year}年第1期`,
    source: "测试",
    editor: "测试",
    note: null,
    publishedAt: publishedAt.toISOString(),
    sections: [
      {
        heading: null,
        articles: drafts.map((d, k) => ({ id: rows[k]!.id, title: d.title, titleLines: [d.title], attribution: d.unit, unit: d.unit, html: "", text: d.text })),
      },
    ],
  };
  await db.transaction((tx) => indexIssueSnapshot(tx, snapshot));
  drafts.forEach((d, k) => docs.push({ id: rows[k]!.id, ...d, issue: year === 2018 ? "old" : "new", publishedAt }));
  return issue!.id;
}

beforeAll(async () => {
  testDb = await createTestDb();
  const db = await getDb();
  await db.insert(publications).values({ slug: "many", name: "测试简报", issuingBody: "测试" });
  await db.insert(units).values([{ name: "甲单位" }, { name: "乙单位" }]);
  await db.insert(users).values({ email: "many@test.local", name: "测试", role: "editor", passwordHash: "x" });
  // The older issue holds every match (every 50th with the phrase in its title
  // too); the newer one only articles with the characters apart, so the newest
  // articles do not match at all.
  oldIssueId = await publish(2018, OLD_AT, OLD_MATCHES, (k) => ({
    title: k % 50 === 7 ? `第${k}篇 法律援助经验` : `第${k}篇 工作动态`,
    text: PHRASE_BODY,
    unit: k % 3 === 0 ? "乙单位" : "甲单位",
  }));
  await publish(2019, NEW_AT, NEW_APART, (k) => ({ title: `新${k}篇 法律服务`, text: APART_BODY, unit: "甲单位" }));
}, 180_000);
afterAll(() => testDb?.drop());

/** The matches of `needle` in search order, computed without the database. */
function expectedOrder(needle = "法律援助", filter: (d: Doc) => boolean = () => true) {
  const matches = docs.filter((d) => `${d.title}${d.text}`.includes(needle) && filter(d));
  const inTitle = (d: Doc) => (d.title.includes(needle) ? 0 : 1);
  return matches
    .sort((a, b) => inTitle(a) - inTitle(b) || b.publishedAt.getTime() - a.publishedAt.getTime() || a.id - b.id)
    .map((d) => d.id);
}

const ids = async (input: Parameters<typeof searchArticles>[1]) => (await searchArticles(anonymous, input)).results.map((r) => r.articleId);

describe(`search with more than ${TOTAL_CAP} matches (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("reports the total as a lower bound at the cap", async () => {
    const r = await searchArticles(anonymous, { q: "法律援助" });
    expect(r).toMatchObject({ total: TOTAL_CAP, totalIsLowerBound: true, page: 1, pageSize: 10 });
    expect(r.results).toHaveLength(10);
    // Under the cap it is exact: the newer issue alone has 400 (non-phrase) 法律 articles.
    expect(await searchArticles(anonymous, { q: "法律服务" })).toMatchObject({ total: NEW_APART, totalIsLowerBound: false });
  });

  it("puts title matches first, then newest first, and never a document with the characters apart", async () => {
    const expected = expectedOrder();
    expect(expected.length).toBe(OLD_MATCHES);
    expect(await ids({ q: "法律援助" })).toEqual(expected.slice(0, 10));
    expect(await ids({ q: "法律援助", page: 2, pageSize: 50 })).toEqual(expected.slice(50, 100));
    // The last page inside the cap, and one past it: still in order, still only phrases.
    expect(await ids({ q: "法律援助", page: 100 })).toEqual(expected.slice(990, 1000));
    expect(await ids({ q: "法律援助", page: 106 })).toEqual(expected.slice(1050, 1060));
    expect(await ids({ q: "法律援助", page: 107 })).toEqual([]);
  });

  it("paginates stably: consecutive pages are one longer page", async () => {
    for (const q of ["法律援助", "援助"]) {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(...(await ids({ q, page, pageSize: 20 })));
      expect(pages, q).toEqual([...(await ids({ q, pageSize: 50 })), ...(await ids({ q, page: 6, pageSize: 10 }))]);
      expect(pages, q).toEqual(expectedOrder(q).slice(0, 60));
    }
  });

  it("filters by unit and drops a withdrawn issue", async () => {
    const byUnit = await searchArticles(anonymous, { q: "法律援助", unit: "乙单位", pageSize: 50 });
    const expected = expectedOrder("法律援助", (d) => d.unit === "乙单位");
    expect(byUnit).toMatchObject({ total: expected.length, totalIsLowerBound: false });
    expect(byUnit.results.map((r) => r.articleId)).toEqual(expected.slice(0, 50));

    const db = await getDb();
    await db.update(issues).set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: "测试" }).where(eq(issues.id, oldIssueId));
    try {
      expect(await searchArticles(anonymous, { q: "法律援助" })).toMatchObject({ total: 0, totalIsLowerBound: false, results: [] });
    } finally {
      await db.update(issues).set({ status: "published", withdrawnAt: null, withdrawnReason: null }).where(eq(issues.id, oldIssueId));
    }
    expect((await searchArticles(anonymous, { q: "法律援助" })).totalIsLowerBound).toBe(true);
  });

  it("has title_tokens as migration 0005 fills them for rows indexed before it", async () => {
    const [row] = await executeRows<{ n: number; differ: number }>(
      await getDb(),
      sql`select count(*)::int as n, count(*) filter (where title_tokens is distinct from setweight(ts_filter(tokens, '{a}'), 'D'))::int as differ from search_documents`,
    );
    expect(row).toEqual({ n: docs.length, differ: 0 });
  });

  it("orders a query common among the newest articles the same way", async () => {
    // 援助 is in every article: the titles with 法律援助 (older) first, then the newer issue, then the older one.
    const expected = expectedOrder("援助");
    expect(expected.length).toBe(OLD_MATCHES + NEW_APART);
    expect(await searchArticles(anonymous, { q: "援助" })).toMatchObject({ total: TOTAL_CAP, totalIsLowerBound: true });
    expect(await ids({ q: "援助", pageSize: 50 })).toEqual(expected.slice(0, 50));
    expect(await ids({ q: "援助", page: 10, pageSize: 50 })).toEqual(expected.slice(450, 500));
  });
});
