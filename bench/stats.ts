// Benchmark of the statistics report (信息采用统计): 100 units, 50,000 articles
// over two years with their events, issues and placements, three versions of
// the scoring weights. Reports p50/p95 of getUnitStats (ranking + monthly trend
// queries) for a month, a quarter, a year, and a year narrowed to one
// publication. Runs on a fresh in-memory PGlite, or a fresh database on the
// server in DATABASE_URL (dropped afterwards). Writes bench/results/stats-*.json.
//
//   npm run bench:stats                  # PGlite
//   DATABASE_URL=postgres://… npm run bench:stats
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { systemViewer } from "@/lib/auth/permissions";
import { createTestDb } from "@/lib/testing/test-db";
import { aggregateQuery, getUnitStats } from "@/lib/stats/stats";
import { parsePeriod } from "@/lib/stats/period";

const UNITS = Number(process.env.BENCH_UNITS || 100);
const ARTICLES = Number(process.env.BENCH_ARTICLES || 50_000);
const RUNS = Number(process.env.BENCH_RUNS || 20);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function seed() {
  const db = await getDb();
  const started = performance.now();
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`insert into units (name) select '单位' || i from generate_series(1, ${UNITS}) i`);
  await db.execute(sql`
    insert into users (email, name, role, unit_id, password_hash)
    select 'u' || i || '@bench.local', '供稿人' || i, 'contributor', i, 'x' from generate_series(1, ${UNITS}) i`);
  await db.execute(sql`
    insert into publications (slug, name, issuing_body) values ('b1', '一号简报', '组'), ('b2', '二号简报', '组')`);
  // Article i: unit 1 + i % UNITS, submitted at a time spread over 2023–2024.
  await db.execute(sql`
    insert into articles (unit_id, author_id, publication_id, title, body, attribution, status, created_at, updated_at)
    select 1 + (i % ${UNITS}), 1 + (i % ${UNITS}), 1 + (i % 2), '稿件' || i, '{"type":"doc"}'::jsonb, '单位',
           case when i % 100 < 56 then 'published' when i % 100 < 70 then 'accepted' when i % 100 < 85 then 'rejected' else 'submitted' end,
           t, t
    from generate_series(1, ${ARTICLES}) i,
         lateral (select timestamptz '2023-01-01 00:00+08' + (random() * interval '730 days') + (i * interval '0 seconds') as t) ts`);
  const events = (type: string, offset: string, where: string) =>
    db.execute(sql`
      insert into article_events (article_id, type, created_at)
      select id, ${type}, created_at + ${offset}::interval from articles where ${sql.raw(where)}`);
  await events("created", "0 days", "true");
  await events("submitted", "1 hour", "true");
  await events("returned", "1 day", "id % 5 = 0"); // a fifth are returned once and resubmitted
  await events("submitted", "2 days", "id % 5 = 0");
  await events("accepted", "3 days", "id % 100 < 70");
  await events("rejected", "3 days", "id % 100 >= 70 and id % 100 < 85");
  await events("published", "10 days", "id % 100 < 56");
  // Issues of ten articles each; placement position 0 is the lead.
  const issueCount = Math.ceil(ARTICLES / 10);
  await db.execute(sql`
    insert into issues (publication_id, year, number, total_number, status, published_at)
    select 1 + (k % 2), 2000 + k / 1000, 1 + k % 1000, k + 1, 'published', now() from generate_series(0, ${issueCount - 1}) k`);
  await db.execute(sql`
    insert into placements (issue_id, article_id, position)
    select 1 + (id - 1) / 10, id, (id - 1) % 10 from articles where id % 100 < 56`);
  await db.execute(sql`
    insert into scoring_weights (weights, effective_from) values
      ('{"submitted":0,"accepted":1,"published":10,"lead":5}', '2023-01-01 00:00+08'),
      ('{"submitted":0.5,"accepted":2,"published":12,"lead":6}', '2023-09-01 00:00+08'),
      ('{"submitted":1,"accepted":2,"published":15,"lead":8}', '2024-04-15 00:00+08')`);
  await db.execute(sql`analyze`);
  const [counts] = (
    (await db.execute(sql`select (select count(*) from articles)::int as articles, (select count(*) from article_events)::int as events, (select count(*) from placements)::int as placements`)) as unknown as {
      rows: { articles: number; events: number; placements: number }[];
    }
  ).rows;
  return { seconds: (performance.now() - started) / 1000, ...counts! };
}

async function main() {
  const testDb = await createTestDb();
  try {
    console.log(`Statistics benchmark on ${testDb.kind === "pg" ? "PostgreSQL" : "PGlite"}: ${UNITS} units, ${ARTICLES} articles`);
    const seeded = await seed();
    console.log(`seeded ${seeded.articles} articles, ${seeded.events} events, ${seeded.placements} placements in ${seeded.seconds.toFixed(1)} s`);
    const viewer = systemViewer("bench");
    if (process.env.BENCH_EXPLAIN) {
      const p = parsePeriod("2024");
      const q = aggregateQuery(p.from, p.to, null, "unit");
      const plan = (await (await getDb()).execute(sql`explain (analyze, buffers off) ${q}`)) as unknown as { rows: Record<string, string>[] };
      console.log(plan.rows.map((r) => Object.values(r)[0]).join("\n"));
    }
    const cases: { name: string; params: Record<string, string> }[] = [
      { name: "month 2024-06", params: { period: "2024-06" } },
      { name: "quarter 2024-Q2", params: { period: "2024-Q2" } },
      { name: "year 2024", params: { period: "2024" } },
      { name: "year 2024, one publication", params: { period: "2024", publication: "b1" } },
    ];
    const results = [];
    for (const c of cases) {
      const first = await getUnitStats(viewer, c.params);
      await getUnitStats(viewer, c.params); // warm
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await getUnitStats(viewer, c.params);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const row = {
        case: c.name,
        runs: RUNS,
        p50ms: Math.round(percentile(times, 50) * 10) / 10,
        p95ms: Math.round(percentile(times, 95) * 10) / 10,
        maxms: Math.round(times.at(-1)! * 10) / 10,
        units: first.units.length,
        totals: first.totals,
      };
      console.log(`${c.name.padEnd(28)} p50 ${String(row.p50ms).padStart(7)} ms   p95 ${String(row.p95ms).padStart(7)} ms   (published ${first.totals.published}, score ${first.totals.score})`);
      results.push(row);
    }
    const dir = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `stats-${testDb.kind}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify({ database: testDb.kind, units: UNITS, articles: ARTICLES, seeded, results, node: process.version, at: new Date().toISOString() }, null, 2));
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    await testDb.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
