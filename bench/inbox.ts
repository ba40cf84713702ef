// Benchmark of the editors' inbox (the desk's list of submissions) on the
// archive of bench/editorial-archive.ts (100 units, 50,000 articles): p50/p95
// of listArticlesPage and countArticlesByStatus — the two queries every desk
// page runs — over a fixed set of inbox views: unfiltered, submissions, one
// unit, a month, a title search, a deep page by key, a contributor's desk.
// Runs on a fresh in-memory PGlite, or a fresh database on the server in
// DATABASE_URL (dropped afterwards). Writes bench/results/inbox-*.json.
//
//   npm run bench:inbox                  # PGlite
//   DATABASE_URL=postgres://… npm run bench:inbox
import { countArticlesByStatus, listArticlesPage, type ArticleFilter } from "@/lib/articles/articles";
import type { Viewer } from "@/lib/auth/permissions";
import { runDeskBench, timeRuns } from "./editorial-archive";

const editor: Viewer = { kind: "user", id: 1, role: "editor", unitId: null, name: "编辑", email: "editor@bench.local" };
const contributor: Viewer = { kind: "user", id: 17, role: "contributor", unitId: 17, name: "供稿人17", email: "u17@bench.local" };

/** The key of the page `pages` pages in (following `next` like the desk does). */
async function deepCursor(viewer: Viewer, filter: ArticleFilter, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const { next } = await listArticlesPage(viewer, { ...filter, cursor });
    if (!next) break;
    cursor = next;
  }
  return cursor!;
}

runDeskBench("inbox", "Inbox benchmark", async () => {
  const views: { name: string; viewer: Viewer; filter: ArticleFilter }[] = [
    { name: "all statuses, first page", viewer: editor, filter: {} },
    { name: "submitted (the inbox)", viewer: editor, filter: { status: "submitted" } },
    { name: "one unit", viewer: editor, filter: { unit: 42 } },
    { name: "submitted, one unit", viewer: editor, filter: { status: "submitted", unit: 42 } },
    { name: "a month (2024-03)", viewer: editor, filter: { from: "2024-03-01", to: "2024-03-31" } },
    { name: "title contains 稿件123", viewer: editor, filter: { q: "稿件123" } },
    { name: "title contains 脱贫 (none)", viewer: editor, filter: { q: "脱贫" } },
    { name: "all, page 200 by key", viewer: editor, filter: { cursor: await deepCursor(editor, {}, 200) } },
    { name: "submitted, page 100 by key", viewer: editor, filter: { status: "submitted", cursor: await deepCursor(editor, { status: "submitted" }, 100) } },
    { name: "contributor's desk", viewer: contributor, filter: {} },
  ];
  const results = [];
  for (const v of views) {
    const page = await listArticlesPage(v.viewer, v.filter);
    const counts = await countArticlesByStatus(v.viewer, v.filter);
    const list = await timeRuns(() => listArticlesPage(v.viewer, v.filter));
    const count = await timeRuns(() => countArticlesByStatus(v.viewer, v.filter));
    // The desk runs both at once; this is what one inbox page costs.
    const both = await timeRuns(() => Promise.all([listArticlesPage(v.viewer, v.filter), countArticlesByStatus(v.viewer, v.filter)]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `${v.name.padEnd(28)} list p50 ${String(list.p50ms).padStart(6)} p95 ${String(list.p95ms).padStart(6)}   counts p50 ${String(count.p50ms).padStart(6)} p95 ${String(count.p95ms).padStart(6)}   page p50 ${String(both.p50ms).padStart(6)} p95 ${String(both.p95ms).padStart(6)} ms   (${page.articles.length} rows, ${total} counted)`,
    );
    results.push({ case: v.name, filter: v.filter, rows: page.articles.length, ids: page.articles.map((a) => a.id), next: page.next, statusCounts: counts, list, counts: count, page: both });
  }
  return results;
});
