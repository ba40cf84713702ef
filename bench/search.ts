// Search latency over ≥20,000 published articles: `npm run bench:search`.
// Generates articles from the seed's paragraphs, reshuffled, into a fresh
// database (in-memory PGlite; a new database on the server with
// DATABASE_URL), indexes them with the same function publishing uses, runs 50
// fixed Chinese queries through searchArticles, prints p50/p95 and writes
// JSON under bench/results/. Not part of `npm test`.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { articles, issues, publications, units, users } from "@/db/schema";
import { anonymous } from "@/lib/auth/permissions";
import type { IssueSnapshot, SnapshotArticle } from "@/lib/issues/snapshot";
import { escapeHtml } from "@/lib/render/document";
import { indexIssueSnapshot, searchArticles, type SearchInput } from "@/lib/search/search";
import { parseQuery } from "@/lib/search/tokens";
import { parseSeed } from "@/lib/seed/parse-seed";
import { createTestDb } from "@/testing/test-db";

const ARTICLES = Number(process.env.BENCH_ARTICLES || 20_000);
const PER_ISSUE = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

const QUERIES: (string | Omit<SearchInput, "pageSize">)[] = [
  "插花贫困户", "法律援助", "八个精准", "脱贫攻坚", "精准扶贫", "扶贫资金", "贫困人口", "产业扶贫", "调查研究", "健康扶贫",
  "公证援助", "司法鉴定", "人民调解", "律师行业", "法治宣传", "重点村", "五通十有", "爱心众筹", "孝善养老", "特困人群",
  "金堤河片区", "黄河故道", "扶贫资产", "专款专用", "跑冒漏滴", "两线合一", "动态消零", "数字脱贫", "一村一法律顾问", "第一书记",
  "深调研大督查", "拿尺子量", "用条件卡", "督导组", "考核问责", "六位一体", "零容忍", "求真导向", "兜底保障", "相对贫困",
  "2倍", "180个重点村", "4.9万建档立卡", "菏泽", "临沂", "聊城", "威海", { q: "贫困", unit: "省司法厅" }, { q: "扶贫", year: 2016 },
  "不存在的词语",
];

