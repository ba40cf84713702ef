// The editorial archive shared by the desk benchmarks (bench:stats, bench:inbox):
// 100 units, 50,000 articles over two years with their events, issues and
// placements, three versions of the scoring weights — written with a few
// set-based INSERTs into the process-wide database (a fresh test database).
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createTestDb } from "@/testing/test-db";

export const UNITS = Number(process.env.BENCH_UNITS || 100);
export const ARTICLES = Number(process.env.BENCH_ARTICLES || 50_000);
export const RUNS = Number(process.env.BENCH_RUNS || 20);

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Calls `run` once to warm up, then RUNS times; p50/p95/max in ms (one decimal). */
export async function timeRuns(run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = (n: number) => Math.round(n * 10) / 10;
  return { runs: RUNS, p50ms: ms(percentile(times, 50)), p95ms: ms(percentile(times, 95)), maxms: ms(times.at(-1)!) };
}

/** EXPLAIN ANALYZE of `query`, as text (BENCH_EXPLAIN=1 prints the slow statements' plans). */
export async function explain(query: import("drizzle-orm").SQL): Promise<string> {
  const plan = (await (await getDb()).execute(sql`explain (analyze, buffers off) ${query}`)) as unknown as { rows: Record<string, string>[] };
  return plan.rows.map((r) => Object.values(r)[0]).join("\n");
}

/**
 * Runs a desk benchmark: a fresh database (PGlite in memory, or a new database
 * on the server in DATABASE_URL), the archive seeded, `measure` run, its rows
 * written to bench/results/<name>-<database>-<time>.json, the database dropped.
 */
export function runDeskBench(name: string, title: string, measure: () => Promise<unknown[]>) {
  (async () => {
    const testDb = await createTestDb();
    try {
      console.log(`${title} on ${testDb.kind === "pg" ? "PostgreSQL" : "PGlite"}: ${UNITS} units, ${ARTICLES} articles`);
      const seeded = await seedEditorialArchive();
      console.log(`seeded ${seeded.articles} articles, ${seeded.events} events, ${seeded.placements} placements in ${seeded.seconds.toFixed(1)} s`);
      const results = await measure();
      console.log(`written ${writeResults(name, testDb.kind, { seeded, results })}`);
    } finally {
      await testDb.drop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/** Writes bench/results/<name>-<database>-<time>.json and returns its relative path. */
function writeResults(name: string, kind: string, data: Record<string, unknown>) {
  const dir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${kind}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ database: kind, units: UNITS, articles: ARTICLES, ...data, node: process.version, at: new Date().toISOString() }, null, 2));
  return path.relative(process.cwd(), file);
}

export async function seedEditorialArchive() {
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
