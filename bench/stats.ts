// Benchmark of the statistics report (信息采用统计): 100 units, 50,000 articles
// over two years with their events, issues and placements, three versions of
// the scoring weights (bench/editorial-archive.ts). Reports p50/p95 of
// getUnitStats (ranking + monthly trend queries) for a month, a quarter, a
// year, and a year narrowed to one publication. Runs on a fresh in-memory
// PGlite, or a fresh database on the server in DATABASE_URL (dropped
// afterwards). Writes bench/results/stats-*.json.
//
//   npm run bench:stats                  # PGlite
//   DATABASE_URL=postgres://… npm run bench:stats
//   BENCH_EXPLAIN=1 npm run bench:stats  # also prints the aggregates' plans (a year; a month)
import { systemViewer } from "@/lib/auth/permissions";
import { aggregateQuery, getUnitStats } from "@/lib/stats/stats";
import { parsePeriod, trendRange } from "@/lib/stats/period";
import { explain, runDeskBench, timeRuns } from "./editorial-archive";

runDeskBench("stats", "Statistics benchmark", async () => {
  const viewer = systemViewer("bench");
  if (process.env.BENCH_EXPLAIN) {
    const year = parsePeriod("2024");
    const month = parsePeriod("2024-06");
    console.log(`-- year 2024: ranking and trend in one pass\n${await explain(aggregateQuery({ period: year, trend: trendRange(year) }, null))}`);
    console.log(`-- month 2024-06: ranking\n${await explain(aggregateQuery({ period: month }, null))}`);
    console.log(`-- month 2024-06: trend, 12 months\n${await explain(aggregateQuery({ trend: trendRange(month) }, null))}`);
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
    const row = { case: c.name, ...(await timeRuns(() => getUnitStats(viewer, c.params))), units: first.units.length, totals: first.totals };
    console.log(`${c.name.padEnd(28)} p50 ${String(row.p50ms).padStart(7)} ms   p95 ${String(row.p95ms).padStart(7)} ms   (published ${first.totals.published}, score ${first.totals.score})`);
    results.push(row);
  }
  return results;
});