/** A small deterministic generator, so every run builds the same articles. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const started = Date.now();
  const testDb = await createTestDb();
  const label = testDb.kind === "pg" ? "PostgreSQL" : "PGlite (in memory)";
  console.log(`Search benchmark on ${label}: generating ${ARTICLES} published articles…`);
  try {
    const seed = parseSeed(fs.readFileSync(path.join(process.cwd(), "db", "seed", "shandong-2017-88.txt"), "utf8"));
    const seedArticles = seed.sections.flatMap((s) => s.articles);
    const paragraphs = seedArticles.flatMap((a) => a.paragraphs);
    const titleLines = seedArticles.flatMap((a) => a.titleLines);
    const unitNames = [...new Set(seedArticles.map((a) => a.attribution)), "济南市扶贫办", "青岛市扶贫办", "菏泽市扶贫办", "临沂市扶贫办", "省财政厅", "省卫生计生委", "省民政厅"];
    const rand = prng(88);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

    const db = await getDb();
    const [publication] = await db.insert(publications).values({ slug: "bench", name: seed.publicationName, issuingBody: seed.source }).returning();
    const unitRows = await db.insert(units).values(unitNames.map((name) => ({ name }))).returning();
    const [author] = await db.insert(users).values({ email: "bench@bench.local", name: "bench", role: "editor", passwordHash: "x" }).returning();

    const issueCount = Math.ceil(ARTICLES / PER_ISSUE);
    let made = 0;
    let lastLog = Date.now();
    for (let i = 0; i < issueCount; i++) {
      const year = 2010 + Math.floor(i / 150);
      const number = (i % 150) + 1;
      const publishedAt = new Date(Date.UTC(year, 0, 1) + (number - 1) * 2 * 86_400_000);
      const [issue] = await db
        .insert(issues)
        .values({ publicationId: publication!.id, year, number, totalNumber: i + 1, status: "published", publishedAt, source: seed.source, editorName: seed.editor })
        .returning();
      const drafts = Array.from({ length: Math.min(PER_ISSUE, ARTICLES - made) }, () => {
        const unit = pick(unitRows);
        const count = 3 + Math.floor(rand() * 6);
        const body = Array.from({ length: count }, () => pick(paragraphs));
        const title = `${unit.name.replace(/扶贫办$/, "")}${pick(titleLines)}`;
        return { unit, body, title };
      });
      const rows = await db
        .insert(articles)
        .values(
          drafts.map((d) => ({
            unitId: d.unit.id,
            authorId: author!.id,
            publicationId: publication!.id,
            title: d.title,
            body: { type: "doc", content: d.body.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
            attribution: d.unit.name,
            status: "published" as const,
          })),
        )
        .returning({ id: articles.id });
      const snapshotArticles: SnapshotArticle[] = drafts.map((d, k) => ({
        id: rows[k]!.id,
        title: d.title,
        titleLines: [d.title],
        attribution: d.unit.name,
        unit: d.unit.name,
        html: d.body.map((p) => `<p>${escapeHtml(p)}</p>`).join(""),
        text: d.body.join("\n"),
      }));
      const snapshot: IssueSnapshot = {
        publication: { slug: "bench", name: seed.publicationName, issuingBody: seed.source, subtitle: null, showTotalNumber: true, printRecipients: null, printCc: null, printIssuer: null, printCopies: null },
        issueId: issue!.id,
        series: "regular",
        year,
        number,
        totalNumber: i + 1,
        title: `${seed.publicationName}${year}年第${number}期`,
        source: seed.source,
        editor: seed.editor,
        note: null,
        publishedAt: publishedAt.toISOString(),
        sections: [{ heading: null, articles: snapshotArticles }],
      };
      await db.transaction((tx) => indexIssueSnapshot(tx, snapshot));
      made += drafts.length;
      if (Date.now() - lastLog > 10_000) {
        console.log(`  ${made} articles indexed`);
        lastLog = Date.now();
      }
    }
    // What autovacuum would have done on a live database.
    await db.execute(sql`analyze`);
    const generatedIn = (Date.now() - started) / 1000;
    const n = (await executeRows<{ n: number }>(db, sql`select count(*)::int as n from search_documents`))[0]!.n;
    console.log(`Indexed ${n} articles in ${generatedIn.toFixed(1)} s. Running ${QUERIES.length} queries × ${ROUNDS} rounds (+1 warm-up)…`);

    const inputs: SearchInput[] = QUERIES.map((q) => (typeof q === "string" ? { q } : q));
    const timings: number[] = [];
    const perQuery = inputs.map((input) => ({ input, total: 0, ms: [] as number[] }));
    for (let round = 0; round <= ROUNDS; round++) {
      for (const entry of perQuery) {
        const t0 = performance.now();
        const result = await searchArticles(anonymous, entry.input);
        const ms = performance.now() - t0;
        entry.total = result.total;
        if (round > 0) {
          timings.push(ms);
          entry.ms.push(ms);
        }
      }
    }
    timings.sort((a, b) => a - b);
    const p50 = percentile(timings, 50);
    const p95 = percentile(timings, 95);
    // How the database answers: a rare phrase, a common one, and one that occurs nowhere.
    const plans: Record<string, string[]> = {};
    for (const q of ["插花贫困户", "脱贫攻坚", "不存在的词语"]) {
      const parsed = parseQuery(q);
      if (!parsed.ok) continue;
      // As searchArticles runs it (enable_seqscan off, see there).
      const rows = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return executeRows<{ "QUERY PLAN": string }>(
          tx,
          sql`explain analyze select article_id from search_documents where tokens @@ to_tsquery('simple', ${parsed.tsquery})`,
        );
      });
      plans[q] = rows.map((r) => r["QUERY PLAN"].trim());
    }
    console.log(`\n${label}, ${n} articles, ${timings.length} timed searches:`);
    console.log(`  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${timings.at(-1)!.toFixed(1)} ms`);
    const slow = [...perQuery].sort((a, b) => Math.max(...b.ms) - Math.max(...a.ms)).slice(0, 5);
    console.log("  slowest:", slow.map((s) => `${s.input.q} (${s.total} hits, ${Math.max(...s.ms).toFixed(0)} ms)`).join("; "));
    for (const [q, plan] of Object.entries(plans)) console.log(`  plan for ${q}: ${plan.join(" | ")}`);

    const out = {
      database: label,
      articles: n,
      issues: issueCount,
      queries: QUERIES.length,
      rounds: ROUNDS,
      timedSearches: timings.length,
      p50Ms: Number(p50.toFixed(2)),
      p95Ms: Number(p95.toFixed(2)),
      maxMs: Number(timings.at(-1)!.toFixed(2)),
      generateSeconds: Number(generatedIn.toFixed(1)),
      plans,
      perQuery: perQuery.map((e) => ({ ...e.input, hits: e.total, medianMs: Number([...e.ms].sort((a, b) => a - b)[Math.floor(e.ms.length / 2)]!.toFixed(2)) })),
      node: process.version,
      at: new Date().toISOString(),
    };
    const dir = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `search-${testDb.kind}-${out.at.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(out, null, 2));
    console.log(`  written ${path.relative(process.cwd(), file)}`);
  } finally {
    await testDb.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
