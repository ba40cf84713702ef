// Query counts of the reader and list functions, against an instrumented
// driver: the reader issue in at most 3 statements, and lists in a constant
// number of statements whatever the number of rows (no N+1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedArchive } from "@/bench/seed";
import { getDb } from "@/db";
import { listArticles } from "@/lib/articles/articles";
import { viewerFromUser } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { loadDemo } from "@/lib/demo/load-demo";
import { countQueries, type QueryCounter } from "@/testing/query-counter";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { findUserByEmail } from "@/lib/users/users";
import { listIssues } from "./assembly";
import { getReaderIssue, listPublications, listPublicationsWithLatestIssues, listPublishedIssues } from "./reader";

let db: TestDb;
let counter: QueryCounter;
let editor: Viewer;
const small = { published: 0, issues: 0, articles: 0, publications: 0, home: 0 };
let sample: { slug: string; year: number; number: number }[];

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  editor = viewerFromUser((await findUserByEmail("editor@demo.local"))!);
  counter = countQueries(await getDb());
  // The same calls on the demo alone (one issue, three articles)…
  small.published = (await counter.measure(() => listPublishedIssues("sdtp"))).queries;
  small.issues = (await counter.measure(() => listIssues(editor))).queries;
  small.articles = (await counter.measure(() => listArticles(editor, { limit: 200 }))).queries;
  small.publications = (await counter.measure(() => listPublications())).queries;
  small.home = (await counter.measure(() => listPublicationsWithLatestIssues(5))).queries;
  // …and after an archive of 40 more issues with 8 articles each.
  counter.restore();
  ({ sample } = await seedArchive(await getDb(), { issues: 40, articlesPerIssue: 8, publications: 2 }));
  counter = countQueries(await getDb());
});
afterAll(async () => {
  counter?.restore();
  await db?.drop();
});

describe("query counts", () => {
  it("counts the statements a call sends", async () => {
    const { queries, statements } = await counter.measure(() => listPublications());
    expect(queries).toBe(1);
    expect(statements[0]).toMatch(/select/i);
  });

  it("loads a reader issue in at most 3 statements", async () => {
    for (const s of [{ slug: "sdtp", year: 2017, number: 88 }, ...sample]) {
      const { result, queries } = await counter.measure(() => getReaderIssue(s.slug, s.year, s.number));
      expect(result.snapshot.sections.flatMap((x) => x.articles).length).toBeGreaterThan(0);
      expect(queries, `${s.slug} ${s.year}/${s.number}`).toBeLessThanOrEqual(3);
    }
  });

  it("lists published issues, issues and articles in as many statements for 40 issues as for one", async () => {
    const published = await counter.measure(() => listPublishedIssues(sample[0]!.slug));
    expect(published.result.length).toBe(20);
    expect(published.queries).toBe(small.published);

    const all = await counter.measure(() => listIssues(editor));
    expect(all.result.length).toBe(41);
    expect(all.queries).toBe(small.issues);

    const arts = await counter.measure(() => listArticles(editor, { limit: 200 }));
    expect(arts.result.length).toBe(200);
    expect(arts.queries).toBe(small.articles);

    expect((await counter.measure(() => listPublications())).queries).toBe(small.publications);
    // The home page: every publication with its latest issues, in one statement however many publications.
    const home = await counter.measure(() => listPublicationsWithLatestIssues(5));
    expect(home.result.length).toBeGreaterThanOrEqual(3);
    expect(home.queries).toBe(1);
    expect(small.home).toBe(1);
    for (const p of home.result) {
      expect(p.issues.map((i) => `${i.year}/${i.number}`)).toEqual((await listPublishedIssues(p.slug, 5)).map((i) => `${i.year}/${i.number}`));
      expect(p.issues.map((i) => i.title)).toEqual((await listPublishedIssues(p.slug, 5)).map((i) => i.title));
    }
    expect(small.published + small.issues + small.articles).toBeLessThanOrEqual(3);
  });
});
